package org.vsmap.pipeline.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.port.TeamStore;

/** Teams in the relational store. */
public final class JdbiTeamStore implements TeamStore {
  static final String SELECT_ANY =
      "SELECT id, name, level, parent_id, region_code, supervising_unit, founded, "
          + "speciality, home_station_id, member_count, synthetic, public_contact, signup_url FROM team ";
  private static final String SELECT = SELECT_ANY + "WHERE retired_at IS NULL ";

  private final Jdbi jdbi;

  public JdbiTeamStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<Team> teamById(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + "AND id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public List<Team> teams() {
    return jdbi.withHandle(
        h -> h.createQuery(SELECT + "ORDER BY id").map((rs, ctx) -> map(rs)).list());
  }

  @Override
  public void forEachTeam(java.util.function.Consumer<Team> sink) {
    Streaming.each(jdbi, SELECT + "ORDER BY id", JdbiTeamStore::map, sink);
  }

  @Override
  public List<Team> teamsBasedAt(String stationId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + "AND home_station_id = :station ORDER BY name, id")
                .bind("station", stationId)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public List<Team> teamsUnder(String parentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + "AND parent_id = :parent ORDER BY name, id")
                .bind("parent", parentId)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public long teamCount() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM team WHERE retired_at IS NULL")
                .mapTo(Long.class)
                .one());
  }

  /** Inserts teams inside the caller's transaction; parents must come before their children. */
  public static void insert(Handle h, List<Team> teams) {
    insert(h, teams, null);
  }

  /**
   * Inserts teams inside the caller's transaction, remembering the import source that brought them.
   */
  static void insert(Handle h, List<Team> teams, String source) {
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO team (source, id, name, level, parent_id, region_code, supervising_unit, "
                + "founded, speciality, home_station_id, member_count, synthetic, public_contact, signup_url) VALUES (:source, :id, "
                + ":name, :level, :parent, :region, :unit, :founded, :speciality, :station, :members, :synthetic, :contact, :signupUrl)");
    for (Team t : teams) {
      batch
          .bind("source", source)
          .bind("id", t.id())
          .bind("name", t.name())
          .bind("level", t.level().name())
          .bind("parent", t.parentId())
          .bind("region", t.regionCode())
          .bind("unit", t.supervisingUnit())
          .bind("founded", t.founded() == null ? null : Date.valueOf(t.founded()))
          .bind("speciality", t.speciality())
          .bind("station", t.homeStationId())
          .bind("members", t.memberCount())
          .bind("synthetic", t.synthetic())
          .bind("contact", t.publicContact())
          .bind("signupUrl", t.signUpUrl())
          .add();
    }
    batch.execute();
  }

  /** Updates every column of a stored team inside the caller's transaction (un-retiring it). */
  static void update(Handle h, Team t, String source) {
    h.createUpdate(
            "UPDATE team SET name = :name, level = :level, parent_id = :parent, region_code = :region, "
                + "supervising_unit = :unit, founded = :founded, speciality = :speciality, home_station_id = :station, "
                + "member_count = :members, synthetic = :synthetic, source = :source, public_contact = :contact, "
                + "signup_url = :signupUrl, retired_at = NULL WHERE id = :id")
        .bind("id", t.id())
        .bind("name", t.name())
        .bind("level", t.level().name())
        .bind("parent", t.parentId())
        .bind("region", t.regionCode())
        .bind("unit", t.supervisingUnit())
        .bind("founded", t.founded() == null ? null : Date.valueOf(t.founded()))
        .bind("speciality", t.speciality())
        .bind("station", t.homeStationId())
        .bind("members", t.memberCount())
        .bind("synthetic", t.synthetic())
        .bind("contact", t.publicContact())
        .bind("signupUrl", t.signUpUrl())
        .bind("source", source)
        .execute();
  }

  /** The SELECT of every column (retired rows too), for exports that stream their own WHERE. */
  public static String selectAll() {
    return SELECT_ANY;
  }

  /** Reads one row of {@link #selectAll()}. */
  public static Team read(ResultSet rs) throws SQLException {
    return map(rs);
  }

  static Team map(ResultSet rs) throws SQLException {
    Date founded = rs.getDate("founded");
    return new Team(
        rs.getString("id"),
        rs.getString("name"),
        TeamLevel.valueOf(rs.getString("level")),
        rs.getString("parent_id"),
        rs.getString("region_code"),
        rs.getString("supervising_unit"),
        founded == null ? null : founded.toLocalDate(),
        rs.getString("speciality"),
        rs.getString("home_station_id"),
        rs.getInt("member_count"),
        rs.getBoolean("synthetic"),
        rs.getString("public_contact"),
        rs.getString("signup_url"));
  }
}
