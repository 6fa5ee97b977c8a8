package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vsmap.geo.fake.InMemoryDownloads;
import org.vsmap.geo.fake.InMemoryHonours;
import org.vsmap.geo.fake.InMemoryPhotos;
import org.vsmap.geo.fake.InMemorySnapshots;
import org.vsmap.geo.fake.InMemoryStatistics;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Honour;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Photos;
import org.vsmap.geo.port.Statistics;

/**
 * Every public page, in both languages and in large text, over in-memory ports: the templates run
 * with strict variables, so a name a page model lacks (or a message key that does not exist) is a
 * 500 here instead of silently empty text on the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageRendersTest {
  private static final String PHOTO = "3f2a9c0b8e7d6f5a4b3c2d1e0f9a8b7c";
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2};

  private InProcessPortal portal;

  @BeforeAll
  void start() throws Exception {
    portal = new InProcessPortal();
    GeoPoint p = new GeoPoint(109.98, 39.82);
    portal.stores.stations.add(
        new Station(
            "st-1",
            "锦秀社区志愿服务站",
            StationType.COMMUNITY,
            "150602001002",
            null,
            p,
            "9:00-17:00",
            List.of("助老", "义诊"),
            "0477-8581234",
            FiveHas.parse("11011"),
            true));
    portal.stores.teams.add(
        new Team(
            "tm-0",
            "东胜区志愿服务总队",
            TeamLevel.CITY_CORPS,
            null,
            "150602",
            "区文明办",
            null,
            null,
            null,
            80,
            true));
    portal.stores.teams.add(
        new Team(
            "tm-1",
            "锦秀社区志愿服务队",
            TeamLevel.SQUAD,
            "tm-0",
            "150602001002",
            null,
            LocalDate.of(2019, 3, 5),
            "助老",
            "st-1",
            24,
            true));
    LocalDateTime start = LocalDateTime.of(2026, 12, 9, 9, 0);
    portal.stores.activities.add(
        new Activity(
            "ac-1",
            "义诊进社区",
            "测量血压、用药咨询",
            Theme.PUBLIC_HEALTH,
            "tm-1",
            "st-1",
            "150602001002",
            p,
            start,
            start.plusHours(2),
            Recurrence.WEEKLY,
            10,
            3,
            true,
            false,
            true));
    InMemoryPhotos photos = new InMemoryPhotos();
    for (Kind kind : List.of(Kind.STATION, Kind.ACTIVITY)) {
      photos.add(
          new Photos.Photo(
              kind == Kind.STATION ? PHOTO : PHOTO.replace('3', '4'),
              kind,
              kind == Kind.STATION ? "st-1" : "ac-1",
              "志愿者为老人量血压",
              1600,
              1200,
              LocalDateTime.of(2026, 12, 1, 9, 0)),
          JPEG);
    }
    InMemoryHonours honours = new InMemoryHonours();
    honours.honours.add(
        new Honour(
            "ho-1",
            "最美志愿者",
            2025,
            Honour.HonourLevel.CITY,
            "市文明办",
            Honour.HonourSubject.VOLUNTEER,
            "tm-1",
            "150602001002",
            null,
            "多年服务社区",
            true,
            p));
    honours.honours.add(
        new Honour(
            "ho-2",
            "最佳志愿服务站",
            2024,
            Honour.HonourLevel.PROVINCE,
            "自治区文明办",
            Honour.HonourSubject.STATION,
            "st-1",
            "150602001002",
            null,
            null,
            true,
            p));
    InMemoryDownloads downloads =
        new InMemoryDownloads().put("stations", List.of("150602001002,锦秀社区志愿服务站"));
    InMemorySnapshots snapshots = new InMemorySnapshots(Files.createTempDirectory("vsmap-pages-"));
    portal.ready(downloads, null, snapshots, new InMemoryStatistics(table()), photos, honours);
  }

  private static Statistics.Table table() {
    Statistics.Indicator rate =
        new Statistics.Indicator(
            "volunteer_rate",
            "注册志愿者占常住人口比例",
            "Registered volunteers per resident population",
            "定义",
            "definition",
            "注册志愿者人数",
            "常住人口",
            "%",
            ">=",
            13.0,
            "种子文件 004",
            "figures");
    List<Statistics.Value> values = new ArrayList<>();
    values.add(value("1506", "鄂尔多斯市", "CITY", 14.0));
    values.add(value("150602", "东胜区", "COUNTY", 14.2));
    values.add(value("150603", "康巴什区", "COUNTY", 9.5));
    return new Statistics.Table("2026-12-07T10:00+08:00", "v1", 5, true, List.of(rate), values);
  }

  private static Statistics.Value value(String code, String name, String level, double v) {
    return new Statistics.Value(
        "volunteer_rate",
        code,
        name,
        level,
        "2026",
        null,
        null,
        v,
        v * 1000,
        100_000.0,
        Statistics.Status.OK,
        v >= 13);
  }

  @AfterAll
  void stop() {
    portal.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/?q=义诊&kind=station&region=150602&recruiting=true&lat=39.82&lon=109.98&z=14",
        "/embed?height=300&search=hide&list=hide&colour=dark",
        "/embed/builder",
        "/stations/st-1",
        "/teams/tm-1",
        "/teams/tm-0",
        "/activities/ac-1",
        "/stations/st-1/photos",
        "/teams/tm-1/photos",
        "/stations/st-1/poster",
        "/activities/ac-1/poster",
        "/activities",
        "/activities?view=week&d=2026-12-07",
        "/activities?view=list&region=150602",
        "/honours",
        "/honours?year=2025&region=150602",
        "/stats",
        "/stats?region=150602",
        "/stats/method",
        "/stats/embed/districts",
        "/data",
        "/data/stations",
        "/api/docs",
        "/admin/login"
      })
  void rendersInBothLanguagesAndInLargeText(String page) throws Exception {
    for (String variant : List.of("", "lang=en", "text=large")) {
      String url = variant.isEmpty() ? page : page + (page.contains("?") ? "&" : "?") + variant;
      HttpResponse<byte[]> r = portal.get(url);
      String body = new String(r.body(), StandardCharsets.UTF_8);
      assertThat(r.statusCode()).as(url + ": " + body).isEqualTo(200);
      assertThat(body).as(url).contains("</html>").doesNotContain("Internal Server Error");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nope", "/stations/st-none", "/activities?view=year"})
  void theErrorPageRendersToo(String page) throws Exception {
    HttpResponse<byte[]> r = portal.get(page, "Accept", "text/html");
    assertThat(r.statusCode()).isBetween(400, 404);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("</html>");
  }

  /**
   * HTTP the same on every public URL (one layer in front of the handlers): HEAD has GET's status
   * and headers and no body, including where GET is an error; CORS on every public answer, errors
   * too, never on /admin; Vary: Accept-Encoding; an OPTIONS preflight answered.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/embed",
        "/stations/st-1",
        "/teams/tm-1",
        "/activities/ac-1",
        "/activities",
        "/activities.atom",
        "/activities.ics",
        "/honours",
        "/stats",
        "/stats/method",
        "/data",
        "/data/stations",
        "/data/stations.csv",
        "/data/stations/versions",
        "/catalog.jsonld",
        "/api/search?q=%E5%8A%A9%E8%80%81",
        "/api/search?q=x&limit=99999",
        "/api/stats",
        "/api/docs",
        "/sitemap.xml",
        "/robots.txt",
        "/static/app.css",
        "/nope",
        "/data/nope.fgb",
        "/stations/st-none",
        "/ogc/collections/zzz",
        "/admin/login"
      })
  void headIsGetWithoutItsBodyAndEveryPublicAnswerCarriesCors(String url) throws Exception {
    HttpResponse<byte[]> get = portal.get(url);
    HttpResponse<byte[]> head = portal.send("HEAD", url);
    assertThat(head.statusCode()).as("HEAD " + url).isEqualTo(get.statusCode());
    assertThat(head.body()).as("HEAD " + url + " has no body").isEmpty();
    for (String h : List.of("content-type", "etag", "last-modified", "cache-control", "link")) {
      assertThat(head.headers().firstValue(h))
          .as(h + " of HEAD " + url)
          .isEqualTo(get.headers().firstValue(h));
    }
    get.headers()
        .firstValue("content-length")
        .ifPresent(n -> assertThat(head.headers().firstValue("content-length")).hasValue(n));
    assertThat(String.join(",", get.headers().allValues("vary")))
        .as(url)
        .contains("Accept-Encoding");
    get.headers()
        .firstValue("etag")
        .ifPresent(e -> assertThat(e).as("ETag of " + url).matches("(W/)?\"[\\x21\\x23-\\x7e]+\""));
    get.headers()
        .firstValue("last-modified")
        .ifPresent(
            d ->
                assertThat(
                        java.time.ZonedDateTime.parse(
                            d, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME))
                    .as("Last-Modified of " + url + " in IMF-fixdate")
                    .isNotNull());
    boolean admin = url.startsWith("/admin");
    assertThat(get.headers().firstValue("access-control-allow-origin"))
        .as("CORS on " + url + " (" + get.statusCode() + ")")
        .isEqualTo(admin ? java.util.Optional.empty() : java.util.Optional.of("*"));
    HttpResponse<byte[]> preflight =
        portal.send(
            "OPTIONS",
            url,
            "Origin",
            "https://news.example",
            "Access-Control-Request-Method",
            "GET",
            "Access-Control-Request-Headers",
            "range, if-none-match");
    assertThat(preflight.statusCode()).as("OPTIONS " + url).isEqualTo(204);
    assertThat(preflight.headers().firstValue("allow").orElse("")).contains("GET").contains("HEAD");
    if (!admin) {
      assertThat(preflight.headers().firstValue("access-control-allow-methods"))
          .hasValue("GET, HEAD, OPTIONS");
      assertThat(preflight.headers().firstValue("access-control-allow-headers"))
          .hasValue("range, if-none-match");
    } else {
      assertThat(preflight.headers().firstValue("access-control-allow-origin")).isEmpty();
    }
  }

  /**
   * The widget names its oEmbed endpoint in its head; oEmbed's errors are JSON, like its answers.
   */
  @org.junit.jupiter.api.Test
  void theWidgetAdvertisesItsOEmbedWhoseErrorsAreJson() throws Exception {
    String html = portal.text("/embed?region=150602&kind=station");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<link rel=\"alternate\" type=\"application/json\\+oembed\" href=\"([^\"]+)\"")
            .matcher(html);
    assertThat(m.find()).as("oEmbed discovery link").isTrue();
    String href = m.group(1).replace("&amp;", "&");
    String path = href.substring(href.indexOf("/oembed"));
    HttpResponse<byte[]> answer = portal.get(path);
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8))
        .contains("\"type\":\"rich\"")
        .contains("/embed?region=150602");
    for (String bad :
        List.of(
            "/oembed", "/oembed?url=https://elsewhere.example/embed", "/oembed?url=x&format=xml")) {
      HttpResponse<byte[]> r = portal.get(bad, "Accept", "text/html");
      assertThat(r.statusCode()).as(bad).isBetween(400, 501);
      assertThat(r.headers().firstValue("content-type").orElse(""))
          .as(bad)
          .startsWith("application/json");
    }
  }
}
