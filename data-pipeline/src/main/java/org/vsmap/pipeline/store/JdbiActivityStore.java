package org.vsmap.pipeline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Joining;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.ActivityStore;

/** Activities in the relational store; times are China local time (UTC+8) without zone. */
public final class JdbiActivityStore implements ActivityStore {
  private static final String COLUMNS =
      "id, title, description, theme, organiser_team_id, station_id, region_code, "
          + "ST_X(geom) AS lon, ST_Y(geom) AS lat, starts_at, ends_at, recurrence, volunteers_wanted, volunteers_signed_up, "
          + "records_service_hours, published_nationally, synthetic, participants, approximate, "
          + "project_id, signup_url, signup_method, signup_deadline, office_line";
  static final String SELECT_ANY = "SELECT " + COLUMNS + " FROM activity ";
  private static final String SELECT = SELECT_ANY + "WHERE retired_at IS NULL ";

  private final Jdbi jdbi;

  public JdbiActivityStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<Activity> activityById(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + "AND id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public List<Activity> activities() {
    return jdbi.withHandle(
        h -> h.createQuery(SELECT + "ORDER BY id").map((rs, ctx) -> map(rs)).list());
  }

  @Override
  public void forEachActivity(java.util.function.Consumer<Activity> sink) {
    Streaming.each(jdbi, SELECT + "ORDER BY id", JdbiActivityStore::map, sink);
  }

  @Override
  public List<Activity> activitiesAt(String stationId, LocalDateTime from, int limit) {
    return upcoming("station_id", stationId, from, limit);
  }

  @Override
  public List<Activity> activitiesBy(String teamId, LocalDateTime from, int limit) {
    return upcoming("organiser_team_id", teamId, from, limit);
  }

  /**
   * The public activities with exactly this title that begin on {@code day} or in the weeks before
   * it (a weekly one may take place that day), for a photo list that names an activity by title and
   * date; read through the start index.
   */
  public List<Activity> titledAround(String title, java.time.LocalDate day) {
    LocalDateTime from = day.minusWeeks(Recurrence.WEEKLY.occurrences() - 1L).atStartOfDay();
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + "AND starts_at >= :from AND starts_at < :to AND title = :title ORDER BY id")
                .bind("from", Timestamp.valueOf(from))
                .bind("to", Timestamp.valueOf(day.plusDays(1).atStartOfDay()))
                .bind("title", title)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  /**
   * Most weekly series still running at one station or for one team that are read (more would be a
   * data error).
   */
  private static final int MAX_RUNNING_SERIES = 1000;

