package org.vsmap.pipeline.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.Point;
import org.vsmap.geo.port.Downloads.Field;

/**
 * OGC GeoPackage 1.x written with NGA's GeoPackage library: one feature table named after the
 * dataset (primary key {@code fid}, point geometry {@code geom} in EPSG:4326, one typed column per
 * field), the licence, attribution and notice in {@code gpkg_contents.description}, and the R-tree
 * spatial index extension, as GDAL and QGIS expect. SQLite needs a file: it is written to a scratch
 * file, streamed, and removed.
 */
final class GeoPackageExport {
  private static final int BATCH = 20_000;

  private GeoPackageExport() {}

  static void write(SpatialTable t, OutputStream out, Path scratchDir) throws IOException {
    Path file = scratchDir.resolve("gpkg-" + UUID.randomUUID() + ".gpkg");
    try {
      GeoPackageManager.create(file.toFile());
      try (GeoPackage gp = GeoPackageManager.open(file.toFile())) {
        fill(gp, t);
      } catch (SQLException e) {
        throw new IOException("writing the GeoPackage failed: " + e.getMessage(), e);
      }
      Files.copy(file, out);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(Path.of(file + "-journal"));
    }
  }

  private static void fill(GeoPackage gp, SpatialTable t) throws SQLException {
    SpatialReferenceSystem srs = gp.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
    GeometryColumns gc = new GeometryColumns();
    gc.setId(new TableColumnKey(t.name(), "geom"));
    gc.setGeometryType(GeometryType.POINT);
    gc.setZ((byte) 0);
    gc.setM((byte) 0);
    gc.setSrs(srs);
    List<Field> fields = t.fields();
    List<FeatureColumn> columns = new ArrayList<>();
    for (Field f : fields) {
      columns.add(FeatureColumn.createColumn(f.name(), type(f)));
    }
    FeatureTable table =
        gp.createFeatureTable(
            FeatureTableMetadata.create(gc, "fid", columns, new BoundingBox(-180, -90, 180, 90)));
    FeatureDao dao = gp.getFeatureDao(t.name());
    double[] box = {
      Double.POSITIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    int[] n = {0};
    gp.beginTransaction();
    t.rows()
        .each(
            (id, point, values) -> {
              FeatureRow row = dao.newRow();
              if (point != null) {
                row.setGeometry(
                    GeoPackageGeometryData.create(
                        srs.getSrsId(), new Point(point.lon(), point.lat())));
                box[0] = Math.min(box[0], point.lon());
                box[1] = Math.min(box[1], point.lat());
                box[2] = Math.max(box[2], point.lon());
                box[3] = Math.max(box[3], point.lat());
              }
              for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v != null) {
                  row.setValue(
                      fields.get(i).name(),
                      switch (fields.get(i).type()) {
                        case "integer" -> ((Number) v).longValue();
                        case "number" -> ((Number) v).doubleValue();
                        case "boolean" -> (Boolean) v;
                        default -> v.toString();
                      });
                }
              }
              dao.insert(row);
              if (++n[0] % BATCH == 0) {
                gp.endAndBeginTransaction();
              }
            });
    gp.endTransaction(true);
    Contents contents = gp.getContentsDao().queryForId(t.name());
    contents.setIdentifier(t.title());
    contents.setDescription(t.description());
    if (box[0] <= box[2]) {
      contents.setMinX(box[0]);
      contents.setMinY(box[1]);
      contents.setMaxX(box[2]);
      contents.setMaxY(box[3]);
    }
    gp.getContentsDao().update(contents);
    new RTreeIndexExtension(gp).create(table);
    // nothing here needs 1.4: declare 1.3 so the GDAL of current Debian (3.6) opens it without a
    // warning
    gp.getConnection().execSQL("PRAGMA user_version = 10300");
  }

  private static GeoPackageDataType type(Field f) {
    return switch (f.type()) {
      case "integer" -> GeoPackageDataType.INTEGER;
      case "number" -> GeoPackageDataType.DOUBLE;
      case "boolean" -> GeoPackageDataType.BOOLEAN;
      default -> GeoPackageDataType.TEXT;
    };
  }
}
