package org.vsmap.geo.model;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A volunteer service activity or project (志愿服务活动/项目). Times are local to China (UTC+8).
 *
 * @param stationId the station where it takes place, or null when it happens at another point
 * @param recordsServiceHours whether volunteers' service hours are recorded (是否记录时长)
 * @param publishedNationally whether the project is published in the national volunteer system
 * @param participants volunteers who actually took part (from an office's report), or null
 * @param approximate the location is its region's centroid, not a known place
 * @param joining how to sign up (project, link, method, deadline, office line); never null
 */
public record Activity(
    String id,
    String title,
    String description,
    Theme theme,
    String organiserTeamId,
    String stationId,
    String regionCode,
    GeoPoint location,
    LocalDateTime start,
    LocalDateTime end,
    Recurrence recurrence,
    int volunteersWanted,
    int volunteersSignedUp,
    boolean recordsServiceHours,
    boolean publishedNationally,
    boolean synthetic,
    Integer participants,
    boolean approximate,
    Joining joining) {

  public Activity {
    Require.maxLength(Require.text(id, "activity id"), 64, "activity id");
    Require.maxLength(
        Require.text(title, "title of activity " + id), 300, "title of activity " + id);
    Require.maxLength(description, 4000, "description of activity " + id);
    Objects.requireNonNull(theme, "theme of activity " + id);
    Require.text(organiserTeamId, "organiser team of activity " + id);
    Require.text(regionCode, "region code of activity " + id);
    Objects.requireNonNull(location, "location of activity " + id);
    Objects.requireNonNull(start, "start of activity " + id);
    Objects.requireNonNull(end, "end of activity " + id);
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("activity " + id + " ends before it starts");
    }
    Require.year(start.getYear(), 2000, 2100, "start year of activity " + id);
    Require.year(end.getYear(), 2000, 2100, "end year of activity " + id);
    recurrence = recurrence == null ? Recurrence.ONCE : recurrence;
    Require.nonNegative(volunteersWanted, "volunteers wanted of activity " + id);
    Require.nonNegative(volunteersSignedUp, "volunteers signed up of activity " + id);
    Require.atMost(volunteersWanted, 100_000, "volunteers wanted of activity " + id);
    Require.atMost(volunteersSignedUp, 100_000, "volunteers signed up of activity " + id);
    if (participants != null) {
      Require.nonNegative(participants, "participants of activity " + id);
      Require.atMost(participants, 1_000_000, "participants of activity " + id);
    }
    joining = joining == null ? Joining.NONE : joining;
  }

  /** An activity whose sign-up is not known. */
  public Activity(
      String id,
      String title,
      String description,
      Theme theme,
      String organiserTeamId,
      String stationId,
      String regionCode,
      GeoPoint location,
      LocalDateTime start,
      LocalDateTime end,
      Recurrence recurrence,
      int volunteersWanted,
      int volunteersSignedUp,
      boolean recordsServiceHours,
      boolean publishedNationally,
      boolean synthetic,
      Integer participants,
      boolean approximate) {
    this(
        id,
        title,
        description,
        theme,
        organiserTeamId,
        stationId,
        regionCode,
        location,
        start,
        end,
        recurrence,
        volunteersWanted,
        volunteersSignedUp,
        recordsServiceHours,
        publishedNationally,
        synthetic,
        participants,
        approximate,
        Joining.NONE);
  }

  /** The same activity with its sign-up details. */
  public Activity withJoining(Joining j) {
    return new Activity(
        id,
        title,
        description,
        theme,
        organiserTeamId,
        stationId,
        regionCode,
        location,
        start,
        end,
        recurrence,
        volunteersWanted,
        volunteersSignedUp,
        recordsServiceHours,
        publishedNationally,
        synthetic,
        participants,
        approximate,
        j);
  }

  /** An activity at a known place, participation not reported. */
  public Activity(
      String id,
      String title,
      String description,
      Theme theme,
      String organiserTeamId,
      String stationId,
      String regionCode,
      GeoPoint location,
      LocalDateTime start,
      LocalDateTime end,
      Recurrence recurrence,
      int volunteersWanted,
      int volunteersSignedUp,
      boolean recordsServiceHours,
      boolean publishedNationally,
      boolean synthetic) {
    this(
        id,
        title,
        description,
        theme,
        organiserTeamId,
        stationId,
        regionCode,
        location,
        start,
        end,
        recurrence,
        volunteersWanted,
        volunteersSignedUp,
        recordsServiceHours,
        publishedNationally,
        synthetic,
        null,
        false,
        Joining.NONE);
  }

  /** When its last occurrence ends: its end, or for a weekly activity the end of its last week. */
  public LocalDateTime lastEnd() {
    return end.plusWeeks(recurrence.occurrences() - 1L);
  }

  /**
   * The first of its occurrences that ends after {@code now} starts at this time, or null when all
   * have ended.
   */
  public LocalDateTime nextStart(LocalDateTime now) {
    for (int k = 0; k < recurrence.occurrences(); k++) {
      if (end.plusWeeks(k).isAfter(now)) {
        return start.plusWeeks(k);
      }
    }
    return null;
  }

  /** Places still open: wanted minus signed up, never negative. */
  public int placesLeft() {
    return Math.max(0, volunteersWanted - volunteersSignedUp);
  }

  /** True while volunteers are still wanted. */
  public boolean recruiting() {
    return volunteersSignedUp < volunteersWanted;
  }
}
