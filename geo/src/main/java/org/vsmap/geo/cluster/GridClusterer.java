package org.vsmap.geo.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.spatial.WebMercator;

/**
 * Server-side point clustering for the map: at each zoom, points are grouped into square cells of
 * {@code cellPixels} screen pixels in Web Mercator; a viewport query returns one cluster per
 * non-empty cell (its count and the mean position of its points) or, for a cell holding a single
 * point, that point's index. Cells for zooms up to {@code maxZoom} are precomputed as sorted
 * primitive arrays (about 28 bytes a cell), so a viewport costs one binary search per cell column
 * it spans, whatever the number of points. Precomputing stops early at the zoom where most cells
 * hold one point; deeper zooms (up to 22) are answered from the points themselves, kept in the
 * deepest level's cell order, so a viewport there reads only the points of the deepest cells it
 * touches.
 */
public final class GridClusterer {

  /**
   * One non-empty cell: {@code count} points around (lon, lat); {@code single} is the point's index
   * when count is 1, else -1.
   */
  public record Cluster(double lon, double lat, int count, int single) {}

  /** The deepest zoom any answer is given for. */
  public static final int MAX_ZOOM = 22;

  private final int cellPixels;
  private int maxZoom;
  private final Level[] levels;
  private final int size;
  private final double[] lon;
  private final double[] lat;

  /**
   * Point indexes in the deepest level's cell order; the points of its cell c are
   * order[start[c]..start[c + 1]).
   */
  private final int[] order;

  private final int[] start;

  private record Level(long[] keys, int[] counts, double[] sumLon, double[] sumLat, int[] first) {}

  /**
   * Builds the cells of zooms 0..maxZoom for points given as parallel arrays of lon and lat (kept,
   * not copied: the caller must not change them afterwards).
   */
  public GridClusterer(double[] lon, double[] lat, int cellPixels, int maxZoom) {
    if (lon.length != lat.length) {
      throw new IllegalArgumentException("lon and lat arrays differ in length");
    }
    if (cellPixels < 8 || maxZoom < 0 || maxZoom > 22) {
      throw new IllegalArgumentException("cellPixels must be >= 8 and maxZoom in 0..22");
    }
    this.cellPixels = cellPixels;
    this.maxZoom = maxZoom;
    this.size = lon.length;
    this.lon = lon;
    this.lat = lat;
    this.levels = new Level[maxZoom + 1];
    int n = lon.length;
    long[] keys = new long[n];
    int[] perm = new int[n];
    int[] tmp = new int[n];
    int[] deepest = {0};
    for (int z = 0; z <= maxZoom; z++) {
      for (int i = 0; i < n; i++) {
        keys[i] = key(cell(WebMercator.x(lon[i], z)), cell(WebMercator.y(lat[i], z)));
        perm[i] = i;
      }
      mergeSort(perm, tmp, keys, 0, n);
      int cells = 0;
      long[] cellKeys = new long[n];
      int[] counts = new int[n];
      double[] sx = new double[n];
      double[] sy = new double[n];
      int[] first = new int[n];
      int[] starts = new int[n + 1];
      for (int j = 0; j < n; j++) {
        int i = perm[j];
        if (cells == 0 || cellKeys[cells - 1] != keys[i]) {
          cellKeys[cells] = keys[i];
          first[cells] = i;
          starts[cells] = j;
          cells++;
        }
        counts[cells - 1]++;
        sx[cells - 1] += lon[i];
        sy[cells - 1] += lat[i];
      }
      levels[z] =
          new Level(
              Arrays.copyOf(cellKeys, cells),
              Arrays.copyOf(counts, cells),
              Arrays.copyOf(sx, cells),
              Arrays.copyOf(sy, cells),
              Arrays.copyOf(first, cells));
      starts[cells] = n;
      deepest = Arrays.copyOf(starts, cells + 1);
      if (z > 0 && cells * 2L > n) {
        // most cells now hold one point: deeper levels would cost memory and save nothing
        this.maxZoom = z;
        break;
      }
    }
    this.order = perm;
    this.start = deepest;
  }

  public int maxZoom() {
    return maxZoom;
  }

  public int size() {
    return size;
  }

  /**
   * The clusters of the cells that intersect the box at zoom z (z is clamped to 0..{@link
   * #MAX_ZOOM}).
   */
  public List<Cluster> clusters(BBox box, int z) {
    int zoom = Math.max(0, Math.min(MAX_ZOOM, z));
    if (zoom > maxZoom) {
      return deeper(box, zoom);
    }
    Level level = levels[zoom];
    long x0 = cell(WebMercator.x(box.west(), zoom));
    long x1 = cell(WebMercator.x(box.east(), zoom));
    long y0 = cell(WebMercator.y(box.north(), zoom));
    long y1 = cell(WebMercator.y(box.south(), zoom));
    List<Cluster> out = new ArrayList<>();
    for (long cx = x0; cx <= x1; cx++) {
      int from = lowerBound(level.keys, key(cx, y0));
      for (int c = from; c < level.keys.length && level.keys[c] <= key(cx, y1); c++) {
        int count = level.counts[c];
        out.add(
            new Cluster(
                level.sumLon[c] / count,
                level.sumLat[c] / count,
                count,
                count == 1 ? level.first[c] : -1));
      }
    }
    return out;
  }

