package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.fake.InMemoryFeatureCollections;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;

/** OGC API – Features in process over the stations fake (the open-data concern). */
class OgcApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private InProcessPortal portal;

  @BeforeEach
  void start() {
    portal = new InProcessPortal();
    for (int i = 1; i <= 5; i++) {
      portal.stores.stations.add(
          new Station(
              "st-" + i,
              "站点" + i,
              i % 2 == 0 ? StationType.CONVENIENCE_POINT : StationType.COMMUNITY,
              "15060200100" + i,
              null,
              new GeoPoint(109.90 + i * 0.02, 39.80),
              null,
              List.of(),
              null,
              FiveHas.NONE,
              true));
    }
    portal.ready(null, new InMemoryFeatureCollections(portal.stores), null, null, null);
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  private JsonNode json(String path) throws Exception {
    HttpResponse<byte[]> r = portal.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void pagesOfItemsWithLinksCountsAndTheSyntheticNotice() throws Exception {
    JsonNode page = json("/ogc/collections/stations/items?limit=2&f=json");
    assertThat(page.path("type").asText()).isEqualTo("FeatureCollection");
    assertThat(page.path("numberMatched").asLong()).isEqualTo(5);
    assertThat(page.path("numberReturned").asInt()).isEqualTo(2);
    assertThat(page.path("notice").asText()).contains("synthetic");
    assertThat(page.at("/features/0/id").asText()).isEqualTo("st-1");
    assertThat(page.at("/features/0/geometry/coordinates/0").asDouble()).isEqualTo(109.92);
    List<String> rels = page.path("links").findValuesAsText("rel");
    assertThat(rels).contains("self", "alternate", "next", "collection").doesNotContain("prev");
    JsonNode last = json("/ogc/collections/stations/items?limit=2&offset=4&f=json");
    assertThat(last.path("numberReturned").asInt()).isEqualTo(1);
    assertThat(last.path("links").findValuesAsText("rel")).contains("prev").doesNotContain("next");
  }

  @Test
  void boxesRegionsAndQueryablesNarrowTheItems() throws Exception {
    assertThat(
            json("/ogc/collections/stations/items?bbox=109.91,39.7,109.95,39.9&f=json")
                .path("numberMatched")
                .asLong())
        .isEqualTo(2);
    JsonNode communities = json("/ogc/collections/stations/items?type=COMMUNITY&f=json");
    List<String> types = new java.util.ArrayList<>();
    communities.path("features").forEach(f -> types.add(f.at("/properties/type").asText()));
    assertThat(types).hasSize(3).containsOnly("COMMUNITY");
    assertThat(
            json("/ogc/collections/stations/items?region=150602001003&f=json")
                .path("numberMatched")
                .asLong())
        .isEqualTo(1);
  }

  @Test
  void badParametersAre400sAndUnknownThings404s() throws Exception {
    for (String bad :
        List.of(
            "/ogc/collections/stations/items?limit=0",
            "/ogc/collections/stations/items?limit=ten",
            "/ogc/collections/stations/items?offset=-1",
            "/ogc/collections/stations/items?bbox=1,2,3",
            "/ogc/collections/stations/items?colour=red",
            "/ogc/collections/stations/items?type=CASTLE",
            "/ogc/collections/stations/items?region=15060")) {
      HttpResponse<byte[]> r = portal.get(bad + "&f=json");
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(bad).contains("\"detail\"");
    }
    assertThat(portal.get("/ogc/collections/castles/items?f=json").statusCode()).isEqualTo(404);
    assertThat(portal.get("/ogc/collections/stations/items/st-9?f=json").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theHtmlPagesRenderWithEveryVariableTheirTemplateReads() throws Exception {
    for (String page :
        List.of(
            "/ogc?f=html",
            "/ogc/conformance?f=html",
            "/ogc/collections?f=html",
            "/ogc/collections/stations?f=html",
            "/ogc/collections/stations/items?limit=2&f=html",
            "/ogc/collections/stations/items/st-1?f=html")) {
      HttpResponse<byte[]> r = portal.get(page);
      assertThat(r.statusCode()).as(page).isEqualTo(200);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(page).contains("</html>");
    }
  }
}
