package org.vsmap.geo.model;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * An administrative division (行政区划) with its official code.
 *
 * @param boundary WGS84 polygon or multipolygon, or null where no boundary is known
 * @param centroid a representative point inside the region, or null when neither a boundary nor a
 *     point is known
 * @param population resident population, or null when not known
 */
public record Region(
    String code,
    String name,
    RegionLevel level,
    String parentCode,
    Long population,
    Geometry boundary,
    GeoPoint centroid) {

  public Region {
    Require.text(code, "region code");
    Require.text(name, "region name");
    Objects.requireNonNull(level, "region level");
    if (!code.matches("\\d+") || level != RegionLevel.ofCode(code)) {
      throw new IllegalArgumentException("region code " + code + " does not fit level " + level);
    }
    if (level != RegionLevel.PROVINCE) {
      Require.text(parentCode, "parent code of region " + code);
      if (!code.startsWith(parentCode)) {
        throw new IllegalArgumentException(
            "region " + code + " does not start with its parent's code " + parentCode);
      }
    }
    if (population != null && population < 0) {
      throw new IllegalArgumentException("population of region " + code + " is negative");
    }
    if (boundary != null && boundary.getDimension() != 2) {
      throw new IllegalArgumentException("boundary of region " + code + " is not a polygon");
    }
  }
}
