package org.vsmap.geo.port;

import java.util.List;
import java.util.Optional;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.Station;

/** Reads volunteer service stations. */
public interface StationStore {
  Optional<Station> stationById(String id);

  /** All stations, ordered by id. */
  List<Station> stations();

  /** Stations whose point lies in the box, ordered by id. */
  List<Station> stationsWithin(BBox box);

  long stationCount();

  /**
   * Every public station, one at a time, without holding them all (the index rebuild of a national
   * store).
   */
  default void forEachStation(java.util.function.Consumer<Station> sink) {
    stations().forEach(sink);
  }
}
