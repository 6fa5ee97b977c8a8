package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The offices' own files through the CLI against the packaged jar: the seed-001 reports become
 * teams and activities on the map, the personal contacts in them reach no public page or API, and a
 * full re-import retires what a station list no longer holds.
 */
@Tag("integration")
class OfficeDataIT {
  static final Path SAMPLES = Path.of("..", "seeds", "samples");

  /** The personal data in the sample form, in every spelling it could leak in. */
  static final List<String> PERSONAL =
      List.of("王晓测", "李测明", "13912345678", "139 1234 5678", "13598765432", "1359876");

  @Test
  void reportsOfSeed001ComeInAndTheirPersonalDataStaysOutOfEveryPublicAnswer() throws Exception {
    Path data = Files.createTempDirectory("vsmap-office-").resolve("data");
    try (RunningPortal first = RunningPortal.start(data)) {
      assertThat(first.get("/health").statusCode()).isEqualTo(200);
    }
    RunningPortal.Outcome noRegion =
        RunningPortal.cli(
            "import",
            SAMPLES.resolve("情况表-东胜区蓝天救援-样例.gbk.csv").toString(),
            "--kind",
            "report",
            "--data-dir",
            data.toString());
    assertThat(noRegion.exit()).isEqualTo(2);
    assertThat(noRegion.out()).contains("--region is required");

    RunningPortal.Outcome form =
        RunningPortal.cli(
            "import",
            SAMPLES.resolve("情况表-东胜区蓝天救援-样例.gbk.csv").toString(),
            "--kind",
            "report",
            "--region",
            "150602",
            "--data-dir",
            data.toString());
    assertThat(form.exit()).as(form.out()).isZero();
    assertThat(form.out())
        .contains("read as GB18030")
        .contains("teams: 1 new, 0 updated, 1 unchanged")
        .contains("activities: 2 new")
        .contains("restricted contacts: 2");
    assertThat(form.out())
        .as("the CLI summary does not echo personal data")
        .doesNotContain("王晓测", "13912345678");
    RunningPortal.Outcome summary =
        RunningPortal.cli(
            "import",
            SAMPLES.resolve("汇总表-东胜区-样例.xlsx").toString(),
            "--kind",
            "report",
            "--region",
            "150602",
            "--data-dir",
            data.toString());
    assertThat(summary.exit()).as(summary.out()).isZero();
    assertThat(summary.out()).contains("read as XLSX").contains("activities: 4 new");
    RunningPortal.Outcome again =
        RunningPortal.cli(
            "import",
            SAMPLES.resolve("汇总表-东胜区-样例.csv").toString(),
            "--kind",
            "report",
            "--region",
            "150602",
            "--data-dir",
            data.toString());
    assertThat(again.out())
        .as("the same report as CSV changes nothing")
        .contains("activities: 0 new, 0 updated, 4 unchanged");

    try (RunningPortal portal = RunningPortal.start(data)) {
      ObjectMapper json = new ObjectMapper();
      JsonNode teams =
          json.readTree(portal.get("/api/search?kind=team&q=" + enc("蓝天救援")).body()).get("hits");
      assertThat(teams).hasSize(1);
      String teamUrl = teams.get(0).get("url").asText();
      String teamPage = portal.get(teamUrl).body();
      assertThat(teamPage).contains("东胜区蓝天救援志愿服务队").contains("东胜区应急管理局");
      JsonNode river =
          json.readTree(portal.get("/api/search?kind=activity&q=" + enc("河道垃圾清理")).body())
              .get("hits")
              .get(0);
      assertThat(river.get("approximate_location").asBoolean()).isTrue();
      HttpResponse<String> riverPage = portal.get(river.get("url").asText());
      assertThat(riverPage.body()).contains("位置为近似").contains("实际参加志愿者").contains(">23<");

      // every page and answer a visitor can reach, starting from the home page and the new records
      Set<String> seen =
          crawl(
              portal,
              List.of(
                  "/",
                  "/?lang=en",
                  teamUrl,
                  river.get("url").asText(),
                  "/api/search?q=" + enc("蓝天救援"),
                  "/api/search?kind=team&limit=100",
                  "/api/search?q=" + enc("王晓测"),
                  "/api/search?q=13912345678",
                  "/api/suggest?q=" + enc("蓝天"),
                  "/api/nearby?lat=39.8&lon=109.95&limit=50",
                  "/api/clusters?bbox=109,39,111,41&zoom=10",
                  "/api/stations.geojson",
                  "/api/regions.geojson",
                  "/api/regions",
                  "/data/stations.csv",
                  "/data/teams.csv",
                  "/data/activities.csv",
                  "/data/stations.geojson",
                  "/data/teams.geojson",
                  "/data/activities.geojson"));
      assertThat(seen.size()).as("pages and answers scanned").isGreaterThan(20);
    }
  }

