package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Vector tiles against the packaged jar: TileJSON, the example style, tiles decoded by GDAL's MVT
 * driver (an independent decoder) and by the protobuf schema, compared with the map's own clusters
 * of the same box and zoom; caching headers and bad requests.
 */
@Tag("integration")
class TilesIT {
  static RunningPortal portal;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    portal = RunningPortal.start(Files.createTempDirectory("vsmap-tiles-").resolve("data"));
  }

  @AfterAll
  static void stop() throws Exception {
    portal.close();
  }

  static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(portal.url(path)));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The XYZ tile holding a point. */
  static int[] tileOf(double lon, double lat, int z) {
    int n = 1 << z;
    int x = (int) Math.floor((lon + 180) / 360 * n);
    double r = Math.toRadians(lat);
    int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    return new int[] {z, x, y};
  }

  static double[] bounds(int z, int x, int y) {
    double n = 1 << z;
    return new double[] {
      x / n * 360 - 180,
      Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (y + 1) / n)))),
      (x + 1) / n * 360 - 180,
      Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))))
    };
  }

  @Test
  void tileJsonAndTheExampleStyle() throws Exception {
    for (String layer : List.of("stations", "teams", "activities", "boundaries")) {
      JsonNode tj = JSON.readTree(get("/tiles/" + layer + ".json").body());
      assertThat(tj.get("tilejson").asText()).isEqualTo("3.0.0");
      assertThat(tj.at("/vector_layers/0/id").asText()).isEqualTo(layer);
      // the data's area (Ordos: about 106.7–111.5 E, 37.6–40.9 N) and a centre inside it
      assertThat(tj.at("/bounds/0").asDouble()).isBetween(106.0, 107.5);
      assertThat(tj.at("/bounds/1").asDouble()).isBetween(37.0, 38.5);
      assertThat(tj.at("/bounds/2").asDouble()).isBetween(110.5, 112.0);
      assertThat(tj.at("/bounds/3").asDouble()).isBetween(40.0, 41.5);
      assertThat(tj.at("/center/0").asDouble())
          .isBetween(tj.at("/bounds/0").asDouble(), tj.at("/bounds/2").asDouble());
      assertThat(tj.at("/center/1").asDouble())
          .isBetween(tj.at("/bounds/1").asDouble(), tj.at("/bounds/3").asDouble());
      assertThat(tj.get("attribution").asText()).doesNotContain("seeds/");
      String template = tj.at("/tiles/0").asText();
      assertThat(template).endsWith("/tiles/" + layer + "/{z}/{x}/{y}.mvt");
      String url = URI.create(template.replace("{z}/{x}/{y}", "7/103/48")).getPath();
      HttpResponse<byte[]> t = get(url);
      assertThat(t.statusCode()).as(url).isEqualTo(200);
      assertThat(t.headers().firstValue("content-type").orElse(""))
          .isEqualTo("application/vnd.mapbox-vector-tile");
    }
    JsonNode style = JSON.readTree(get("/tiles/style.json").body());
    assertThat(style.get("version").asInt()).isEqualTo(8);
    assertThat(style.get("sources").size()).isEqualTo(4);
    style
        .get("layers")
        .forEach(
            l -> {
              if (l.has("source")) {
                assertThat(style.get("sources").has(l.get("source").asText())).isTrue();
              }
            });
  }

  /**
   * A single activity's tile carries what a style needs: its theme code and whether it still
   * recruits.
   */
  @Test
  void singleRecordsCarryTheirCodes() throws Exception {
    JsonNode activities = JSON.readTree(get("/data/activities.geojson").body()).get("features");
    int checked = 0;
    for (JsonNode a : activities) {
      if (checked == 5) {
        break;
      }
      double lon = a.at("/geometry/coordinates/0").asDouble();
      double lat = a.at("/geometry/coordinates/1").asDouble();
      int[] t = tileOf(lon, lat, 20);
      var tile =
          io.github.sebasbaumh.mapbox.vectortile.VectorTile.Tile.parseFrom(
              get("/tiles/activities/20/" + t[1] + "/" + t[2] + ".mvt").body());
      var layer = tile.getLayers(0);
      for (var f : layer.getFeaturesList()) {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i + 1 < f.getTagsCount(); i += 2) {
          var v = layer.getValues(f.getTags(i + 1));
          tags.put(
              layer.getKeys(f.getTags(i)),
              v.hasStringValue()
                  ? v.getStringValue()
                  : v.hasBoolValue()
                      ? Boolean.toString(v.getBoolValue())
                      : Long.toString(
                          v.hasSintValue()
                              ? v.getSintValue()
                              : v.hasIntValue() ? v.getIntValue() : v.getUintValue()));
        }
        if (a.get("id").asText().equals(tags.get("id"))) {
          JsonNode p = a.get("properties");
          assertThat(tags.get("theme")).isEqualTo(p.get("theme").asText());
          boolean recruiting =
              p.get("volunteers_signed_up").asInt() < p.get("volunteers_wanted").asInt();
          assertThat(tags.get("recruiting"))
              .as("%s", a.get("id"))
              .isEqualTo(Boolean.toString(recruiting));
          checked++;
        }
      }
    }
    assertThat(checked).as("activities found alone in their zoom-20 tile").isEqualTo(5);
    JsonNode tj = JSON.readTree(get("/tiles/activities.json").body());
    assertThat(tj.at("/vector_layers/0/fields").has("theme")).isTrue();
    assertThat(tj.at("/vector_layers/0/fields").has("recruiting")).isTrue();
  }

  @Test
  void tilesHoldExactlyTheMapsClustersAndCache() throws Exception {
    for (int z : new int[] {5, 10, 14}) {
      int[] t = tileOf(109.98, 39.82, z);
      byte[] mvt = get("/tiles/stations/" + z + "/" + t[1] + "/" + t[2] + ".mvt").body();
      // decoded through the MVT protobuf schema
      var tile = io.github.sebasbaumh.mapbox.vectortile.VectorTile.Tile.parseFrom(mvt);
      assertThat(tile.getLayersList()).extracting(l -> l.getName()).containsExactly("stations");
      assertThat(tile.getLayers(0).getExtent()).isEqualTo(4096);
      assertThat(tile.getLayers(0).getKeysList()).contains("kind", "count", "cluster");

      // what the map itself shows in that box at that zoom
      double[] b = bounds(z, t[1], t[2]);
      JsonNode clusters =
          JSON.readTree(
                  portal
                      .get(
                          String.format(
                              java.util.Locale.ROOT,
                              "/api/clusters?bbox=%f,%f,%f,%f&z=%d&kind=station",
                              b[0],
                              b[1],
                              b[2],
                              b[3],
                              z))
                      .body())
              .get("features");
      Map<String, Integer> expected = new HashMap<>();
      clusters.forEach(
          c -> {
            double lon = c.at("/geometry/coordinates/0").asDouble();
            double lat = c.at("/geometry/coordinates/1").asDouble();
            if (lon >= b[0] && lon < b[2] && lat > b[1] && lat <= b[3]) {
              expected.merge(
                  c.at("/properties/id").asText("cluster")
                      + "@"
                      + c.at("/properties/count").asInt(),
                  1,
                  Integer::sum);
            }
          });
      assertThat(expected).as("zoom %d has stations", z).isNotEmpty();

      if (Gdal.available() || "true".equals(System.getenv("CI"))) {
        Gdal.require();
        Path dir = Files.createTempDirectory("mvt-").resolve(z + "/" + t[1]);
        Files.createDirectories(dir);
        Path file = Files.write(dir.resolve(t[2] + ".pbf"), mvt);
        String info = Gdal.ogrinfo("-ro", "-al", "-q", file.toString());
        Map<String, Integer> decoded = new HashMap<>();
        Matcher m =
            Pattern.compile("OGRFeature\\(stations\\):\\d+\\n((?:  [^\\n]*\\n)*)").matcher(info);
        int outside = 0;
        while (m.find()) {
          String block = m.group(1);
          Matcher id = Pattern.compile("id \\(String\\) = (\\S+)").matcher(block);
          Matcher count = Pattern.compile("count \\(Integer\\) = (\\d+)").matcher(block);
          Matcher point = Pattern.compile("POINT \\(([-\\d.e]+) ([-\\d.e]+)\\)").matcher(block);
          assertThat(count.find() && point.find()).isTrue();
          double lon = Math.toDegrees(Double.parseDouble(point.group(1)) / 6378137.0);
          double lat =
              Math.toDegrees(Math.atan(Math.sinh(Double.parseDouble(point.group(2)) / 6378137.0)));
          if (lon >= b[0] && lon < b[2] && lat > b[1] && lat <= b[3]) {
            decoded.merge(
                (id.find() ? id.group(1) : "cluster") + "@" + count.group(1), 1, Integer::sum);
          } else {
            outside++; // in the buffer around the tile
          }
        }
        assertThat(decoded)
            .as("zoom %d: GDAL's decoding equals the map's clusters", z)
            .isEqualTo(expected);
        assertThat(outside).isGreaterThanOrEqualTo(0);
      }
    }
    int[] t = tileOf(109.98, 39.82, 5); // one tile holds all of Ordos at zoom 5
    HttpResponse<byte[]> boundaries =
        get("/tiles/boundaries/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt");
    var tile = io.github.sebasbaumh.mapbox.vectortile.VectorTile.Tile.parseFrom(boundaries.body());
    assertThat(tile.getLayers(0).getFeaturesCount()).as("the nine districts of Ordos").isEqualTo(9);

    HttpResponse<byte[]> first = get("/tiles/stations/10/824/388.mvt");
    String etag = first.headers().firstValue("etag").orElseThrow();
    assertThat(first.headers().firstValue("cache-control").orElse("")).contains("max-age");
    assertThat(first.headers().firstValue("access-control-allow-origin")).hasValue("*");
    assertThat(get("/tiles/stations/10/824/388.mvt", "If-None-Match", etag).statusCode())
        .isEqualTo(304);
    for (String bad :
        List.of(
            "/tiles/stations/21/0/0.mvt",
            "/tiles/stations/2/4/0.mvt",
            "/tiles/stations/a/0/0.mvt",
            "/tiles/stations/1/0/0.mvt?x=1")) {
      assertThat(get(bad).statusCode()).as(bad).isEqualTo(400);
    }
    assertThat(get("/tiles/people/1/0/0.mvt").statusCode()).isEqualTo(404);
    assertThat(get("/tiles/stations/1/0/0.png").statusCode()).isEqualTo(404);
  }
}
