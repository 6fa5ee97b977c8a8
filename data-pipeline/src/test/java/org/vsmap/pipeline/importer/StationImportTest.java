package org.vsmap.pipeline.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.geo.spatial.Geodesy;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;

class StationImportTest {
  static final Map<String, Region> REGIONS = new HashMap<>();
  static final GeoPoint JINXIU = new GeoPoint(109.953453, 39.881668); // inside 东胜区 (WGS84)

  @BeforeAll
  static void regions() {
    SeedLoader.read(SeedSource.classpath(), LocalDate.of(2026, 11, 25))
        .regions()
        .forEach(r -> REGIONS.put(r.code(), r));
  }

  private static String gcj(GeoPoint p) {
    GeoPoint g = CoordinateSystem.GCJ02.fromWgs84(p);
    return String.format(Locale.ROOT, "%.6f,%.6f", g.lon(), g.lat());
  }

  private static final String HEADER = "站点名称,站点类型,行政区划代码,地址,经度,纬度,开放时间,服务内容,联系电话,五有\n";

  @Test
  void anOfficeFileInGbkWithAmapCoordinatesComesInAsWgs84() {
    String csv =
        HEADER
            + "锦秀社区志愿服务站,社区志愿服务站,150602001002,东胜区交通街道锦秀社区,"
            + gcj(JINXIU)
            + ",周一至周五 9:00-17:00,助老；义诊、理发,0477-8581234,11010\n";
    for (Charset cs : new Charset[] {StandardCharsets.UTF_8, Charset.forName("GBK")}) {
      byte[] bytes =
          cs == StandardCharsets.UTF_8 ? ("\uFEFF" + csv).getBytes(cs) : csv.getBytes(cs);
      StationImport.Result r =
          StationImport.read("东胜站点.csv", bytes, null, CoordinateSystem.GCJ02, REGIONS, false);
      assertThat(r.problems()).isEmpty();
      assertThat(r.encoding()).isEqualTo(cs == StandardCharsets.UTF_8 ? "UTF-8" : "GB18030");
      Station s = r.stations().get(0);
      assertThat(Geodesy.metres(s.location(), JINXIU))
          .as("GCJ-02 → WGS84 round trip")
          .isLessThan(0.5);
      assertThat(s.type()).isEqualTo(StationType.COMMUNITY);
      assertThat(s.services()).containsExactly("助老", "义诊", "理发");
      assertThat(s.fiveHas().met()).isEqualTo(3);
      assertThat(s.id())
          .isEqualTo(StationImport.stableId("150602001002", "锦秀社区志愿服务站"))
          .startsWith("st-150602001002-");
    }
  }

