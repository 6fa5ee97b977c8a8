package org.vsmap.pipeline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.port.StationStore;
import org.vsmap.pipeline.importer.ImportBatch;

/** Stations in the relational store; the box query uses the spatial index on both backends. */
public final class JdbiStationStore implements StationStore {
  /** Every station row, retired ones too (for writers). */
  private static final String COLUMNS =
      "id, name, type, region_code, address, ST_X(geom) AS lon, ST_Y(geom) AS lat, "
          + "opening_hours, services, public_contact, five_has, synthetic, approximate";

  static final String SELECT_ANY = "SELECT " + COLUMNS + " FROM station ";
  private static final String SELECT = SELECT_ANY + "WHERE retired_at IS NULL ";

  private final Jdbi jdbi;

  public JdbiStationStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<Station> stationById(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + "AND id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public List<Station> stations() {
    return jdbi.withHandle(
        h -> h.createQuery(SELECT + "ORDER BY id").map((rs, ctx) -> map(rs)).list());
  }

  @Override
  public void forEachStation(java.util.function.Consumer<Station> sink) {
    Streaming.each(jdbi, SELECT + "ORDER BY id", JdbiStationStore::map, sink);
  }

  @Override
  public List<Station> stationsWithin(BBox box) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + "AND geom && ST_MakeEnvelope(:w, :s, :e, :n, 4326) ORDER BY id")
                .bind("w", box.west())
                .bind("s", box.south())
                .bind("e", box.east())
                .bind("n", box.north())
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public long stationCount() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM station WHERE retired_at IS NULL")
                .mapTo(Long.class)
                .one());
  }

  /** Inserts stations inside the caller's transaction. */
  public static void insert(Handle h, List<Station> stations) {
    insert(h, stations, null);
  }

  /**
   * Inserts stations inside the caller's transaction, remembering the import source that brought
   * them.
   */
  static void insert(Handle h, List<Station> stations, String source) {
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO station (source, id, name, type, region_code, address, geom, opening_hours, "
                + "services, public_contact, five_has, synthetic, approximate) VALUES (:source, :id, :name, :type, :region, :address, "
                + "ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :hours, :services, :contact, :fiveHas, :synthetic, :approximate)");
    for (Station s : stations) {
      batch
          .bind("source", source)
          .bind("id", s.id())
          .bind("name", s.name())
          .bind("type", s.type().name())
          .bind("region", s.regionCode())
          .bind("address", s.address())
          .bind("lon", s.location().lon())
          .bind("lat", s.location().lat())
          .bind("hours", s.openingHours())
          .bind("services", String.join(";", s.services()))
          .bind("contact", s.publicContact())
          .bind("fiveHas", s.fiveHas().flags())
          .bind("synthetic", s.synthetic())
          .bind("approximate", s.approximate())
          .add();
    }
    batch.execute();
  }

  /** Inserts or replaces one station and records the change, in one transaction. */
  public void save(Station s) {
    saveAll(List.of(s));
  }

  /**
   * Inserts or replaces stations and records each change, all in one transaction: either every
   * station is stored or, on any failure (or a kill), none is. A station already stored exactly so
   * is left alone, so importing the same file twice changes nothing.
   */
  public JdbiImportWriter.Counts saveAll(List<Station> stations) {
    return new JdbiImportWriter(jdbi)
        .apply(ImportBatch.of("api", "system").withStations(stations))
        .counts()
        .get(org.vsmap.geo.model.Kind.STATION);
  }

  /** Updates every column of a stored station inside the caller's transaction (un-retiring it). */
  static void update(Handle h, Station s, String source) {
    h.createUpdate(
            "UPDATE station SET name = :name, type = :type, region_code = :region, address = :address, "
                + "geom = ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), opening_hours = :hours, services = :services, "
                + "public_contact = :contact, five_has = :fiveHas, synthetic = :synthetic, "
                + "approximate = :approximate, source = :source, retired_at = NULL WHERE id = :id")
        .bind("id", s.id())
        .bind("name", s.name())
        .bind("type", s.type().name())
        .bind("region", s.regionCode())
        .bind("address", s.address())
        .bind("lon", s.location().lon())
        .bind("lat", s.location().lat())
        .bind("hours", s.openingHours())
        .bind("services", String.join(";", s.services()))
        .bind("contact", s.publicContact())
        .bind("fiveHas", s.fiveHas().flags())
        .bind("synthetic", s.synthetic())
        .bind("approximate", s.approximate())
        .bind("source", source)
        .execute();
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
  public static Station read(ResultSet rs) throws SQLException {
    return map(rs);
  }

  static Station map(ResultSet rs) throws SQLException {
    String services = rs.getString("services");
    return new Station(
        rs.getString("id"),
        rs.getString("name"),
        StationType.valueOf(rs.getString("type")),
        rs.getString("region_code"),
        rs.getString("address"),
        new GeoPoint(rs.getDouble("lon"), rs.getDouble("lat")),
        rs.getString("opening_hours"),
        services == null || services.isBlank() ? List.of() : Arrays.asList(services.split(";")),
        rs.getString("public_contact"),
        FiveHas.parse(rs.getString("five_has")),
        rs.getBoolean("synthetic"),
        rs.getBoolean("approximate"));
  }
}
