package org.vsmap.app;

import java.io.File;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver; nothing is downloaded. When {@code
 * CI=true} a missing browser fails the tests; elsewhere they are skipped with the reason.
 */
final class Browser {
  static final File CHROMIUM =
      new File(System.getenv().getOrDefault("VSMAP_CHROMIUM", "/usr/bin/chromium"));
  static final File CHROMEDRIVER =
      new File(System.getenv().getOrDefault("VSMAP_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Browser() {}

  /**
   * The demo default basemap's tile server: the machines the tests run on have no internet, so its
   * tiles fail to load there (the page then says so itself, which BasemapBrowserIT checks).
   */
  static final String DEFAULT_TILE_HOST = "https://tile.openstreetmap.org/";

  /**
   * Fails with the messages when the page (or a frame in it) logged an error to the console; a
   * basemap tile of the default tile server that could not be fetched is not the page's error.
   */
  static void assertNoConsoleErrors(ChromeDriver browser) {
    var severe =
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .filter(
                e ->
                    !(e.getMessage().startsWith(DEFAULT_TILE_HOST)
                        && e.getMessage().contains("Failed to load resource")))
            .toList();
    org.assertj.core.api.Assertions.assertThat(severe).as("console errors").isEmpty();
  }

  /**
   * axe-core (a test resource) on the current page or frame: its serious and critical violations,
   * one line each.
   */
  static java.util.List<?> axeViolations(ChromeDriver browser) throws java.io.IOException {
    String axe;
    try (var in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
      axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    browser.executeScript(axe);
    browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
    Object result =
        browser.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { var n = v.nodes[0]; return v.id + ' (' + v.impact + '): ' + v.nodes.length + ' × ' + n.target"
                + "      + ' — ' + ((n.any[0] || n.all[0] || n.none[0] || {}).message || ''); }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
    return (java.util.List<?>) result;
  }

  static ChromeDriver open(int width, int height) throws Exception {
    if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
      String reason =
          "headless browser tests need "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (Debian packages chromium and chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(reason + "; CI=true requires them");
      }
      Assumptions.abort(reason);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + Files.createTempDirectory("vsmap-chromium-"));
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    if (width < 500) {
      // headless windows are at least 500 px wide: a phone's viewport needs device emulation
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
