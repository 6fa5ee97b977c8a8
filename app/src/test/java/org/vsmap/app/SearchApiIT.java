package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every parameter of the search APIs, its good values and its bad ones, over HTTP against the jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class SearchApiIT {
  private final ObjectMapper json = new ObjectMapper();
  private RunningPortal portal;

  @BeforeAll
  void start() throws Exception {
    portal = RunningPortal.start(Files.createTempDirectory("vsmap-api-").resolve("data"));
  }

  @AfterAll
  void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  private JsonNode ok(String path) throws Exception {
    HttpResponse<String> r = portal.get(path);
    assertThat(r.statusCode()).as("%s answered %s", path, r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0} → 400 {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/search?kind=dragon | kind must be station, team or activity",
        "/api/search?theme=karaoke | theme must be one of the 18 themes",
        "/api/search?care=pets | care must be others, society or nature",
        "/api/search?region=15060 | region must be an official code",
        "/api/search?type=castle | type must be a station type",
        "/api/search?recruiting=maybe | recruiting must be true or false",
        "/api/search?date=someday | date must be today, week or weekend",
        "/api/search?from=tomorrow | from must be a date like 2026-12-05",
        "/api/search?from=2026-12-05&to=2026-12-01 | to must not be before from",
        "/api/search?bbox=1,2,3 | bbox needs four comma-separated numbers",
        "/api/search?bbox=1,2,x,4 | bbox value is not a number: x",
        "/api/search?lat=39 | lat and lon must be given together",
        "/api/search?lat=91&lon=1 | lat must be between -90 and 90",
        "/api/search?lat=39&lon=181 | lon must be between -180 and 180",
        "/api/search?radius=100 | radius needs lat and lon",
        "/api/search?lat=39&lon=109&radius=0 | radius must be between 1 and 500000",
        "/api/search?crs=mars | crs must be wgs84, gcj02 or bd09",
        "/api/search?sort=fame | sort must be relevance, distance or start",
        "/api/search?sort=distance | sort=distance needs lat and lon",
        "/api/search?limit=0 | limit must be between 1 and 100",
        "/api/search?limit=abc | limit must be a whole number",
        "/api/search?offset=-1 | offset must be between 0 and 10000",
        "/api/search?lang=fr | lang must be zh or en",
        "/api/suggest | q is required",
        "/api/suggest?q=a&limit=50 | limit must be between 1 and 20",
        "/api/nearby | lat and lon are required",
        "/api/nearby?lat=39&lon=109&limit=500 | limit must be between 1 and 100",
        "/api/nearby?lat=39&lon=109&kind=x | kind must be station, team or activity",
        "/api/clusters?z=5 | bbox is required",
        "/api/clusters?bbox=106,37,112,41 | z must be a zoom level between 0 and 20",
        "/api/clusters?bbox=106,37,112,41&z=99 | z must be a zoom level between 0 and 20",
        "/api/regions?parent=abc | parent must be a region code",
      })
  void badValuesAreNamed(String path, String detail) throws Exception {
    HttpResponse<String> r = portal.get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("detail").asText()).contains(detail);
  }

  @Test
  void tooLongInputIs400AndUnknownRegionIs404() throws Exception {
    HttpResponse<String> longQ = portal.get("/api/search?q=" + enc("锦".repeat(2000)));
    assertThat(longQ.statusCode()).isEqualTo(400);
    assertThat(longQ.body()).contains("longer than 200");
    assertThat(portal.get("/api/suggest?q=" + enc("j".repeat(51))).body())
        .contains("longer than 50");
    HttpResponse<String> region = portal.get("/api/regions?parent=999999");
    assertThat(region.statusCode()).isEqualTo(404);
    assertThat(region.body()).contains("no region with code 999999");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "锦秀 AND (",
        "*:*",
        "name:锦秀~2",
        "\"",
        "\\",
        "🙂🙂",
        "锦秀🙂",
        "[a TO z]",
        "锦秀sq",
        "&&||",
        "%",
        "<script>"
      })
  void oddInputGivesResultsNeverA500(String q) throws Exception {
    JsonNode r = ok("/api/search?q=" + enc(q));
    assertThat(r.get("total").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(portal.get("/api/suggest?q=" + enc(q)).statusCode()).isEqualTo(200);
  }

  @Test
  void textKindRegionDateAndSortNarrowAndOrder() throws Exception {
    assertThat(ok("/api/search?q=" + enc("锦秀")).at("/hits/0/name").asText()).isEqualTo("锦秀社区志愿服务站");
    assertThat(ok("/api/search?q=jx").at("/hits/0/name_html").asText()).contains("<mark>");

    JsonNode kinds = ok("/api/search?kind=station,team&limit=1").at("/facets/kind");
    Set<String> values = new HashSet<>();
    kinds.forEach(k -> values.add(k.get("value").asText()));
    assertThat(values).containsExactlyInAnyOrder("station", "team");

    nonEmpty(ok("/api/search?date=weekend&limit=50").get("hits"))
        .forEach(h -> assertThat(h.get("kind").asText()).isEqualTo("activity"));
    nonEmpty(ok("/api/search?region=150602&limit=50").get("hits"))
        .forEach(h -> assertThat(h.get("region_code").asText()).startsWith("150602"));
    nonEmpty(ok("/api/search?type=window_unit&limit=50").get("hits"))
        .forEach(h -> assertThat(h.get("detail").asText()).contains("窗口"));
    nonEmpty(ok("/api/search?recruiting=true&limit=50").get("hits"))
        .forEach(h -> assertThat(h.get("kind").asText()).isEqualTo("activity"));
    nonEmpty(ok("/api/search?theme=public_health&limit=50").get("hits"))
        .forEach(h -> assertThat(h.get("detail").asText()).isEqualTo("服务百姓健康"));
    assertThat(ok("/api/search?care=nature&limit=1").get("total").asLong()).isPositive();
    JsonNode themes = ok("/api/search?limit=1").at("/facets/theme");
    assertThat(themes.size()).isEqualTo(18);
    nonEmpty(themes)
        .forEach(t -> assertThat(t.get("care").asText()).isIn("others", "society", "nature"));

    List<String> starts = new ArrayList<>();
    ok("/api/search?kind=activity&sort=start&limit=50")
        .get("hits")
        .forEach(h -> starts.add(h.get("start").asText()));
    assertThat(starts).isSorted();

    Set<String> first = ids(ok("/api/search?kind=station&limit=5&offset=0"));
    Set<String> second = ids(ok("/api/search?kind=station&limit=5&offset=5"));
    assertThat(first).hasSize(5).doesNotContainAnyElementsOf(second);

    JsonNode near =
        ok("/api/search?kind=station&lat=39.82&lon=109.96&radius=3000&sort=distance&limit=100");
    List<Long> d = new ArrayList<>();
    near.get("hits").forEach(h -> d.add(h.get("distance_m").asLong()));
    assertThat(d).isNotEmpty().isSorted().allMatch(m -> m <= 3000);
    assertThat(ok("/api/search?kind=station&from=2026-01-01&to=2026-01-02").get("total").asLong())
        .isZero();
  }

  @Test
  void coordinatesSpeakGcj02AndBd09WhenAsked() throws Exception {
    JsonNode wgs = ok("/api/search?q=" + enc("锦秀社区志愿服务站") + "&limit=1").at("/hits/0");
    JsonNode gcj = ok("/api/search?q=" + enc("锦秀社区志愿服务站") + "&limit=1&crs=gcj02").at("/hits/0");
    double dLon = gcj.get("lon").asDouble() - wgs.get("lon").asDouble();
    assertThat(dLon).isBetween(0.003, 0.009);
    JsonNode nearest =
        ok(
            "/api/nearby?kind=station&limit=1&crs=gcj02&lat="
                + gcj.get("lat").asDouble()
                + "&lon="
                + gcj.get("lon").asDouble());
    assertThat(nearest.at("/hits/0/id").asText()).isEqualTo(wgs.get("id").asText());
    assertThat(nearest.at("/hits/0/distance_m").asLong()).isLessThanOrEqualTo(1);
    JsonNode bd = ok("/api/nearby?kind=station&limit=1&crs=bd09&lat=39.8875&lon=109.9662");
    assertThat(bd.get("crs").asText()).isEqualTo("bd09");
  }

  @Test
  void nearbySuggestClustersAndRegions() throws Exception {
    JsonNode near = ok("/api/nearby?lat=39.82&lon=109.96&limit=10");
    List<Long> d = new ArrayList<>();
    near.get("hits").forEach(h -> d.add(h.get("distance_m").asLong()));
    assertThat(d).hasSize(10).isSorted();
    assertThat(ok("/api/suggest?q=jinx").get("suggestions"))
        .anySatisfy(s -> assertThat(s.get("name").asText()).startsWith("锦秀"));

    long stations = ok("/api/search?kind=station&limit=1").get("total").asLong();
    for (int z :
        new int[] {
          5, 8, 11
        }) { // the whole city: up to zoom 11 it fits the largest viewport answered
      JsonNode fc = ok("/api/clusters?kind=station&bbox=106,37,112,41&z=" + z);
      long sum = 0;
      for (JsonNode f : fc.get("features")) {
        sum += f.at("/properties/count").asLong();
        if (f.at("/properties/count").asLong() == 1) {
          assertThat(f.at("/properties/url").asText()).startsWith("/stations/");
        }
      }
      assertThat(sum).as("zoom %d", z).isEqualTo(stations);
    }
    JsonNode arts = ok("/api/clusters?kind=activity&theme=arts&bbox=106,37,112,41&z=8");
    long artsTotal = ok("/api/search?theme=arts&limit=1").get("total").asLong();
    long artsSum = 0;
    for (JsonNode f : arts.get("features")) {
      artsSum += f.at("/properties/count").asLong();
    }
    assertThat(artsSum).isEqualTo(artsTotal);

    assertThat(ok("/api/regions").get("regions")).hasSize(9);
    nonEmpty(ok("/api/regions?parent=150602").get("regions"))
        .forEach(r -> assertThat(r.get("code").asText()).startsWith("150602").hasSize(9));
  }

  @Test
  void detailPagesOfAllThreeKinds() throws Exception {
    HttpResponse<String> team = portal.get("/teams/tm-1506-health-5");
    assertThat(team.statusCode()).isEqualTo(200);
    assertThat(team.body())
        .contains("门诊导医第一小队")
        .contains("/teams/tm-1506-health-4")
        .contains("\"@type\":\"Organization\"")
        .contains("此队伍为合成演示数据");
    HttpResponse<String> activity = portal.get("/activities/ac-00001?lat=39.6&lon=109.8");
    assertThat(activity.statusCode()).isEqualTo(200);
    assertThat(activity.body())
        .contains("\"@type\":\"Event\"")
        .contains("/teams/tm-1506")
        .contains("距您")
        .as("a walking route in 高德, from the reader's position, both in GCJ-02")
        .containsPattern(
            "https://uri.amap.com/navigation\\?from=[0-9.]+,[0-9.]+,[^&]+&amp;to=[0-9.]+,[0-9.]+,[^&]+&amp;mode=walk&amp;coordinate=gaode")
        .contains("chinavolunteer.mca.gov.cn");
    HttpResponse<String> station = portal.get("/stations/st-1506-head?lang=en");
    assertThat(station.body())
        .contains("\"@type\":\"Place\"")
        .contains("How to take part")
        .contains("/teams/tm-1506?lang=en");
    assertThat(portal.get("/teams/nope").statusCode()).isEqualTo(404);
    assertThat(portal.get("/activities/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void theListIsServerRenderedForReadersWithoutJavaScript() throws Exception {
    HttpResponse<String> r = portal.get("/?q=" + enc("图书馆") + "&kind=station");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("<mark>图书馆</mark>")
        .contains("共 9 条结果")
        .contains("href=\"/stations/st-");
  }

  private static Set<String> ids(JsonNode result) {
    Set<String> ids = new HashSet<>();
    result.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  /** The node's elements, after asserting there are some: a check over nothing passes. */
  private static com.fasterxml.jackson.databind.JsonNode nonEmpty(
      com.fasterxml.jackson.databind.JsonNode node) {
    assertThat(node.isArray() || node.isObject()).as("an array or object").isTrue();
    assertThat(node.size()).as("elements to check").isPositive();
    return node;
  }
}
