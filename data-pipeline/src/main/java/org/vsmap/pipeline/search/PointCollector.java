package org.vsmap.pipeline.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Collects the points (from doc values) and doc ids of every match, up to a cap, for clustering.
 */
final class PointCollector extends SimpleCollector {

  /** The collected points as parallel arrays; {@code n} are filled. */
  static final class Points {
    double[] lon = new double[1024];
    double[] lat = new double[1024];
    int[] doc = new int[1024];
    int n;
    boolean truncated;

    void add(double x, double y, int d) {
      if (n == lon.length) {
        lon = Arrays.copyOf(lon, n * 2);
        lat = Arrays.copyOf(lat, n * 2);
        doc = Arrays.copyOf(doc, n * 2);
      }
      lon[n] = x;
      lat[n] = y;
      doc[n] = d;
      n++;
    }
  }

  static CollectorManager<PointCollector, Points> manager(int cap) {
    return new CollectorManager<>() {
      @Override
      public PointCollector newCollector() {
        return new PointCollector(cap);
      }

      @Override
      public Points reduce(Collection<PointCollector> collectors) {
        Points all = new Points();
        for (PointCollector c : collectors) {
          for (int i = 0; i < c.points.n && all.n < cap; i++) {
            all.add(c.points.lon[i], c.points.lat[i], c.points.doc[i]);
          }
          all.truncated |= c.points.truncated || all.n >= cap;
        }
        return all;
      }
    };
  }

  private final Points points = new Points();
  private final int cap;
  private SortedNumericDocValues values;
  private int base;

  private PointCollector(int cap) {
    this.cap = cap;
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    values = DocValues.getSortedNumeric(context.reader(), SearchDocuments.POINT);
    base = context.docBase;
  }

  @Override
  public void collect(int doc) throws IOException {
    if (points.n >= cap) {
      points.truncated = true;
      return;
    }
    if (values.advanceExact(doc)) {
      long v = values.nextValue();
      points.add(
          GeoEncodingUtils.decodeLongitude((int) (v & 0xFFFFFFFFL)),
          GeoEncodingUtils.decodeLatitude((int) (v >>> 32)),
          base + doc);
    }
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }
}
