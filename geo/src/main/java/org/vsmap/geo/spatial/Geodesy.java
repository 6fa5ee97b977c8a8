package org.vsmap.geo.spatial;

import org.vsmap.geo.model.GeoPoint;

/** Distances on the earth's surface. */
public final class Geodesy {
  private static final double EARTH_RADIUS_M = 6_371_008.8;

  private Geodesy() {}

  /** Great-circle distance in metres (haversine on the mean sphere; error well under 0.5 %). */
  public static double metres(GeoPoint a, GeoPoint b) {
    double phi1 = Math.toRadians(a.lat());
    double phi2 = Math.toRadians(b.lat());
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
            + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
