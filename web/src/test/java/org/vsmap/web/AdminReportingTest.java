package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.fake.InMemoryOffices;
import org.vsmap.geo.fake.InMemoryReporting;
import org.vsmap.geo.port.Offices;
import org.vsmap.geo.port.Reporting;
import org.vsmap.geo.reporting.Supervision;
import org.vsmap.geo.time.ChinaTime;

/**
 * /admin/reporting in process over the fakes: what an office sees is its own region, overdue units
 * first; the notice, the CSV table and the feed; only the city office changes the rules; bad input
 * is a 4xx that changes nothing.
 */
class AdminReportingTest {
  // Thursday 10 Dec 2026, 12:00 China time: the week of 30 Nov was due on Tuesday 8 Dec 18:00
  private static final Clock CLOCK =
      Clock.fixed(
          LocalDateTime.of(2026, 12, 10, 12, 0).atZone(ChinaTime.ZONE).toInstant(), ChinaTime.ZONE);
  private static final Offices.Account DONGSHENG =
      new Offices.Account("dongsheng", Offices.Role.OFFICE, "150602", "东胜区");
  private static final Offices.Account CITY =
      new Offices.Account("cityadmin", Offices.Role.ADMIN, null);

  private InProcessPortal portal;
  private InMemoryOffices offices;
  private InMemoryReporting reporting;

  @BeforeEach
  void start() {
    portal = new InProcessPortal();
    offices =
        new InMemoryOffices(portal.stores)
            .account(DONGSHENG, "correct horse battery")
            .account(CITY, "city horse battery");
    reporting = new InMemoryReporting(CLOCK);
    LocalDate since = LocalDate.of(2026, 11, 16);
    reporting.units.add(unit("tm-a", "交通街道志愿服务总队", "150602001", since));
    reporting.units.add(unit("tm-b", "锦秀社区志愿服务队", "150602001002", since));
    reporting.units.add(unit("tm-c", "康巴什区志愿服务分队", "150603", since));
    // tm-a on time every week; tm-b never; tm-c (another district) never
    for (int d : new int[] {16, 23, 30}) {
      LocalDate week = LocalDate.of(2026, 11, 1).withDayOfMonth(d);
      reporting.receipts.add(new Supervision.Receipt("tm-a", week, week.plusDays(8).atTime(9, 0)));
    }
    reporting.accounts.add(DONGSHENG);
    reporting.contacts.add(new Reporting.Contact("tm-b", "锦秀社区志愿服务队", "王某某", "13800000000"));
    reporting.contacts.add(new Reporting.Contact("tm-c", "康巴什区志愿服务分队", "李某某", "13900000000"));
    portal.ready(offices, reporting);
  }

