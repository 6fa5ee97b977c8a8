package org.vsmap.pipeline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.port.RegionStore;

/**
 * Regions in the relational store; boundaries travel as WKB, which both backends read and write.
 */
public final class JdbiRegionStore implements RegionStore {
  private static final String COLUMNS =
      "code, name, level, parent_code, population, ST_AsBinary(boundary) AS boundary_wkb, "
          + "ST_X(centroid) AS lon, ST_Y(centroid) AS lat";

  private final Jdbi jdbi;

  public JdbiRegionStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<Region> regionByCode(String code) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM region WHERE code = :code")
                .bind("code", code)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public List<Region> regionsAtLevel(RegionLevel level) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM region WHERE level = :level ORDER BY code")
                .bind("level", level.name())
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public List<Region> regionsUnder(String parentCode) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM region WHERE parent_code = :p ORDER BY code")
                .bind("p", parentCode)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public long regionCount() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM region").mapTo(Long.class).one());
  }

  /** Inserts regions inside the caller's transaction. */
  public static void insert(Handle h, List<Region> regions) {
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO region (code, name, level, parent_code, population, boundary, centroid) "
                + "VALUES (:code, :name, :level, :parent, :population, ST_GeomFromWKB(:boundary, 4326), "
                + "ST_GeomFromText(:centroid, 4326))");
    WKBWriter wkb = new WKBWriter();
    for (Region r : regions) {
      batch
          .bind("code", r.code())
          .bind("name", r.name())
          .bind("level", r.level().name())
          .bind("parent", r.parentCode())
          .bind("population", r.population())
          .bind("boundary", r.boundary() == null ? null : wkb.write(r.boundary()))
          .bind("centroid", r.centroid() == null ? null : r.centroid().wkt())
          .add();
    }
    batch.execute();
  }

  /** Rewrites a stored region inside the caller's transaction. */
  static void update(Handle h, Region r) {
    h.createUpdate(
            "UPDATE region SET name = :name, level = :level, parent_code = :parent, population = :population, "
                + "boundary = ST_GeomFromWKB(:boundary, 4326), centroid = ST_GeomFromText(:centroid, 4326) WHERE code = :code")
        .bind("code", r.code())
        .bind("name", r.name())
        .bind("level", r.level().name())
        .bind("parent", r.parentCode())
        .bind("population", r.population())
        .bind("boundary", r.boundary() == null ? null : new WKBWriter().write(r.boundary()))
        .bind("centroid", r.centroid() == null ? null : r.centroid().wkt())
        .execute();
  }

  static Optional<Region> find(Handle h, String code) {
    return h.createQuery("SELECT " + COLUMNS + " FROM region WHERE code = :code")
        .bind("code", code)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  private static Region map(ResultSet rs) throws SQLException {
    byte[] wkb = rs.getBytes("boundary_wkb");
    Geometry boundary = null;
    if (wkb != null) {
      try {
        boundary = new WKBReader().read(wkb);
        boundary.setSRID(4326);
      } catch (ParseException e) {
        throw new SQLException(
            "boundary of region " + rs.getString("code") + " is not valid WKB", e);
      }
    }
    double lon = rs.getDouble("lon");
    GeoPoint centroid = rs.wasNull() ? null : new GeoPoint(lon, rs.getDouble("lat"));
    long population = rs.getLong("population");
    return new Region(
        rs.getString("code"),
        rs.getString("name"),
        RegionLevel.valueOf(rs.getString("level")),
        rs.getString("parent_code"),
        rs.wasNull() ? null : population,
        boundary,
        centroid);
  }
}
