package org.vsmap.web;

import io.javalin.http.Context;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.spatial.ChinaOffsets;

/** The coordinate systems a client may speak ({@code crs=}); everything is stored in WGS84. */
enum Crs {
  WGS84, GCJ02, BD09;

  static Crs of(Context ctx) {
    String v = ctx.queryParam("crs");
    if (v == null || v.isBlank()) {
      return WGS84;
    }
    return switch (v.strip().toLowerCase()) {
      case "wgs84", "epsg:4326" -> WGS84;
      case "gcj02", "gcj-02" -> GCJ02;
      case "bd09", "bd-09" -> BD09;
      default -> throw WebError.badRequest("crs must be wgs84, gcj02 or bd09; got: " + v);
    };
  }

  GeoPoint toWgs84(GeoPoint p) {
    return switch (this) {
      case WGS84 -> p;
      case GCJ02 -> ChinaOffsets.gcj02ToWgs84(p);
      case BD09 -> ChinaOffsets.gcj02ToWgs84(ChinaOffsets.bd09ToGcj02(p));
    };
  }

  GeoPoint fromWgs84(GeoPoint p) {
    return switch (this) {
      case WGS84 -> p;
      case GCJ02 -> ChinaOffsets.wgs84ToGcj02(p);
      case BD09 -> ChinaOffsets.gcj02ToBd09(ChinaOffsets.wgs84ToGcj02(p));
    };
  }
}
