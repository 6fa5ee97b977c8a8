package org.vsmap.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.geo.time.ChinaTime;
import org.vsmap.pipeline.search.LuceneSearchIndex;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;

/**
 * The relevance set's 70 resident queries on the demo index (the shipped demo seeds, 2,622 records,
 * indexed in a temporary folder at setup), as the map sends them: 20 hits, all facets. Sample mode,
 * so JMH reports p50 and p99. Its national counterpart is {@link SearchBenchmarks#residentQuery}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "-Xms1g", "--add-modules", "jdk.incubator.vector"})
public class DemoSearchBenchmarks {
  private final String[] residents = ResidentQueries.all();
  private final SplittableRandom random = new SplittableRandom(42);
  private Path folder;
  private LuceneSearchIndex index;

  @Setup(Level.Trial)
  public void build() throws IOException {
    folder = Files.createTempDirectory("vsmap-demo-index-");
    SeedLoader.SeedData data = SeedLoader.read(SeedSource.classpath(), LocalDate.now());
    Map<String, GeoPoint> points = new HashMap<>();
    data.stations().forEach(s -> points.put(s.id(), s.location()));
    index = new LuceneSearchIndex(folder, ChinaTime.system()).withoutKeptAnswers();
    index.rebuild(data.stations(), data.teams(), data.activities(), points, "bench", 0);
  }

  @TearDown(Level.Trial)
  public void close() {
    index.close();
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  public SearchIndex.Result residentQuery() {
    return index.search(
        SearchIndex.Request.builder()
            .text(residents[random.nextInt(residents.length)])
            .limit(20)
            .build());
  }
}
