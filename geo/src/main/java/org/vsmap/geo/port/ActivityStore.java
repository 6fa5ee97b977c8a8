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
}
