package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.fake.InMemoryStores;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;

/** The routes over in-memory ports: readiness, escaping of user data, and error answers. */
class RoutesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private static final String EVIL = "<script>alert('x')</script>站";

  private final HttpClient http = HttpClient.newHttpClient();
  private final InMemoryStores stores = new InMemoryStores();
  private final Readiness readiness = new Readiness();
  private Javalin server;

  @BeforeEach
  void start() {
    GeoPoint p = new GeoPoint(109.98, 39.82);
    stores.stations.add(
        new Station(
            "s1",
            EVIL,
            StationType.COMMUNITY,
            "150602001002",
            "东胜区\"><img src=x onerror=alert(1)>",
            p,
            "9:00-17:00",
            List.of("<b>义诊</b>"),
            "0477-8581234",
            FiveHas.parse("10101"),
            true));
    stores.teams.add(
        new Team(
            "t1", "<i>队</i>", TeamLevel.SQUAD, "t0", "150602", null, null, null, "s1", 12, true));
    LocalDateTime start = LocalDateTime.now(CLOCK).plusDays(1);
    stores.activities.add(
        new Activity(
            "a1",
            "<u>义诊</u>",
            null,
            Theme.PUBLIC_HEALTH,
            "t1",
            "s1",
            "150602",
            p,
            start,
            start.plusHours(2),
            Recurrence.WEEKLY,
            10,
            3,
            true,
            false,
            true));
    server =
        Routes.create(
                new WebSettings(
                    Basemap.of(
                        "xyz:https://tiles.example/{z}/{x}/{y}.png",
                        null,
                        null,
                        "© \"Tiles\" <b>",
                        null),
                    CLOCK,
                    WebSettings.DEFAULT_RATE_LIMIT,
                    "*",
                    null),
                readiness)
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void ready() {
    readiness.ready(new WebPorts(stores, stores, stores, stores, stores));
  }

  @Test
  void aClientBeyondItsRateGets429WithRetryAfterWhileStaticFilesAndHealthStayFree()
      throws Exception {
    Javalin limited = Routes.create(new WebSettings(CLOCK, 5), readiness).start("127.0.0.1", 0);
    try {
      ready();
      java.util.function.Function<String, HttpResponse<String>> fetch =
          path -> {
            try {
              return http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + limited.port() + path))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
      for (int i = 0; i < 5; i++) {
        assertThat(fetch.apply("/api/search?q=" + i).statusCode()).isEqualTo(200);
      }
      HttpResponse<String> refused = fetch.apply("/api/search?q=6");
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("retry-after")).isPresent();
      assertThat(Integer.parseInt(refused.headers().firstValue("retry-after").orElseThrow()))
          .isBetween(1, 60);
      assertThat(refused.body()).contains("\"status\":429").contains("requests a minute");
      assertThat(refused.headers().firstValue("Content-Security-Policy").orElse(""))
          .as("a 429 is an answer like any other")
          .contains("default-src 'self'");
      assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(refused.headers().firstValue("access-control-allow-origin"))
          .as("a browser app on another site can read the 429 and when to retry")
          .hasValue("*");
      assertThat(refused.headers().firstValue("access-control-expose-headers").orElse(""))
          .contains("Retry-After");
      assertThat(fetch.apply("/").statusCode()).as("pages count too").isEqualTo(429);
      assertThat(fetch.apply("/health").statusCode()).isEqualTo(200);
      assertThat(fetch.apply("/static/app.css").statusCode()).isEqualTo(200);
    } finally {
      limited.stop();
    }
  }

  @Test
  void aWeeklySeriesPastItsFirstWeekIsListedByItsNextWeekAndAnEndedOneIsNot() throws Exception {
    ready();
    LocalDateTime now = LocalDateTime.now(CLOCK);
    LocalDateTime first = now.minusWeeks(3).plusHours(1); // its fourth week begins in an hour
    GeoPoint p = new GeoPoint(109.98, 39.82);
    stores.activities.add(
        new Activity(
            "a2",
            "每周读书会",
            null,
            Theme.CULTURE,
            "t1",
            "s1",
            "150602",
            p,
            first,
            first.plusHours(2),
            Recurrence.WEEKLY,
            10,
            3,
            true,
            false,
            true));
    LocalDateTime yesterday = now.minusDays(1);
    stores.activities.add(
        new Activity(
            "a3",
            "昨天的义诊",
            null,
            Theme.PUBLIC_HEALTH,
            "t1",
            "s1",
            "150602",
            p,
            yesterday,
            yesterday.plusHours(2),
            Recurrence.ONCE,
            10,
            3,
            true,
            false,
            true));
    String next = org.vsmap.web.view.Formats.WHEN.format(first.plusWeeks(3));
    for (String page : List.of("/stations/s1", "/teams/t1")) {
      String body = get(page).body();
      assertThat(body)
          .as(page)
          .contains("/activities/a2")
          .contains(next)
          .doesNotContain("/activities/a3")
          .doesNotContain(org.vsmap.web.view.Formats.WHEN.format(first));
      assertThat(body.indexOf("/activities/a2"))
          .as("%s: the one next within the hour comes before tomorrow's", page)
          .isLessThan(body.indexOf("/activities/a1"));
    }
    String series = get("/activities/a2").body();
    assertThat(series)
        .contains("下次：")
        .contains(next)
        .contains("/activities/a2.ics")
        .doesNotContain("此活动已结束");
    assertThat(get("/activities/a3").body()).contains("此活动已结束").doesNotContain("下次：");
    assertThat(get("/activities/a1").body())
        .as("not begun yet: its first date is its next")
        .doesNotContain("下次：");
  }

  @Test
  void withAPublicUrlEveryAbsoluteUrlStartsWithItWhateverTheHostHeaderSays() throws Exception {
    ready();
    assertThat(get("/robots.txt").body())
        .as("without one: the request's own origin")
        .contains("Sitemap: http://127.0.0.1:" + server.port() + "/sitemap.xml");
    Javalin behindProxy =
        Routes.create(
                new WebSettings(Basemap.none(), CLOCK, 0, "*", "https://zyfw.example.gov.cn/"),
                readiness)
            .start("127.0.0.1", 0);
    try {
      java.util.function.Function<String, String> fetch =
          path -> {
            try {
              return http.send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + behindProxy.port() + path))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
      assertThat(fetch.apply("/robots.txt"))
          .contains("Sitemap: https://zyfw.example.gov.cn/sitemap.xml");
      assertThat(fetch.apply("/stations/s1"))
          .contains(
              "<meta property=\"og:url\" content=\"https://zyfw.example.gov.cn/stations/s1\">")
          .doesNotContain("127.0.0.1");
      assertThat(fetch.apply("/activities.atom"))
          .contains("https://zyfw.example.gov.cn/activities/a1")
          .doesNotContain("127.0.0.1");
      assertThat(fetch.apply("/activities/a1.ics"))
          .contains("https://zyfw.example.gov.cn/activities/a1")
          .doesNotContain("127.0.0.1");
      // a client's own Host header changes nothing
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", behindProxy.port())) {
        socket
            .getOutputStream()
            .write(
                "GET /robots.txt HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String answer =
            new String(
                socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(answer)
            .startsWith("HTTP/1.1 200")
            .contains("Sitemap: https://zyfw.example.gov.cn/sitemap.xml")
            .doesNotContain("evil");
      }
    } finally {
      behindProxy.stop();
    }
    for (String bad :
        List.of(
            "https://zyfw.example.gov.cn/map",
            "ftp://zyfw.example.gov.cn",
            "zyfw.example.gov.cn",
            "https://a.cn?x=1")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> new WebSettings(Basemap.none(), CLOCK, 0, "*", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("public URL");
    }
  }

  @Test
  void anOfflineBasemapIsServedInRangesForThePagesReader(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    byte[] file = new byte[1000];
    for (int i = 0; i < file.length; i++) {
      file[i] = (byte) i;
    }
    java.nio.file.Files.write(dir.resolve("city.pmtiles"), file);
    Javalin offline =
        Routes.create(
                new WebSettings(
                    Basemap.of("pmtiles:city.pmtiles", null, null, null, dir), CLOCK, 0, "*", null),
                readiness)
            .start("127.0.0.1", 0);
    try {
      ready();
      URI uri = URI.create("http://127.0.0.1:" + offline.port() + Basemap.PMTILES_PATH);
      HttpResponse<byte[]> part =
          http.send(
              HttpRequest.newBuilder(uri).header("Range", "bytes=100-199").build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(part.statusCode()).isEqualTo(206);
      assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/1000");
      assertThat(part.body()).hasSize(100).startsWith((byte) 100);
      HttpResponse<byte[]> past =
          http.send(
              HttpRequest.newBuilder(uri).header("Range", "bytes=5000-").build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(past.statusCode()).isEqualTo(416);
      String page =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + offline.port() + "/"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(page).contains("&quot;pmtiles&quot;:&quot;/basemap/basemap.pmtiles&quot;");
      assertThat(get(Basemap.PMTILES_PATH).statusCode())
          .as("a portal without one has no such file")
          .isEqualTo(404);
    } finally {
      offline.stop();
    }
  }

  @Test
  void answers503UntilTheStoreIsReady() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(503);
    assertThat(get("/health").body()).contains("\"status\":\"STARTING\"");
    assertThat(get("/").statusCode()).isEqualTo(503);
    assertThat(get("/api/stations.geojson").statusCode()).isEqualTo(503);
    ready();
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/health").body()).contains("\"status\":\"UP\"").contains("\"stations\":1");
  }

  @Test
  void healthSaysDownWithTheReasonAfterAFailedStart() throws Exception {
    readiness.failed("cannot open the database");
    HttpResponse<String> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("DOWN").contains("cannot open the database");
  }

  @Test
  void userDataIsEscapedOnPages() throws Exception {
    ready();
    String html = get("/stations/s1").body();
    assertThat(html)
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x")
        .doesNotContain("<b>义诊</b>")
        .doesNotContain("<i>队</i>")
        .doesNotContain("<u>义诊</u>");
    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;站")
        .contains("&lt;b&gt;义诊&lt;/b&gt;")
        .contains("0477-8581234")
        .contains("3/5");
    String map = get("/").body();
    assertThat(map)
        .as("the basemap's settings reach the page as escaped JSON")
        .contains("&quot;url&quot;:&quot;https://tiles.example/{z}/{x}/{y}.png&quot;")
        .contains("&quot;attribution&quot;:&quot;© \\&quot;Tiles\\&quot; &lt;b&gt;&quot;");
  }

  @Test
  void pagesForbidForeignAndInlineScripts() throws Exception {
    ready();
    HttpResponse<String> r = get("/stations/s1");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'")
        .contains("script-src 'self';")
        .contains("object-src 'none'");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void geoJsonKeepsNamesAsDataAndFiltersByBox() throws Exception {
    ready();
    HttpResponse<String> r = get("/api/stations.geojson?bbox=109,39,110,40");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"name\":\"<script>alert('x')</script>站\"");
    assertThat(get("/api/stations.geojson?bbox=100,30,101,31").body()).contains("\"features\":[]");
  }

  @Test
  void errorsAreJsonForMachinesAndPagesForPeople() throws Exception {
    ready();
    HttpResponse<String> json = get("/api/stations.geojson?bbox=a,b,c,d");
    assertThat(json.statusCode()).isEqualTo(400);
    assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(json.body())
        .isEqualTo(
            "{\"status\":400,\"error\":\"Bad Request\",\"detail\":\"bbox value is not a number: a\"}");
    HttpResponse<String> page = get("/stations/none?lang=en");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body())
        .contains("<html lang=\"en\">")
        .contains("no station with id none")
        .contains("Back to the map");
    assertThat(get("/no/such/page").statusCode()).isEqualTo(404);
    assertThat(get("/?z=99").body()).contains("z must be between 1 and 19");
  }
}
