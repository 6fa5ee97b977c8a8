package org.vsmap.pipeline.search;

import static org.vsmap.pipeline.search.SearchDocuments.KIND;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vsmap.geo.cluster.GridClusterer;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.SearchIndex.Cluster;

/**
 * The map's clusters for one index generation: 64-pixel Web Mercator cells ({@link GridClusterer}).
 * The unfiltered layers are precomputed per zoom and rebuilt in the background once the index has
 * moved on (the old answer serves meanwhile); a filtered view clusters the matches of its query per
 * request.
 */
final class MapClusters {
  private static final Logger LOG = LoggerFactory.getLogger(MapClusters.class);
  private static final int CELL_PIXELS = 64;
  private static final int PRECOMPUTED_MAX_ZOOM = 14;
  private static final int CLUSTER_POINT_CAP = 500_000;

  private record Layer(GridClusterer grid, int[] docs) {}

  /** The layers of every kind, and the searcher whose doc ids they hold (kept acquired). */
  private record Layers(IndexSearcher searcher, long version, Map<Kind, Layer> byKind) {}

  private final SearcherManager searchers;
  private final Executor background;
  private volatile Layers layers;
  private volatile boolean building;

  MapClusters(SearcherManager searchers, Executor background) {
    this.searchers = searchers;
    this.background = background;
  }

  /** The unfiltered clusters of these kinds in a box at a zoom, from the precomputed layers. */
  List<Cluster> precomputed(Set<Kind> kinds, BBox box, int zoom) throws IOException {
    Layers current = current();
    List<Cluster> out = new ArrayList<>();
    for (Kind k : kinds) {
      Layer layer = current.byKind().get(k);
      if (layer != null) {
        for (GridClusterer.Cluster c : layer.grid().clusters(box, zoom)) {
          out.add(cluster(current.searcher(), k, c, layer.docs()));
        }
      }
    }
    return out;
  }

  /** The clusters of what {@code query} matches (one kind), made for this request. */
  List<Cluster> matching(Query query, Kind k, int zoom) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      PointCollector.Points pts = s.search(query, PointCollector.manager(CLUSTER_POINT_CAP));
      List<Cluster> out = new ArrayList<>();
      for (GridClusterer.Cluster c : GridClusterer.at(pts.lon, pts.lat, pts.n, CELL_PIXELS, zoom)) {
        out.add(cluster(s, k, c, pts.doc));
      }
      return out;
    } finally {
      searchers.release(s);
    }
  }

  private static Cluster cluster(IndexSearcher s, Kind k, GridClusterer.Cluster c, int[] docs)
      throws IOException {
    if (c.single() < 0) {
      return new Cluster(k, new GeoPoint(c.lon(), c.lat()), c.count(), null, null);
    }
    HitCard card = HitCard.of(s.getIndexReader(), docs[c.single()]);
    return new Cluster(
        k,
        new GeoPoint(c.lon(), c.lat()),
        1,
        card.id(),
        card.name(),
        card.detail(),
        k == Kind.ACTIVITY ? card.recruiting() : null);
  }

  /** The precomputed layers; rebuilt in the background once the index has moved on. */
  private Layers current() throws IOException {
    Layers cache = layers;
    if (cache == null) {
      synchronized (this) {
        if (layers == null) {
          layers = build();
        }
        return layers;
      }
    }
    IndexSearcher latest = searchers.acquire();
    try {
      long version = ((DirectoryReader) latest.getIndexReader()).getVersion();
      if (version != cache.version() && !building) {
        building = true;
        background.execute(
            () -> {
              try {
                Layers old = layers;
                layers = build();
                if (old != null) {
                  searchers.release(old.searcher());
                }
              } catch (IOException | RuntimeException e) {
                LOG.warn("rebuilding map clusters failed: {}", e.getMessage());
              } finally {
                building = false;
              }
            });
      }
    } finally {
      searchers.release(latest);
    }
    return cache;
  }

  private Layers build() throws IOException {
    IndexSearcher s = searchers.acquire(); // held by the layers so their doc ids stay valid
    long t0 = System.nanoTime();
    Map<Kind, Layer> byKind = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      PointCollector.Points pts =
          s.search(
              new TermQuery(new Term(KIND, k.name())), PointCollector.manager(Integer.MAX_VALUE));
      if (pts.n > 0) {
        double[] lon = Arrays.copyOf(pts.lon, pts.n);
        double[] lat = Arrays.copyOf(pts.lat, pts.n);
        byKind.put(
            k,
            new Layer(
                new GridClusterer(lon, lat, CELL_PIXELS, PRECOMPUTED_MAX_ZOOM),
                Arrays.copyOf(pts.doc, pts.n)));
      }
    }
    LOG.info(
        "map clusters built for {} in {} ms",
        byKind.keySet(),
        (System.nanoTime() - t0) / 1_000_000);
    return new Layers(s, ((DirectoryReader) s.getIndexReader()).getVersion(), byKind);
  }
}
