package org.vsmap.pipeline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Honour;
import org.vsmap.geo.port.Honours;

/**
 * Honours in the relational store. They are few (dozens a year per city) and shown on many pages
 * (badges on the map's hits), so the public list is read whole and kept: read again in the
 * background once it is two seconds old and asked for, answered meanwhile from the list in hand.
 * While the database cannot be reached the last list goes on being served — search, the map and the
 * tiles answer from the index during an outage, and their badges must not wait on the store.
 */
public final class JdbiHonours implements Honours {
  static final String COLUMNS =
      "id, title, honour_year, level, awarded_by, subject, subject_id, region_code, volunteer_name, citation, "
          + "synthetic, ST_X(geom) AS lon, ST_Y(geom) AS lat";
  static final String ORDER =
      " ORDER BY honour_year DESC, CASE level WHEN 'NATIONAL' THEN 0 WHEN 'PROVINCE' THEN 1 WHEN 'CITY' THEN 2 ELSE 3 END, "
          + "title, id";
  private final Jdbi jdbi;

  /** The public list, one entry. */
  private final com.github.benmanes.caffeine.cache.LoadingCache<Boolean, List<Honour>> kept;

  public JdbiHonours(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.kept =
        com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .refreshAfterWrite(java.time.Duration.ofSeconds(2))
            .build(
                new com.github.benmanes.caffeine.cache.CacheLoader<Boolean, List<Honour>>() {
                  @Override
                  public List<Honour> load(Boolean all) {
                    return jdbi.withHandle(
                        h ->
                            h.createQuery(
                                    "SELECT "
                                        + COLUMNS
                                        + " FROM honour WHERE retired_at IS NULL"
                                        + ORDER)
                                .map((rs, ctx) -> map(rs))
                                .list());
                  }

                  @Override
                  public List<Honour> reload(Boolean all, List<Honour> inHand) {
                    try {
                      return load(all);
                    } catch (RuntimeException storeDown) {
                      return inHand; // the outage is reported by the index follower; the badges
                      // keep the last list
                    }
                  }
                });
  }

  @Override
  public List<Honour> honours() {
    return kept.get(Boolean.TRUE);
  }

  public Optional<Honour> honourById(String id) {
    return jdbi.withHandle(h -> byId(h, id));
  }

  public static Optional<Honour> byId(Handle h, String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM honour WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** The column list of {@link #read}, for exports that add their own FROM and WHERE. */
  public static String columns() {
    return COLUMNS;
  }

  public static Honour read(ResultSet rs) throws SQLException {
    return map(rs);
  }

  static Honour map(ResultSet rs) throws SQLException {
    double lon = rs.getDouble("lon");
    GeoPoint p = rs.wasNull() ? null : new GeoPoint(lon, rs.getDouble("lat"));
    return new Honour(
        rs.getString("id"),
        rs.getString("title"),
        rs.getInt("honour_year"),
        Honour.HonourLevel.valueOf(rs.getString("level")),
        rs.getString("awarded_by"),
        Honour.HonourSubject.valueOf(rs.getString("subject")),
        rs.getString("subject_id"),
        rs.getString("region_code"),
        rs.getString("volunteer_name"),
        rs.getString("citation"),
        rs.getBoolean("synthetic"),
        p);
  }

  /** Inserts or rewrites an honour (un-retiring it) inside the caller's transaction. */
  public static void put(Handle h, Honour x, String source, Timestamp now) {
    h.createUpdate("DELETE FROM honour WHERE id = :id").bind("id", x.id()).execute();
    h.createUpdate(
            "INSERT INTO honour (id, title, honour_year, level, awarded_by, subject, subject_id, region_code, volunteer_name, citation, "
                + "synthetic, geom, source, updated_at) VALUES (:id, :title, :year, :level, :by, :subject, :sid, :region, :name, :citation, "
                + ":synthetic, ST_GeomFromText(:geom, 4326), :source, :now)")
        .bind("id", x.id())
        .bind("title", x.title())
        .bind("year", x.year())
        .bind("level", x.level().name())
        .bind("by", x.awardedBy())
        .bind("subject", x.subject().name())
        .bind("sid", x.subjectId())
        .bind("region", x.regionCode())
        .bind("name", x.volunteerName())
        .bind("citation", x.citation())
        .bind("synthetic", x.synthetic())
        .bind("geom", x.point() == null ? null : x.point().wkt())
        .bind("source", source)
        .bind("now", now)
        .execute();
  }

  /**
   * Moves honours with their subjects: every public honour whose point is not its station's,
   * activity's or team's home station's point now gets that point (inside the caller's transaction,
   * after stations, teams or activities were written). Honours are few, so this reads them all.
   */
  public static void followSubjects(Handle h, Timestamp now) {
    // which honours, where their subject's point is (as s.geom), and how a row of it matches the
    // honour
    String[][] subjects = {
      {"subject = 'STATION'", "station s", "s.id = honour.subject_id"},
      {"subject = 'ACTIVITY'", "activity s", "s.id = honour.subject_id"},
      {
        "subject IN ('TEAM', 'VOLUNTEER')",
        "team t JOIN station s ON s.id = t.home_station_id",
        "t.id = honour.subject_id"
      }
    };
    for (String[] x : subjects) {
      String from = " FROM " + x[1] + " WHERE " + x[2];
      h.createUpdate(
              "UPDATE honour SET geom = (SELECT s.geom"
                  + from
                  + "), updated_at = :now WHERE "
                  + x[0]
                  + " AND retired_at IS NULL AND EXISTS (SELECT 1"
                  + from
                  + ")"
                  + " AND NOT EXISTS (SELECT 1"
                  + from
                  + " AND honour.geom IS NOT NULL AND ST_Equals(s.geom, honour.geom))")
          .bind("now", now)
          .execute();
    }
  }

  /**
   * Where the subject of an honour is now (its station, activity, team's home station or
   * community), or null.
   */
  public static GeoPoint placeOf(Handle h, Honour x) {
    String sql =
        switch (x.subject()) {
          case STATION -> "SELECT ST_X(geom), ST_Y(geom) FROM station WHERE id = :id";
          case ACTIVITY -> "SELECT ST_X(geom), ST_Y(geom) FROM activity WHERE id = :id";
          case TEAM, VOLUNTEER ->
              "SELECT ST_X(s.geom), ST_Y(s.geom) FROM team t JOIN station s ON s.id = t.home_station_id WHERE t.id = :id";
          case COMMUNITY ->
              "SELECT ST_X(centroid), ST_Y(centroid) FROM region WHERE code = :id AND centroid IS NOT NULL";
        };
    if (x.subjectId() == null) {
      return null;
    }
    return h.createQuery(sql)
        .bind("id", x.subjectId())
        .map((rs, ctx) -> new GeoPoint(rs.getDouble(1), rs.getDouble(2)))
        .findOne()
        .orElse(null);
  }
}
