package org.vsmap.geo.port;

import java.util.List;
import java.util.Optional;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;

/** Reads administrative divisions. */
public interface RegionStore {
  Optional<Region> regionByCode(String code);

  List<Region> regionsAtLevel(RegionLevel level);

  /** The regions directly under a region, ordered by code. */
  List<Region> regionsUnder(String parentCode);

  long regionCount();
}
