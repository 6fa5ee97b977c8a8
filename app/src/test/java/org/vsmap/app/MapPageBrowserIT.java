package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person opening the map in headless Chromium: markers appear, a popup leads to the station page. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapPageBrowserIT {
  private RunningPortal portal;
  private ChromeDriver browser;
  private int stationCount;

  @BeforeAll
  void start() throws Exception {
    portal = RunningPortal.start(Files.createTempDirectory("vsmap-browser-").resolve("data"));
    stationCount = new ObjectMapper().readTree(portal.get("/api/stations.geojson").body()).get("features").size();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
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

  @Test
  void mapShowsEveryStationAndCountyWithoutConsoleErrors() throws Exception {
    browser = Browser.open(1280, 900);
    browser.get(portal.url("/"));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("path.vs-station")).size() == stationCount);
    assertThat(stationCount).isGreaterThan(800);
    assertThat(browser.findElements(By.cssSelector(".county-label"))).hasSize(9);
    assertThat(browser.findElement(By.id("map-status")).getText()).contains(Integer.toString(stationCount));
    assertThat(browser.findElement(By.cssSelector(".synthetic-banner")).getText()).contains("合成数据");
    Files.write(Path.of("target", "map-desktop.png"), browser.getScreenshotAs(OutputType.BYTES));
    assertNoConsoleErrors();
  }

  @Test
  void aMarkerPopupLeadsToTheStationPage() throws Exception {
    browser = Browser.open(1280, 900);
    browser.get(portal.url("/?lat=39.608844&lon=109.786971&z=16"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(d -> d.findElements(By.cssSelector("path.vs-type-head_station")).size() == 1);
    ((JavascriptExecutor) browser).executeScript(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
        browser.findElement(By.cssSelector("path.vs-type-head_station")));
    WebElement link = wait.until(d -> d.findElements(By.cssSelector(".leaflet-popup-content a")).stream().findFirst().orElse(null));
    String name = browser.findElement(By.cssSelector(".leaflet-popup-content h2")).getText();
    assertThat(name).isEqualTo("鄂尔多斯市志愿服务总站");
    assertThat(browser.findElement(By.cssSelector(".leaflet-popup-content .badge-synthetic")).getText()).isEqualTo("合成演示数据");
    link.click();
    wait.until(d -> d.getCurrentUrl().contains("/stations/st-1506-head"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
    assertNoConsoleErrors();
  }

  @Test
  void fitsAPhoneScreenWithoutSidewaysScrolling() throws Exception {
    browser = Browser.open(360, 740);
    browser.get(portal.url("/stations/st-1506-head"));
    long scrollWidth = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
    long clientWidth = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth");
    assertThat(scrollWidth).isLessThanOrEqualTo(clientWidth);
    browser.get(portal.url("/"));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("path.vs-station")).size() == stationCount);
    Files.write(Path.of("target", "map-360px.png"), browser.getScreenshotAs(OutputType.BYTES));
    assertThat((Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).isEqualTo(360L);
    WebElement map = browser.findElement(By.id("map"));
    assertThat(map.getSize().getWidth()).isEqualTo(clientWidth);
    assertThat(map.getSize().getHeight()).isGreaterThan(400);
    assertNoConsoleErrors();
  }

  private void assertNoConsoleErrors() {
    List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertThat(severe).as("console errors").isEmpty();
  }
}
