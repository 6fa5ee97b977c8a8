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

  /**
   * Activities at a station with an occurrence that ends after {@code from} (a weekly activity
   * whose first week has passed is still one until its last week ends), by their next occurrence
   * ({@link Activity#nextStart}), then id.
   */
  List<Activity> activitiesAt(String stationId, LocalDateTime from, int limit);

  /**
   * Activities a team organises with an occurrence that ends after {@code from}, by their next
   * occurrence, then id.
   */
  List<Activity> activitiesBy(String teamId, LocalDateTime from, int limit);

  /**
   * The soonest {@code limit} of {@code candidates} by their next occurrence after {@code from};
   * those with none are left out.
   */
  static List<Activity> soonestNext(
      java.util.Collection<Activity> candidates, LocalDateTime from, int limit) {
    return candidates.stream()
        .filter(a -> a.nextStart(from) != null)
        .sorted(
            java.util.Comparator.comparing((Activity a) -> a.nextStart(from))
                .thenComparing(Activity::id))
        .limit(limit)
        .toList();
  }

  long activityCount();

  /**
   * The public activities among {@code ids}, in no particular order (unknown and retired ids are
   * left out).
   */
  default List<Activity> activitiesByIds(java.util.Collection<String> ids) {
    return ids.stream().distinct().map(this::activityById).flatMap(Optional::stream).toList();
  }

  /** An activity and when it first appeared in the store (China local time). */
  record Published(Activity activity, LocalDateTime at) {}

  /**
   * The most recently published public activities, newest first, optionally only those in a region
   * (its code or any code below it) or of one theme.
   */
  List<Published> recentlyPublished(
      String regionPrefix, org.vsmap.geo.model.Theme theme, int limit);

  /**
   * Every public activity, one at a time, without holding them all (the index rebuild of a national
   * store).
   */
  default void forEachActivity(java.util.function.Consumer<Activity> sink) {
    activities().forEach(sink);
  }
}
