package org.vsmap.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.pipeline.search.LuceneSearchIndex;

/**
 * In-process latency of the interactive queries on the national index (built by {@link
 * NationalIndex}): 10 nearest, text search with facets, the relevance set's resident queries, and a
 * clustered viewport of a 1280×800 screen at zoom 5, 10 and 14. Sample mode, so JMH reports p50 and
 * p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-Xms2g", "--add-modules", "jdk.incubator.vector"})
public class SearchBenchmarks {
  static final String[] WORDS = {
    "锦秀", "幸福", "新村", "和平", "东风", "社区志愿服务站", "红旗", "jinxiu", "xingfu", "hp", "义诊", "文明交通", "关爱山川河流",
    "建设", "团结", "长安"
  };

  @Param({"5", "10", "14"})
  public int zoom;

  private LuceneSearchIndex index;
  private SplittableRandom random;
  private GeoPoint[] points;
  private final String[] residents = ResidentQueries.all();

  @Setup(Level.Trial)
  public void open() {
    index =
        new LuceneSearchIndex(
                Path.of(System.getProperty("vsmap.bench.index", "bench/target/national-index")),
                org.vsmap.geo.time.ChinaTime.system())
            .withoutKeptAnswers(); // the queries' own cost: a resident's first asking
    random = new SplittableRandom(42);
    List<SearchIndex.Hit> sample =
        index
            .search(SearchIndex.Request.builder().kinds(Set.of(Kind.STATION)).limit(100).build())
            .hits();
    points = new GeoPoint[4096];
    for (int i = 0; i < points.length; i++) {
      GeoPoint base = sample.get(random.nextInt(sample.size())).location();
      points[i] =
          new GeoPoint(
              Math.max(74, Math.min(134, base.lon() + random.nextGaussian() * 8)),
              Math.max(19, Math.min(52, base.lat() + random.nextGaussian() * 6)));
    }
    index.clusters(
        SearchIndex.Request.builder().bbox(new BBox(73, 18, 135, 54)).build(),
        4); // builds the cluster cache
  }

  @TearDown(Level.Trial)
  public void close() {
    index.close();
  }

  private GeoPoint point() {
    return points[random.nextInt(points.length)];
  }

  @Benchmark
  public List<SearchIndex.Hit> nearest10() {
    return index.nearest(point(), Set.of(Kind.STATION), 10);
  }

  @Benchmark
  public SearchIndex.Result searchWithFacets() {
    return index.search(
        SearchIndex.Request.builder().text(WORDS[random.nextInt(WORDS.length)]).limit(20).build());
  }

  /**
   * One of the relevance set's 70 resident queries as the map sends it (expanded words, pinyin and
   * same-reading tolerance, 20 hits, all facets).
   */
  @Benchmark
  public SearchIndex.Result residentQuery() {
    return index.search(
        SearchIndex.Request.builder()
            .text(residents[random.nextInt(residents.length)])
            .limit(20)
            .build());
  }

  @Benchmark
  public List<SearchIndex.Cluster> clusteredViewport() {
    return index.clusters(
        SearchIndex.Request.builder().bbox(ScreenCells.screen(point(), zoom)).build(), zoom);
  }
}
