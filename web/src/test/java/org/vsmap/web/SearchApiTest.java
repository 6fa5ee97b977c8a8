package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vsmap.geo.fake.InMemoryHonours;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Honour;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;

/**
 * The map's JSON answers in process, over the in-memory ports: /api/search, /api/suggest,
 * /api/nearby, /api/clusters and /api/regions — the members each answer carries, the ones it leaves
 * out when they do not apply, and a 400 with the reason for each missing parameter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private InProcessPortal portal;

  @BeforeAll
  void start() {
    portal = new InProcessPortal();
    portal.stores.regions.add(
        new Region("150602", "东胜区", RegionLevel.COUNTY, "1506", 200_000L, null, null));
    portal.stores.regions.add(
        new Region(
            "150602001",
            "交通街道",
            RegionLevel.STREET,
            "150602",
            null,
            new org.locationtech.jts.geom.GeometryFactory()
                .toGeometry(new org.locationtech.jts.geom.Envelope(109.95, 110.0, 39.8, 39.85)),
            null));
    portal.stores.stations.add(station("st-1", "锦秀社区志愿服务站", new GeoPoint(109.98, 39.82), true));
    portal.stores.stations.add(station("st-2", "东胜区图书馆志愿服务站", new GeoPoint(109.99, 39.83), false));
    InMemoryHonours honours = new InMemoryHonours();
    honours.honours.add(
        new Honour(
            "ho-1",
            "最美志愿服务站",
            2025,
            Honour.HonourLevel.CITY,
            "市文明办",
            Honour.HonourSubject.STATION,
            "st-1",
            "150602001002",
            null,
            "多年服务社区",
            true,
            new GeoPoint(109.98, 39.82)));
    portal.ready(null, null, null, null, honours);
  }

  @AfterAll
  void stop() {
    portal.close();
  }

  private static Station station(String id, String name, GeoPoint p, boolean synthetic) {
    return new Station(
        id,
        name,
        StationType.COMMUNITY,
        "150602001002",
        null,
        p,
        "9:00-17:00",
        List.of("助老"),
        null,
        FiveHas.parse("11111"),
        synthetic);
  }

  private JsonNode json(String path, int status) throws Exception {
    HttpResponse<byte[]> r = portal.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void aSearchHitCarriesWhatTheListShowsAndLeavesOutWhatDoesNotApply() throws Exception {
    JsonNode body = json("/api/search?q=%E9%94%A6%E7%A7%80", 200);
    assertThat(names(body))
        .containsExactly("query", "total", "offset", "limit", "crs", "hits", "facets", "notice");
    assertThat(body.get("total").asLong()).isEqualTo(1);
    assertThat(body.get("notice").asText()).contains("合成");
    JsonNode hit = body.get("hits").get(0);
    assertThat(names(hit))
        .containsExactly(
            "kind",
            "id",
            "name",
            "name_html",
            "detail",
            "region_code",
            "place",
            "lon",
            "lat",
            "hours",
            "synthetic",
            "approximate_location",
            "url",
            "honours");
    assertThat(hit.get("url").asText()).isEqualTo("/stations/st-1");
    assertThat(hit.get("place").asText()).as("district and street by name").doesNotContain("1506");
    assertThat(hit.get("lon").asDouble()).isEqualTo(109.98);
    assertThat(hit.get("honours").get(0).asText()).contains("最美志愿服务站");
    JsonNode kinds = body.get("facets").get("kind");
    assertThat(kinds).hasSize(1);
    assertThat(names(kinds.get(0))).containsExactly("value", "label", "count");
    assertThat(kinds.get(0).get("value").asText()).isEqualTo("station");
  }

  @Test
  void realRecordsHaveNoNoticeAndNoHonoursMember() throws Exception {
    JsonNode body = json("/api/search?q=%E5%9B%BE%E4%B9%A6%E9%A6%86", 200);
    assertThat(body.has("notice")).isFalse();
    assertThat(body.get("hits")).hasSize(1);
    assertThat(body.get("hits").get(0).has("honours")).isFalse();
    assertThat(body.get("hits").get(0).get("synthetic").asBoolean()).isFalse();
  }

  @Test
  void nearbyIsNearestFirstWithWholeMetres() throws Exception {
    JsonNode body = json("/api/nearby?lat=39.8201&lon=109.9801", 200);
    assertThat(names(body)).containsExactly("crs", "hits");
    JsonNode hits = body.get("hits");
    assertThat(hits).hasSize(2);
    assertThat(hits.get(0).get("id").asText()).isEqualTo("st-1");
    assertThat(hits.get(0).get("distance_m").isIntegralNumber()).isTrue();
    assertThat(hits.get(0).get("distance_m").asLong())
        .isLessThan(hits.get(1).get("distance_m").asLong());
  }

  @Test
  void suggestionsLeadToTheirPages() throws Exception {
    JsonNode body = json("/api/suggest?q=%E9%94%A6", 200);
    JsonNode s = body.get("suggestions");
    assertThat(s).hasSize(1);
    assertThat(names(s.get(0))).containsExactly("kind", "id", "name", "url");
    assertThat(s.get(0).get("url").asText()).isEqualTo("/stations/st-1");
  }

  @Test
  void districtsAndStreetsAreSuggestedAsPlacesByTheirNameOrPinyin() throws Exception {
    JsonNode district = json("/api/suggest?q=%E4%B8%9C%E8%83%9C", 200).get("suggestions"); // 东胜
    assertThat(district.get(0).get("kind").asText()).isEqualTo("place");
    assertThat(district.get(0).get("name").asText()).isEqualTo("东胜区");
    assertThat(district.get(0).get("url").asText()).isEqualTo("/?region=150602");
    assertThat(district.get(0).has("within")).as("a district lies in no district").isFalse();
    JsonNode street = json("/api/suggest?q=jiaot", 200).get("suggestions");
    assertThat(street).hasSize(1);
    assertThat(street.get(0).get("name").asText()).isEqualTo("交通街道");
    assertThat(street.get(0).get("within").asText()).isEqualTo("东胜区");
    assertThat(street.get(0).get("bbox").toString()).isEqualTo("[109.95,39.8,110.0,39.85]");
    JsonNode english = json("/api/suggest?q=jiaot&lang=en", 200).get("suggestions");
    assertThat(english.get(0).get("name").asText()).startsWith("Jiaotong");
    assertThat(english.get(0).get("url").asText()).isEqualTo("/?region=150602001&lang=en");
    assertThat(json("/api/suggest?q=%E9%94%A6", 200).get("suggestions").toString())
        .as("锦 is no district or street")
        .doesNotContain("\"place\"");
  }

  @Test
  void clustersAreAFeatureCollectionWithTheZoom() throws Exception {
    JsonNode body = json("/api/clusters?bbox=109.9,39.7,110.1,39.9&z=12", 200);
    assertThat(names(body)).containsExactly("type", "zoom", "features");
    assertThat(body.get("zoom").asInt()).isEqualTo(12);
    JsonNode features = body.get("features");
    assertThat(features).hasSize(2);
    JsonNode first = features.get(0);
    assertThat(first.get("geometry").get("type").asText()).isEqualTo("Point");
    assertThat(names(first.get("properties")))
        .containsExactly("kind", "count", "id", "name", "url", "honours");
    assertThat(features.get(1).get("properties").has("honours")).isFalse();
  }

  @Test
  void regionsLeaveOutTheCentreAndBoxTheyDoNotHave() throws Exception {
    JsonNode regions = json("/api/regions", 200).get("regions");
    assertThat(regions).hasSize(1);
    assertThat(names(regions.get(0))).containsExactly("code", "name", "level");
    assertThat(regions.get(0).get("level").asText()).isEqualTo("county");
  }

  @Test
  void eachMissingParameterIsA400WithTheReason() throws Exception {
    assertThat(json("/api/suggest", 400).toString()).contains("q is required");
    assertThat(json("/api/nearby", 400).toString()).contains("lat and lon are required");
    assertThat(json("/api/nearby?lat=39.8", 400).toString())
        .contains("lat and lon must be given together");
    assertThat(json("/api/clusters?z=12", 400).toString()).contains("bbox is required");
    assertThat(json("/api/regions?parent=abc", 400).toString())
        .contains("parent must be a region code");
  }
}
