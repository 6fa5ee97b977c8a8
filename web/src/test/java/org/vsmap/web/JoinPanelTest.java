package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.vsmap.geo.model.Joining;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;

/**
 * An activity page's 报名 panel over in-memory ports: the button and QR code lead to the project's
 * own link, its 志愿中国 project or its team's page; closed, full and past say so and offer no button;
 * without a link it names whom to call, falling back to the team's and the community's office line,
 * never a person's.
 */
class JoinPanelTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private static final LocalDateTime NOW = LocalDateTime.now(CLOCK);
  private static final GeoPoint P = new GeoPoint(109.98, 39.82);

  private final HttpClient http = HttpClient.newHttpClient();
  private final InMemoryStores stores = new InMemoryStores();
  private final Readiness readiness = new Readiness();
  private Javalin server;

  @BeforeEach
  void start() {
    stores.stations.add(station("s-here", null));
    // the community's own station a few hundred metres away, with its public line
    stores.stations.add(
        new Station(
            "s-community",
            "锦秀社区志愿服务站",
            StationType.COMMUNITY,
            "150602001002",
            null,
            new GeoPoint(109.983, 39.821),
            null,
            List.of(),
            "0477-8380000",
            FiveHas.parse("11111"),
            true));
    stores.teams.add(team("t-line", "0477-8581111", "https://example.org/teams/7"));
    stores.teams.add(team("t-bare", null, null));
    readiness.ready(new WebPorts(stores, stores, stores, stores, stores));
    server =
        Routes.create(new WebSettings(Basemap.none(), CLOCK, 1000, "*", null), readiness)
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void anOpenActivityWithItsOwnLinkHasTheButtonTheQrCodeTheDeadlineAndPlacesLeft()
      throws Exception {
    add(
        "a-link",
        "t-bare",
        NOW.plusDays(3),
        10,
        4,
        new Joining(
            "P123",
            "https://example.org/signup?p=123&x=y",
            "线上报名",
            NOW.plusDays(2),
            "0477-8586666"));
    String page = get("/activities/a-link");
    assertThat(page)
        .contains("class=\"button join-button\" href=\"https://example.org/signup?p=123&amp;x=y\"")
        .contains("去报名")
        .contains("还剩 6 个名额")
        .contains("报名截止 <time class=\"join-deadline\">" + fmt(NOW.plusDays(2)) + "</time>")
        .contains("<strong class=\"project-id\">P123</strong>")
        .contains("报名方式：线上报名")
        .contains("href=\"tel:04778586666\"")
        .contains("class=\"join-qr\"")
        .doesNotContain("报名已截止");
  }

  @Test
  void onlyAProjectNumberLeadsToTheNationalSystemWithTheNumberToSearchFor() throws Exception {
    add(
        "a-project",
        "t-bare",
        NOW.plusDays(3),
        10,
        0,
        new Joining("DEMO-1", null, null, null, null));
    String page = get("/activities/a-project");
    assertThat(page)
        .contains("href=\"https://chinavolunteer.mca.gov.cn/\" rel=\"noopener external\"")
        .contains("去志愿中国报名")
        .contains("在志愿中国（全国志愿服务信息系统）搜索此编号");
  }

  @Test
  void closedFullAndPastSayWhyAndOfferNoButton() throws Exception {
    Joining link = new Joining(null, "https://example.org/s", null, NOW.minusHours(1), null);
    add("a-closed", "t-bare", NOW.plusDays(3), 10, 2, link);
    add(
        "a-full",
        "t-bare",
        NOW.plusDays(3),
        10,
        10,
        new Joining(null, "https://example.org/s", null, null, null));
    add(
        "a-past",
        "t-bare",
        NOW.minusDays(3),
        10,
        2,
        new Joining(null, "https://example.org/s", null, null, null));
    assertThat(get("/activities/a-closed")).contains("报名已截止").doesNotContain("join-button");
    assertThat(get("/activities/a-full")).contains("名额已满").doesNotContain("join-button");
    assertThat(get("/activities/a-past")).contains("活动已结束").doesNotContain("join-button");
  }

  @Test
  void withoutALinkTheTeamsPageAndLineAreOfferedThenTheCommunitysThenTheTeamByName()
      throws Exception {
    add("a-team", "t-line", NOW.plusDays(3), 10, 2, Joining.NONE);
    assertThat(get("/activities/a-team"))
        .as("the team's own join link and office line")
        .contains("href=\"https://example.org/teams/7\"")
        .contains("加入组织队伍")
        .contains("href=\"tel:04778581111\"")
        .contains("队伍办公电话：<a href=\"/teams/t-line\">");
    add("a-community", "t-bare", NOW.plusDays(3), 10, 2, Joining.NONE);
    assertThat(get("/activities/a-community"))
        .as("no line of its own, its team's or its station's: the community station's")
        .doesNotContain("join-button")
        .contains("href=\"tel:04778380000\"")
        .contains("所在社区志愿服务站：<a href=\"/stations/s-community\">锦秀社区志愿服务站</a>");
    assertThat(get("/stations/s-here"))
        .as("the station page falls back the same way")
        .contains("href=\"tel:04778380000\"")
        .doesNotContain("暂无公开电话");
    stores.stations.removeIf(s -> s.id().equals("s-community"));
    assertThat(get("/activities/a-community"))
        .as("no public line anywhere: the organising team by name and its supervising unit")
        .contains("报名咨询：组织队伍 <a href=\"/teams/t-bare\">")
        .contains("主管单位：锦秀社区居委会");
  }

  private void add(
      String id, String team, LocalDateTime start, int wanted, int signed, Joining joining) {
    stores.activities.add(
        new Activity(
            id,
            "周末义诊",
            null,
            Theme.PUBLIC_HEALTH,
            team,
            "s-here",
            "150602001002",
            P,
            start,
            start.plusHours(2),
            Recurrence.ONCE,
            wanted,
            signed,
            true,
            true,
            true,
            null,
            false,
            joining));
  }

  private static Station station(String id, String contact) {
    return new Station(
        id,
        "锦秀便民服务点",
        StationType.CONVENIENCE_POINT,
        "150602001002",
        null,
        P,
        null,
        List.of(),
        contact,
        FiveHas.parse("11111"),
        true);
  }

  private static Team team(String id, String contact, String url) {
    return new Team(
        id,
        "锦秀社区志愿服务队",
        TeamLevel.SQUAD,
        "t0",
        "150602001002",
        "锦秀社区居委会",
        LocalDate.of(2020, 1, 1),
        null,
        null,
        12,
        true,
        contact,
        url);
  }

  private static String fmt(LocalDateTime t) {
    return org.vsmap.web.view.Formats.WHEN.format(t);
  }

  private String get(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }
}
