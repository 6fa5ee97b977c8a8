package org.vsmap.geo.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;

class GeoJsonFeaturesTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void stationsBecomeParsablePointFeaturesWithSyntheticNotice() throws Exception {
    Station s =
        new Station(
            "S1",
            "锦秀社区<script>",
            StationType.COMMUNITY,
            "150602001002",
            "东胜区",
            new GeoPoint(109.9812345678, 39.8212345678),
            null,
            List.of(),
            null,
            FiveHas.parse("11100"),
            true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GeoJsonFeatures.writeStations(List.of(s), out);
    JsonNode fc = json.readTree(out.toByteArray());
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(fc.get("notice").asText()).contains("synthetic");
    JsonNode f = fc.get("features").get(0);
    assertThat(f.at("/geometry/coordinates/0").asDouble()).isEqualTo(109.981235);
    assertThat(f.at("/geometry/coordinates/1").asDouble()).isEqualTo(39.821235);
    assertThat(f.at("/properties/name").asText()).isEqualTo("锦秀社区<script>");
    assertThat(f.at("/properties/five_has_met").asInt()).isEqualTo(3);
    assertThat(f.at("/properties/synthetic").asBoolean()).isTrue();
  }

  @Test
  void regionsCarryTheirPolygons() throws Exception {
    Region r =
        new Region(
            "150602",
            "东胜区",
            RegionLevel.COUNTY,
            "1506",
            null,
            new WKTReader().read("POLYGON((109 39, 110 39, 110 40, 109 40, 109 39))"),
            new GeoPoint(109.5, 39.5));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GeoJsonFeatures.writeRegions(List.of(r), out);
    JsonNode fc = json.readTree(out.toByteArray());
    assertThat(fc.has("notice")).isFalse();
    JsonNode f = fc.get("features").get(0);
    assertThat(f.at("/geometry/type").asText()).isEqualTo("Polygon");
    assertThat(f.at("/geometry/coordinates/0")).hasSize(5);
    assertThat(f.has("crs") || f.at("/geometry").has("crs")).isFalse();
    assertThat(f.at("/properties/name").asText()).isEqualTo("东胜区");
  }
}
