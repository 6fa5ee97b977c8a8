package org.vsmap.geo.model;

/** A WGS84 longitude/latitude pair in degrees; the only coordinate system stored. */
public record GeoPoint(double lon, double lat) {
  public GeoPoint {
    if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
      throw new IllegalArgumentException("longitude out of range [-180, 180]: " + lon);
    }
    if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
      throw new IllegalArgumentException("latitude out of range [-90, 90]: " + lat);
    }
  }

  /** Well-known text, as both spatial databases read it. */
  public String wkt() {
    return "POINT(" + lon + " " + lat + ")";
  }
}
