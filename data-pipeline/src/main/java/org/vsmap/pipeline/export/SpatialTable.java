package org.vsmap.pipeline.export;

import java.util.List;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.port.Downloads.Field;

/**
 * What the file-based spatial writers (GeoPackage, FlatGeobuf) need of a dataset: its name, title,
 * a description carrying licence, attribution and notice, the attribute fields (without lon/lat,
 * which the geometry carries) and the rows.
 */
record SpatialTable(String name, String title, String description, List<Field> fields, Rows rows) {

  /** Each record once: its point (null when it has none) and its values in field order. */
  interface Rows {
    void each(Row sink);
  }

  interface Row {
    void accept(String id, GeoPoint point, Object[] values);
  }
}