  @Test
  void everyBadRowIsReportedWithRowColumnValueAndReasonAndGoodRowsStillPass() {
    String csv =
        HEADER
            + "好站点,社区志愿服务站,150602001002,地址,"
            + gcj(JINXIU)
            + ",,,,\n" // 2 ok
            + "无名区划站,社区志愿服务站,999999999999,地址,"
            + gcj(JINXIU)
            + ",,,,\n" // 3 unknown region
            + "海外站,社区志愿服务站,150602001002,地址,2.35,48.85,,,,\n" // 4 outside China
            + "反了站,社区志愿服务站,150602001002,地址,39.88,109.95,,,,\n" // 5 swapped
            + "别处站,社区志愿服务站,150602001002,地址,107.5,38.2,,,,\n" // 6 outside its county
            + "手机站,社区志愿服务站,150602001002,地址,"
            + gcj(JINXIU)
            + ",,,13912345678,\n" // 7 mobile
            + ",社区志愿服务站,150602001002,地址,"
            + gcj(JINXIU)
            + ",,,,\n" // 8 no name
            + "怪类站,城堡,150602001002,地址,"
            + gcj(JINXIU)
            + ",,,,\n" // 9 bad type
            + "五有站,社区志愿服务站,150602001002,地址,"
            + gcj(JINXIU)
            + ",,,,1101\n" // 10 bad 五有
            + "好站点,社区志愿服务站,150602001002,地址,"
            + gcj(JINXIU)
            + ",,,,\n"; // 11 duplicate
    StationImport.Result r =
        StationImport.read(
            "f.csv",
            csv.getBytes(StandardCharsets.UTF_8),
            null,
            CoordinateSystem.GCJ02,
            REGIONS,
            false);
    assertThat(r.stations()).extracting(Station::name).containsExactly("好站点");
    assertThat(r.clean()).isFalse();
    assertThat(r.problems()).extracting(Problem::row).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11);
    assertThat(r.problems().get(0).toString())
        .isEqualTo("f.csv row 3 column 行政区划代码 '999999999999': unknown region code / 未知的区划代码");
    assertThat(r.problems().get(1).reasonEn()).isEqualTo("point is outside China");
    assertThat(r.problems().get(2).reasonEn()).contains("swapped");
    assertThat(r.problems().get(3).reasonEn()).contains("outside 150602 东胜区");
    assertThat(r.problems().get(4).column()).isEqualTo("联系电话");
    assertThat(r.problems().get(4).reasonEn()).contains("personal mobile");
    assertThat(r.problems().get(5).reasonEn()).isEqualTo("name is required");
    assertThat(r.problems().get(6).value()).isEqualTo("城堡");
    assertThat(r.problems().get(7).column()).isEqualTo("五有");
    assertThat(r.problems().get(8).reasonEn()).isEqualTo("duplicates row 2");
  }

  @Test
  void aRowWithoutCoordinatesIsPlacedAtItsRegionsCentroidAndFlaggedApproximate() {
    String csv =
        "站点名称,行政区划代码,地址,经度,纬度\n"
            + "无坐标站,150602,东胜区,,\n"
            + "社区站,150602001002,锦秀社区,,\n"
            + "半坐标站,150602,东胜区,109.95,\n";
    StationImport.Result r =
        StationImport.read(
            "f.csv",
            csv.getBytes(StandardCharsets.UTF_8),
            null,
            CoordinateSystem.WGS84,
            REGIONS,
            false);
    assertThat(r.stations()).extracting(Station::name).containsExactly("无坐标站", "社区站");
    assertThat(r.stations()).allMatch(Station::approximate);
    assertThat(r.stations().get(0).location())
        .as("the address names 东胜区: the GeoNames town Dongsheng, the district's seat")
        .isEqualTo(new GeoPoint(109.97763, 39.81609));
    assertThat(r.stations().get(1).location())
        .as("the community has no point: its county's")
        .isEqualTo(REGIONS.get("150602").centroid());
    assertThat(r.warnings()).extracting(Problem::row).containsExactly(2, 3);
    assertThat(r.warnings().get(0).reasonEn()).startsWith("no coordinates: approximate location");
    assertThat(r.problems())
        .extracting(Problem::row, Problem::reasonEn)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "coordinates are required"));
  }

  @Test
  void aFileWithoutTheNeededColumnsOrNotTextAtAllIsRefused() {
    StationImport.Result r =
        StationImport.read(
            "f.csv",
            "名称,备注\n锦秀,x\n".getBytes(StandardCharsets.UTF_8),
            null,
            CoordinateSystem.WGS84,
            REGIONS,
            false);
    assertThat(r.stations()).isEmpty();
    assertThat(r.problems()).extracting(Problem::column).containsExactly("region_code");
    assertThat(r.problems()).allMatch(p -> p.row() == 1);
    byte[] junk = new byte[] {7, 0, 0, 8, (byte) 0xff, (byte) 0xfe, 0};
    assertThatThrownBy(
            () ->
                StationImport.read("sheet.csv", junk, null, CoordinateSystem.WGS84, REGIONS, false))
        .hasMessageContaining("binary");
    byte[] brokenZip = new byte[] {'P', 'K', 3, 4, 0, 0, 0, 8, (byte) 0xff, (byte) 0xfe, 0};
    assertThatThrownBy(
            () ->
                StationImport.read(
                    "sheet.xlsx", brokenZip, null, CoordinateSystem.WGS84, REGIONS, false))
        .hasMessageContaining("sheet.xlsx: not a readable XLSX workbook");
    assertThatThrownBy(
            () ->
                StationImport.read(
                    "f.csv",
                    "a".getBytes(StandardCharsets.UTF_8),
                    "klingon",
                    CoordinateSystem.WGS84,
                    REGIONS,
                    false))
        .hasMessageContaining("unknown encoding");
    assertThatThrownBy(() -> CoordinateSystem.parse("mars"))
        .hasMessageContaining("use wgs84, cgcs2000, gcj02 or bd09");
    assertThat(CoordinateSystem.parse("GCJ-02")).isEqualTo(CoordinateSystem.GCJ02);
  }

  @Test
  void anXlsxWorkbookComesInAndItsFormulasAreRefused() throws Exception {
    GeoPoint g = CoordinateSystem.GCJ02.fromWgs84(JINXIU);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      var sheet = wb.createSheet("站点");
      String[] header = HEADER.strip().split(",");
      var h = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      var ok = sheet.createRow(1);
      ok.createCell(0).setCellValue("锦秀社区志愿服务站");
      ok.createCell(2).setCellValue(150602001002d); // a region code typed as a number
      ok.createCell(4).setCellValue(g.lon());
      ok.createCell(5).setCellValue(g.lat());
      var evil = sheet.createRow(2);
      evil.createCell(0).setCellFormula("HYPERLINK(\"http://evil.example\",\"点我\")");
      evil.createCell(2).setCellValue(150602001002d);
      evil.createCell(4).setCellValue(g.lon());
      evil.createCell(5).setCellValue(g.lat());
      wb.write(out);
    }
    StationImport.Result r =
        StationImport.read(
            "站点.xlsx", out.toByteArray(), null, CoordinateSystem.GCJ02, REGIONS, false);
    assertThat(r.encoding()).isEqualTo("XLSX");
    assertThat(r.stations()).hasSize(1);
    assertThat(r.stations().get(0).regionCode()).isEqualTo("150602001002");
    assertThat(Geodesy.metres(r.stations().get(0).location(), JINXIU)).isLessThan(0.5);
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(3);
              assertThat(p.column()).isEqualTo("站点名称");
              assertThat(p.reasonEn()).isEqualTo("formulas are not accepted: paste the values");
            });
    String csvInjection = HEADER + "=cmd|' /C calc'!A0,,150602001002,,109.95,39.88,,,,\n";
    assertThat(
            StationImport.read(
                    "f.csv",
                    csvInjection.getBytes(StandardCharsets.UTF_8),
                    null,
                    CoordinateSystem.WGS84,
                    REGIONS,
                    false)
                .problems())
        .extracting(Problem::reasonEn)
        .containsExactly("formulas are not accepted: paste the values");
  }

  @Test
  void likelyDuplicatesAreWarnedAboutButDoNotBlock() {
    Station existing =
        new Station(
            "st-150602001002",
            "锦秀社区志愿服务站",
            StationType.COMMUNITY,
            "150602001002",
            null,
            JINXIU,
            null,
            java.util.List.of(),
            null,
            null,
            true);
    GeoPoint near = new GeoPoint(JINXIU.lon() + 0.0003, JINXIU.lat()); // about 26 m east
    Station again =
        new Station(
            "st-new",
            "锦秀社区志愿服务站点",
            StationType.COMMUNITY,
            "150602001002",
            null,
            near,
            null,
            java.util.List.of(),
            null,
            null,
            false);
    Station other =
        new Station(
            "st-other",
            "星光便民志愿服务点",
            StationType.CONVENIENCE_POINT,
            "150602001002",
            null,
            near,
            null,
            java.util.List.of(),
            null,
            null,
            false);
    Station far =
        new Station(
            "st-far",
            "锦秀社区志愿服务站",
            StationType.COMMUNITY,
            "150602001002",
            null,
            new GeoPoint(JINXIU.lon() + 0.01, JINXIU.lat()),
            null,
            java.util.List.of(),
            null,
            null,
            false);
    var warnings =
        LikelyDuplicates.find(
            "f.csv", java.util.List.of(again, other, far), java.util.List.of(existing));
    assertThat(warnings)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.value()).isEqualTo("锦秀社区志愿服务站点");
              assertThat(w.reasonEn())
                  .startsWith("likely duplicate of st-150602001002 锦秀社区志愿服务站 (26 m apart)");
            });
    assertThat(
            LikelyDuplicates.find(
                "f.csv", java.util.List.of(existing), java.util.List.of(existing)))
        .isEmpty();
  }

  @Test
  void baiduCoordinatesComeInToo() {
    GeoPoint bd = CoordinateSystem.BD09.fromWgs84(JINXIU);
    String csv =
        HEADER
            + String.format(
                Locale.ROOT, "锦秀社区志愿服务站,,150602001002,,%.6f,%.6f,,,,\n", bd.lon(), bd.lat());
    StationImport.Result r =
        StationImport.read(
            "f.csv",
            csv.getBytes(StandardCharsets.UTF_8),
            null,
            CoordinateSystem.BD09,
            REGIONS,
            false);
    assertThat(r.problems()).isEmpty();
    assertThat(Geodesy.metres(r.stations().get(0).location(), JINXIU)).isLessThan(1.0);
  }

  @Test
  void aHundredThousandRowsOfOneCommunityAreCheckedInLinearTime() {
    StringBuilder csv = new StringBuilder("站点名称,站点类型,行政区划代码,经度,纬度\n");
    for (int i = 0; i < 100_000; i++) {
      csv.append("第")
          .append(i)
          .append("号服务点,社区志愿服务站,150602001002,")
          .append(
              String.format(
                  Locale.ROOT,
                  "%.6f,%.6f",
                  109.98 + (i % 300) * 3.5e-5,
                  39.82 + (i / 300) * 2.7e-5))
          .append('\n');
    }
    byte[] bytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    // a bound that only a return to comparing every row with every other would break (193 s
    // before); the time itself: docs/BENCHMARKS.md
    StationImport.Result r =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(30),
            () ->
                StationImport.read(
                    "one-community.csv", bytes, null, CoordinateSystem.WGS84, REGIONS, false));
    assertThat(r.problems()).isEmpty();
    assertThat(r.stations()).hasSize(100_000);
  }
}
