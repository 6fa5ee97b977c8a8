package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The published statistics over HTTP on the demo data: definitions and targets, values that follow
 * from the demo's own figures, the small villages withheld with the cells that would give them
 * away, the CSV parsed, bad parameters refused, method and embed pages.
 */
@Tag("integration")
class StatsIT {
  static RunningPortal portal;
  static final ObjectMapper JSON = new ObjectMapper();
  static final String YEAR = Integer.toString(RunningPortal.TODAY.getYear());

  @BeforeAll
  static void start() throws Exception {
    portal = RunningPortal.start(Files.createTempDirectory("vsmap-stats-").resolve("data"));
  }

  @AfterAll
  static void stop() throws Exception {
    portal.close();
  }

  static JsonNode json(String path) throws Exception {
    var r = portal.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /**
   * The demo's registered volunteers this year ("Y0" rows of seeds/demo/figures.csv), by region.
   */
  static Map<String, Long> demoRegistered() throws Exception {
    Map<String, Long> out = new HashMap<>();
    List<String> lines =
        Files.readAllLines(Path.of("..", "seeds", "demo", "figures.csv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      if (c[1].equals("Y0")) {
        out.put(c[0], Long.parseLong(c[2]));
      }
    }
    return out;
  }

  @Test
  void indicatorsValuesAndTheirDefinitions() throws Exception {
    JsonNode index = json("/api/stats");
    assertThat(index.get("notice").asText()).contains("synthetic");
    assertThat(index.get("suppression_threshold").asInt()).isEqualTo(5);
    assertThat(index.get("as_of").asText()).startsWith(YEAR);
    List<String> ids = index.get("indicators").findValuesAsText("id");
    assertThat(ids)
        .containsExactly(
            "volunteer_rate",
            "active_rate",
            "hours_per_volunteer",
            "community_station_coverage",
            "five_has_complete",
            "weekly_activity_coverage",
            "paired_unit_weekly",
            "on_time_reporting",
            "activities",
            "activities_by_theme");
    for (JsonNode i : index.get("indicators")) {
      assertThat(i.get("definition_zh").asText()).isNotBlank();
      assertThat(i.get("target_source").asText()).contains("种子文件");
    }
    assertThat(index.at("/indicators/0/target").asText()).isEqualTo(">= 13%");

    JsonNode counties = json("/api/stats/volunteer_rate?level=COUNTY&period=" + YEAR).get("values");
    assertThat(counties).hasSize(9);
    Map<String, Long> registered = demoRegistered();
    for (JsonNode v : counties) {
      double expected =
          Math.round(v.get("numerator").asDouble() * 1000 / v.get("denominator").asDouble()) / 10.0;
      assertThat(v.get("value").asDouble()).isEqualTo(expected);
      assertThat(v.get("numerator").asLong())
          .as("the demo's own figure")
          .isEqualTo(registered.get(v.get("region_code").asText()));
      assertThat(v.get("target_met").asBoolean()).isEqualTo(expected >= 13);
    }
    JsonNode city = json("/api/stats/active_rate?region=1506&period=" + YEAR).get("values").get(0);
    assertThat(city.get("value").asDouble()).isBetween(50.0, 90.0);
    assertThat(
            json("/api/stats/activities?region=1506&period=" + YEAR).at("/values/0/value").asLong())
        .isPositive();
    assertThat(
            json("/api/stats/community_station_coverage?region=1506")
                .at("/values/0/value")
                .asDouble())
        .isBetween(50.0, 100.0);
    JsonNode paired = json("/api/stats/paired_unit_weekly?region=1506").get("values");
    assertThat(paired).as("the demo's city departments are paired with communities").isNotEmpty();
    assertThat(paired.get(0).get("denominator").asLong())
        .as("departments with a pairing")
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void smallCountsAreWithheldWithTheCellsThatWouldGiveThemAway() throws Exception {
    Map<String, Long> registered = demoRegistered();
    JsonNode communities =
        json("/api/stats/volunteer_rate?level=COMMUNITY&period=" + YEAR).get("values");
    Map<String, Integer> withheldPerStreet = new HashMap<>();
    int suppressed = 0;
    int isProtected = 0;
    for (JsonNode v : communities) {
      String code = v.get("region_code").asText();
      long n = registered.get(code);
      String status = v.get("status").asText();
      if (n > 0 && n < 5) {
        assertThat(status).as("%s has %d registered", code, n).isEqualTo("suppressed");
        assertThat(v.get("shown_as").asText()).isEqualTo("<5");
        assertThat(
                v.get("value").isNull()
                    && v.get("numerator").isNull()
                    && v.get("denominator").isNull())
            .isTrue();
        suppressed++;
      } else {
        assertThat(status).isIn("ok", "protected");
        isProtected += status.equals("protected") ? 1 : 0;
      }
      if (!status.equals("ok")) {
        withheldPerStreet.merge(code.substring(0, 9), 1, Integer::sum);
      }
    }
    assertThat(suppressed).as("the demo has small villages").isGreaterThan(5);
    assertThat(isProtected).as("secondary suppression happened").isPositive();
    JsonNode streets = json("/api/stats/volunteer_rate?level=STREET&period=" + YEAR).get("values");
    for (JsonNode s : streets) {
      int withheld = withheldPerStreet.getOrDefault(s.get("region_code").asText(), 0);
      if (s.get("status").asText().equals("ok")) {
        assertThat(withheld)
            .as(
                "street %s: a published total never has exactly one withheld part",
                s.get("region_code"))
            .isNotEqualTo(1);
      }
    }

    // the CSV says the same
    var csv = portal.get("/api/stats/volunteer_rate.csv?level=COMMUNITY&period=" + YEAR);
    assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
    List<Map<String, String>> rows = DownloadsIT.csv(csv.body().getBytes(StandardCharsets.UTF_8));
    assertThat(rows).hasSize(communities.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).get("shown_as"))
          .isEqualTo(communities.get(i).get("shown_as").asText());
      assertThat(rows.get(i).get("status"))
          .isEqualToIgnoringCase(communities.get(i).get("status").asText());
    }
  }

