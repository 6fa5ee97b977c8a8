package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Weekly reporting over HTTP against the packaged jar and its store, on {@link RunningPortal#TODAY}
 * (Monday 7 Dec 2026: the week of 30 Nov is due tomorrow at 18:00, the week of 23 Nov closed on 1
 * Dec): the city office lists a unit (a near-miss name refused with its candidate), an office
 * uploads a report covering both weeks, the statuses follow, importing it again changes nothing;
 * the 考核 XLSX read back with POI, the Atom feed parsed with Rome, the public rate per district.
 */
@Tag("integration")
class ReportingIT {
  static final String PASSWORD = AdminIT.PASSWORD;
  static Path data;
  static RunningPortal portal;

  @BeforeAll
  static void start() throws Exception {
    data = Files.createTempDirectory("vsmap-reporting-").resolve("data");
    try (RunningPortal first = RunningPortal.start(data)) {
      assertThat(first.get("/health").statusCode()).isEqualTo(200);
    }
    assertThat(
            AdminIT.cli(
                    data, "account", "add", "dongsheng", "--role", "office", "--region", "150602")
                .exit())
        .isZero();
    assertThat(
            AdminIT.cli(
                    data, "account", "add", "kangbashi", "--role", "office", "--region", "150603")
                .exit())
        .isZero();
    assertThat(AdminIT.cli(data, "account", "add", "cityadmin", "--role", "admin").exit()).isZero();
    portal = RunningPortal.start(data);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.close();
  }

  private static byte[] report(String... rows) {
    StringBuilder s =
        new StringBuilder(
            "各区开展活动情况汇总表（测试，合成数据）,,,,\n,,,填表单位：东胜区文明办,\n类别,志愿服务组织名称,活动内容,日期及时间,志愿者参加人数\n");
    for (String r : rows) {
      s.append(r).append('\n');
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void uploadAndConfirm(AdminIT.Office o, byte[] csv) throws Exception {
    HttpResponse<String> preview = o.upload("report", "", "汇总表.csv", csv);
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    String confirm = AdminIT.matcher("action=\"(/admin/upload/[^\"]+/confirm)\"", preview.body());
    assertThat(o.post(confirm, Map.of("csrf", o.csrf)).statusCode()).isEqualTo(200);
  }

  private static String cells(String html) {
    // the history table's status and received cells, for comparing before and after
    return String.join(
        "|",
        java.util.regex.Pattern.compile(
                "<span class=\"st st-[A-Z_]+\">[^<]*</span>|\\d+月\\d+日 \\d\\d:\\d\\d")
            .matcher(html)
            .results()
            .map(java.util.regex.MatchResult::group)
            .toList());
  }

  @Test
  void aListedUnitsReportsGiveItsWeeksAndTheTableTheFeedAndTheRateFollow() throws Exception {
    AdminIT.Office city = new AdminIT.Office(portal).signIn("cityadmin", PASSWORD);
    city.get("/admin/reporting/rules");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("csrf", city.csrf);
    fields.put("names", "锦绣社区志愿服务队\n");
    fields.put("since", "2026-11-23");
    HttpResponse<String> typo = city.multipart("/admin/reporting/units/list", fields, Map.of());
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("您是不是指 锦秀社区志愿服务队");
    assertThat(city.get("/admin/reporting/rules").body())
        .as("nothing added on a near miss")
        .doesNotContain("/admin/reporting/units/tm-150602001002\"");
    fields.put("csrf", city.csrf);
    fields.put("names", "锦秀社区志愿服务队\n");
    assertThat(city.multipart("/admin/reporting/units/list", fields, Map.of()).statusCode())
        .isEqualTo(303);
    assertThat(city.get("/admin/reporting/rules").body())
        .contains("/admin/reporting/units/tm-150602001002\"");

    AdminIT.Office office = new AdminIT.Office(portal).signIn("dongsheng", PASSWORD);
    String before = office.get("/admin/reporting/units/tm-150602001002").body();
    assertThat(cells(before)).contains("st-MISSING\">未报").contains("st-PENDING\">待报");
    byte[] csv =
        report("社区,锦秀社区志愿服务队,楼道清扫（测试）,2026-11-25 上午,6", "社区,锦秀社区志愿服务队,冬季送温暖（测试）,2026-12-02 下午,9");
    office.get("/admin");
    uploadAndConfirm(office, csv);
    String after = office.get("/admin/reporting/units/tm-150602001002").body();
    // newest first: the week of 30 Nov on time, the week of 23 Nov late (5 or 6 days after 1 Dec)
    assertThat(cells(after)).startsWith("<span class=\"st st-ON_TIME\">按时</span>|");
    assertThat(cells(after)).containsPattern("st-LATE\">逾期 [56] 天");
    office.get("/admin");
    uploadAndConfirm(office, csv);
    assertThat(cells(office.get("/admin/reporting/units/tm-150602001002").body()))
        .as("the same report again changes nothing")
        .isEqualTo(cells(after));
    AdminIT.Office other = new AdminIT.Office(portal).signIn("kangbashi", PASSWORD);
    assertThat(other.get("/admin/reporting/units/tm-150602001002").statusCode()).isEqualTo(404);
    assertThat(other.get("/admin/reporting/weeks").body())
        .doesNotContain("锦秀社区志愿服务队")
        .contains("康巴什区");

    // the 考核 table, read back
    HttpResponse<byte[]> xlsx =
        RunningPortal.HTTP.send(
            HttpRequest.newBuilder(URI.create(portal.url("/admin/reporting/assessment.xlsx")))
                .header("Cookie", office.cookieHeader())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = wb.getSheetAt(0);
      DataFormatter f = new DataFormatter();
      List<String> header = new ArrayList<>();
      sheet.getRow(0).forEach(c -> header.add(f.formatCellValue(c)));
      assertThat(header.subList(0, 11))
          .containsExactly(
              "区（县）", "区划代码", "所在区划", "报送单位", "类别", "应报周数", "按时", "逾期", "未报", "无需报送", "按时报送率(%)");
      assertThat(header).hasSize(11 + 12).endsWith("11月30日–12月6日 周");
      Row jinxiu = null;
      for (Row r : sheet) {
        if (r.getRowNum() > 0) {
          assertThat(f.formatCellValue(r.getCell(0))).as("scoped to 东胜区").isEqualTo("东胜区");
          assertThat(r.getCell(1).getCellType()).as("codes stay text").isEqualTo(CellType.STRING);
          if (f.formatCellValue(r.getCell(3)).equals("锦秀社区志愿服务队")) {
            jinxiu = r;
          }
        }
      }
      assertThat(jinxiu).isNotNull();
      assertThat(jinxiu.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(jinxiu.getCell(5).getNumericCellValue())
          .as("due: the week of 23 Nov, and the week of 30 Nov already reported")
          .isEqualTo(2);
      assertThat(jinxiu.getCell(6).getNumericCellValue()).as("on time").isEqualTo(1);
      assertThat(jinxiu.getCell(7).getNumericCellValue()).as("late").isEqualTo(1);
      assertThat(jinxiu.getCell(10).getNumericCellValue()).isEqualTo(50.0);
      assertThat(f.formatCellValue(jinxiu.getCell(22))).isEqualTo("按时");
      assertThat(f.formatCellValue(jinxiu.getCell(21))).startsWith("逾期");
      assertThat(wb.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).contains("表名");
    }

    // the reminder feed, as a feed reader reads it (no cookie)
    String feedUrl =
        AdminIT.matcher(
                "value=\"(http[^\"]+feed\\.atom[^\"]+)\"", office.get("/admin/reporting").body())
            .replace("&amp;", "&");
    HttpResponse<String> feed =
        RunningPortal.HTTP.send(
            HttpRequest.newBuilder(URI.create(feedUrl)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(feed.statusCode()).isEqualTo(200);
    SyndFeed parsed = new SyndFeedInput().build(new StringReader(feed.body()));
    assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(parsed.getEntries()).as("the demo's missed weeks of 东胜区").isNotEmpty();
    for (SyndEntry e : parsed.getEntries()) {
      assertThat(e.getLink()).contains("/admin/reporting/units/tm-150602");
      assertThat(e.getTitle()).contains(" 未报 ");
    }
    assertThat(feed.body()).doesNotContainPattern("1[3-9]\\d{9}");
    HttpResponse<String> forged =
        RunningPortal.HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(feedUrl.replace("office=dongsheng", "office=kangbashi")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);

    // the printable notice of the closed week
    assertThat(office.get("/admin/reporting/notice").body())
        .contains("第48周")
        .contains("锦秀社区志愿服务队（逾期");

    // the public rate: the city and its districts only, with numerator and denominator
    JsonNode values =
        new ObjectMapper()
            .readTree(portal.get("/api/stats/on_time_reporting").body())
            .get("values");
    assertThat(values).isNotEmpty();
    for (JsonNode v : values) {
      assertThat(v.get("region_code").asText()).hasSizeLessThanOrEqualTo(6);
      assertThat(v.toString()).doesNotContain("锦秀社区");
    }
  }
}
