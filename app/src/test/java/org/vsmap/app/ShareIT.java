package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * Issue 10, sharing: Open Graph metadata with a generated card on every detail page and /stats (the
 * card read back as a 1200 × 630 PNG), and the A4 poster with a QR code — the QR code decoded with
 * ZXing's reader from the SVG the page carries, the poster printed to PDF by Chromium on one A4
 * page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class ShareIT {
  private RunningPortal portal;

  @BeforeAll
  void start() throws Exception {
    portal = RunningPortal.start(Files.createTempDirectory("vsmap-share-").resolve("data"));
  }

  @AfterAll
  void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  private static Map<String, String> meta(String html) {
    Map<String, String> out = new HashMap<>();
    Matcher m =
        Pattern.compile("<meta (?:property|name)=\"([^\"]+)\" content=\"([^\"]*)\">").matcher(html);
    while (m.find()) {
      out.put(m.group(1), AdminIT.unescape(m.group(2)));
    }
    return out;
  }

  private HttpResponse<byte[]> bytes(String url, String etag) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (etag != null) {
      b.header("If-None-Match", etag);
    }
    return RunningPortal.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void everyDetailPageAndTheStatisticsCarryACardThatIsARealImage() throws Exception {
    Map<String, String> pages =
        Map.of(
            "/stations/st-150602001002",
            "锦秀社区志愿服务站",
            "/teams/tm-150602",
            "东胜区志愿服务分队",
            "/activities/ac-00038",
            "东胜区政务服务大厅·文艺志愿者惠民演出",
            "/stats",
            "志愿服务统计");
    for (Map.Entry<String, String> p : pages.entrySet()) {
      Map<String, String> og = meta(portal.get(p.getKey()).body());
      assertThat(og.get("og:title")).as(p.getKey()).startsWith(p.getValue());
      assertThat(og.get("og:url")).isEqualTo(portal.url(p.getKey()));
      String zh = portal.url(p.getKey());
      String en = portal.url(p.getKey() + "?lang=en");
      String enPage = portal.get(p.getKey() + "?lang=en").body();
      assertThat(portal.get(p.getKey()).body())
          .contains("<link rel=\"canonical\" href=\"" + zh + "\">");
      assertThat(enPage)
          .as("the English page is its own canonical page; both name each other")
          .contains("<link rel=\"canonical\" href=\"" + en + "\">")
          .contains("<link rel=\"alternate\" hreflang=\"zh-CN\" href=\"" + zh + "\">")
          .contains("<link rel=\"alternate\" hreflang=\"en\" href=\"" + en + "\">");
      assertThat(meta(enPage).get("og:url")).isEqualTo(en);
      assertThat(og.get("og:description")).isNotBlank();
      assertThat(og.get("twitter:card")).isEqualTo("summary_large_image");
      String image = og.get("og:image");
      assertThat(image).startsWith(portal.url("/share/"));
      HttpResponse<byte[]> png = bytes(image, null);
      assertThat(png.statusCode()).isEqualTo(200);
      assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
      assertThat(png.headers().firstValue("Cache-Control").orElse("")).contains("max-age=");
      BufferedImage card = ImageIO.read(new ByteArrayInputStream(png.body()));
      assertThat(card.getWidth())
          .isEqualTo(Integer.parseInt(og.get("og:image:width")))
          .isEqualTo(1200);
      assertThat(card.getHeight()).isEqualTo(630);
      // the title is drawn (dark text in the left half) and the map is (the red boundary in the
      // right box)
      assertThat(
              count(
                  card,
                  40,
                  180,
                  700,
                  330,
                  c -> c.getRed() < 80 && c.getGreen() < 80 && c.getBlue() < 80))
          .as("%s title", p.getKey())
          .isGreaterThan(2000);
      assertThat(
              count(
                  card,
                  760,
                  130,
                  1160,
                  530,
                  c -> c.getRed() > 170 && c.getGreen() < 90 && c.getBlue() < 80))
          .as("%s map", p.getKey())
          .isGreaterThan(300);
      assertThat(bytes(image, png.headers().firstValue("ETag").orElseThrow()).statusCode())
          .isEqualTo(304);
    }
    assertThat(portal.get("/share/stations/no-such.png").statusCode()).isEqualTo(404);
    assertThat(portal.get("/share/people/x.png").statusCode()).isEqualTo(404);
    assertThat(portal.get("/share/stations/st-150602001002.jpg").statusCode()).isEqualTo(404);
  }

  @Test
  void theCardsChineseNeedsACjkFontWhichCiInstalls() {
    boolean cjk =
        java.util.Arrays.stream(
                java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts())
            .anyMatch(f -> f.canDisplayUpTo("志愿服务地图") == -1);
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      assertThat(cjk).as("a CJK font (Debian fonts-wqy-microhei) for the share cards").isTrue();
    } else {
      org.junit.jupiter.api.Assumptions.assumeTrue(
          cjk, "no CJK font installed: share cards would draw Chinese as boxes");
    }
  }

  private static int count(
      BufferedImage img, int x0, int y0, int x1, int y1, java.util.function.Predicate<Color> test) {
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if (test.test(new Color(img.getRGB(x, y)))) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Draws the QR code the page carries as SVG (one path of 1×1 modules) and reads it back with
   * ZXing.
   */
  private static String decodeQr(String html) throws Exception {
    Matcher svg =
        Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\".*?<path d=\"([^\"]+)\"", Pattern.DOTALL)
            .matcher(html);
    assertThat(svg.find()).as("an inline SVG QR code").isTrue();
    int size = Integer.parseInt(svg.group(1));
    int scale = 8;
    BufferedImage img = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg.group(2));
    while (module.find()) {
      g.fillRect(
          Integer.parseInt(module.group(1)) * scale,
          Integer.parseInt(module.group(2)) * scale,
          scale,
          scale);
    }
    g.dispose();
    return new QRCodeReader()
        .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img))))
        .getText();
  }

  @Test
  void aPosterForAStationAndAnActivityWithAQrCodeToTheirPages() throws Exception {
    for (String path : List.of("/stations/st-150602001002", "/activities/ac-00038")) {
      assertThat(portal.get(path).body()).contains("href=\"" + path + "/poster\"");
      HttpResponse<String> poster = portal.get(path + "/poster");
      assertThat(poster.statusCode()).isEqualTo(200);
      assertThat(poster.body()).contains("演示用合成数据").contains("扫码查看详情");
      assertThat(decodeQr(poster.body()))
          .as("the QR code leads to the page")
          .isEqualTo(portal.url(path));
    }
    assertThat(portal.get("/activities/ac-00038/poster").body())
        .contains("东胜区政务服务大厅·文艺志愿者惠民演出")
        .contains("东胜区志愿服务分队");
    assertThat(portal.get("/stations/no-such/poster").statusCode()).isEqualTo(404);
  }

  @Test
  void thePosterPrintsOnOneA4PageInChromium() throws Exception {
    ChromeDriver browser = Browser.open(1280, 900);
    try {
      browser.get(portal.url("/activities/ac-00038/poster"));
      assertThat(
              browser
                  .findElement(org.openqa.selenium.By.cssSelector(".poster svg"))
                  .getSize()
                  .getWidth())
          .isGreaterThan(150);
      Browser.assertNoConsoleErrors(browser);
      PrintOptions a4 = new PrintOptions();
      a4.setPageSize(new PageSize(29.7, 21.0));
      a4.setBackground(true);
      String pdf =
          new String(
              java.util.Base64.getDecoder().decode(browser.print(a4).getContent()),
              java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(pdf).startsWith("%PDF");
      Matcher pages = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(pdf);
      int n = 0;
      while (pages.find()) {
        n++;
      }
      assertThat(n).as("pages in the printed poster").isEqualTo(1);
      assertThat(pdf)
          .as("A4 in points")
          .containsPattern("/MediaBox \\[0 0 595\\.\\d+ 841\\.\\d+\\]|/MediaBox \\[0 0 595 842\\]");
    } finally {
      browser.quit();
    }
  }
}
