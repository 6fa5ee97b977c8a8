package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget as an office's site uses it: a host page on another origin (a second local port) puts
 * it in with an iframe or the one-line script; in headless Chromium it fills its frame map first,
 * keeps its list inside, never grows the page, and hands a resident's selection (list or marker) to
 * the host page; the framing policy and oEmbed over HTTP. Screenshots in app/target/embed-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class EmbedBrowserIT {
  RunningPortal portal;
  HttpServer host;

  @BeforeAll
  void start() throws Exception {
    portal = RunningPortal.start(Files.createTempDirectory("vsmap-embed-").resolve("data"));
    host = HttpServer.create(new InetSocketAddress("127.0.0.1", RunningPortal.freePort()), 0);
    String portalOrigin = portal.url("");
    host.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          java.util.Map<String, String> q = new java.util.HashMap<>();
          String raw = exchange.getRequestURI().getRawQuery();
          for (String kv : raw == null ? new String[0] : raw.split("&")) {
            String[] p = kv.split("=", 2);
            q.put(
                p[0], p.length > 1 ? java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
          }
          String src = portalOrigin + "/embed?" + q.getOrDefault("embed", "region=150602");
          String widget =
              path.equals("/frame")
                  ? "<iframe src=\""
                      + src.replace("&", "&amp;")
                      + "\" width=\"100%\" height=\""
                      + q.getOrDefault("h", "560")
                      + "\" style=\"border:0;display:block\" title=\"志愿服务地图\"></iframe>"
                  : "<script src=\""
                      + portalOrigin
                      + "/static/embed-loader.js\" data-src=\""
                      + src.replace("&", "&amp;")
                      + "\""
                      + (q.containsKey("dh") ? " data-height=\"" + q.get("dh") + "\"" : "")
                      + "></script>";
          String page =
              "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                  + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                  + "<title>东胜区文明办</title></head><body style=\"margin:0\">"
                  + "<h1 style=\"font-size:18px;margin:4px 8px\">东胜区志愿服务</h1><p id=\"chosen\" style=\"margin:0 8px\">none</p>"
                  + widget
                  + "<p>页面其余内容 / the rest of the office's page</p>"
                  + "<script src=\"/host.js\"></script></body></html>";
          String js =
              "document.addEventListener('vsmap:select', function (e) { document.getElementById('chosen').textContent = "
                  + "e.detail.kind + '|' + e.detail.id + '|' + e.detail.url; });"
                  + "window.addEventListener('message', function (e) { if (e.data && e.data.type === 'vsmap:select'"
                  + " && !document.querySelector('script[data-src]')) { document.getElementById('chosen').textContent ="
                  + " e.data.kind + '|' + e.data.id + '|' + e.data.url; } });";
          byte[] body = (path.equals("/host.js") ? js : page).getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add(
                  "Content-Type",
                  path.equals("/host.js")
                      ? "text/javascript; charset=utf-8"
                      : "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    host.start();
  }

  @AfterAll
  void stop() throws Exception {
    if (host != null) {
      host.stop(0);
    }
    if (portal != null) {
      portal.close();
    }
  }

  @Test
  void anOfficePageEmbedsTheWidgetWhichResizesAndReportsTheSelection() throws Exception {
    ChromeDriver browser = Browser.open(1280, 900);
    try {
      String hostUrl =
          hostUrl(
              "/loader?dh=300&embed="
                  + URLEncoder.encode("region=150602&height=400", StandardCharsets.UTF_8));
      assertThat(hostUrl).doesNotStartWith(portal.url("")); // another origin
      browser.get(hostUrl);
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      wait.until(d -> !d.findElements(By.tagName("iframe")).isEmpty());
      var frame = browser.findElement(By.tagName("iframe"));
      // the loader starts at data-height (300); the widget asks for the height it was made for
      try {
        wait.until(d -> !frame.getCssValue("height").equals("300px"));
      } catch (org.openqa.selenium.TimeoutException e) {
        String info =
            (String)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "var f = document.querySelector('iframe');"
                            + " return f.src + ' | ' + f.style.height + ' | ' + f.getAttribute('loading') + ' | ' + document.readyState");
        browser.switchTo().frame(frame);
        String inner =
            (String)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "return location.href + ' | ' + document.readyState + ' | '"
                            + " + document.documentElement.scrollHeight + ' | ' + (window.parent !== window) + ' | ' + document.scripts.length");
        throw new AssertionError(
            "the widget did not report its height: "
                + info
                + " || "
                + inner
                + "; browser log: "
                + browser.manage().logs().get(LogType.BROWSER).getAll(),
            e);
      }
      int height = Integer.parseInt(frame.getCssValue("height").replace("px", ""));
      assertThat(height).as("the widget's own height, not its content's").isEqualTo(400);
      browser.switchTo().frame(frame);
      wait.until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-loaded")));
      // measured, not asserted: when the first markers were drawn, from the start of the frame's
      // navigation (docs/BENCHMARKS.md)
      System.out.println(
          "widget: first markers drawn "
              + browser.findElement(By.id("map")).getAttribute("data-first-ms")
              + " ms after the frame's navigation began, "
              + browser.findElements(By.cssSelector(".leaflet-marker-icon")).size()
              + " markers");
      assertThat(browser.findElements(By.cssSelector("header.site")))
          .as("no site chrome in the widget")
          .isEmpty();
      // the chosen district frames the map (东胜区 150602: 109.14–110.39 E, 39.65–39.97 N), not the
      // whole city (about 106.4–111.5 E)
      double[] view =
          java.util.Arrays.stream(
                  browser.findElement(By.id("map")).getAttribute("data-view").split(","))
              .mapToDouble(Double::parseDouble)
              .toArray();
      double lon = (view[0] + view[2]) / 2;
      double lat = (view[1] + view[3]) / 2;
      assertThat(lon).as("view %s", java.util.Arrays.toString(view)).isBetween(109.14, 110.39);
      assertThat(lat).as("view %s", java.util.Arrays.toString(view)).isBetween(39.65, 39.97);
      assertThat(view[2] - view[0]).as("degrees of longitude shown").isLessThan(4.0);
      // axe-core (test resource) inside the widget: no serious or critical violations
      assertThat(Browser.axeViolations(browser))
          .as("axe-core serious/critical violations in the widget")
          .isEmpty();
      assertThat(browser.findElements(By.cssSelector("#results li"))).isNotEmpty();
      String firstId = browser.findElement(By.cssSelector("#results li")).getAttribute("data-id");
      wait.until(d -> !d.findElements(By.cssSelector("#results li .show-on-map")).isEmpty());
      browser.findElement(By.cssSelector("#results li .show-on-map")).click();
      browser.switchTo().defaultContent();
      wait.until(d -> !d.findElement(By.id("chosen")).getText().equals("none"));
      String[] chosen = browser.findElement(By.id("chosen")).getText().split("\\|");
      assertThat(chosen[1]).isEqualTo(firstId);
      assertThat(chosen[2]).startsWith(portal.url("/"));
      assertThat((Object) ((JavascriptExecutor) browser).executeScript("return document.cookie"))
          .isEqualTo("");
      Browser.assertNoConsoleErrors(browser);
    } finally {
      browser.quit();
    }
  }

  String hostUrl(String pathAndQuery) {
    return "http://127.0.0.1:" + host.getAddress().getPort() + pathAndQuery;
  }

  /**
   * An office's page on another origin at 900×560 and 375×600, the widget in an iframe of the
   * default 560 px or put in by the script: the map first and most of the frame, the results behind
   * 列表 in a drawer that scrolls and pages inside the frame, neither the frame nor the host page
   * growing; choosing 地图 in the list closes the drawer and tells the host page.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{2} at {0}x{1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "900,560,frame",
    "900,560,loader",
    "375,600,frame",
    "375,600,loader"
  })
  void theWidgetIsMapFirstInAnOrdinaryFrame(int width, int height, String how) throws Exception {
    ChromeDriver browser = Browser.open(width, height);
    try {
      browser.get(hostUrl("/" + how));
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      JavascriptExecutor js = (JavascriptExecutor) browser;
      wait.until(d -> !d.findElements(By.tagName("iframe")).isEmpty());
      var frame = browser.findElement(By.tagName("iframe"));
      wait.until(d -> frame.getSize().getHeight() == 560);
      browser.switchTo().frame(frame);
      wait.until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-loaded")));
      java.nio.file.Files.write(
          java.nio.file.Path.of("target", "embed-" + how + "-" + width + "x" + height + ".png"),
          ((org.openqa.selenium.TakesScreenshot) browser)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      long inner = (Long) js.executeScript("return window.innerHeight");
      assertThat(inner).isEqualTo(560L);
      assertThat((Long) js.executeScript("return document.documentElement.scrollHeight"))
          .as("nothing below the frame's edge")
          .isEqualTo(inner);
      assertThat(
              (Long)
                  js.executeScript(
                      "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
          .as("no sideways scrolling")
          .isLessThanOrEqualTo(0L);
      assertThat(browser.findElement(By.id("map")).getSize().getHeight())
          .as("the map takes most of the frame")
          .isGreaterThanOrEqualTo((int) (0.6 * 560));
      assertThat(browser.findElement(By.id("sheet")).isDisplayed())
          .as("the list waits behind its button")
          .isFalse();
      var toggle = browser.findElement(By.id("list-toggle"));
      assertThat(toggle.isDisplayed()).isTrue();
      toggle.click();
      wait.until(d -> d.findElement(By.cssSelector("#results li")).isDisplayed());
      java.nio.file.Files.write(
          java.nio.file.Path.of(
              "target", "embed-" + how + "-" + width + "x" + height + "-list.png"),
          ((org.openqa.selenium.TakesScreenshot) browser)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      assertThat(
              ((Number)
                      js.executeScript(
                          "return document.getElementById('sheet').getBoundingClientRect().bottom"))
                  .doubleValue())
          .as("the drawer stays inside the frame")
          .isLessThanOrEqualTo(inner);
      assertThat(
              (Boolean)
                  js.executeScript(
                      "var b = document.querySelector('.sheet-body'); return b.scrollHeight > b.clientHeight"))
          .as("the list scrolls inside the drawer")
          .isTrue();
      assertThat((Long) js.executeScript("return document.documentElement.scrollHeight"))
          .isEqualTo(inner);
      String firstId = browser.findElement(By.cssSelector("#results li")).getAttribute("data-id");
      browser.findElement(By.cssSelector("#results li .show-on-map")).click();
      wait.until(d -> !d.findElement(By.id("sheet")).isDisplayed());
      browser.switchTo().defaultContent();
      wait.until(d -> !d.findElement(By.id("chosen")).getText().equals("none"));
      String[] chosen = browser.findElement(By.id("chosen")).getText().split("\\|");
      assertThat(chosen[1]).isEqualTo(firstId);
      assertThat(chosen[2]).startsWith(portal.url("/"));
      assertThat(frame.getSize().getHeight()).as("the frame did not grow").isEqualTo(560);
      Browser.assertNoConsoleErrors(browser);
    } finally {
      browser.quit();
    }
  }

  /** A marker's popup on the map tells the host page too (kind, id, url). */
  @Test
  void aMarkerChosenOnTheMapReachesTheHostPage() throws Exception {
    ChromeDriver browser = Browser.open(900, 560);
    try {
      // close to 康巴什区's stations, where markers stand alone
      browser.get(
          hostUrl(
              "/frame?embed="
                  + URLEncoder.encode(
                      "region=150603&lat=39.608844&lon=109.786971&z=17", StandardCharsets.UTF_8)));
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.switchTo().frame(browser.findElement(By.tagName("iframe")));
      wait.until(d -> !d.findElements(By.cssSelector(".leaflet-marker-pane .vs-marker")).isEmpty());
      ((JavascriptExecutor) browser)
          .executeScript(
              "document.querySelector('.leaflet-marker-pane .vs-marker')"
                  + ".dispatchEvent(new MouseEvent('click', { bubbles: true }))");
      browser.switchTo().defaultContent();
      wait.until(d -> !d.findElement(By.id("chosen")).getText().equals("none"));
      assertThat(browser.findElement(By.id("chosen")).getText())
          .matches(
              "(station|team|activity)\\|[^|]+\\|"
                  + java.util.regex.Pattern.quote(portal.url("/"))
                  + ".+");
      Browser.assertNoConsoleErrors(browser);
    } finally {
      browser.quit();
    }
  }

  /** However tall the widget asks to be, the script keeps the frame at its maximum (800 px). */
  @Test
  void theScriptNeverMakesTheFrameTallerThanItsMaximum() throws Exception {
    ChromeDriver browser = Browser.open(1280, 900);
    try {
      browser.get(
          hostUrl(
              "/loader?dh=2000&embed="
                  + URLEncoder.encode("region=150602&height=2000", StandardCharsets.UTF_8)));
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      wait.until(d -> !d.findElements(By.tagName("iframe")).isEmpty());
      var frame = browser.findElement(By.tagName("iframe"));
      wait.until(d -> frame.getSize().getHeight() == 800);
      browser.switchTo().frame(frame);
      wait.until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-loaded")));
      browser.switchTo().defaultContent();
      assertThat(frame.getSize().getHeight()).isEqualTo(800);
    } finally {
      browser.quit();
    }
  }

  /**
   * The builder's preview is the iframe snippet at the chosen height (one number for both), and
   * each snippet has a copy button that says it copied.
   */
  @Test
  void theBuilderPreviewIsTheSnippetAtItsHeightAndCopies() throws Exception {
    ChromeDriver browser = Browser.open(1366, 768);
    try {
      browser.get(portal.url("/embed/builder"));
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
      var height = browser.findElement(By.id("b-height"));
      assertThat(height.getAttribute("value")).isEqualTo("560");
      assertThat(browser.findElement(By.id("b-iframe")).getAttribute("value"))
          .contains("height=\"560\"");
      ((JavascriptExecutor) browser)
          .executeScript(
              "var h = document.getElementById('b-height'); h.value = '640';"
                  + " h.dispatchEvent(new Event('input', { bubbles: true }));");
      String snippet = browser.findElement(By.id("b-iframe")).getAttribute("value");
      assertThat(snippet).contains("height=\"640\"").contains("height=640");
      assertThat(browser.findElement(By.id("b-script")).getAttribute("value"))
          .contains("data-height=\"640\"");
      Object previewHeight =
          ((JavascriptExecutor) browser)
              .executeScript(
                  "return document.getElementById('b-preview').getBoundingClientRect().height");
      assertThat(((Number) previewHeight).doubleValue())
          .as("the preview is the snippet's size")
          .isEqualTo(640.0);
      browser.findElement(By.cssSelector("button[data-copy=b-iframe]")).click();
      wait.until(
          d ->
              !d.findElement(By.cssSelector("button[data-copy=b-iframe] + .copied"))
                  .getText()
                  .isEmpty());
      assertThat(
              browser.findElement(By.cssSelector("button[data-copy=b-iframe] + .copied")).getText())
          .isEqualTo("已复制");
      Browser.assertNoConsoleErrors(browser);
    } finally {
      browser.quit();
    }
  }

  /**
   * On a phone the widget fits the screen: no sideways scrolling, the map drawn, no console errors.
   */
  @Test
  void theWidgetWorksOnAPhone() throws Exception {
    ChromeDriver browser = Browser.open(360, 740);
    try {
      browser.get(portal.url("/embed?region=150602&height=360"));
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      wait.until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-loaded")));
      JavascriptExecutor js = (JavascriptExecutor) browser;
      assertThat((Long) js.executeScript("return window.innerWidth")).isEqualTo(360L);
      assertThat(
              (Long)
                  js.executeScript(
                      "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
          .isLessThanOrEqualTo(0L);
      assertThat(browser.findElement(By.id("map")).getSize().getHeight())
          .as("the widget fills its window; the map most of it")
          .isGreaterThanOrEqualTo((int) (0.6 * 740));
      assertThat((Long) js.executeScript("return document.documentElement.scrollHeight"))
          .isEqualTo((Long) js.executeScript("return window.innerHeight"));
      assertThat(browser.findElements(By.cssSelector(".leaflet-marker-icon"))).isNotEmpty();
      assertThat(browser.findElement(By.id("q")).getSize().getHeight())
          .as("a thumb-sized search box")
          .isGreaterThanOrEqualTo(44);
      Browser.assertNoConsoleErrors(browser);
    } finally {
      browser.quit();
    }
  }

  @Test
  void framingPolicyOEmbedAndBuilder() throws Exception {
    var embed = portal.get("/embed?region=150602");
    assertThat(embed.statusCode()).isEqualTo(200);
    assertThat(embed.headers().firstValue("content-security-policy").orElse(""))
        .endsWith("frame-ancestors *");
    assertThat(embed.headers().firstValue("set-cookie")).isEmpty();
    assertThat(portal.get("/").headers().firstValue("content-security-policy").orElse(""))
        .endsWith("frame-ancestors 'self'");
    var admin = portal.get("/admin/login");
    assertThat(admin.headers().firstValue("content-security-policy").orElse(""))
        .endsWith("frame-ancestors 'none'");
    assertThat(admin.headers().firstValue("x-frame-options")).hasValue("DENY");
    for (String bad :
        List.of(
            "/embed?height=50",
            "/embed?height=tall",
            "/embed?search=maybe",
            "/embed?colour=pink")) {
      assertThat(portal.get(bad).statusCode()).as(bad).isEqualTo(400);
    }
    String url = portal.url("/embed?region=150602&kind=station");
    JsonNode o =
        new ObjectMapper()
            .readTree(
                portal.get("/oembed?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)).body());
    assertThat(o.get("version").asText()).isEqualTo("1.0");
    assertThat(o.get("type").asText()).isEqualTo("rich");
    assertThat(o.get("html").asText())
        .contains("<iframe src=\"" + portal.url("/embed?region=150602&amp;kind=station") + "\"");
    assertThat(
            portal
                .get(
                    "/oembed?url="
                        + URLEncoder.encode("https://evil.example/embed", StandardCharsets.UTF_8))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            portal
                .get(
                    "/oembed?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + "&format=xml")
                .statusCode())
        .isEqualTo(501);
    assertThat(portal.get("/oembed").statusCode()).isEqualTo(400);
    assertThat(
            RunningPortal.cli(
                    "serve",
                    "--frame-ancestors",
                    "javascript:alert(1)",
                    "--data-dir",
                    Files.createTempDirectory("vsmap-fa-").resolve("d").toString())
                .out())
        .contains("--frame-ancestors");
    // the widget's own JS and CSS (Leaflet included), gzip-compressed, within the 150 KB budget
    String html = embed.body();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?:src|href)=\"(/(?:static|webjars)/[^\"]+\\.(?:js|css))\"")
            .matcher(html);
    long compressed = 0;
    List<String> assets = new java.util.ArrayList<>();
    while (m.find()) {
      byte[] body = portal.get(m.group(1)).body().getBytes(StandardCharsets.UTF_8);
      java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
      try (var gz = new java.util.zip.GZIPOutputStream(z)) {
        gz.write(body);
      }
      compressed += z.size();
      assets.add(m.group(1));
    }
    assertThat(assets)
        .contains(
            "/static/map.js",
            "/static/embed.js",
            "/static/app.css",
            "/webjars/leaflet/1.9.4/dist/leaflet.js");
    assertThat(compressed).as("gzip bytes of %s", assets).isLessThanOrEqualTo(150 * 1024);
    System.out.printf("widget JS + CSS: %d bytes gzip (%s)%n", compressed, assets);
    String builder = portal.get("/embed/builder").body();
    assertThat(builder).contains("b-preview").contains("embed-builder.js").contains("vsmap:select");
  }
}
