package org.vsmap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.vsmap.pipeline.search.IndexFollower;
import org.vsmap.pipeline.search.LuceneSearchIndex;
import org.vsmap.pipeline.seed.NationalSetGenerator;
import org.vsmap.pipeline.seed.NationalSetGeneratorIT;
import org.vsmap.pipeline.store.Database;
import org.vsmap.pipeline.store.JdbiActivityStore;
import org.vsmap.pipeline.store.JdbiChangeLog;
import org.vsmap.pipeline.store.JdbiStationStore;
import org.vsmap.pipeline.store.JdbiStoreInfo;
import org.vsmap.pipeline.store.JdbiTeamStore;
import org.vsmap.pipeline.store.PostgisCluster;

/**
 * Every benchmark of bench/ run on tiny data so none of them rots (issue 8): the national
 * generator's slice (2,119 real villages) imported through the real importer into H2GIS (whose
 * index is rebuilt as a node does) and into a throwaway PostGIS; then the side-by-side comparison
 * (whose answers must agree with PostGIS's), the JMH benchmarks in-process, the import and export
 * benchmarks, and the ceiling server. Figures from these runs mean nothing; the national runs are
 * in docs/performance.md.
 */
@Tag("integration")
class BenchmarksSmokeIT {
  static final Path SLICE = Path.of("../data-pipeline/src/test/resources/national-slice");
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @TempDir static Path tmp;
  static NationalSetGenerator.Summary summary;
  static LuceneSearchIndex index;
  static Connection pg;

  @BeforeAll
  static void load() throws Exception {
    summary = NationalSetGenerator.generate(SLICE, tmp.resolve("set"), 0, TODAY);
    try (Database h2 = Database.open(Database.embeddedUrl(tmp.resolve("h2")), null, null)) {
      NationalSetGeneratorIT.importAll(h2, tmp.resolve("set"), summary, TODAY);
      index =
          new LuceneSearchIndex(tmp.resolve("h2/index"), Clock.system(ZoneId.of("Asia/Shanghai")));
      IndexFollower.rebuild(
          index,
          new JdbiStationStore(h2.jdbi()),
          new JdbiTeamStore(h2.jdbi()),
          new JdbiActivityStore(h2.jdbi()),
          new JdbiStoreInfo(h2.jdbi()).get(JdbiStoreInfo.STORE_ID).orElseThrow(),
          new JdbiChangeLog(h2.jdbi()).maxSeq());
    }
    PostgisCluster cluster = PostgisCluster.require();
    String url = cluster.createDatabase("vsmap_bench");
    try (Database db = Database.open(url, cluster.user(), null)) {
      NationalSetGeneratorIT.importAll(db, tmp.resolve("set"), summary, TODAY);
    }
    pg = DriverManager.getConnection(url, cluster.user(), null);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
    pg.close();
  }

  @Test
  void sideBySideRunsEveryQueryAndBothSidesGiveTheSameAnswers() throws Exception {
    SideBySide run = new SideBySide(index, pg, 40);
    assertThat(run.prepare()).contains("pg_trgm");
    Map<String, SideBySide.Row> rows =
        run.all().stream().collect(Collectors.toMap(SideBySide.Row::query, r -> r));
    assertThat(rows.keySet())
        .containsExactlyInAnyOrder(
            "nearest 10 stations",
            "viewport count z5",
            "viewport count z10",
            "viewport count z14",
            "clustered viewport z5",
            "clustered viewport z10",
            "clustered viewport z14",
            "vector tile z5 (stations)",
            "vector tile z12 (stations)",
            "text search, 20 hits + total");
    for (int z : SideBySide.ZOOMS) {
      assertThat(rows.get("viewport count z" + z).agreement())
          .startsWith("40/40 equal to ST_Intersects' exact count");
      assertThat(rows.get("clustered viewport z" + z).agreement())
          .isEqualTo("40/40 same clusters in every cell inside the screen");
    }
    int shared =
        Integer.parseInt(rows.get("nearest 10 stations").agreement().replaceAll(" %.*", ""));
    assertThat(shared)
        .as("the same 10 nearest, but for ties of planar vs great-circle distance")
        .isGreaterThanOrEqualTo(80);
    assertThat(rows.get("vector tile z5 (stations)").agreement()).doesNotContain(" 0 B");
    assertThat(rows.get("text search, 20 hits + total").agreement()).contains("社区志愿服务站 ");
    assertThat(rows.values())
        .allSatisfy(r -> assertThat(r.oursMedian()).isPositive().isLessThanOrEqualTo(r.oursP99()));
  }

  @Test
  void theJmhBenchmarksRunOnANationalIndexOfTheSlice() throws Exception {
    Path jmhIndex = tmp.resolve("national-index");
    NationalIndex.main(new String[] {SLICE.toString(), jmhIndex.toString()});
    System.setProperty("vsmap.bench.index", jmhIndex.toString());
    System.setProperty("vsmap.bench.data", SLICE.toString());
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include("(SearchBenchmarks|DemoSearchBenchmarks|TileBenchmarks)\\.")
                    .forks(0)
                    .param("zoom", "10")
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200))
                    .shouldFailOnError(true)
                    .build())
            .run();
    assertThat(
            results.stream()
                .map(r -> r.getParams().getBenchmark().replaceAll(".*\\.(\\w+\\.\\w+)$", "$1"))
                .toList())
        .contains(
            "SearchBenchmarks.nearest10",
            "SearchBenchmarks.searchWithFacets",
            "SearchBenchmarks.residentQuery",
            "DemoSearchBenchmarks.residentQuery",
            "SearchBenchmarks.clusteredViewport");
    assertThat(results)
        .hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(r -> assertThat(r.getPrimaryResult().getSampleCount()).isPositive());
  }

  @Test
  void theImportAndExportBenchmarksRunOnTheSlice() throws Exception {
    Path work = tmp.resolve("import-bench");
    System.setProperty("vsmap.bench.data", SLICE.toString());
    ImportBenchmark.main(new String[] {SLICE.toString(), work.toString()});
    try (Database db = Database.open(Database.embeddedUrl(work), null, null)) {
      assertThat(new JdbiStationStore(db.jdbi()).stationCount()).isEqualTo(summary.stations());
    }
    ExportBenchmark.main(
        new String[] {work.toString(), "50"}); // throws if an export or an OGC page fails
  }

  @Test
  void theCeilingServerAnswers() throws Exception {
    var server = CeilingServer.start(0);
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ping"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("{\"ok\":true}");
    } finally {
      server.stop();
    }
    assertThat(Files.readString(Path.of("wrk/nearby.lua")))
        .as("the wrk script of the HTTP run")
        .contains("/api/nearby");
  }
}
