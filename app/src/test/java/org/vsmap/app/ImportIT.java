package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.geo.spatial.Geodesy;

/**
 * An office's GBK file with AMap coordinates, imported with the CLI: checked first, all or nothing,
 * then on the map.
 */
@Tag("integration")
class ImportIT {
  private static final GeoPoint WGS = new GeoPoint(109.953453, 39.881668);

  @Test
  void aCleanFileIsAppliedOnceAndABadOneChangesNothing() throws Exception {
    Path data = Files.createTempDirectory("vsmap-import-").resolve("data");
    try (RunningPortal first = RunningPortal.start(data)) {
      assertThat(first.get("/health").statusCode()).isEqualTo(200);
    }
    GeoPoint gcj = CoordinateSystem.GCJ02.fromWgs84(WGS);
    String header = "站点名称,站点类型,行政区划代码,地址,经度,纬度,联系电话\n";
    String good =
        header
            + String.format(
                Locale.ROOT,
                "星光便民志愿服务点,公共场所便民志愿服务点,150602001002,锦秀社区,%.6f,%.6f,0477-8581234\n",
                gcj.lon(),
                gcj.lat());
    String bad = good + "月光便民志愿服务点,公共场所便民志愿服务点,999999999999,某地,109.9,39.8,\n";
    Path goodFile =
        Files.write(data.getParent().resolve("good.csv"), good.getBytes(Charset.forName("GBK")));
    Path badFile =
        Files.write(data.getParent().resolve("bad.csv"), bad.getBytes(Charset.forName("GBK")));

    RunningPortal.Outcome refused =
        RunningPortal.cli(
            "import",
            badFile.toString(),
            "--kind",
            "station",
            "--crs",
            "gcj02",
            "--data-dir",
            data.toString());
    assertThat(refused.exit()).as(refused.out()).isEqualTo(1);
    assertThat(refused.out())
        .contains("read as GB18030")
        .contains("bad.csv row 3 column 行政区划代码 '999999999999': unknown region code")
        .contains("nothing was written");

    RunningPortal.Outcome dry =
        RunningPortal.cli(
            "import",
            goodFile.toString(),
            "--kind",
            "station",
            "--crs",
            "gcj02",
            "--dry-run",
            "--data-dir",
            data.toString());
    assertThat(dry.exit()).as(dry.out()).isZero();
    assertThat(dry.out())
        .contains("1 records pass, 0 problems")
        .contains("dry run, nothing was written; it would make")
        .contains("stations: 1 new, 0 updated, 0 unchanged, 0 retired");

    RunningPortal.Outcome applied =
        RunningPortal.cli(
            "import",
            goodFile.toString(),
            "--kind",
            "station",
            "--crs",
            "gcj02",
            "--data-dir",
            data.toString());
    assertThat(applied.exit()).as(applied.out()).isZero();
    assertThat(applied.out()).contains("stations: 1 new, 0 updated, 0 unchanged, 0 retired");
    RunningPortal.Outcome again =
        RunningPortal.cli(
            "import",
            goodFile.toString(),
            "--kind",
            "station",
            "--crs",
            "gcj02",
            "--data-dir",
            data.toString());
    assertThat(again.out()).contains("stations: 0 new, 0 updated, 1 unchanged, 0 retired");

    String near =
        header
            + String.format(
                Locale.ROOT,
                "星光便民志愿服务站,公共场所便民志愿服务点,150602001002,锦秀社区,%.6f,%.6f,\n",
                gcj.lon() + 0.0002,
                gcj.lat());
    Path nearFile =
        Files.write(data.getParent().resolve("near.csv"), near.getBytes(StandardCharsets.UTF_8));
    RunningPortal.Outcome warned =
        RunningPortal.cli(
            "import",
            nearFile.toString(),
            "--kind",
            "station",
            "--crs",
            "gcj02",
            "--dry-run",
            "--data-dir",
            data.toString());
    assertThat(warned.exit()).as(warned.out()).isZero();
    assertThat(warned.out())
        .contains("warning: 星光便民志愿服务站: likely duplicate of st-150602001002-")
        .contains("星光便民志愿服务点");

    RunningPortal.Outcome usage =
        RunningPortal.cli(
            "import",
            goodFile.toString(),
            "--kind",
            "station",
            "--crs",
            "mars",
            "--data-dir",
            data.toString());
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.out()).contains("vsmap: error: --crs: unknown coordinate system 'mars'");

    try (RunningPortal second = RunningPortal.start(data)) {
      ObjectMapper json = new ObjectMapper();
      JsonNode hits =
          json.readTree(
                  second
                      .get("/api/search?q=" + URLEncoder.encode("星光", StandardCharsets.UTF_8))
                      .body())
              .get("hits");
      assertThat(hits).hasSize(1);
      assertThat(hits.get(0).get("name").asText()).isEqualTo("星光便民志愿服务点");
      assertThat(hits.get(0).get("synthetic").asBoolean()).isFalse();
      GeoPoint stored =
          new GeoPoint(hits.get(0).get("lon").asDouble(), hits.get(0).get("lat").asDouble());
      assertThat(Geodesy.metres(stored, WGS)).isLessThan(1.0);
      assertThat(
              json.readTree(
                      second
                          .get("/api/search?q=" + URLEncoder.encode("月光", StandardCharsets.UTF_8))
                          .body())
                  .get("total")
                  .asInt())
          .isZero();
    }
  }
}
