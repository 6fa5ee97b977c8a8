package org.vsmap.pipeline.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.csv.CsvTable;
import org.vsmap.pipeline.importer.OfficeImport;
import org.vsmap.pipeline.store.Database;
import org.vsmap.pipeline.store.JdbiImportWriter;

/**
 * The national generator on a small slice of the real reference files (2,119 villages of 31
 * provinces, copied into the test resources with their licences): the same day gives identical
 * files; every file goes through the real importer into a real H2GIS store with no problem at all;
 * what is stored is what the generator said it wrote, all of it flagged synthetic.
 */
@Tag("integration")
public class NationalSetGeneratorIT {
  static final Path SLICE = Path.of("src/test/resources/national-slice");
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @TempDir static Path tmp;
  static NationalSetGenerator.Summary summary;

  @BeforeAll
  static void generate() throws Exception {
    summary = NationalSetGenerator.generate(SLICE, tmp.resolve("a"), 0, TODAY);
  }

  @Test
  void theSameDayGivesIdenticalFilesAndTheSliceIsInProportion() throws Exception {
    NationalSetGenerator.generate(SLICE, tmp.resolve("b"), 0, TODAY);
    assertThat(digests(tmp.resolve("b")))
        .isEqualTo(digests(tmp.resolve("a")))
        .hasSize(summary.files().size() + 1);
    assertThat(summary.stations()).isEqualTo(2_119);
    assertThat(summary.teams()).isEqualTo((int) Math.round(1_000_000.0 * 2_119 / 620_573));
    assertThat(summary.activities()).isEqualTo((int) Math.round(2_000_000.0 * 2_119 / 620_573));
    assertThat((double) summary.upcoming() / summary.activities()).isBetween(0.12, 0.18);
    assertThat(Files.readString(tmp.resolve("a/README.txt")))
        .contains("合成数据 SYNTHETIC DATA")
        .contains("--kind station --crs wgs84");

    NationalSetGenerator.Summary other =
        NationalSetGenerator.generate(SLICE, tmp.resolve("c"), 100, TODAY);
    assertThat(other.stations()).isEqualTo(100);
    assertThat(Files.readAllLines(tmp.resolve("c/05-villages-01.csv"))).hasSize(101);
    assertThat(Files.readAllLines(tmp.resolve("c/01-provinces.csv")))
        .hasSize(2); // only the regions above the villages taken
  }

  @Test
  void everyFileImportsCleanlyThroughTheRealImporterAndAllOfItIsSynthetic() throws Exception {
    Path dir = tmp.resolve("a");
    try (Database db = Database.open(Database.embeddedUrl(tmp.resolve("store")), null, null)) {
      importAll(db, dir, summary, TODAY);
      Map<String, Long> counts =
          db.jdbi()
              .withHandle(
                  h ->
                      Map.of(
                          "regions",
                              h.createQuery("SELECT COUNT(*) FROM region").mapTo(Long.class).one(),
                          "stations",
                              h.createQuery("SELECT COUNT(*) FROM station WHERE synthetic")
                                  .mapTo(Long.class)
                                  .one(),
                          "teams",
                              h.createQuery("SELECT COUNT(*) FROM team WHERE synthetic")
                                  .mapTo(Long.class)
                                  .one(),
                          "activities",
                              h.createQuery("SELECT COUNT(*) FROM activity WHERE synthetic")
                                  .mapTo(Long.class)
                                  .one(),
                          "not synthetic",
                              h.createQuery(
                                      "SELECT (SELECT COUNT(*) FROM station WHERE NOT synthetic) + (SELECT COUNT(*) FROM team WHERE NOT "
                                          + "synthetic) + (SELECT COUNT(*) FROM activity WHERE NOT synthetic)")
                                  .mapTo(Long.class)
                                  .one(),
                          "held",
                              h.createQuery(
                                      "SELECT COUNT(*) FROM activity WHERE participants IS NOT NULL AND ends_at < CURRENT_TIMESTAMP")
                                  .mapTo(Long.class)
                                  .one(),
                          "roots",
                              h.createQuery("SELECT COUNT(*) FROM team WHERE parent_id IS NULL")
                                  .mapTo(Long.class)
                                  .one()));
      assertThat(counts)
          .containsEntry("regions", (long) summary.regions())
          .containsEntry("stations", (long) summary.stations())
          .containsEntry("teams", (long) summary.teams())
          .containsEntry("activities", (long) summary.activities())
          .containsEntry("not synthetic", 0L)
          .containsEntry("held", (long) (summary.activities() - summary.upcoming()))
          .containsEntry("roots", Files.readAllLines(dir.resolve("02-cities.csv")).size() - 1L);
    }
    // stations sit in China, at their own village's code
    CsvTable stations =
        CsvTable.read(
            "10-stations-01.csv", Files.newInputStream(dir.resolve("10-stations-01.csv")));
    List<String> villages =
        CsvTable.read("05-villages-01.csv", Files.newInputStream(dir.resolve("05-villages-01.csv")))
            .rows()
            .stream()
            .map(r -> r.require("code"))
            .toList();
    assertThat(stations.rows().stream().map(r -> r.require("行政区划代码")).toList())
        .containsExactlyElementsOf(villages);
    assertThat(stations.rows())
        .allSatisfy(
            r ->
                assertThat(
                        org.vsmap.geo.spatial.ChinaOffsets.inChina(
                            Double.parseDouble(r.require("经度")),
                            Double.parseDouble(r.require("纬度"))))
                    .isTrue());
  }

  /**
   * Imports every generated file in order through the real importer; fails on any problem. Also for
   * the benchmarks' smoke runs.
   */
  public static void importAll(
      Database db, Path dir, NationalSetGenerator.Summary summary, LocalDate today)
      throws Exception {
    JdbiImportWriter writer = new JdbiImportWriter(db.jdbi());
    for (NationalSetGenerator.File f : summary.files()) {
      String options = NationalSetGenerator.importOptions(f.kind());
      OfficeImport.Prepared p =
          OfficeImport.prepare(
              new org.vsmap.pipeline.store.JdbiImportLookups(db.jdbi()),
              new OfficeImport.Request(
                  OfficeImport.What.parse(f.kind()),
                  f.name(),
                  Files.readAllBytes(dir.resolve(f.name())),
                  null,
                  options.contains("wgs84") ? CoordinateSystem.WGS84 : null,
                  null,
                  null,
                  options.replaceFirst(".*--source ", ""),
                  false,
                  "test"),
              today.atTime(10, 0));
      assertThat(p.problems()).as(f.name()).isEmpty();
      assertThat(p.records()).as(f.name()).isEqualTo(f.rows());
      writer.apply(p.batch());
    }
  }

  private static Map<String, String> digests(Path dir) throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        m.put(
            f.getFileName().toString(),
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return m;
  }
}
