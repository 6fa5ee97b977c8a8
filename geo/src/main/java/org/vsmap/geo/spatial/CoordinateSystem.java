package org.vsmap.geo.spatial;

import org.vsmap.geo.model.GeoPoint;

/**
 * The coordinate systems a source may declare. Everything is stored in WGS84. CGCS2000 differs from
 * WGS84 by centimetres, far below the precision of any source here, so it is taken as is; GCJ-02
 * (AMap, Tencent) and BD-09 (Baidu) are converted.
 */
public enum CoordinateSystem {
  WGS84,
  CGCS2000,
  GCJ02,
  BD09;

  /** Parses a declared name: wgs84, cgcs2000, gcj02 / gcj-02, bd09 / bd-09 (case-insensitive). */
  public static CoordinateSystem parse(String name) {
    String n = name == null ? "" : name.strip().toLowerCase().replace("-", "").replace("_", "");
    return switch (n) {
      case "wgs84", "epsg4326", "epsg:4326" -> WGS84;
      case "cgcs2000", "epsg4490", "epsg:4490" -> CGCS2000;
      case "gcj02" -> GCJ02;
      case "bd09", "bd09ll" -> BD09;
      default ->
          throw new IllegalArgumentException(
              "unknown coordinate system '" + name + "': use wgs84, cgcs2000, gcj02 or bd09");
    };
  }

  public GeoPoint toWgs84(GeoPoint p) {
    return switch (this) {
      case WGS84, CGCS2000 -> p;
      case GCJ02 -> ChinaOffsets.gcj02ToWgs84(p);
      case BD09 -> ChinaOffsets.gcj02ToWgs84(ChinaOffsets.bd09ToGcj02(p));
    };
  }

  public GeoPoint fromWgs84(GeoPoint p) {
    return switch (this) {
      case WGS84, CGCS2000 -> p;
      case GCJ02 -> ChinaOffsets.wgs84ToGcj02(p);
      case BD09 -> ChinaOffsets.gcj02ToBd09(ChinaOffsets.wgs84ToGcj02(p));
    };
  }
}
