package org.vsmap.geo.port;

import java.util.List;
import org.vsmap.geo.model.Honour;

/** Reads the public honours (a city has dozens a year: they are read whole). */
public interface Honours {
  /** Every public honour, newest year first, then by level (national first) and title. */
  List<Honour> honours();

  /** The honours of one station, team or activity (or community, by region code), newest first. */
  default List<Honour> of(Honour.HonourSubject subject, String id) {
    return honours().stream()
        .filter(h -> h.subject() == subject && id.equals(h.subjectId()))
        .toList();
  }
}
