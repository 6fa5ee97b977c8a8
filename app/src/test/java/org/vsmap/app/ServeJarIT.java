package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** The packaged jar, started on an empty data directory, used over HTTP as a client would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class ServeJarIT {
  private final ObjectMapper json = new ObjectMapper();
  private RunningPortal portal;
  private Path dataDir;

  @BeforeAll
  void start() throws Exception {
    dataDir = Files.createTempDirectory("vsmap-it-").resolve("data");
    portal = RunningPortal.start(dataDir);
  }

  @AfterAll
  void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  @Test
  void firstStartFillsTheStoreAndReportsHealthy() throws Exception {
    HttpResponse<String> r = portal.get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode health = json.readTree(r.body());
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("stations").asInt()).isEqualTo(demoStationRows());
    assertThat(health.get("teams").asInt()).isEqualTo(demoRows("teams.csv"));
    assertThat(health.get("activities").asInt()).isEqualTo(demoRows("activities.csv"));
    assertThat(health.get("indexed").asLong())
        .isEqualTo(
            health.get("stations").asLong()
                + health.get("teams").asLong()
                + health.get("activities").asLong());
    assertThat(portal.output())
        .contains("the store is empty: filling it")
        .contains("stage build-index");
    assertThat(Files.exists(dataDir.resolve("vsmap-data.json"))).isTrue();
    assertThat(Files.exists(dataDir.resolve("vsmap.mv.db"))).isTrue();
  }

  @Test
  void homePageLoadsLeafletFromTheJarAndNothingFromOutside() throws Exception {
    HttpResponse<String> r = portal.get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    String html = r.body();
    assertThat(html)
        .contains("<html lang=\"zh-CN\">")
        .contains("/webjars/leaflet/1.9.4/dist/leaflet.js")
        .contains("合成数据");
    Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
    int n = 0;
    while (refs.find()) {
      String ref = refs.group(1);
      assertThat(ref)
          .as("every script, style and link stays on this server")
          .doesNotStartWith("http")
          .doesNotStartWith("//");
      if (ref.startsWith("/static/") || ref.startsWith("/webjars/")) {
        assertThat(portal.get(ref).statusCode()).as("GET %s", ref).isEqualTo(200);
        n++;
      }
    }
    assertThat(n).isGreaterThanOrEqualTo(4);
    assertThat(portal.get("/?lang=en").body())
        .contains("<html lang=\"en\">")
        .contains("Volunteer Service Map");
  }

  @Test
  void stationsGeoJsonPutsEveryStationInsideItsCounty() throws Exception {
    HttpResponse<String> counties = portal.get("/api/regions.geojson?level=county");
    assertThat(counties.statusCode()).isEqualTo(200);
    assertThat(counties.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/geo+json");
    GeoJsonReader reader = new GeoJsonReader();
    Map<String, Geometry> polygons = new HashMap<>();
    for (JsonNode f : json.readTree(counties.body()).get("features")) {
      polygons.put(f.at("/properties/code").asText(), reader.read(f.get("geometry").toString()));
    }
    assertThat(polygons).hasSize(9);

    HttpResponse<String> r = portal.get("/api/stations.geojson");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode fc = json.readTree(r.body());
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(fc.get("notice").asText()).contains("synthetic");
    JsonNode features = fc.get("features");
    assertThat(features.size()).isEqualTo(demoStationRows());
    GeometryFactory gf = new GeometryFactory();
    for (JsonNode f : features) {
      double lon = f.at("/geometry/coordinates/0").asDouble();
      double lat = f.at("/geometry/coordinates/1").asDouble();
      String county = f.at("/properties/county_code").asText();
      assertThat(polygons.get(county).contains(gf.createPoint(new Coordinate(lon, lat))))
          .as(
              "%s (%s) inside county %s",
              f.at("/properties/name").asText(), f.get("id").asText(), county)
          .isTrue();
      assertThat(f.at("/properties/synthetic").asBoolean()).isTrue();
    }

    JsonNode box =
        json.readTree(portal.get("/api/stations.geojson?bbox=109.9,39.75,110.05,39.9").body());
    assertThat(box.get("features").size()).isBetween(1, features.size() - 1);
  }

  @Test
  void stationPageIsServerRenderedWithTeamsAndActivities() throws Exception {
    HttpResponse<String> r = portal.get("/stations/st-1506-head");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("<h1>鄂尔多斯市志愿服务总站</h1>")
        .contains("志愿服务总站")
        .contains("此记录为合成演示数据")
        .contains("鄂尔多斯市学雷锋志愿服务总队")
        .contains("有场所和设备")
        .contains("近期活动")
        .contains("href=\"/?lat=");
    assertThat(portal.get("/stations/st-1506-head?lang=en").body())
        .contains("Upcoming activities")
        .contains("synthetic demo data");
  }

  @Test
  void searchFindsAStationByPartOfItsName() throws Exception {
    HttpResponse<String> r = portal.get("/api/search?q=%E9%94%A6%E7%A7%80&kind=station");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode hits = json.readTree(r.body()).get("hits");
    assertThat(hits.size()).isGreaterThan(0);
    assertThat(hits.get(0).get("name").asText()).startsWith("锦秀社区");
    assertThat(hits.get(0).get("url").asText()).startsWith("/stations/st-");
  }

  @Test
  void badRequestsGetSpecificErrorsNeverA500() throws Exception {
    HttpResponse<String> page = portal.get("/stations/no-such-station");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("<html").contains("no station with id no-such-station");

    assertJsonError("/api/unknown", 404, "no page or resource at /api/unknown");
    assertJsonError(
        "/api/stations.geojson?bbox=1,2", 400, "bbox needs four comma-separated numbers");
    assertJsonError("/api/stations.geojson?bbox=120,40,110,30", 400, "west <= east");
    assertJsonError("/api/regions.geojson?level=planet", 400, "level must be one of");
    assertJsonError("/api/search?q=a&limit=many", 400, "limit must be a whole number");
    assertJsonError("/api/search?q=a&kind=dragon", 400, "kind must be station, team or activity");

    HttpResponse<String> badView = portal.get("/?lat=abc&lon=1");
    assertThat(badView.statusCode()).isEqualTo(400);
    assertThat(badView.body()).contains("lat must be a number");
    assertThat(portal.get("/?lang=fr").statusCode()).isEqualTo(400);
    assertThat(portal.get("/stations/%3Cscript%3E").body())
        .doesNotContain("<script>")
        .contains("&lt;script&gt;");
  }

  @Test
  void aSecondStartKeepsTheStoreAndDoesNotReseed() throws Exception {
    Path other = Files.createTempDirectory("vsmap-restart-").resolve("data");
    try (RunningPortal first = RunningPortal.start(other)) {
      assertThat(first.output()).contains("the store is empty");
    }
    byte[] marker = Files.readAllBytes(other.resolve("vsmap-data.json"));
    try (RunningPortal second = RunningPortal.start(other)) {
      assertThat(second.output()).doesNotContain("the store is empty");
      assertThat(json.readTree(second.get("/health").body()).get("stations").asInt())
          .isEqualTo(demoStationRows());
    }
    assertThat(Files.readAllBytes(other.resolve("vsmap-data.json"))).isEqualTo(marker);
  }

  private void assertJsonError(String path, int status, String detail) throws Exception {
    HttpResponse<String> r = portal.get(path);
    assertThat(r.statusCode()).as("status of %s", path).isEqualTo(status);
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("detail").asText()).as("detail of %s", path).contains(detail);
  }

  private static int demoStationRows() throws Exception {
    return demoRows("stations.csv");
  }

  private static int demoRows(String file) throws Exception {
    return (int)
        Files.readAllLines(Path.of("..", "seeds", "demo", file)).stream()
            .skip(1)
            .filter(l -> !l.isBlank())
            .count();
  }
}
