package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9's hostile input over HTTP against the jar: the security headers on every kind of answer,
 * reflected XSS through every query parameter of every page and API, SQL injection through the
 * filters, path traversal in downloads, tiles and static files, oversized bodies and slow clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class HardeningIT {
  private static final String XSS = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>";

  /** Every query parameter a public page or API reads (API.md), each given the payload in turn. */
  private static final List<String> PARAMS =
      List.of(
          "q",
          "text",
          "kind",
          "theme",
          "care",
          "region",
          "type",
          "date",
          "from",
          "to",
          "recruiting",
          "lat",
          "lon",
          "z",
          "bbox",
          "limit",
          "offset",
          "sort",
          "lang",
          "crs",
          "near",
          "radius",
          "height",
          "search",
          "list",
          "colour",
          "url",
          "format",
          "doc",
          "parent",
          "datetime",
          "period",
          "level",
          "indicator",
          "f",
          "callback",
          "view",
          "d");

  private static final List<String> PAGES =
      List.of(
          "/",
          "/embed",
          "/embed/builder",
          "/data",
          "/data/stations",
          "/stats",
          "/stats/method",
          "/stats/embed/volunteers",
          "/stations/st-150602-library",
          "/api/docs",
          "/admin/login",
          "/api/search",
          "/api/suggest",
          "/api/nearby",
          "/api/clusters",
          "/api/regions",
          "/api/stations.geojson",
          "/api/stats",
          "/api/stats/registered_volunteers",
          "/ogc/collections/stations/items",
          "/ogc/collections",
          "/oembed",
          "/catalog.jsonld",
          "/data/stations/versions",
          "/tiles/stations.json",
          "/activities.ics",
          "/activities",
          "/activities.atom",
          "/stations/st-150602-library/photos",
          "/honours",
          "/stations/st-150602-library/poster",
          "/robots.txt",
          "/sitemap.xml",
          "/sitemaps/pages.xml");

  private RunningPortal portal;

  @BeforeAll
  void start() throws Exception {
    // one client making thousands of requests on purpose: without --rate-limit 0 some would be 429s
    // (RoutesTest covers those)
    portal =
        RunningPortal.start(
            Files.createTempDirectory("vsmap-hardening-").resolve("data"), "--rate-limit", "0");
  }

  @AfterAll
  void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(portal.url(path))).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return RunningPortal.HTTP.send(
        b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersAndNoServerVersion() throws Exception {
    List<String> paths = new ArrayList<>(PAGES);
    paths.addAll(List.of("/static/app.css", "/no/such/page", "/stations/nope", "/health"));
    for (String path : paths) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isLessThan(500);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp)
          .as("CSP of %s", path)
          .contains("default-src 'self'")
          .contains("script-src 'self';")
          .contains("object-src 'none'")
          .contains("base-uri 'self'")
          .contains("form-action 'self'")
          .contains("frame-ancestors")
          .doesNotContain("'unsafe-eval'")
          .doesNotContain("https:;")
          .doesNotContain(" http:");
      if (!List.of("/api/docs", "/stats", "/stats/embed/volunteers").contains(path)) {
        assertThat(csp)
            .as("no inline styles outside Swagger UI and the charts: %s", path)
            .doesNotContain("'unsafe-inline'");
      }
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy"))
          .as(path)
          .hasValue("strict-origin-when-cross-origin");
      assertThat(r.headers().firstValue("Server")).as("server version of %s", path).isEmpty();
      assertThat(r.headers().firstValue("X-Powered-By")).as(path).isEmpty();
      assertThat(r.headers().firstValue("Strict-Transport-Security"))
          .as("no HSTS over plain HTTP: %s", path)
          .isEmpty();
    }
    HttpResponse<String> overTls = get("/", "X-Forwarded-Proto", "https");
    assertThat(overTls.statusCode()).isEqualTo(200);
    assertThat(overTls.headers().firstValue("Strict-Transport-Security"))
        .as("HSTS when a TLS proxy says the request came over HTTPS")
        .hasValue("max-age=31536000");
    assertThat(get("/admin/login").headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("frame-ancestors 'none'");
  }

  @Test
  void noQueryParameterIsReflectedUnescaped() throws Exception {
    int answers = 0;
    for (String page : PAGES) {
      for (String param : PARAMS) {
        String path =
            page
                + "?"
                + param
                + "="
                + enc(XSS)
                + (page.equals("/api/clusters") ? "&z=10&bbox=109,39,110,40" : "");
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as("%s answered %s", path, r.body()).isLessThan(500);
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("text/html")) {
          assertThat(r.body())
              .as(path)
              .doesNotContain("<script>alert")
              .doesNotContain("<img src=x")
              .doesNotContain("\"'>");
        } else {
          // JSON and the like are never read as HTML: a typed answer with nosniff
          assertThat(type)
              .as(path)
              .matches(
                  "application/(json|geo\\+json|ld\\+json|problem\\+json|vnd\\.[a-z.+-]+)(;.*)?|text/(css|csv|xml|calendar)(;.*)?");
          assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        answers++;
      }
    }
    assertThat(answers).isEqualTo(PAGES.size() * PARAMS.size());
    HttpResponse<String> detail = get("/stations/" + enc(XSS));
    assertThat(detail.statusCode()).isEqualTo(404);
    assertThat(detail.body()).doesNotContain("<script>alert").doesNotContain("<img src=x");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "150602' OR '1'='1",
        "150602; DROP TABLE station; --",
        "1' UNION SELECT password_hash FROM account --",
        "' OR 1=1 --",
        "150602\u0000"
      })
  void sqlInFiltersIsRefusedOrTakenAsTextAndChangesNothing(String sql) throws Exception {
    long before = stations();
    for (String path :
        List.of(
            "/api/search?region=",
            "/api/search?theme=",
            "/api/stations.geojson?region=",
            "/ogc/collections/stations/items?region=",
            "/api/stats/registered_volunteers?region=",
            "/data/stations.csv?region=",
            "/api/regions?parent=",
            "/api/search?q=",
            "/api/suggest?q=",
            "/ogc/collections/stations/items?datetime=")) {
      HttpResponse<String> r = get(path + enc(sql));
      assertThat(r.statusCode()).as("%s%s answered %s", path, sql, r.body()).isIn(200, 400, 404);
      // refused with what was wrong (the value may be echoed as data), never a database error
      assertThat(r.body())
          .doesNotContain("SQLException")
          .doesNotContain("JdbcSQL")
          .doesNotContain("PSQL")
          .doesNotContainIgnoringCase("syntax error")
          .doesNotContain("$2a$")
          .doesNotContain("$2b$");
      if (path.endsWith("q=")) {
        assertThat(r.statusCode()).as("free text is text").isEqualTo(200);
      }
    }
    assertThat(stations()).as("the store is unchanged").isEqualTo(before);
  }

  private long stations() throws Exception {
    HttpResponse<String> r = get("/health");
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(r.body())
        .path("stations")
        .asLong(-1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/data/..%2f..%2fvsmap-data.json",
        "/data/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/data/stations/versions/..%2f..%2fvsmap.mv.db",
        "/data/stations/versions/..%2F..%2F..%2Fvsmap-data.json.csv",
        "/data/..%5c..%5cvsmap-data.json",
        "/tiles/stations/5/..%2f..%2f/vsmap.mv.db",
        "/tiles/..%2f..%2fvsmap-data.json",
        "/static/..%2f..%2fvsmap-data.json",
        "/static/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
        "/webjars/..%2f..%2fvsmap-data.json",
        "/data/stations.csv%00.json",
        "/static/../../etc/passwd"
      })
  void pathsOutsideTheServedFilesAreNotFound(String path) throws Exception {
    HttpResponse<String> r;
    try (Socket s = new Socket("127.0.0.1", portal.port)) {
      // raw, so the client cannot normalise the dots away
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(answer.substring(9, 12));
      assertThat(status)
          .as("%s answered %s", path, answer.lines().findFirst().orElse(""))
          .isIn(400, 404);
      assertThat(answer)
          .doesNotContain("store_id")
          .doesNotContain("root:")
          .doesNotContain("Manifest-Version")
          .doesNotContain("H:2,");
    }
  }

  @Test
  void aBoxFarBiggerThanAScreenAtItsZoomIsRefused() throws Exception {
    HttpResponse<String> r = get("/api/clusters?z=14&bbox=73,18,135,54");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("bbox spans").contains("at zoom 14");
    assertThat(get("/api/clusters?z=4&bbox=73,18,135,54").statusCode())
        .as("the country at a country's zoom")
        .isEqualTo(200);
    assertThat(get("/api/clusters?z=14&bbox=109.75,39.58,109.85,39.63").statusCode())
        .as("a phone's screen")
        .isEqualTo(200);
  }

  @Test
  void oversizedBodiesGet413AndLongUrls431OrA400() throws Exception {
    byte[] big = new byte[12 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    HttpResponse<String> r =
        RunningPortal.HTTP.send(
            HttpRequest.newBuilder(URI.create(portal.url("/admin/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
        .as("a 413 carries the headers too")
        .contains("frame-ancestors 'none'");
    assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    HttpResponse<String> url = get("/api/search?q=" + "站".repeat(20_000));
    assertThat(url.statusCode()).isIn(400, 414, 431);
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void slowClientsDoNotHoldUpOthers() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        Socket s = new Socket("127.0.0.1", portal.port);
        s.getOutputStream()
            .write("GET /api/search?q=".getBytes(StandardCharsets.US_ASCII)); // and never the rest
        slow.add(s);
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        assertThat(get("/api/search?q=" + enc("图书馆")).statusCode()).isEqualTo(200);
      }
      assertThat((System.nanoTime() - t0) / 1e9)
          .as("20 searches while 200 connections dawdle, seconds")
          .isLessThan(10);
      Socket idle = slow.get(0);
      idle.setSoTimeout(60_000);
      long t1 = System.nanoTime();
      InputStream in = idle.getInputStream();
      byte[] rest = in.readAllBytes(); // returns when the server gives up on it
      assertThat((System.nanoTime() - t1) / 1e9)
          .as("a client that stops sending is dropped, seconds")
          .isLessThan(40);
      assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("200 OK");
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }
}
