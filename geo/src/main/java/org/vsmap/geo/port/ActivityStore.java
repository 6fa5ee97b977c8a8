package org.vsmap.geo.port;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.vsmap.geo.model.Activity;

/** Reads volunteer activities. */
public interface ActivityStore {
  Optional<Activity> activityById(String id);

  /** All activities, ordered by id. */
  List<Activity> activities();

  /** Activities at a station that end after {@code from}, soonest first. */
  List<Activity> activitiesAt(String stationId, LocalDateTime from, int limit);

  /** Activities a team organises that end after {@code from}, soonest first. */
  List<Activity> activitiesBy(String teamId, LocalDateTime from, int limit);

  long activityCount();

  /** Every public activity, one at a time, without holding them all (the index rebuild of a national store). */
  default void forEachActivity(java.util.function.Consumer<Activity> sink) {
    activities().forEach(sink);
  }
}
