package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A resident using the map in headless Chromium: search, filter, list, near me, detail pages,
 * language, phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class MapPageBrowserIT {
  private RunningPortal portal;
  private ChromeDriver browser;
  private int stationCount;

  @BeforeAll
  void start() throws Exception {
    portal = RunningPortal.start(Files.createTempDirectory("vsmap-browser-").resolve("data"));
    stationCount =
        new ObjectMapper()
            .readTree(portal.get("/api/stations.geojson").body())
            .get("features")
            .size();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      assertNoConsoleErrors();
      browser.quit();
      browser = null;
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  private WebDriverWait waitUp() {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private void openMap(String query) {
    browser.get(portal.url("/" + query));
    waitUp().until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-loaded")));
  }

  @Test
  void theMapShowsEveryStationInClustersAndTheListFollowsIt() throws Exception {
    browser = Browser.open(1280, 900);
    openMap("");
    // stations are counted in their own clusters and in the places where several kinds meet
    long shown =
        (Long)
            js(
                "return Array.from(document.querySelectorAll('.leaflet-marker-icon.vs-kind-station'))"
                    + ".reduce((n, e) => n + Number(e.getAttribute('data-count')), 0)"
                    + " + Array.from(document.querySelectorAll('.leaflet-marker-icon.vs-mixed'))"
                    + ".reduce((n, e) => n + JSON.parse(e.getAttribute('data-mix')).station, 0)");
    assertThat(shown).isEqualTo(stationCount);
    assertThat(browser.findElements(By.cssSelector(".vs-mixed, .vs-cluster"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector(".county-label"))).hasSize(9);
    assertThat((Long) js("return document.getElementById('map').getBoundingClientRect().bottom"))
        .as("the map fits the window")
        .isLessThanOrEqualTo(900L);
    assertThat(browser.findElements(By.cssSelector("#results li"))).hasSize(20);
    assertThat(browser.findElement(By.cssSelector(".synthetic-banner")).getText()).contains("合成数据");
    assertThat(browser.getCurrentUrl()).contains("z=").contains("lat=");
    // the demo default basemap: OpenStreetMap's tiles with their credit (no 天地图 key given)
    assertThat(browser.findElement(By.id("map")).getAttribute("data-basemap-name"))
        .isEqualTo("osm");
    assertThat(
            browser.findElements(
                By.cssSelector("img.leaflet-tile[src^='" + Browser.DEFAULT_TILE_HOST + "']")))
        .isNotEmpty();
    assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText())
        .contains("OpenStreetMap");
    Files.write(Path.of("target", "map-desktop.png"), browser.getScreenshotAs(OutputType.BYTES));

    // zooming in splits clusters and the list keeps to the view
    String before = browser.findElement(By.id("result-count")).getText();
    js("window.scrollTo(0,0)");
    browser.get(portal.url("/?lat=39.82&lon=109.96&z=14"));
    waitUp().until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-loaded")));
    waitUp().until(d -> !d.findElement(By.id("result-count")).getText().equals(before));
    assertThat(browser.findElements(By.cssSelector(".vs-marker"))).isNotEmpty();
  }

  @Test
  void searchByPinyinWithSuggestionsThenOpenTheStation() throws Exception {
    browser = Browser.open(1280, 900);
    openMap("");
    WebElement q = browser.findElement(By.id("q"));
    q.sendKeys("jinxiu");
    waitUp()
        .until(
            d ->
                d.findElements(By.cssSelector("#suggestions li")).stream()
                    .anyMatch(li -> li.getText().startsWith("锦秀")));
    q.sendKeys(Keys.ENTER);
    waitUp().until(d -> d.getCurrentUrl().contains("q=jinxiu"));
    WebElement first =
        waitUp()
            .until(
                d ->
                    d.findElements(By.cssSelector("#results li .name")).stream()
                        .filter(a -> a.getText().startsWith("锦秀社区志愿服务站"))
                        .findFirst()
                        .orElse(null));
    assertThat(first.findElement(By.tagName("mark")).getText()).isEqualTo("锦秀");
    first.click();
    waitUp().until(d -> d.getCurrentUrl().contains("/stations/st-150602001002"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("锦秀社区志愿服务站");
    String ld =
        (String)
            js("return document.querySelector('script[type=\"application/ld+json\"]').textContent");
    assertThat(ld).contains("\"@type\":\"Place\"").contains("锦秀社区志愿服务站");
    assertThat(browser.findElements(By.cssSelector(".routes a")))
        .extracting(e -> e.getAttribute("href"))
        .anyMatch(h -> h.startsWith("https://uri.amap.com/navigation?to="));
  }

  @Test
  void filtersNarrowTheListAndStayInTheAddress() throws Exception {
    browser = Browser.open(1280, 900);
    openMap("");
    browser.findElement(By.cssSelector("details.filters summary")).click();
    browser.findElement(By.cssSelector("input[name=kind][value=station]")).click();
    browser.findElement(By.cssSelector("input[name=kind][value=team]")).click();
    new Select(browser.findElement(By.id("date"))).selectByValue("week");
    waitUp()
        .until(
            d ->
                d.getCurrentUrl().contains("kind=activity")
                    && d.getCurrentUrl().contains("date=week"));
    waitUp()
        .until(
            d ->
                !d.findElements(By.cssSelector("#results li")).isEmpty()
                    && d.findElements(By.cssSelector("#results li")).stream()
                        .allMatch(li -> li.getAttribute("class").contains("vs-kind-activity")));
    assertThat(browser.findElements(By.cssSelector(".leaflet-marker-icon.vs-kind-station")))
        .isEmpty();

    // the shared URL reproduces the view, and the server renders the same list without JavaScript
    String shared = browser.getCurrentUrl();
    browser.get(shared);
    assertThat(browser.findElement(By.cssSelector("input[name=kind][value=activity]")).isSelected())
        .isTrue();
    assertThat(browser.findElement(By.cssSelector("input[name=kind][value=station]")).isSelected())
        .isFalse();
    assertThat(
            new Select(browser.findElement(By.id("date")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("week");
  }

  @Test
  void aListItemOpensOnTheMap() throws Exception {
    browser = Browser.open(1280, 900);
    openMap("?q=%E5%9B%BE%E4%B9%A6%E9%A6%86&kind=station");
    WebElement item =
        waitUp()
            .until(
                d ->
                    d.findElements(By.cssSelector("#results li")).stream()
                        .findFirst()
                        .orElse(null));
    String name = item.findElement(By.cssSelector(".name")).getText();
    item.findElement(By.cssSelector(".show-on-map")).click();
    // the popup opens while the map pans to it: wait until it is shown (getText is "" before)
    WebElement popup =
        waitUp()
            .until(
                d ->
                    d.findElements(By.cssSelector(".leaflet-popup-content h2")).stream()
                        .filter(WebElement::isDisplayed)
                        .filter(h -> !h.getText().isEmpty())
                        .findFirst()
                        .orElse(null));
    assertThat(popup.getText()).isEqualTo(name);
    popup.findElement(By.xpath("..")).findElement(By.tagName("a")).click();
    waitUp().until(d -> d.getCurrentUrl().contains("/stations/"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
  }

  @Test
  void nearMeSortsByDistanceAndFallsBackToTheDistrictList() throws Exception {
    browser = Browser.open(1280, 900);
    browser.executeCdpCommand(
        "Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
    browser.executeCdpCommand(
        "Emulation.setGeolocationOverride",
        Map.of("latitude", 39.8165, "longitude", 109.9776, "accuracy", 20));
    openMap("?kind=station");
    browser.findElement(By.id("near-me")).click();
    waitUp().until(d -> d.getCurrentUrl().contains("lat=39.8165"));
    waitUp()
        .until(
            d ->
                d.findElements(By.cssSelector("#results li .meta")).stream()
                    .findFirst()
                    .map(e -> e.getText().matches(".*\\d+ m.*|.*km.*"))
                    .orElse(false));
    List<Long> metres =
        browser.findElements(By.cssSelector("#results li .meta")).stream()
            .map(e -> e.getText().replaceAll(".*?(\\d+(?:\\.\\d)?) (m|km).*", "$1 $2"))
            .map(
                s -> {
                  String[] p = s.split(" ");
                  return (long) (Double.parseDouble(p[0]) * (p[1].equals("km") ? 1000 : 1));
                })
            .toList();
    assertThat(metres).isSorted();

    browser.executeCdpCommand("Browser.resetPermissions", Map.of());
    browser.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
    openMap("");
    js(
        "navigator.geolocation.getCurrentPosition = (ok, fail) => fail({code: 1, message: 'denied'})");
    browser.findElement(By.id("near-me")).click();
    waitUp().until(d -> "county".equals(d.switchTo().activeElement().getAttribute("id")));
    assertThat(browser.findElement(By.cssSelector("details.filters")).getAttribute("open"))
        .isNotNull();
    new Select(browser.findElement(By.id("county"))).selectByVisibleText("东胜区");
    waitUp().until(d -> d.findElements(By.cssSelector("#street option")).size() > 5);
  }

  @Test
  void switchingToEnglishKeepsThePage() throws Exception {
    browser = Browser.open(1280, 900);
    openMap("");
    browser.findElement(By.cssSelector("nav.lang a")).click();
    waitUp().until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    waitUp().until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-loaded")));
    assertThat(browser.findElement(By.id("near-me")).getText()).isEqualTo("Near me");
    assertThat(browser.findElement(By.cssSelector("#results li .name")).getAttribute("href"))
        .endsWith("?lang=en");
  }

  @Test
  void fitsAPhoneWithBigTouchTargetsAndLargeText() throws Exception {
    browser = Browser.open(360, 740);
    for (String page :
        List.of("/stations/st-1506-head", "/teams/tm-1506", "/activities/ac-00001")) {
      browser.get(portal.url(page));
      assertThat(
              (Long)
                  js(
                      "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
          .as("sideways scroll on %s", page)
          .isLessThanOrEqualTo(0L);
    }
    openMap("");
    assertThat((Long) js("return window.innerWidth")).isEqualTo(360L);
    assertThat(
            (Long)
                js(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
        .isLessThanOrEqualTo(0L);
    for (String css :
        List.of(
            "#near-me",
            "#large-text",
            "#q",
            "details.filters summary",
            "#results li .show-on-map")) {
      assertThat(browser.findElement(By.cssSelector(css)).getSize().getHeight())
          .as("height of %s", css)
          .isGreaterThanOrEqualTo(44);
    }
    Files.write(Path.of("target", "map-360px.png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.findElement(By.id("large-text")).click();
    waitUp()
        .until(d -> "true".equals(d.findElement(By.id("large-text")).getAttribute("aria-pressed")));
    assertThat((String) js("return getComputedStyle(document.body).fontSize")).isEqualTo("21px");
    assertThat(
            (Long)
                js(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
        .isLessThanOrEqualTo(0L);
  }

  /**
   * A dataset page draws its small map from the OGC API and lists its versions; the OGC HTML pages
   * render cleanly.
   */
  @Test
  void datasetPageMapAndOgcPagesRenderWithoutErrors() throws Exception {
    browser = Browser.open(1280, 900);
    browser.get(portal.url("/data/stations"));
    waitUp()
        .until(
            d -> {
              String loaded = d.findElement(By.id("dataset-map")).getAttribute("data-loaded");
              return loaded != null && !loaded.isEmpty();
            });
    assertThat(
            Integer.parseInt(browser.findElement(By.id("dataset-map")).getAttribute("data-loaded")))
        .isEqualTo(stationCount);
    assertThat(browser.findElements(By.cssSelector("#dataset-map path.leaflet-interactive")).size())
        .isEqualTo(stationCount);
    browser.get(portal.url("/ogc/collections/stations/items?f=html&limit=20"));
    assertThat(browser.findElements(By.cssSelector("table.preview tbody tr"))).hasSize(20);
    browser.findElement(By.cssSelector("a[rel=next]")).click();
    waitUp().until(d -> d.getCurrentUrl().contains("offset=20"));
    browser.findElement(By.cssSelector("table.preview tbody tr td a")).click();
    waitUp().until(d -> d.getCurrentUrl().contains("/items/st-"));
  }

  /**
   * The statistics page: every chart drawn from its table, the districts' choropleth, no console
   * errors; the embed alone.
   */
  @Test
  void statisticsChartsAndMapRender() throws Exception {
    browser = Browser.open(1280, 900);
    browser.get(portal.url("/stats"));
    waitUp().until(d -> "9".equals(d.findElement(By.id("stats-map")).getAttribute("data-loaded")));
    for (String chart : List.of("chart-districts", "chart-months", "chart-themes", "chart-trend")) {
      String drawn = browser.findElement(By.id(chart)).getAttribute("data-drawn");
      assertThat(drawn).as(chart).isNotNull();
      assertThat(Integer.parseInt(drawn)).as(chart).isPositive();
      assertThat(browser.findElements(By.cssSelector("#" + chart + " svg"))).as(chart).isNotEmpty();
    }
    int rows = browser.findElements(By.cssSelector("#table-months tbody tr")).size();
    assertThat(
            Integer.parseInt(browser.findElement(By.id("chart-months")).getAttribute("data-drawn")))
        .isEqualTo(rows);
    browser.get(portal.url("/stats/embed/themes?lang=en"));
    waitUp().until(d -> d.findElement(By.id("chart-themes")).getAttribute("data-drawn") != null);
    assertThat(browser.findElements(By.cssSelector("header.site"))).isEmpty();
  }

  /** Swagger UI from the jar renders both API documents, every operation listed, under our CSP. */
  @Test
  void swaggerUiRendersBothApiDocuments() throws Exception {
    browser = Browser.open(1280, 900);
    browser.get(portal.url("/api/docs"));
    waitUp().until(d -> d.findElements(By.cssSelector(".opblock-summary-path")).size() >= 8);
    assertThat(
            browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(e -> e.getAttribute("data-path"))
                .toList())
        .contains("/api/search", "/api/nearby", "/data/{file}");
    browser.get(portal.url("/api/docs?doc=ogc"));
    waitUp()
        .until(
            d ->
                d.findElements(By.cssSelector(".opblock-summary-path")).stream()
                    .anyMatch(
                        e -> "/collections/activities/items".equals(e.getAttribute("data-path"))));
    assertThat(
            (Boolean)
                js(
                    "return Array.from(document.scripts).every(s => !s.src || s.src.startsWith(location.origin))"))
        .isTrue();
  }

  private void assertNoConsoleErrors() {
    Browser.assertNoConsoleErrors(browser);
  }
}
