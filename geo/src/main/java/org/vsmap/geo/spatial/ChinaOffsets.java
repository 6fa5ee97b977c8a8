package org.vsmap.geo.spatial;

import org.vsmap.geo.model.GeoPoint;

/**
 * Conversion between WGS84 and GCJ-02, the obfuscated datum of maps published in mainland China
 * (AMap, Tencent). GCJ-02 is not a CRS, so Proj cannot do this; the forward formula is the widely
 * published one, the inverse is found by fixed-point iteration. Points outside China are not
 * shifted.
 */
public final class ChinaOffsets {
  private static final double A = 6378245.0;
  private static final double EE = 0.00669342162296594323;

  private ChinaOffsets() {}

  /** Rough mainland bounding box inside which GCJ-02 applies. */
  public static boolean inChina(double lon, double lat) {
    return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
  }

  public static GeoPoint wgs84ToGcj02(GeoPoint p) {
    if (!inChina(p.lon(), p.lat())) {
      return p;
    }
    double[] d = delta(p.lon(), p.lat());
    return new GeoPoint(p.lon() + d[0], p.lat() + d[1]);
  }

  public static GeoPoint gcj02ToWgs84(GeoPoint g) {
    if (!inChina(g.lon(), g.lat())) {
      return g;
    }
    double lon = g.lon();
    double lat = g.lat();
    for (int i = 0; i < 10; i++) {
      GeoPoint f = wgs84ToGcj02(new GeoPoint(lon, lat));
      double dLon = f.lon() - g.lon();
      double dLat = f.lat() - g.lat();
      lon -= dLon;
      lat -= dLat;
      if (Math.abs(dLon) < 1e-9 && Math.abs(dLat) < 1e-9) {
        break;
      }
    }
    return new GeoPoint(lon, lat);
  }

  private static final double X_PI = Math.PI * 3000.0 / 180.0;

  /** GCJ-02 to BD-09, Baidu's further offset (the published formula). */
  public static GeoPoint gcj02ToBd09(GeoPoint g) {
    double x = g.lon();
    double y = g.lat();
    double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
    double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
    return new GeoPoint(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
  }

  /** BD-09 to GCJ-02 (the published inverse; round trip well under a metre). */
  public static GeoPoint bd09ToGcj02(GeoPoint b) {
    double x = b.lon() - 0.0065;
    double y = b.lat() - 0.006;
    double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
    double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
    return new GeoPoint(z * Math.cos(theta), z * Math.sin(theta));
  }

  private static double[] delta(double lon, double lat) {
    double x = lon - 105.0;
    double y = lat - 35.0;
    double dLat = transformLat(x, y);
    double dLon = transformLon(x, y);
    double radLat = lat / 180.0 * Math.PI;
    double magic = Math.sin(radLat);
    magic = 1 - EE * magic * magic;
    double sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    return new double[] {dLon, dLat};
  }

  private static double transformLat(double x, double y) {
    double ret =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return ret;
  }

  private static double transformLon(double x, double y) {
    double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret +=
        (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return ret;
  }
}
