package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The resident's front door on a phone (390×844) and a desktop (1366×768): what the first screen
 * shows after 附近, honest counts with the whole city one tap away, help when nothing is found,
 * paging, one marker per place, teams off the map until asked for, and no layout shift.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class ResidentBrowserIT {
  /** In 东胜区, among its communities. */
  private static final double LAT = 39.8165;

  private static final double LON = 109.9776;

  /** Layout shifts without input, summed from the page's start (the CLS of the visit). */
  private static final String CLS_OBSERVER =
      "window.__cls = 0; new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) {"
          + " if (!e.hadRecentInput) { window.__cls += e.value; } }); })"
          + ".observe({ type: 'layout-shift', buffered: true });";

  private RunningPortal portal;
  private ChromeDriver browser;

  @BeforeAll
  void start() throws Exception {
    portal = RunningPortal.start(Files.createTempDirectory("vsmap-resident-").resolve("data"));
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
  }

  private WebDriverWait waitUp() {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  private Object js(String script, Object... args) {
    return browser.executeScript(script, args);
  }

  private void openMap(String query) {
    browser.get(portal.url("/" + query));
    waitUp().until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-loaded")));
  }

  private void shot(String name) throws Exception {
    Files.write(Path.of("target", name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  private void locateAt(double lat, double lon) {
    browser.executeCdpCommand(
        "Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
    browser.executeCdpCommand(
        "Emulation.setGeolocationOverride",
        Map.of("latitude", lat, "longitude", lon, "accuracy", 20));
  }

  /** The result items wholly on screen and not covered by anything. */
  @SuppressWarnings("unchecked")
  private List<String> itemsOnScreen() {
    return (List<String>)
        js(
            "return Array.from(document.querySelectorAll('#results li')).filter(function (li) {"
                + "  var r = li.getBoundingClientRect();"
                + "  if (r.height === 0 || r.top < 0 || r.bottom > window.innerHeight) { return false; }"
                + "  var top = document.elementFromPoint(r.left + 20, r.top + r.height / 2);"
                + "  return !!top && li.contains(top);"
                + "}).map(function (li) { return li.querySelector('.meta').textContent; });");
  }

  @Test
  void onAPhoneTheFirstScreenAfterNearMeShowsTheNearestWithTheirDistances() throws Exception {
    browser = Browser.open(390, 844);
    locateAt(LAT, LON);
    openMap("");
    assertThat(browser.findElement(By.id("q")).getRect().getY())
        .as("the search box is near the top")
        .isLessThan(200);
    browser.findElement(By.id("near-me")).click();
    waitUp()
        .until(
            d ->
                itemsOnScreen().stream()
                        .filter(m -> m.matches("(?s).*\\d+[ \\u00a0](m|km)\\b.*"))
                        .count()
                    >= 3);
    List<String> visible = itemsOnScreen();
    assertThat(visible).as("results on the first screen").hasSizeGreaterThanOrEqualTo(3);
    assertThat(visible.get(0)).as("district and street on each item").contains("区");
    assertThat(browser.findElement(By.id("sheet")).getAttribute("data-state")).isEqualTo("half");
    shot("phone-near-me");
  }

  @Test
  void aViewWithNothingInItOffersTheWholeCityAndAnEmptyCityOffersToDropAFilter() throws Exception {
    for (int[] size : new int[][] {{390, 844}, {1366, 768}}) {
      browser = Browser.open(size[0], size[1]);
      // 图书馆 stations exist in the city, not in the desert west of 杭锦旗
      openMap("?q=%E5%9B%BE%E4%B9%A6%E9%A6%86&lat=40.2&lon=107.6&z=15");
      WebElement help = waitUp().until(d -> visible(d.findElement(By.id("empty-help"))));
      assertThat(help.getText()).contains("地图范围内没有找到");
      assertThat(browser.findElement(By.id("result-count")).getText())
          .matches("地图范围内 0 条 · 全市 \\d+ 条");
      help.findElement(By.cssSelector("button")).click();
      waitUp().until(d -> d.getCurrentUrl().contains("scope=city"));
      waitUp().until(d -> !d.findElements(By.cssSelector("#results li")).isEmpty());
      assertThat(browser.findElement(By.id("result-count")).getText()).matches("全市 \\d+ 条");
      assertThat(browser.findElement(By.id("empty-help")).isDisplayed()).isFalse();

      // a word nothing has: the help offers to drop it
      openMap("?q=qqqzzzxxx&recruiting=true");
      help = waitUp().until(d -> visible(d.findElement(By.id("empty-help"))));
      assertThat(help.getText()).contains("全市都没有找到");
      List<WebElement> drops = help.findElements(By.cssSelector("button"));
      assertThat(drops.stream().map(WebElement::getText)).contains("去掉“qqqzzzxxx”", "清除全部筛选");
      drops.get(0).click();
      waitUp().until(d -> !d.findElements(By.cssSelector("#results li")).isEmpty());
      assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEmpty();

      // a garbled word: 您是不是要找 offers names that begin like it
      openMap("?q=jinxiuqqq");
      WebElement garbled = waitUp().until(d -> visible(d.findElement(By.id("empty-help"))));
      waitUp().until(d -> !d.findElements(By.cssSelector("#empty-help .did-you-mean")).isEmpty());
      assertThat(garbled.getText()).contains("您是不是要找");
      WebElement meant =
          garbled.findElements(By.cssSelector("button")).stream()
              .filter(b -> b.getText().startsWith("锦秀"))
              .findFirst()
              .orElseThrow();
      meant.click();
      waitUp().until(d -> !d.findElements(By.cssSelector("#results li")).isEmpty());
      assertThat(browser.findElement(By.id("q")).getAttribute("value")).startsWith("锦秀");
      browser.quit();
      browser = null;
    }
  }

  private static WebElement visible(WebElement e) {
    return e.isDisplayed() ? e : null;
  }

  @Test
  void largeTextStaysOnThroughThreePageChanges() throws Exception {
    browser = Browser.open(390, 844);
    openMap("");
    browser.findElement(By.id("large-text")).click();
    waitUp()
        .until(d -> "true".equals(d.findElement(By.id("large-text")).getAttribute("aria-pressed")));
    String station = browser.findElement(By.cssSelector("#results li .name")).getAttribute("href");
    for (String next : List.of(station, portal.url("/activities"), portal.url("/stats"))) {
      browser.get(next);
      assertThat(browser.findElement(By.tagName("html")).getAttribute("class"))
          .as("rendered large by the server: %s", next)
          .contains("large-text");
      assertThat((String) js("return getComputedStyle(document.body).fontSize"))
          .as("at least 1.3 × 16 px")
          .isEqualTo("21px");
      assertThat(browser.findElement(By.id("large-text")).getSize().getHeight())
          .as("controls grow too")
          .isGreaterThanOrEqualTo(58);
    }
    shot("phone-large-text-stats");
    browser.findElement(By.id("large-text")).click();
    browser.get(portal.url("/"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("class"))
        .as("switched off, it stays off")
        .doesNotContain("large-text");
  }

  @Test
  void aPlaceCardRoutesInGcj02AndOpensItselfOnTheMap() throws Exception {
    var station =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(portal.get("/ogc/collections/stations/items/st-150602001002?f=json").body());
    double lon = station.get("geometry").get("coordinates").get(0).asDouble();
    double lat = station.get("geometry").get("coordinates").get(1).asDouble();
    String name = station.get("properties").get("name").asText();
    org.vsmap.geo.model.GeoPoint gcj =
        org.vsmap.geo.spatial.ChinaOffsets.wgs84ToGcj02(new org.vsmap.geo.model.GeoPoint(lon, lat));
    browser = Browser.open(390, 844);
    browser.get(portal.url("/stations/st-150602001002?lat=" + LAT + "&lon=" + LON));
    assertThat(browser.findElement(By.cssSelector(".go .distance")).getText())
        .matches("距您 \\d+(\\.\\d)? k?m");
    String amap = browser.findElement(By.cssSelector(".routes a")).getAttribute("href");
    java.util.regex.Matcher to =
        java.util.regex.Pattern.compile("[?&]to=([0-9.]+),([0-9.]+),").matcher(amap);
    assertThat(to.find()).as(amap).isTrue();
    assertThat(Double.parseDouble(to.group(1)))
        .isCloseTo(gcj.lon(), org.assertj.core.data.Offset.offset(2e-6));
    assertThat(Double.parseDouble(to.group(2)))
        .isCloseTo(gcj.lat(), org.assertj.core.data.Offset.offset(2e-6));
    assertThat(Math.abs(gcj.lon() - lon)).as("GCJ-02 differs from WGS84 here").isGreaterThan(1e-3);
    assertThat(amap).contains("mode=walk");
    waitUp()
        .until(d -> !d.findElements(By.cssSelector("#place-map .leaflet-marker-icon")).isEmpty());
    for (int[] size : new int[][] {{390, 844}}) {
      assertThat(Browser.axeViolations(browser))
          .as("axe on a station page at %dx%d", size[0], size[1])
          .isEmpty();
    }
    shot("phone-station");
    browser.findElement(By.cssSelector(".go a.button:not(.secondary)")).click();
    WebElement popup =
        waitUp()
            .until(
                d ->
                    d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
                        .filter(WebElement::isDisplayed)
                        .filter(e -> e.getText().contains(name))
                        .findFirst()
                        .orElse(null));
    waitUp().until(d -> !popup.findElement(By.cssSelector(".facts-line")).getText().isEmpty());
    assertThat(popup.findElement(By.cssSelector(".facts-line")).getText())
        .as("type, hours and services in the popup")
        .contains("社区志愿服务站")
        .contains(":");
    assertThat(popup.findElements(By.cssSelector("a.navigate"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector(".vs-chosen"))).isNotEmpty();
    shot("phone-on-map-selected");
  }

  @Test
  void anActivityPageOffersItsSignUpOnTheFirstScreenWithAQrCodeOnADesktop() throws Exception {
    // ac-00002: a demo activity with a (made-up) 志愿中国 project number, sign-up closing the evening
    // before, places left
    for (int[] size : new int[][] {{390, 844}, {1366, 768}}) {
      browser = Browser.open(size[0], size[1]);
      browser.get(portal.url("/activities/ac-00002"));
      WebElement button = browser.findElement(By.cssSelector(".join-panel a.join-button"));
      assertThat(button.getText()).isEqualTo("去志愿中国报名");
      assertThat(button.getAttribute("href")).isEqualTo("https://chinavolunteer.mca.gov.cn/");
      assertThat(
              ((Number) js("return arguments[0].getBoundingClientRect().bottom;", button))
                  .doubleValue())
          .as("the 报名 button is on the first screen at %dx%d", size[0], size[1])
          .isLessThan(size[1]);
      assertThat(browser.findElement(By.cssSelector(".join-status")).getText())
          .contains("招募中")
          .containsPattern("还剩 \\d+ 个名额")
          .containsPattern("报名截止 \\d{4}-\\d{2}-\\d{2} 18:00");
      assertThat(browser.findElement(By.cssSelector(".project-id")).getText())
          .isEqualTo("DEMO-00002");
      assertThat(browser.findElement(By.cssSelector(".join-qr")).isDisplayed())
          .as("the QR code is for scanning from a desktop screen, not shown on a phone")
          .isEqualTo(size[0] > 600);
      assertThat(Browser.axeViolations(browser))
          .as("axe on an activity page at %dx%d", size[0], size[1])
          .isEmpty();
      shot("join-" + size[0]);
      Browser.assertNoConsoleErrors(browser);
      browser.quit();
      browser = null;
    }
  }

  @Test
  void theListPagesOnThroughAllResults() throws Exception {
    browser = Browser.open(1366, 768);
    openMap("?kind=station&scope=city");
    waitUp().until(d -> d.findElements(By.cssSelector("#results li")).size() == 20);
    String count = browser.findElement(By.id("result-count")).getText();
    assertThat(count).matches("全市 \\d+ 条");
    browser.findElement(By.id("more")).click();
    waitUp().until(d -> d.findElements(By.cssSelector("#results li")).size() == 40);
    assertThat(
            browser.findElements(By.cssSelector("#results li")).stream()
                .map(li -> li.getAttribute("data-id"))
                .distinct()
                .count())
        .as("the second page follows the first, no repeats")
        .isEqualTo(40);
  }

  @Test
  void onePlaceIsOneMarkerAndTeamsJoinTheMapOnlyWhenAsked() throws Exception {
    browser = Browser.open(1366, 768);
    openMap("");
    @SuppressWarnings("unchecked")
    List<List<Number>> centres =
        (List<List<Number>>)
            js(
                "return Array.from(document.querySelectorAll('.leaflet-marker-icon')).map(function (e) {"
                    + " var r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; });");
    assertThat(centres).hasSizeGreaterThan(5);
    for (int i = 0; i < centres.size(); i++) {
      for (int j = i + 1; j < centres.size(); j++) {
        double dx = centres.get(i).get(0).doubleValue() - centres.get(j).get(0).doubleValue();
        double dy = centres.get(i).get(1).doubleValue() - centres.get(j).get(1).doubleValue();
        assertThat(Math.hypot(dx, dy)).as("markers %d and %d apart", i, j).isGreaterThan(30);
      }
    }
    assertThat(browser.findElements(By.cssSelector(".vs-mixed")))
        .as("places where several kinds meet")
        .isNotEmpty();
    String teamsOnMap =
        "return document.querySelectorAll('.leaflet-marker-icon.vs-kind-team').length"
            + " + Array.from(document.querySelectorAll('.vs-mixed'))"
            + ".reduce(function (n, e) { return n + JSON.parse(e.getAttribute('data-mix')).team; }, 0);";
    assertThat((Long) js(teamsOnMap)).as("no team on the map by default").isZero();
    assertThat(browser.findElement(By.cssSelector(".map-legend")).getText())
        .contains("站点", "活动", "队伍");
    browser.findElement(By.id("map-teams")).click();
    waitUp().until(d -> (Long) js(teamsOnMap) > 0);
    // the list and its filters keep teams
    openMap("?q=%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1%E9%98%9F");
    assertThat(browser.findElements(By.cssSelector("#results li.vs-kind-team")))
        .as("teams in the list for 志愿服务队")
        .isNotEmpty();
    assertThat((Long) js(teamsOnMap)).as("and still not on the map").isZero();
  }

  /** axe-core on every page type a resident meets, at both sizes, in both languages. */
  @Test
  void everyPageTypeIsFreeOfSeriousAccessibilityFaults() throws Exception {
    List<String> pages =
        List.of(
            "/",
            "/?q=%E5%8A%A9%E8%80%81&scope=city",
            "/stations/st-150602001002",
            "/teams/tm-150602001002",
            "/activities?view=list",
            "/honours",
            "/stats",
            "/data",
            "/data/stations",
            "/accessibility",
            "/?lang=en",
            "/stations/st-150602001002?lang=en");
    for (int[] size : new int[][] {{390, 844}, {1366, 768}}) {
      browser = Browser.open(size[0], size[1]);
      for (String page : pages) {
        browser.get(portal.url(page));
        if (page.startsWith("/?") || page.equals("/")) {
          waitUp()
              .until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-loaded")));
        }
        assertThat(Browser.axeViolations(browser))
            .as("axe on %s at %dx%d", page, size[0], size[1])
            .isEmpty();
      }
      browser.quit();
      browser = null;
    }
  }

  @Test
  void nothingShiftsWhileTheMapStartsAndEveryControlIsBigEnoughToTap() throws Exception {
    for (int[] size : new int[][] {{390, 844}, {1366, 768}}) {
      browser = Browser.open(size[0], size[1]);
      browser.executeCdpCommand(
          "Page.addScriptToEvaluateOnNewDocument", Map.of("source", CLS_OBSERVER));
      openMap("");
      Thread.sleep(1500); // late shifts (fonts, tiles, the list's redraw) would come now
      double cls = ((Number) js("return window.__cls")).doubleValue();
      assertThat(cls).as("cumulative layout shift at %dx%d", size[0], size[1]).isLessThan(0.05);
      @SuppressWarnings("unchecked")
      List<String> small =
          (List<String>)
              js(
                  "return Array.from(document.querySelectorAll('main button, main input:not([type=hidden]), main select,"
                      + " main summary, .leaflet-control a, .leaflet-marker-icon')).filter(function (e) {"
                      + "  var r = e.getBoundingClientRect(); if (r.width === 0 || !e.checkVisibility()) { return false; }"
                      + "  var box = e.type === 'checkbox' ? e.closest('label').getBoundingClientRect() : r;"
                      + "  return box.height < 44 || box.width < 44; })"
                      + ".map(function (e) { return (e.id || e.className || e.tagName) + ' ' + Math.round(e.getBoundingClientRect().height); });");
      assertThat(small).as("tap targets under 44 px at %dx%d", size[0], size[1]).isEmpty();
      shot("resident-map-" + size[0]);
      browser.quit();
      browser = null;
    }
  }
}
