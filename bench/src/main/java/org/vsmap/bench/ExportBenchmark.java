package org.vsmap.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.port.Downloads;
import org.vsmap.geo.port.FeatureCollections;
import org.vsmap.pipeline.export.DatasetExports;
import org.vsmap.pipeline.export.OgcFeatures;
import org.vsmap.pipeline.seed.NationalSetGenerator;
import org.vsmap.pipeline.store.Database;

/**
 * Issue 5's speed targets on the national set (620,573 stations in the embedded store that {@link
 * ImportBenchmark} leaves behind): the full GeoJSON and FlatGeobuf exports streamed at ≥ 50 MB/s
 * with live heap growth < 256 MiB, and an OGC API items page of 100 features with a town-sized bbox
 * at p99 ≤ 30 ms. Live heap is what survives each garbage collection during the export (from the
 * collector's own notifications) minus what survived before it. Usage: {@code ExportBenchmark <work
 * dir of ImportBenchmark> [queries]}.
 */
public final class ExportBenchmark {
  private ExportBenchmark() {}

  /** Counts bytes and throws them away. */
  static final class Counting extends OutputStream {
    long n;

    @Override
    public void write(int b) {
      n++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      n += len;
    }
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : "bench/target/import-bench");
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    if (!Files.exists(work.resolve("vsmap.mv.db"))) {
      throw new IllegalStateException("no store in " + work + ": run ImportBenchmark first");
    }
    AtomicLong liveAfterGc = liveHeapWatch();
    Path scratch = Files.createDirectories(work.resolve("tmp"));
    try (Database db = Database.open(Database.embeddedUrl(work), null, null)) {
      DatasetExports exports = new DatasetExports(db.jdbi(), scratch);
      System.out.printf(Locale.ROOT, "store: %,d stations%n", exports.count("stations"));
      exportRuns(exports, liveAfterGc);

      ogcQueries(new OgcFeatures(db.jdbi(), exports), queries);
    }
  }

  /** The largest live heap seen after any garbage collection, from now on. */
  private static AtomicLong liveHeapWatch() {
    AtomicLong liveAfterGc = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (n, h) -> {
                if (n.getType()
                    .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                  GarbageCollectionNotificationInfo info =
                      GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                  long used =
                      info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                          .mapToLong(MemoryUsage::getUsed)
                          .sum();
                  liveAfterGc.accumulateAndGet(used, Math::max);
                }
              },
              null,
              null);
    }
    return liveAfterGc;
  }

  /** Every station as GeoJSON and FlatGeobuf, twice each: throughput and live heap growth. */
  private static void exportRuns(DatasetExports exports, AtomicLong liveAfterGc) throws Exception {
    exports.write(
        "stations",
        Downloads.Format.GEOJSON,
        Downloads.Filter.ALL.limited(20_000),
        new Counting()); // warm-up
    for (Downloads.Format f :
        List.of(
            Downloads.Format.GEOJSON,
            Downloads.Format.FGB,
            Downloads.Format.GEOJSON,
            Downloads.Format.FGB)) {
      System.gc();
      Thread.sleep(500);
      long base = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      liveAfterGc.set(base);
      Counting out = new Counting();
      long t0 = System.nanoTime();
      exports.write("stations", f, Downloads.Filter.ALL, out);
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "export %-7s %,d bytes in %.2f s = %.1f MB/s; live heap growth %.0f MiB%n",
          f.extension(),
          out.n,
          s,
          out.n / 1e6 / s,
          (liveAfterGc.get() - base) / 1048576.0);
    }
  }

  /** OGC API items pages in a 0.3° box around random villages: latency percentiles. */
  private static void ogcQueries(OgcFeatures ogc, int queries) throws Exception {
    List<NationalSetGenerator.Village> villages =
        NationalSetGenerator.villages(
            Path.of(System.getProperty("vsmap.bench.data", "../shared/data")), 0);
    ObjectMapper json = new ObjectMapper();
    SplittableRandom random = new SplittableRandom(42);
    long[] nanos = new long[queries];
    long returned = 0;
    for (int i = -1_000; i < queries; i++) { // 1,000 warm-up queries first
      NationalSetGenerator.Village v = villages.get(random.nextInt(villages.size()));
      double lon = Math.max(-179.9, Math.min(179.9, v.lon()));
      double lat = Math.max(-89.9, Math.min(89.9, v.lat()));
      BBox box = new BBox(lon - 0.15, lat - 0.15, lon + 0.15, lat + 0.15);
      long t0 = System.nanoTime();
      FeatureCollections.Page page =
          ogc.items(
              "stations",
              new FeatureCollections.Query(List.of(box), null, null, null, Map.of(), 100, 0));
      byte[] body = json.writeValueAsBytes(page);
      long t = System.nanoTime() - t0;
      if (i >= 0) {
        nanos[i] = t;
        returned += page.features().size() + (body.length > 0 ? 0 : 1);
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "ogc items (100 per page, 0.3° box around a random village, %,d queries, %.1f features on average): "
            + "p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        queries,
        returned / (double) queries,
        nanos[queries / 2] / 1e6,
        nanos[(int) (queries * 0.99)] / 1e6,
        nanos[queries - 1] / 1e6);
  }
}
