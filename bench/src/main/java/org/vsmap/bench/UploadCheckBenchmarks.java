package org.vsmap.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.importer.StationImport;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;

/**
 * Issue 20, finding 4: the check of an upload whose 100,000 rows all lie in one community (points 3
 * m apart), which cost 193 s of CPU when every row was compared with every other. What an office's
 * upload costs before its preview: reading the CSV, every row's checks, placement in the region and
 * the likely-duplicate search. Target: under 5 s.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar UploadCheckBenchmarks -rf json -rff
 * bench/target/jmh-upload.json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g", "-Xms2g"})
public class UploadCheckBenchmarks {
  private byte[] oneCommunity;
  private final Map<String, Region> regions = new HashMap<>();

  @Setup
  public void setUp() {
    SeedLoader.read(SeedSource.classpath(), LocalDate.of(2026, 12, 7))
        .regions()
        .forEach(r -> regions.put(r.code(), r));
    StringBuilder csv = new StringBuilder("站点名称,站点类型,行政区划代码,经度,纬度\n");
    for (int i = 0; i < 100_000; i++) {
      csv.append(
          String.format(
              Locale.ROOT,
              "第%d号服务点,社区志愿服务站,150602001002,%.6f,%.6f%n",
              i,
              109.98 + (i % 300) * 3.5e-5,
              39.82 + (i / 300) * 2.7e-5));
    }
    oneCommunity = csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public StationImport.Result hundredThousandRowsOfOneCommunity() {
    StationImport.Result r =
        StationImport.read(
            "one-community.csv", oneCommunity, null, CoordinateSystem.WGS84, regions, false);
    if (r.stations().size() != 100_000 || !r.problems().isEmpty()) {
      throw new IllegalStateException("the file did not check clean: " + r.problems().size());
    }
    return r;
  }
}