  /**
   * The activities with {@code column = value} that have an occurrence ending after {@code from},
   * by their next occurrence: those whose first occurrence has not ended (their next is their
   * first: soonest {@code limit} by start) and the weekly series that began in the weeks before and
   * still run (their next is within a week); merged in Java, where a week's arithmetic is the same
   * on both databases.
   */
  private List<Activity> upcoming(String column, String value, LocalDateTime from, int limit) {
    LocalDateTime seriesFrom = from.minusWeeks(Recurrence.WEEKLY.occurrences() - 1L);
    List<Activity> found =
        new java.util.ArrayList<>(
            jdbi.withHandle(
                h ->
                    h.createQuery(
                            SELECT
                                + "AND "
                                + column
                                + " = :value AND ends_at > :from ORDER BY starts_at, id LIMIT :limit")
                        .bind("value", value)
                        .bind("from", Timestamp.valueOf(from))
                        .bind("limit", limit)
                        .map((rs, ctx) -> map(rs))
                        .list()));
    found.addAll(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        SELECT
                            + "AND "
                            + column
                            + " = :value AND recurrence = :weekly AND ends_at <= :from AND ends_at > :seriesFrom "
                            + "ORDER BY starts_at, id LIMIT :max")
                    .bind("value", value)
                    .bind("weekly", Recurrence.WEEKLY.name())
                    .bind("from", Timestamp.valueOf(from))
                    .bind("seriesFrom", Timestamp.valueOf(seriesFrom))
                    .bind("max", MAX_RUNNING_SERIES)
                    .map((rs, ctx) -> map(rs))
                    .list()));
    return ActivityStore.soonestNext(found, from, limit);
  }

  @Override
  public List<Activity> activitiesByIds(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Activity> found = new java.util.ArrayList<>(ids.size());
    List<String> all = List.copyOf(ids);
    for (int i = 0; i < all.size(); i += 500) {
      List<String> part = all.subList(i, Math.min(all.size(), i + 500));
      found.addAll(
          jdbi.withHandle(
              h ->
                  h.createQuery(SELECT + "AND id IN (<ids>)")
                      .bindList("ids", part)
                      .map((rs, ctx) -> map(rs))
                      .list()));
    }
    return found;
  }

  @Override
  public List<Published> recentlyPublished(String regionPrefix, Theme theme, int limit) {
    if (regionPrefix != null
        && (regionPrefix.isEmpty() || !regionPrefix.chars().allMatch(c -> c >= '0' && c <= '9'))) {
      return List
          .of(); // region codes are digits: anything else (a LIKE wildcard too) names no region
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + ", published_at FROM activity WHERE retired_at IS NULL "
                        + "AND (:region IS NULL OR region_code LIKE :region) AND (:theme IS NULL OR theme = :theme) "
                        + "ORDER BY published_at DESC, id DESC LIMIT :limit")
                .bind("region", regionPrefix == null ? null : regionPrefix + "%")
                .bind("theme", theme == null ? null : theme.name())
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Published(map(rs), rs.getTimestamp("published_at").toLocalDateTime()))
                .list());
  }

  @Override
  public long activityCount() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM activity WHERE retired_at IS NULL")
                .mapTo(Long.class)
                .one());
  }

  /** Inserts activities inside the caller's transaction. */
  public static void insert(Handle h, List<Activity> activities, Timestamp published) {
    insert(h, activities, null, published);
  }

  /**
   * Inserts activities inside the caller's transaction, remembering the import source that brought
   * them.
   */
  static void insert(Handle h, List<Activity> activities, String source, Timestamp published) {
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO activity (source, id, title, description, theme, organiser_team_id, "
                + "station_id, region_code, geom, starts_at, ends_at, recurrence, volunteers_wanted, volunteers_signed_up, "
                + "records_service_hours, published_nationally, synthetic, participants, approximate, published_at, "
                + "project_id, signup_url, signup_method, signup_deadline, office_line) VALUES (:source, :id, "
                + ":title, :description, :theme, :team, :station, :region, ST_GeomFromText(:geom, 4326), :start, :end, :recurrence, "
                + ":wanted, :signed, :hours, :national, :synthetic, :participants, :approximate, :published, "
                + ":project, :signupUrl, :method, :deadline, :officeLine)");
    for (Activity a : activities) {
      batch
          .bind("source", source)
          .bind("id", a.id())
          .bind("title", a.title())
          .bind("description", a.description())
          .bind("theme", a.theme().name())
          .bind("team", a.organiserTeamId())
          .bind("station", a.stationId())
          .bind("region", a.regionCode())
          .bind("geom", a.location().wkt())
          .bind("start", Timestamp.valueOf(a.start()))
          .bind("end", Timestamp.valueOf(a.end()))
          .bind("recurrence", a.recurrence().name())
          .bind("wanted", a.volunteersWanted())
          .bind("signed", a.volunteersSignedUp())
          .bind("hours", a.recordsServiceHours())
          .bind("national", a.publishedNationally())
          .bind("synthetic", a.synthetic())
          .bind("participants", a.participants())
          .bind("approximate", a.approximate())
          .bind("published", published)
          .bindMap(joining(a))
          .add();
    }
    batch.execute();
  }

  /** Updates every column of a stored activity inside the caller's transaction (un-retiring it). */
  static void update(Handle h, Activity a, String source) {
    h.createUpdate(
            "UPDATE activity SET title = :title, description = :description, theme = :theme, "
                + "organiser_team_id = :team, station_id = :station, region_code = :region, geom = ST_GeomFromText(:geom, 4326), "
                + "starts_at = :start, ends_at = :end, recurrence = :recurrence, volunteers_wanted = :wanted, "
                + "volunteers_signed_up = :signed, records_service_hours = :hours, published_nationally = :national, "
                + "synthetic = :synthetic, participants = :participants, approximate = :approximate, source = :source, "
                + "project_id = :project, signup_url = :signupUrl, signup_method = :method, signup_deadline = :deadline, "
                + "office_line = :officeLine, retired_at = NULL WHERE id = :id")
        .bind("id", a.id())
        .bind("title", a.title())
        .bind("description", a.description())
        .bind("theme", a.theme().name())
        .bind("team", a.organiserTeamId())
        .bind("station", a.stationId())
        .bind("region", a.regionCode())
        .bind("geom", a.location().wkt())
        .bind("start", Timestamp.valueOf(a.start()))
        .bind("end", Timestamp.valueOf(a.end()))
        .bind("recurrence", a.recurrence().name())
        .bind("wanted", a.volunteersWanted())
        .bind("signed", a.volunteersSignedUp())
        .bind("hours", a.recordsServiceHours())
        .bind("national", a.publishedNationally())
        .bind("synthetic", a.synthetic())
        .bind("participants", a.participants())
        .bind("approximate", a.approximate())
        .bind("source", source)
        .bindMap(joining(a))
        .execute();
  }

  /** The sign-up columns of an activity, by parameter name. */
  private static java.util.Map<String, Object> joining(Activity a) {
    Joining j = a.joining();
    java.util.Map<String, Object> m = new java.util.HashMap<>();
    m.put("project", j.projectId());
    m.put("signupUrl", j.signUpUrl());
    m.put("method", j.method());
    m.put("deadline", j.deadline() == null ? null : Timestamp.valueOf(j.deadline()));
    m.put("officeLine", j.officeLine());
    return m;
  }

  /** The SELECT of every column (retired rows too), for exports that stream their own WHERE. */
  /** The columns {@link #read} expects, for queries that add their own FROM and WHERE. */
  public static String columns() {
    return COLUMNS;
  }

  public static String selectAll() {
    return SELECT_ANY;
  }

  /** Reads one row of {@link #selectAll()}. */
  public static Activity read(ResultSet rs) throws SQLException {
    return map(rs);
  }

  static Activity map(ResultSet rs) throws SQLException {
    return new Activity(
        rs.getString("id"),
        rs.getString("title"),
        rs.getString("description"),
        Theme.valueOf(rs.getString("theme")),
        rs.getString("organiser_team_id"),
        rs.getString("station_id"),
        rs.getString("region_code"),
        new GeoPoint(rs.getDouble("lon"), rs.getDouble("lat")),
        rs.getTimestamp("starts_at").toLocalDateTime(),
        rs.getTimestamp("ends_at").toLocalDateTime(),
        Recurrence.valueOf(rs.getString("recurrence")),
        rs.getInt("volunteers_wanted"),
        rs.getInt("volunteers_signed_up"),
        rs.getBoolean("records_service_hours"),
        rs.getBoolean("published_nationally"),
        rs.getBoolean("synthetic"),
        (Integer) rs.getObject("participants"),
        rs.getBoolean("approximate"),
        joining(rs));
  }

  private static Joining joining(ResultSet rs) throws SQLException {
    Timestamp deadline = rs.getTimestamp("signup_deadline");
    return new Joining(
        rs.getString("project_id"),
        rs.getString("signup_url"),
        rs.getString("signup_method"),
        deadline == null ? null : deadline.toLocalDateTime(),
        rs.getString("office_line"));
  }
}