  /**
   * A zoom past the deepest level: each of its cells lies inside one deepest-level cell, so the
   * points of the deepest cells the box touches are grouped by their cell at this zoom.
   */
  private List<Cluster> deeper(BBox box, int zoom) {
    Level level = levels[maxZoom];
    long x0 = cell(WebMercator.x(box.west(), maxZoom));
    long x1 = cell(WebMercator.x(box.east(), maxZoom));
    long y0 = cell(WebMercator.y(box.north(), maxZoom));
    long y1 = cell(WebMercator.y(box.south(), maxZoom));
    long zx0 = cell(WebMercator.x(box.west(), zoom));
    long zx1 = cell(WebMercator.x(box.east(), zoom));
    long zy0 = cell(WebMercator.y(box.north(), zoom));
    long zy1 = cell(WebMercator.y(box.south(), zoom));
    int m = 0;
    int[] points = new int[16];
    long[] keys = new long[16];
    for (long cx = x0; cx <= x1; cx++) {
      int from = lowerBound(level.keys, key(cx, y0));
      for (int c = from; c < level.keys.length && level.keys[c] <= key(cx, y1); c++) {
        for (int j = start[c]; j < start[c + 1]; j++) {
          int i = order[j];
          long px = cell(WebMercator.x(lon[i], zoom));
          long py = cell(WebMercator.y(lat[i], zoom));
          if (px >= zx0 && px <= zx1 && py >= zy0 && py <= zy1) {
            if (m == points.length) {
              points = Arrays.copyOf(points, m * 2);
              keys = Arrays.copyOf(keys, m * 2);
            }
            points[m] = i;
            keys[m] = key(px, py);
            m++;
          }
        }
      }
    }
    int[] sorted = new int[m];
    for (int k = 0; k < m; k++) {
      sorted[k] = k;
    }
    mergeSort(sorted, new int[m], keys, 0, m);
    List<Cluster> out = new ArrayList<>();
    for (int a = 0; a < m; ) {
      int b = a;
      double sx = 0;
      double sy = 0;
      for (; b < m && keys[sorted[b]] == keys[sorted[a]]; b++) {
        sx += lon[points[sorted[b]]];
        sy += lat[points[sorted[b]]];
      }
      int count = b - a;
      out.add(new Cluster(sx / count, sy / count, count, count == 1 ? points[sorted[a]] : -1));
      a = b;
    }
    return out;
  }

  /**
   * Clusters the first {@code n} points at one zoom without precomputing anything, for filtered
   * views whose points are collected per request.
   */
  public static List<Cluster> at(double[] lon, double[] lat, int n, int cellPixels, int z) {
    java.util.Map<Long, double[]> cells = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      long k =
          key(
              (long) Math.floor(WebMercator.x(lon[i], z) / cellPixels),
              (long) Math.floor(WebMercator.y(lat[i], z) / cellPixels));
      double[] c = cells.get(k);
      if (c == null) {
        cells.put(k, new double[] {1, lon[i], lat[i], i});
      } else {
        c[0]++;
        c[1] += lon[i];
        c[2] += lat[i];
      }
    }
    List<Cluster> out = new ArrayList<>(cells.size());
    for (double[] c : cells.values()) {
      int count = (int) c[0];
      out.add(new Cluster(c[1] / count, c[2] / count, count, count == 1 ? (int) c[3] : -1));
    }
    return out;
  }

  private long cell(double pixels) {
    return (long) Math.floor(pixels / cellPixels);
  }

  private static long key(long cx, long cy) {
    return (cx << 32) | (cy & 0xffffffffL);
  }

  private static int lowerBound(long[] a, long k) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < k) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Sorts point indexes by their cell key (stable merge sort on primitives). */
  private static void mergeSort(int[] a, int[] tmp, long[] keys, int lo, int hi) {
    if (hi - lo < 32) {
      for (int i = lo + 1; i < hi; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= lo && keys[a[j]] > keys[v]) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(a, tmp, keys, lo, mid);
    mergeSort(a, tmp, keys, mid, hi);
    int i = lo;
    int j = mid;
    int k = lo;
    while (i < mid && j < hi) {
      tmp[k++] = keys[a[j]] < keys[a[i]] ? a[j++] : a[i++];
    }
    while (i < mid) {
      tmp[k++] = a[i++];
    }
    while (j < hi) {
      tmp[k++] = a[j++];
    }
    System.arraycopy(tmp, lo, a, lo, hi - lo);
  }
}