  @Test
  void badParametersPagesAndEmbeds() throws Exception {
    for (String bad :
        List.of(
            "/api/stats/volunteer_rate?region=15x",
            "/api/stats/volunteer_rate?period=2026-13",
            "/api/stats/volunteer_rate?level=galaxy",
            "/api/stats/volunteer_rate?colour=red",
            "/api/stats?x=1",
            "/stats?region=1",
            "/stats?foo=bar")) {
      assertThat(portal.get(bad).statusCode()).as(bad).isEqualTo(400);
    }
    assertThat(portal.get("/api/stats/happiness").statusCode()).isEqualTo(404);
    assertThat(portal.get("/stats/embed/pie").statusCode()).isEqualTo(404);
    String page = portal.get("/stats").body();
    assertThat(page)
        .contains("主要指标与目标")
        .contains("已达标")
        .contains("未达标")
        .contains("table-districts")
        .contains("合成演示数据");
    assertThat(portal.get("/stats?lang=en").body())
        .contains("Headline figures against their targets");
    String method = portal.get("/stats/method").body();
    assertThat(method)
        .contains("小数字抑制规则")
        .contains("&lt;5")
        .contains("种子文件 004")
        .contains("volunteer_rate");
    String embed = portal.get("/stats/embed/themes").body();
    assertThat(embed)
        .contains("table-themes")
        .doesNotContain("class=\"site\"")
        .contains("CC BY 4.0");
  }

  @Test
  void theThresholdIsTheDeployments() throws Exception {
    Path data = Files.createTempDirectory("vsmap-stats-50-").resolve("data");
    try (RunningPortal strict = RunningPortal.start(data, "--suppress-below", "300")) {
      JsonNode index = JSON.readTree(strict.get("/api/stats").body());
      assertThat(index.get("suppression_threshold").asInt()).isEqualTo(300);
      JsonNode strictValues =
          JSON.readTree(
                  strict.get("/api/stats/volunteer_rate?level=COMMUNITY&period=" + YEAR).body())
              .get("values");
      long withheld = 0;
      for (JsonNode v : strictValues) {
        withheld += v.get("status").asText().equals("ok") ? 0 : 1;
      }
      JsonNode normal =
          json("/api/stats/volunteer_rate?level=COMMUNITY&period=" + YEAR).get("values");
      long before = 0;
      for (JsonNode v : normal) {
        before += v.get("status").asText().equals("ok") ? 0 : 1;
      }
      assertThat(withheld).isGreaterThan(before * 3);
      assertThat(strict.get("/stats/method").body()).contains("&lt;300");
    }
    assertThat(
            RunningPortal.cli("serve", "--suppress-below", "1", "--data-dir", data.toString())
                .exit())
        .isNotZero();

    // an office's figures file: the statistics follow at once, with a new data version
    String before;
    try (RunningPortal p = RunningPortal.start(data)) {
      before = JSON.readTree(p.get("/api/stats").body()).get("data_version").asText();
    }
    Path figures =
        Files.writeString(
            data.getParent().resolve("figures.csv"),
            "区划代码,统计期,注册志愿者人数,活跃志愿者人数,服务时长\n150603," + YEAR + ",99999,88888,2500000\n");
    RunningPortal.Outcome o =
        RunningPortal.cli(
            "import", figures.toString(), "--kind", "figures", "--data-dir", data.toString());
    assertThat(o.exit()).as(o.out()).isZero();
    try (RunningPortal p = RunningPortal.start(data)) {
      JsonNode index = JSON.readTree(p.get("/api/stats").body());
      assertThat(index.get("data_version").asText()).isNotEqualTo(before);
      JsonNode kangbashi =
          JSON.readTree(p.get("/api/stats/active_rate?region=150603&period=" + YEAR).body())
              .at("/values/0");
      assertThat(kangbashi.get("numerator").asLong()).isEqualTo(88888);
      assertThat(kangbashi.get("denominator").asLong()).isEqualTo(99999);
      assertThat(kangbashi.get("value").asDouble()).isEqualTo(88.9);
    }
  }
}