  private static Supervision.Unit unit(String id, String name, String region, LocalDate since) {
    String district = region.substring(0, 6);
    return new Supervision.Unit(
        id, name, region, null, district, district.equals("150602") ? "东胜区" : "康巴什区", "总队", since);
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  private String page(Offices.Account who, String path, int status) throws Exception {
    String cookie = "vsmap_session=" + offices.openSession(who).token();
    HttpResponse<byte[]> r = portal.get(path, "Cookie", cookie);
    assertThat(r.statusCode()).as(path).isEqualTo(status);
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void anOfficeSeesItsOwnUnitsWithTheOverdueFirst() throws Exception {
    String html = page(DONGSHENG, "/admin/reporting", 200);
    assertThat(html).contains("逾期未报").contains("锦秀社区志愿服务队").contains("连续 3 周未报");
    assertThat(html).as("another district's unit").doesNotContain("康巴什区志愿服务分队");
    assertThat(html.indexOf("逾期未报")).isLessThan(html.indexOf("各区按时报送率"));
    assertThat(html).contains("key-dongsheng").contains("合成数据");

    String grid = page(DONGSHENG, "/admin/reporting/weeks", 200);
    assertThat(grid).contains("st-MISSING").contains("st-ON_TIME").contains("st-PENDING");
    assertThat(page(DONGSHENG, "/admin/reporting/units/tm-c", 404)).contains("tm-c");

    String contacts = page(DONGSHENG, "/admin/reporting/contacts", 200);
    assertThat(contacts).contains("13800000000").doesNotContain("13900000000");
    assertThat(reporting.audit).anyMatch(l -> l.startsWith("dongsheng CONTACTS"));
  }

  @Test
  void theNoticeTheTableAndTheFeed() throws Exception {
    String notice = page(DONGSHENG, "/admin/reporting/notice?week=2026-11-30", 200);
    assertThat(notice)
        .contains("第49周")
        .contains("应报单位 2 个，按时报送 1 个，逾期报送 0 个，未报送 1 个")
        .contains("按时报送率 50.0%");
    assertThat(page(DONGSHENG, "/admin/reporting/notice?week=last-week", 400))
        .contains("2026-11-30");
    assertThat(page(DONGSHENG, "/admin/reporting/notice?week=2025-01-06", 400))
        .contains("last 12 weeks");

    String csv = page(DONGSHENG, "/admin/reporting/assessment.csv", 200);
    assertThat(csv.lines().findFirst().orElseThrow()).contains("报送单位").contains("按时报送率(%)");
    assertThat(csv).contains("锦秀社区志愿服务队").doesNotContain("康巴什区志愿服务分队");

    HttpResponse<byte[]> feed =
        portal.get("/admin/reporting/feed.atom?office=dongsheng&key=key-dongsheng");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).contains("atom+xml");
    String atom = new String(feed.body(), StandardCharsets.UTF_8);
    assertThat(atom).contains("锦秀社区志愿服务队 未报 11月30日–12月6日").doesNotContain("王某某");
    assertThat(portal.get("/admin/reporting/feed.atom?office=dongsheng&key=guess").statusCode())
        .isEqualTo(403);
  }

  @Test
  void onlyTheCityOfficeChangesTheRulesAndBadInputChangesNothing() throws Exception {
    Offices.Session office = offices.openSession(DONGSHENG);
    HttpResponse<String> refused =
        portal.post(
            "/admin/reporting/holidays",
            Map.of("csrf", office.csrf(), "week", "2026-12-07", "reason", "假期"),
            "Cookie",
            "vsmap_session=" + office.token());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(reporting.exempt).isEmpty();

    Offices.Session city = offices.openSession(CITY);
    HttpResponse<String> badWeek =
        portal.post(
            "/admin/reporting/holidays",
            Map.of("csrf", city.csrf(), "week", "12/07", "reason", "假期"),
            "Cookie",
            "vsmap_session=" + city.token());
    assertThat(badWeek.statusCode()).isEqualTo(400);
    assertThat(badWeek.body()).contains("2026-11-30");
    HttpResponse<String> badDay =
        portal.post(
            "/admin/reporting/deadline",
            Map.of("csrf", city.csrf(), "day", "funday", "time", "18:00"),
            "Cookie",
            "vsmap_session=" + city.token());
    assertThat(badDay.statusCode()).isEqualTo(400);
    assertThat(badDay.body()).contains("funday");
    assertThat(reporting.exempt).isEmpty();
    assertThat(reporting.deadline.text()).isEqualTo("TUESDAY 18:00");

    HttpResponse<String> holiday =
        portal.post(
            "/admin/reporting/holidays",
            Map.of("csrf", city.csrf(), "week", "2026-12-02", "reason", "测试假期"),
            "Cookie",
            "vsmap_session=" + city.token());
    assertThat(holiday.statusCode()).isEqualTo(303);
    assertThat(reporting.exempt)
        .singleElement()
        .satisfies(e -> assertThat(e.week()).isEqualTo(LocalDate.of(2026, 11, 30)));
    String notice = page(CITY, "/admin/reporting/notice?week=2026-11-30", 200);
    assertThat(notice).contains("无需报送周（测试假期）").contains("未报送 0 个");
  }
}
