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

/** Stations in the relational store; the box query uses the spatial index on both backends. */
public final class JdbiStationStore implements StationStore {
  private static final String SELECT = "SELECT id, name, type, region_code, address, ST_X(geom) AS lon, ST_Y(geom) AS lat, "
      + "opening_hours, services, public_contact, five_has, synthetic FROM station ";

  private final Jdbi jdbi;

  public JdbiStationStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<Station> stationById(String id) {
    return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE id = :id").bind("id", id)
        .map((rs, ctx) -> map(rs)).findOne());
  }

  @Override
  public List<Station> stations() {
    return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY id").map((rs, ctx) -> map(rs)).list());
  }

  @Override
  public List<Station> stationsWithin(BBox box) {
    return jdbi.withHandle(h -> h.createQuery(SELECT
            + "WHERE geom && ST_MakeEnvelope(:w, :s, :e, :n, 4326) ORDER BY id")
        .bind("w", box.west()).bind("s", box.south()).bind("e", box.east()).bind("n", box.north())
        .map((rs, ctx) -> map(rs)).list());
  }

  @Override
  public long stationCount() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM station").mapTo(Long.class).one());
  }

  /** Inserts stations inside the caller's transaction. */
  public static void insert(Handle h, List<Station> stations) {
    PreparedBatch batch = h.prepareBatch("INSERT INTO station (id, name, type, region_code, address, geom, opening_hours, "
        + "services, public_contact, five_has, synthetic) VALUES (:id, :name, :type, :region, :address, "
        + "ST_GeomFromText(:geom, 4326), :hours, :services, :contact, :fiveHas, :synthetic)");
    for (Station s : stations) {
      batch.bind("id", s.id()).bind("name", s.name()).bind("type", s.type().name()).bind("region", s.regionCode())
          .bind("address", s.address()).bind("geom", s.location().wkt()).bind("hours", s.openingHours())
          .bind("services", String.join(";", s.services())).bind("contact", s.publicContact())
          .bind("fiveHas", s.fiveHas().flags()).bind("synthetic", s.synthetic())
          .add();
    }
    batch.execute();
  }

  /** Inserts or replaces one station and records the change, in one transaction. */
  public void save(Station s) {
    saveAll(List.of(s));
  }


  /** What a save did: stations added, changed, and already stored exactly so (left alone). */
  public record SaveCounts(int created, int updated, int unchanged) {}

  /**
   * Inserts or replaces stations and records each change, all in one transaction: either every
   * station is stored or, on any failure (or a kill), none is. A station already stored exactly
   * so is left alone, so importing the same file twice changes nothing.
   */
  public SaveCounts saveAll(List<Station> stations) {
    return jdbi.inTransaction(h -> {
      int created = 0;
      int updated = 0;
      int unchanged = 0;
      for (Station s : stations) {
        Optional<Station> old = h.createQuery(SELECT + "WHERE id = :id").bind("id", s.id()).map((rs, ctx) -> map(rs)).findOne();
        if (old.isPresent() && old.get().equals(s)) {
          unchanged++;
          continue;
        }
        if (old.isPresent()) {
          h.createUpdate("UPDATE station SET name = :name, type = :type, region_code = :region, address = :address, "
                  + "geom = ST_GeomFromText(:geom, 4326), opening_hours = :hours, services = :services, "
                  + "public_contact = :contact, five_has = :fiveHas, synthetic = :synthetic WHERE id = :id")
              .bind("id", s.id()).bind("name", s.name()).bind("type", s.type().name()).bind("region", s.regionCode())
              .bind("address", s.address()).bind("geom", s.location().wkt()).bind("hours", s.openingHours())
              .bind("services", String.join(";", s.services())).bind("contact", s.publicContact())
              .bind("fiveHas", s.fiveHas().flags()).bind("synthetic", s.synthetic())
              .execute();
          updated++;
        } else {
          insert(h, List.of(s));
          created++;
        }
        JdbiChangeLog.append(h, org.vsmap.geo.model.Kind.STATION, s.id(), false);
      }
      return new SaveCounts(created, updated, unchanged);
    });
  }

  private static Station map(ResultSet rs) throws SQLException {
    String services = rs.getString("services");
    return new Station(rs.getString("id"), rs.getString("name"), StationType.valueOf(rs.getString("type")),
        rs.getString("region_code"), rs.getString("address"), new GeoPoint(rs.getDouble("lon"), rs.getDouble("lat")),
        rs.getString("opening_hours"),
        services == null || services.isBlank() ? List.of() : Arrays.asList(services.split(";")),
        rs.getString("public_contact"), FiveHas.parse(rs.getString("five_has")), rs.getBoolean("synthetic"));
  }
}
