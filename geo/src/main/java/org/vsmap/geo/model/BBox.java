package org.vsmap.geo.model;

/** A WGS84 bounding box: west, south, east, north in degrees. */
public record BBox(double west, double south, double east, double north) {
  public BBox {
    new GeoPoint(west, south);
    new GeoPoint(east, north);
    if (west > east || south > north) {
      throw new IllegalArgumentException(
          "bbox must be west,south,east,north with west <= east and south <= north");
    }
  }

  public boolean contains(GeoPoint p) {
    return p.lon() >= west && p.lon() <= east && p.lat() >= south && p.lat() <= north;
  }

  /** Parses "west,south,east,north" as used in query strings. */
  public static BBox parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "bbox needs four comma-separated numbers: west,south,east,north");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bbox value is not a number: " + parts[i]);
      }
    }
    return new BBox(v[0], v[1], v[2], v[3]);
  }
}
