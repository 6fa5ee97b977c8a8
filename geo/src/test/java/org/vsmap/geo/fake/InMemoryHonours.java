package org.vsmap.geo.fake;

import java.util.ArrayList;
import java.util.List;
import org.vsmap.geo.model.Honour;
import org.vsmap.geo.port.Honours;

/** The {@link Honours} port over a list a test fills. */
public final class InMemoryHonours implements Honours {
  public final List<Honour> honours = new ArrayList<>();

  @Override
  public List<Honour> honours() {
    return List.copyOf(honours);
  }
}
