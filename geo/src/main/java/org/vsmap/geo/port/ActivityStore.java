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

  /** The public activities among {@code ids}, in no particular order (unknown and retired ids are left out). */
  default List<Activity> activitiesByIds(java.util.Collection<String> ids) {
    return ids.stream().distinct().map(this::activityById).flatMap(Optional::stream).toList();
  }

  /** An activity and when it first appeared in the store (China local time). */
  record Published(Activity activity, LocalDateTime at) {}

  /**
   * The most recently published public activities, newest first, optionally only those in a region
   * (its code or any code below it) or of one theme.
   */
  List<Published> recentlyPublished(String regionPrefix, org.vsmap.geo.model.Theme theme, int limit);

  /** Every public activity, one at a time, without holding them all (the index rebuild of a national store). */
  default void forEachActivity(java.util.function.Consumer<Activity> sink) {
    activities().forEach(sink);
  }
}
