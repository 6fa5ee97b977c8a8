package org.vsmap.geo.spatial;

/**
 * Web Mercator (EPSG:3857) in world pixels at a zoom level, 256-pixel tiles, as web maps draw it.
 */
public final class WebMercator {
  public static final double MAX_LAT = 85.05112878;

  private WebMercator() {}

  /** x in pixels at zoom z, 0 at 180°W. */
  public static double x(double lon, int z) {
    return (lon + 180.0) / 360.0 * 256.0 * (1L << z);
  }

  /** y in pixels at zoom z, 0 at the north edge. */
  public static double y(double lat, int z) {
    double l = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
    double sin = Math.sin(Math.toRadians(l));
    return (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * 256.0 * (1L << z);
  }
}
