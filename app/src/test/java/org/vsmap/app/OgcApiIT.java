package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * OGC API – Features against the packaged jar, as a GIS client uses it: the requirements of Part 1
 * (landing page, conformance, collections, items with bbox / limit / offset / datetime /
 * queryables, single items, numberMatched / numberReturned, next links, HTML and GeoJSON, 400s),
 * every page of a collection compared with the dataset download, and GDAL's OAPIF driver.
 */
@Tag("integration")
class OgcApiIT {
  static RunningPortal portal;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    portal = RunningPortal.start(Files.createTempDirectory("vsmap-ogc-").resolve("data"));
  }

  @AfterAll
  static void stop() throws Exception {
    portal.close();
  }

  static HttpResponse<String> get(String pathOrUrl, String accept) throws Exception {
    URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : portal.url(pathOrUrl));
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    if (accept != null) {
      b.header("Accept", accept);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path, "application/json");
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static List<String> rels(JsonNode links) {
    List<String> out = new ArrayList<>();
    links.forEach(l -> out.add(l.get("rel").asText()));
    return out;
  }

  @Test
  void landingConformanceCollectionsAndTheApiDocument() throws Exception {
    JsonNode landing = json("/ogc");
    assertThat(rels(landing.get("links")))
        .contains("self", "alternate", "service-desc", "service-doc", "conformance", "data");
    for (JsonNode l : landing.get("links")) {
      if (l.get("href").asText().startsWith(portal.url(""))) {
        assertThat(get(l.get("href").asText(), l.get("type").asText()).statusCode())
            .as(l.toString())
            .isEqualTo(200);
      }
    }
    assertThat(json("/ogc/conformance").get("conformsTo"))
        .extracting(JsonNode::asText)
        .contains(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    JsonNode cols = json("/ogc/collections").get("collections");
    List<String> ids = new ArrayList<>();
    cols.forEach(c -> ids.add(c.get("id").asText()));
    assertThat(ids).containsExactly("stations", "teams", "activities", "regions", "honours");
    for (JsonNode c : cols) {
      assertThat(c.at("/extent/spatial/bbox/0")).hasSize(4);
      assertThat(c.at("/extent/spatial/crs").asText())
          .isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
      assertThat(rels(c.get("links"))).contains("self", "items");
      assertThat(json("/ogc/collections/" + c.get("id").asText()).get("id").asText())
          .isEqualTo(c.get("id").asText());
    }
    assertThat(cols.get(2).at("/extent/temporal/interval/0/0").asText())
        .as("activities have a time extent")
        .startsWith("20");
    for (int i = 0; i < 2; i++) {
      assertThat(cols.get(2).at("/extent/temporal/interval/0/" + i).asText())
          .as("RFC 3339, seconds included")
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
    }

    HttpResponse<String> api = get("/ogc/api", "application/json");
    assertThat(api.headers().firstValue("content-type").orElse(""))
        .startsWith("application/vnd.oai.openapi+json");
    JsonNode doc = JSON.readTree(api.body());
    assertThat(doc.get("openapi").asText()).startsWith("3.0");
    JsonNode activityItems = doc.at("/paths/~1collections~1activities~1items/get/parameters");
    Set<String> declared = new HashSet<>();
    activityItems.forEach(
        p ->
            declared.add(
                p.has("$ref")
                    ? p.get("$ref").asText().replaceFirst(".*/", "")
                    : p.get("name").asText()));
    assertThat(declared)
        .contains("limit", "offset", "bbox", "datetime", "theme", "station_id", "region");
    // every declared queryable with its first allowed value answers 200
    for (JsonNode p : activityItems) {
      if (p.has("schema") && p.at("/schema/enum").isArray()) {
        String url =
            "/ogc/collections/activities/items?"
                + p.get("name").asText()
                + "="
                + p.at("/schema/enum/0").asText();
        assertThat(get(url, "application/geo+json").statusCode()).as(url).isEqualTo(200);
      }
    }
    assertThat(get("/ogc/collections/people", "application/json").statusCode()).isEqualTo(404);
  }

  @Test
  void pagesFollowedByNextLinksGiveExactlyTheDownloadedDataset() throws Exception {
    JsonNode download = JSON.readTree(get("/data/stations.geojson", null).body()).get("features");
    Set<String> expected = new HashSet<>();
    download.forEach(f -> expected.add(f.get("id").asText()));
    Set<String> seen = new HashSet<>();
    String next = "/ogc/collections/stations/items?limit=250";
    int pages = 0;
    while (next != null) {
      JsonNode page = json(next);
      assertThat(page.get("type").asText()).isEqualTo("FeatureCollection");
      assertThat(page.get("numberMatched").asLong()).isEqualTo(expected.size());
      assertThat(page.get("numberReturned").asInt())
          .isEqualTo(page.get("features").size())
          .isLessThanOrEqualTo(250);
      nonEmpty(page.get("features"))
          .forEach(f -> assertThat(seen.add(f.get("id").asText())).as("no feature twice").isTrue());
      next = null;
      for (JsonNode l : page.get("links")) {
        if (l.get("rel").asText().equals("next")) {
          next = l.get("href").asText();
        }
      }
      pages++;
    }
    assertThat(pages).isEqualTo((expected.size() + 249) / 250);
    assertThat(seen).isEqualTo(expected);

    JsonNode one = json("/ogc/collections/stations/items/" + download.get(0).get("id").asText());
    assertThat(one.get("type").asText()).isEqualTo("Feature");
    assertThat(one.get("properties").get("name").asText())
        .isEqualTo(download.get(0).get("properties").get("name").asText());
    assertThat(rels(one.get("links"))).contains("self", "alternate", "collection");
    assertThat(
            get("/ogc/collections/stations/items/st-no-such", "application/geo+json").statusCode())
        .isEqualTo(404);
    assertThat(
            get("/ogc/collections/stations/items?limit=3", "application/geo+json")
                .headers()
                .firstValue("content-type")
                .orElse(""))
        .startsWith("application/geo+json");
  }

  @Test
  void bboxIncludingAcrossTheAntimeridianDatetimeAndQueryables() throws Exception {
    JsonNode download = JSON.readTree(get("/data/stations.geojson", null).body()).get("features");
    double[] box = {109.90, 39.75, 110.05, 39.90};
    long inside = 0;
    for (JsonNode f : download) {
      double x = f.at("/geometry/coordinates/0").asDouble();
      double y = f.at("/geometry/coordinates/1").asDouble();
      inside += x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] ? 1 : 0;
    }
    JsonNode page =
        json("/ogc/collections/stations/items?limit=1000&bbox=109.90,39.75,110.05,39.90");
    assertThat(inside).isGreaterThan(5);
    assertThat(page.get("numberMatched").asLong()).isEqualTo(inside);
    nonEmpty(page.get("features"))
        .forEach(
            f -> assertThat(f.at("/geometry/coordinates/0").asDouble()).isBetween(box[0], box[2]));

    // west > east: the box wraps from 100°E across 180° to 170°W and so holds every station in
    // China
    assertThat(
            json("/ogc/collections/stations/items?bbox=100,30,-170,45")
                .get("numberMatched")
                .asLong())
        .isEqualTo(download.size());
    assertThat(
            json("/ogc/collections/stations/items?bbox=170,30,-170,45")
                .get("numberMatched")
                .asLong())
        .isZero();
    assertThat(
            json("/ogc/collections/stations/items?bbox=100,30,0,180,45,10000")
                .get("numberMatched")
                .asLong())
        .as("six numbers: heights ignored")
        .isEqualTo(download.size());

    JsonNode activities =
        JSON.readTree(get("/data/activities.geojson", null).body()).get("features");
    long december = 0;
    long health = 0;
    for (JsonNode a : activities) {
      String start = a.at("/properties/start").asText();
      String end = a.at("/properties/end").asText();
      december +=
          end.compareTo("2026-12-01T00:00") >= 0 && start.compareTo("2026-12-31T23:59:59.999") <= 0
              ? 1
              : 0;
      health += a.at("/properties/theme").asText().equals("PUBLIC_HEALTH") ? 1 : 0;
    }
    assertThat(
            json("/ogc/collections/activities/items?datetime=2026-12-01/2026-12-31")
                .get("numberMatched")
                .asLong())
        .isEqualTo(december);
    assertThat(
            json("/ogc/collections/activities/items?datetime=2026-11-30T16:00:00Z/2026-12-31")
                .get("numberMatched")
                .asLong())
        .as("UTC converted to China time")
        .isEqualTo(december);
    assertThat(
            json("/ogc/collections/activities/items?datetime=../2026-12-31&theme=public_health")
                .get("numberMatched")
                .asLong())
        .isLessThanOrEqualTo(health)
        .isPositive();
    assertThat(
            json("/ogc/collections/activities/items?theme=PUBLIC_HEALTH")
                .get("numberMatched")
                .asLong())
        .isEqualTo(health);
    assertThat(json("/ogc/collections/regions/items?level=COUNTY").get("numberMatched").asLong())
        .isEqualTo(9);
    assertThat(json("/ogc/collections/teams/items?region=150602&limit=100").get("features"))
        .allMatch(f -> f.at("/properties/region_code").asText().startsWith("150602"));

    for (String bad :
        List.of(
            "bbox=1,2,3",
            "bbox=a,b,c,d",
            "bbox=0,50,10,40",
            "bbox=0,-95,10,40",
            "limit=0",
            "limit=ten",
            "offset=-1",
            "datetime=yesterday",
            "datetime=2026-12-31/2026-12-01",
            "datetime=../..",
            "theme=DANCING",
            "synthetic=maybe",
            "colour=red",
            "f=xml",
            "region=15x")) {
      HttpResponse<String> r =
          get(
              "/ogc/collections/"
                  + (bad.startsWith("theme") ? "activities" : "stations")
                  + "/items?"
                  + bad,
              "application/json");
      assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).get("description").asText()).as(bad).isNotBlank();
    }
    assertThat(get("/ogc/collections?bbox=1,2,3,4", "application/json").statusCode())
        .isEqualTo(400);
    assertThat(json("/ogc/collections/stations/items?limit=50000").get("numberReturned").asInt())
        .as("clamped, not refused")
        .isEqualTo(download.size());
  }

  @Test
  void htmlForPeopleWithEveryValueEscaped() throws Exception {
    HttpResponse<String> landing = get("/ogc", "text/html,application/xhtml+xml");
    assertThat(landing.headers().firstValue("content-type").orElse("")).startsWith("text/html");
    assertThat(landing.body()).contains("OGC API").contains("/ogc/collections");
    String items = get("/ogc/collections/stations/items?f=html&limit=5", null).body();
    assertThat(items).contains("<table").contains("rel=\"next\"").contains("合成演示数据");
    String col = get("/ogc/collections/activities?f=html", null).body();
    assertThat(col).contains("PUBLIC_HEALTH").contains("theme");
    String bad = get("/ogc/collections/stations/items?f=html&region=%3Cscript%3E", null).body();
    assertThat(bad).doesNotContain("<script>").contains("&lt;script&gt;");
    assertThat(get("/ogc/api?f=html", null).statusCode()).isIn(200, 302);
  }

  @Test
  void gdalReadsEveryCollectionThroughItsOapifDriver() throws Exception {
    Gdal.require();
    String list = Gdal.ogrinfo("-ro", "OAPIF:" + portal.url("/ogc"));
    assertThat(list)
        .contains("stations")
        .contains("teams")
        .contains("activities")
        .contains("regions");
    for (String c : List.of("stations", "teams", "activities", "regions")) {
      long count =
          JSON.readTree(get("/data/" + c + ".geojson", null).body()).get("features").size();
      String info = Gdal.ogrinfo("-ro", "-al", "-q", "OAPIF:" + portal.url("/ogc"), c);
      assertThat(info.split("OGRFeature\\(").length - 1).as(c).isEqualTo(count);
    }
    String filtered =
        Gdal.ogrinfo(
            "-ro",
            "-so",
            "-spat",
            "109.90",
            "39.75",
            "110.05",
            "39.90",
            "OAPIF:" + portal.url("/ogc"),
            "stations");
    assertThat(filtered).contains("Feature Count:");
  }

  /** The node's elements, after asserting there are some: a check over nothing passes. */
  private static com.fasterxml.jackson.databind.JsonNode nonEmpty(
      com.fasterxml.jackson.databind.JsonNode node) {
    assertThat(node.isArray() || node.isObject()).as("an array or object").isTrue();
    assertThat(node.size()).as("elements to check").isPositive();
    return node;
  }
}
