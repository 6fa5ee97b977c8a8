package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * robots.txt and the sitemaps as a crawler reads them: the demo set plus three real stations
 * imported with the CLI. The sitemaps are parsed with the JDK's namespace-aware XML parser, every
 * URL in them is fetched, real records are listed and synthetic ones are not (their pages say
 * noindex).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class SitemapIT {
  private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final List<String> REAL = List.of("星光便民志愿服务点", "月光便民志愿服务点", "晨光便民志愿服务点");

  private RunningPortal portal;

  @BeforeAll
  void start() throws Exception {
    Path data = Files.createTempDirectory("vsmap-sitemap-").resolve("data");
    try (RunningPortal first = RunningPortal.start(data)) { // the demo set
      assertThat(first.get("/health").statusCode()).isEqualTo(200);
    }
    StringBuilder csv = new StringBuilder("站点名称,站点类型,行政区划代码,地址,经度,纬度\n");
    for (int i = 0; i < REAL.size(); i++) {
      csv.append(REAL.get(i))
          .append(",公共场所便民志愿服务点,150602001002,锦秀社区")
          .append(i)
          .append(",109.95")
          .append(i)
          .append(",39.88\n");
    }
    Path file =
        Files.writeString(
            data.getParent().resolve("real.csv"), csv.toString(), StandardCharsets.UTF_8);
    RunningPortal.Outcome imported =
        RunningPortal.cli(
            "import",
            file.toString(),
            "--kind",
            "station",
            "--crs",
            "wgs84",
            "--data-dir",
            data.toString());
    assertThat(imported.exit()).as(imported.out()).isZero();
    portal = RunningPortal.start(data);
  }

  @AfterAll
  void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  private HttpResponse<String> get(String url, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : portal.url(url)))
            .timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return RunningPortal.HTTP.send(
        b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The {@code loc}s of a sitemap or sitemap index, checking its root element and namespace. */
  private List<String> locs(String url, String root) throws Exception {
    HttpResponse<String> r = get(url);
    assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(NS);
    assertThat(doc.getDocumentElement().getLocalName()).as(url).isEqualTo(root);
    NodeList locs = doc.getElementsByTagNameNS(NS, "loc");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < locs.getLength(); i++) {
      out.add(locs.item(i).getTextContent());
    }
    assertThat(
            doc.getElementsByTagNameNS(NS, root.equals("urlset") ? "url" : "sitemap").getLength())
        .isEqualTo(out.size());
    return out;
  }

  @Test
  void robotsKeepCrawlersToThePagesAndPointToTheSitemap() throws Exception {
    HttpResponse<String> r = get("/robots.txt");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    List<String> lines = r.body().lines().toList();
    assertThat(lines)
        .contains(
            "User-agent: *",
            "Disallow: /admin",
            "Disallow: /api/",
            "Disallow: /tiles/",
            "Disallow: /share/",
            "Allow: /",
            "Sitemap: " + portal.url("/sitemap.xml"));
    assertThat(get("/robots.txt?x=1").statusCode()).isEqualTo(400);
  }

  @Test
  void theSitemapsListEveryPublicPageAndRealRecordAndNoSyntheticOne() throws Exception {
    List<String> files = locs("/sitemap.xml", "sitemapindex");
    // three real stations make one file; every demo team and activity is synthetic, so they have
    // none
    assertThat(files)
        .containsExactly(portal.url("/sitemaps/pages.xml"), portal.url("/sitemaps/stations-1.xml"));

    List<String> pages = locs(files.get(0), "urlset");
    assertThat(pages)
        .contains(
            portal.url("/"),
            portal.url("/activities"),
            portal.url("/honours"),
            portal.url("/data"),
            portal.url("/data/stations"),
            portal.url("/data/honours"),
            portal.url("/stats"))
        .doesNotHaveDuplicates();
    for (String page : pages) {
      assertThat(get(page).statusCode()).as(page).isEqualTo(200);
    }

    Set<String> real = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String name : REAL) {
      JsonNode hits =
          json.readTree(
                  get("/api/search?kind=station&q="
                          + URLEncoder.encode(name, StandardCharsets.UTF_8))
                      .body())
              .get("hits");
      JsonNode hit = hits.get(0);
      assertThat(hit.get("name").asText()).isEqualTo(name);
      assertThat(hit.get("synthetic").asBoolean()).isFalse();
      real.add(portal.url("/stations/" + hit.get("id").asText()));
    }
    List<String> stations = locs(files.get(1), "urlset");
    assertThat(new TreeSet<>(stations)).as("the real stations, and only they").isEqualTo(real);
    for (String station : stations) {
      HttpResponse<String> page = get(station);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .as("a real record may be found")
          .doesNotContain("<meta name=\"robots\"");
    }
    assertThat(get("/stations/st-150602-library").body())
        .as("a synthetic record says so to search engines")
        .contains("<meta name=\"robots\" content=\"noindex\">");
    assertThat(get("/teams/tm-150621").body())
        .contains("<meta name=\"robots\" content=\"noindex\">");
  }

  @Test
  void filesBeyondTheRecordsAreNotFoundAndAnUnchangedFileIs304() throws Exception {
    for (String missing :
        List.of(
            "/sitemaps/stations-2.xml",
            "/sitemaps/teams-1.xml",
            "/sitemaps/stations-0.xml",
            "/sitemaps/nope-1.xml",
            "/sitemaps/stations-1.txt",
            "/sitemaps/..%2Frobots.txt")) {
      HttpResponse<String> r = get(missing);
      assertThat(r.statusCode()).as(missing + ": " + r.body()).isEqualTo(404);
    }
    assertThat(get("/sitemaps/teams-1.xml").body()).contains("teams has 0 public records");
    assertThat(get("/sitemap.xml?page=2").statusCode()).isEqualTo(400);

    HttpResponse<String> first = get("/sitemaps/stations-1.xml");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = get("/sitemaps/stations-1.xml", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }
}
