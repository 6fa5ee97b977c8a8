package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.spatial.ChinaOffsets;

/**
 * The basemap in headless Chromium against a local tile stub: GCJ-02 tiles (高德, 腾讯 and {@code xyz:
 * --tile-crs gcj02}) get every marker drawn where the tiles show the place, and a basemap whose
 * tiles cannot load is reported on the map while the boundaries stay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class BasemapBrowserIT {
  private static final int ZOOM = 17;
  private HttpServer tiles;
  private final AtomicInteger tilesServed = new AtomicInteger();
  private final AtomicBoolean tilesDown = new AtomicBoolean();
  private RunningPortal portal;
  private ChromeDriver browser;

  @BeforeAll
  void start() throws Exception {
    byte[] png = tile();
    tiles = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tiles.createContext(
        "/",
        ex -> {
          if (tilesDown.get()) {
            ex.sendResponseHeaders(503, -1);
          } else {
            tilesServed.incrementAndGet();
            ex.getResponseHeaders().set("Content-Type", "image/png");
            ex.sendResponseHeaders(200, png.length);
            ex.getResponseBody().write(png);
          }
          ex.close();
        });
    tiles.start();
    portal =
        RunningPortal.start(
            Files.createTempDirectory("vsmap-basemap-").resolve("data"),
            "--basemap",
            "xyz:http://127.0.0.1:" + tiles.getAddress().getPort() + "/{z}/{x}/{y}.png",
            "--tile-crs",
            "gcj02",
            "--basemap-credit",
            "测试瓦片 test tiles");
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      Browser.assertNoConsoleErrors(browser);
      browser.quit();
      browser = null;
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
    if (tiles != null) {
      tiles.stop(0);
    }
  }

  private static byte[] tile() throws Exception {
    BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0xeef2f5));
    g.fillRect(0, 0, 256, 256);
    g.setColor(new Color(0xb0bec5));
    g.drawRect(0, 0, 255, 255);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  /** Web Mercator pixel of a point at {@link #ZOOM}: [x, y]. */
  private static double[] pixel(double lon, double lat) {
    double scale = 256 * Math.pow(2, ZOOM);
    double x = (lon + 180) / 360 * scale;
    double s = Math.sin(Math.toRadians(lat));
    double y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale;
    return new double[] {x, y};
  }

  @Test
  void onGcj02TilesAMarkerSitsOnTheShiftedTilePixelWhileTheDataStaysWgs84() throws Exception {
    // a station standing alone at this zoom, so its own marker is drawn (not a cluster)
    JsonNode features =
        new ObjectMapper().readTree(portal.get("/api/stations.geojson").body()).get("features");
    JsonNode station = features.get(0);
    String name = station.get("properties").get("name").asText();
    double lon = station.get("geometry").get("coordinates").get(0).asDouble();
    double lat = station.get("geometry").get("coordinates").get(1).asDouble();
    GeoPoint gcj = ChinaOffsets.wgs84ToGcj02(new GeoPoint(lon, lat));
    double[] shifted = pixel(gcj.lon(), gcj.lat());
    double[] unshifted = pixel(lon, lat);
    assertThat(Math.hypot(shifted[0] - unshifted[0], shifted[1] - unshifted[1]))
        .as("the test tells the two apart: GCJ-02 is hundreds of metres off here")
        .isGreaterThan(50);

    browser = Browser.open(1366, 768);
    browser.get(portal.url("/?z=" + ZOOM + "&lat=" + lat + "&lon=" + lon + "&kind=station"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-loaded")));
    String tilePath = "/" + ZOOM + "/" + (int) (shifted[0] / 256) + "/" + (int) (shifted[1] / 256);
    wait.until(
        d ->
            (Boolean)
                browser.executeScript(
                    "var t = document.querySelector('img.leaflet-tile[src$=\"' + arguments[0] + '.png\"]');"
                        + "return !!t && t.complete && t.naturalWidth > 0;",
                    tilePath));
    @SuppressWarnings("unchecked")
    Map<String, Object> at =
        (Map<String, Object>)
            browser.executeScript(
                "var t = document.querySelector('img.leaflet-tile[src$=\"' + arguments[0] + '.png\"]').getBoundingClientRect();"
                    + "var name = arguments[1];"
                    + "var ms = Array.prototype.filter.call(document.querySelectorAll('.vs-marker.vs-kind-station'),"
                    + "  function (e) { return (e.getAttribute('title') || '').endsWith('：' + name); });"
                    + "return {tx: t.left, ty: t.top, markers: ms.map(function (e) { var r = e.getBoundingClientRect();"
                    + "  return [r.left + r.width / 2, r.top + r.height / 2]; })};",
                tilePath,
                name);
    double expectedX = ((Number) at.get("tx")).doubleValue() + shifted[0] % 256;
    double expectedY = ((Number) at.get("ty")).doubleValue() + shifted[1] % 256;
    List<?> markers = (List<?>) at.get("markers");
    assertThat(markers).as("the station's own marker at z" + ZOOM + ": " + name).hasSize(1);
    List<?> xy = (List<?>) markers.get(0);
    double x = ((Number) xy.get(0)).doubleValue();
    double y = ((Number) xy.get(1)).doubleValue();
    assertThat(Math.hypot(x - expectedX, y - expectedY))
        .as("marker centre against the tile pixel of its GCJ-02 position")
        .isLessThan(2.5);
    assertThat(tilesServed.get()).as("tiles came from the configured server").isPositive();
    assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText())
        .contains("测试瓦片 test tiles");
    // the page's address and the API keep WGS84: the map centre is the station itself
    String address = browser.getCurrentUrl();
    double centreLat = Double.parseDouble(address.replaceAll(".*[?&]lat=([0-9.]+).*", "$1"));
    double centreLon = Double.parseDouble(address.replaceAll(".*[?&]lon=([0-9.]+).*", "$1"));
    assertThat(Math.abs(centreLat - lat)).isLessThan(2e-5);
    assertThat(Math.abs(centreLon - lon)).isLessThan(2e-5);
  }

  @Test
  void whenNoTileLoadsTheMapSaysSoAndKeepsTheBoundaries() throws Exception {
    tilesDown.set(true);
    try {
      browser = Browser.open(390, 844);
      browser.get(portal.url("/"));
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      wait.until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-loaded")));
      wait.until(
          d -> "offline".equals(d.findElement(By.id("map")).getAttribute("data-basemap-state")));
      assertThat(browser.findElement(By.cssSelector(".basemap-note")).getText()).contains("底图");
      assertThat(browser.findElements(By.cssSelector("path.leaflet-interactive, svg path")))
          .as("the district boundaries are still drawn")
          .isNotEmpty();
      // the failed tiles are the stub's 503s, not the page's fault
      browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll();
    } finally {
      tilesDown.set(false);
    }
  }
}
