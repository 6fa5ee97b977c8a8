package org.vsmap.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.pipeline.search.LuceneSearchIndex;
import org.vsmap.pipeline.seed.NationalSetGenerator;
import org.vsmap.web.data.TilesApi;

/**
 * Issue 7's tile targets on the national index: a stations tile at zoom 5 (clustered, p99 ≤ 50 ms)
 * and at zoom 10 and 14 (p99 ≤ 10 ms), made exactly as {@code /tiles/stations/{z}/{x}/{y}.mvt}
 * makes it (the index's clusters of the tile plus buffer, encoded to MVT), for the tile under a
 * random one of the 620,573 stations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-Xms2g", "--add-modules", "jdk.incubator.vector"})
public class TileBenchmarks {
  @Param({"5", "10", "14"})
  public int zoom;

  private LuceneSearchIndex index;
  private SplittableRandom random;
  private int[][] tiles;

  @Setup(Level.Trial)
  public void open() {
    index =
        new LuceneSearchIndex(
            Path.of(System.getProperty("vsmap.bench.index", "bench/target/national-index")),
            org.vsmap.geo.time.ChinaTime.system());
    random = new SplittableRandom(42);
    List<NationalSetGenerator.Village> villages;
    try {
      villages =
          NationalSetGenerator.villages(
              Path.of(System.getProperty("vsmap.bench.data", "../shared/data")), 0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    tiles = new int[4096][];
    for (int i = 0; i < tiles.length; i++) {
      NationalSetGenerator.Village v =
          villages.get(
              random.nextInt(villages.size())); // the tile under a real station: where people look
      double lon = v.lon();
      double lat = v.lat();
      int n = 1 << zoom;
      int x = (int) Math.floor((lon + 180) / 360 * n);
      double r = Math.toRadians(lat);
      int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
      tiles[i] = new int[] {x, y};
    }
    index.clusters(
        SearchIndex.Request.builder().bbox(new BBox(73, 18, 135, 54)).build(),
        4); // builds the cluster cache
  }

  @TearDown(Level.Trial)
  public void close() {
    index.close();
  }

  @Benchmark
  public byte[] stationsTile() {
    int[] t = tiles[random.nextInt(tiles.length)];
    return TilesApi.pointTile(index, "stations", zoom, t[0], t[1]);
  }
}
