package org.vsmap.bench;

import java.util.Map;
import java.util.TreeMap;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.spatial.WebMercator;

/** Screens, tiles and the map's 64-px cluster cells on the global Web Mercator pixel grid. */
final class ScreenCells {
  private ScreenCells() {}

  /**
   * The map's cluster cell: 64 screen pixels on the global Web Mercator pixel grid (as
   * LuceneSearchIndex).
   */
  static final int CELL_PX = 64;

  static final double HALF_WORLD = 20037508.342789244;

  /** The grid cell of a point at a zoom, as one number. */
  static long cell(double lon, double lat, int z) {
    return (long) Math.floor(WebMercator.x(lon, z) / CELL_PX) * 1_000_000_000L
        + (long) Math.floor(WebMercator.y(lat, z) / CELL_PX);
  }

  /**
   * The clusters of the cells wholly inside the screen: at the screen's edge the map counts whole
   * cells (precomputed zooms) or only what is in view (deeper zooms), so only inner cells compare.
   */
  static Map<Long, Long> inner(Map<Long, Long> byCell, BBox b, int z) {
    long x0 = (long) Math.floor(WebMercator.x(b.west(), z) / CELL_PX);
    long x1 = (long) Math.floor(WebMercator.x(b.east(), z) / CELL_PX);
    long y0 = (long) Math.floor(WebMercator.y(b.north(), z) / CELL_PX);
    long y1 = (long) Math.floor(WebMercator.y(b.south(), z) / CELL_PX);
    Map<Long, Long> out = new TreeMap<>();
    byCell.forEach(
        (k, n) -> {
          long cx = k / 1_000_000_000L;
          long cy = k % 1_000_000_000L;
          if (cx > x0 && cx < x1 && cy > y0 && cy < y1) {
            out.put(k, n);
          }
        });
    return out;
  }

  /**
   * The box covered by the whole 64-px cells a screen touches (where the map's clusters come from).
   */
  static BBox cells(BBox b, int z) {
    double x0 = Math.floor(WebMercator.x(b.west(), z) / CELL_PX) * CELL_PX;
    double x1 = (Math.floor(WebMercator.x(b.east(), z) / CELL_PX) + 1) * CELL_PX;
    double y0 = Math.floor(WebMercator.y(b.north(), z) / CELL_PX) * CELL_PX;
    double y1 = (Math.floor(WebMercator.y(b.south(), z) / CELL_PX) + 1) * CELL_PX;
    double world = 256.0 * (1L << z);
    return new BBox(
        Math.max(-180, x0 / world * 360 - 180),
        Math.max(-85, lat(y1, z)),
        Math.min(180, x1 / world * 360 - 180),
        Math.min(85, lat(y0, z)));
  }

  /** A 1280×800 screen centred on a point at a zoom. */
  static BBox screen(GeoPoint c, int zoom) {
    double scale = 256.0 * (1L << zoom) / 360.0;
    double halfLon = 640 / scale;
    double y = WebMercator.y(c.lat(), zoom);
    return new BBox(
        Math.max(-180, c.lon() - halfLon),
        Math.max(-85, lat(y + 400, zoom)),
        Math.min(180, c.lon() + halfLon),
        Math.min(85, lat(y - 400, zoom)));
  }

  static int[] tileOf(GeoPoint p, int z) {
    int n = 1 << z;
    int x = (int) Math.floor((p.lon() + 180) / 360 * n);
    int y = (int) Math.floor(WebMercator.y(p.lat(), z) / 256);
    return new int[] {Math.max(0, Math.min(n - 1, x)), Math.max(0, Math.min(n - 1, y))};
  }

  private static double lat(double y, int z) {
    double n = Math.PI - 2 * Math.PI * y / (256.0 * (1L << z));
    return Math.toDegrees(Math.atan(Math.sinh(n)));
  }
}