  /**
   * Follows every same-site link (href, src, and "url" fields of JSON) breadth-first, failing on
   * any personal datum.
   */
  static Set<String> crawl(RunningPortal portal, List<String> start) throws Exception {
    Pattern link = Pattern.compile("(?:href|src)=\"(/[^\"#]*)\"|\"url\"\\s*:\\s*\"(/[^\"]*)\"");
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(start);
    while (!queue.isEmpty() && seen.size() < 400) {
      String url = queue.poll().replace("&amp;", "&");
      if (!seen.add(url)) {
        continue;
      }
      HttpResponse<String> r = portal.get(url);
      assertThat(r.statusCode()).as(url).isLessThan(500);
      String decoded = java.net.URLDecoder.decode(url, StandardCharsets.UTF_8);
      for (String p : PERSONAL) {
        // a search for a name may echo the visitor's own words back, nothing more
        String body =
            decoded.contains(p)
                ? r.body().replace("\"query\":\"" + p + "\"", "").replace("value=\"" + p + "\"", "")
                : r.body();
        assertThat(body).as("personal datum '%s' in %s", p, url).doesNotContain(p);
      }
      String type = r.headers().firstValue("content-type").orElse("");
      if (type.contains("html") || type.contains("json") && !url.endsWith(".geojson")) {
        Matcher m = link.matcher(r.body());
        while (m.find()) {
          queue.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
      }
    }
    return seen;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void aFullReImportRetiresWhatTheListNoLongerHolds() throws Exception {
    Path data = Files.createTempDirectory("vsmap-office-").resolve("data");
    try (RunningPortal first = RunningPortal.start(data)) {
      assertThat(first.get("/health").statusCode()).isEqualTo(200);
    }
    String header = "站点名称,行政区划代码,地址,经度,纬度,负责人姓名,负责人手机号码\n";
    Path both =
        Files.writeString(
            data.getParent().resolve("list-v1.csv"),
            header + "甲号驿站,150602,东胜区,109.95,39.82,赵测站,13700001111\n乙号驿站,150602,东胜区,,,,\n");
    Path one =
        Files.writeString(
            data.getParent().resolve("list-v2.csv"),
            header + "甲号驿站,150602,东胜区,109.95,39.82,赵测站,13700001111\n");
    RunningPortal.Outcome v1 =
        RunningPortal.cli(
            "import",
            both.toString(),
            "--kind",
            "station",
            "--crs",
            "wgs84",
            "--source",
            "东胜区站点名录",
            "--data-dir",
            data.toString());
    assertThat(v1.out())
        .as(v1.out())
        .contains("stations: 2 new")
        .contains("row 3: no coordinates: approximate location")
        .contains("restricted contacts: 1")
        .doesNotContain("赵测站", "13700001111");
    RunningPortal.Outcome v2 =
        RunningPortal.cli(
            "import",
            one.toString(),
            "--kind",
            "station",
            "--crs",
            "wgs84",
            "--source",
            "东胜区站点名录",
            "--full",
            "--data-dir",
            data.toString());
    assertThat(v2.exit()).as(v2.out()).isZero();
    assertThat(v2.out()).contains("stations: 0 new, 0 updated, 1 unchanged, 1 retired");
    try (RunningPortal portal = RunningPortal.start(data)) {
      ObjectMapper json = new ObjectMapper();
      assertThat(
              json.readTree(portal.get("/api/search?q=" + enc("甲号驿站")).body()).get("total").asInt())
          .isEqualTo(1);
      assertThat(
              json.readTree(portal.get("/api/search?q=" + enc("乙号驿站")).body()).get("total").asInt())
          .isZero();
      String geojson = portal.get("/api/stations.geojson").body();
      assertThat(geojson)
          .contains("甲号驿站")
          .doesNotContain("乙号驿站")
          .doesNotContain("赵测站")
          .doesNotContain("13700001111");
      String id =
          json.readTree(portal.get("/api/search?q=" + enc("甲号驿站")).body())
              .get("hits")
              .get(0)
              .get("url")
              .asText();
      assertThat(portal.get(id).body())
          .contains("甲号驿站")
          .doesNotContain("赵测站")
          .doesNotContain("13700001111");
    }
    // an office's own headers, mapped once and remembered for the source
    Path own =
        Files.writeString(
            data.getParent().resolve("own-headers.csv"), "站名,区码,东经,北纬\n丙号驿站,150602,109.96,39.83\n");
    RunningPortal.Outcome unmapped =
        RunningPortal.cli(
            "import",
            own.toString(),
            "--kind",
            "station",
            "--crs",
            "wgs84",
            "--source",
            "东胜区自定义表",
            "--dry-run",
            "--data-dir",
            data.toString());
    assertThat(unmapped.exit()).isEqualTo(1);
    assertThat(unmapped.out()).contains("required column missing");
    RunningPortal.Outcome mapped =
        RunningPortal.cli(
            "import",
            own.toString(),
            "--kind",
            "station",
            "--crs",
            "wgs84",
            "--source",
            "东胜区自定义表",
            "--map",
            "站名=name,区码=region_code,东经=lon,北纬=lat",
            "--save-mapping",
            "--data-dir",
            data.toString());
    assertThat(mapped.exit()).as(mapped.out()).isZero();
    assertThat(mapped.out())
        .contains("mapping saved for source 东胜区自定义表")
        .contains("stations: 1 new");
    Path next =
        Files.writeString(
            data.getParent().resolve("own-headers-2.csv"),
            "站名,区码,东经,北纬\n丁号驿站,150602,109.97,39.83\n");
    RunningPortal.Outcome reused =
        RunningPortal.cli(
            "import",
            next.toString(),
            "--kind",
            "station",
            "--crs",
            "wgs84",
            "--source",
            "东胜区自定义表",
            "--data-dir",
            data.toString());
    assertThat(reused.exit()).as(reused.out()).isZero();
    assertThat(reused.out())
        .contains("columns read through the saved mapping of source 东胜区自定义表")
        .contains("stations: 1 new");

    RunningPortal.Outcome back =
        RunningPortal.cli(
            "import",
            both.toString(),
            "--kind",
            "station",
            "--crs",
            "wgs84",
            "--source",
            "东胜区站点名录",
            "--data-dir",
            data.toString());
    assertThat(back.out())
        .as("a retired station listed again is restored")
        .contains("stations: 0 new, 1 updated, 1 unchanged");
  }
}
