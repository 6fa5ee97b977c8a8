package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 10 (calendar subscriptions): /activities.ics for filters and /activities/{id}.ics, read
 * back with biweekly (an iCalendar parser independent of the ical4j that writes them) against the
 * packaged jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class CalendarIT {
  private RunningPortal portal;

  /**
   * A held activity an office reported (three days ago, 14 took part), imported before the portal
   * starts.
   */
  private static final String HELD = "上周的敬老义诊";

  private java.time.LocalDate heldOn;

  @BeforeAll
  void start() throws Exception {
    java.nio.file.Path data = Files.createTempDirectory("vsmap-ics-").resolve("data");
    try (RunningPortal first = RunningPortal.start(data)) { // the demo set
      assertThat(first.get("/health").statusCode()).isEqualTo(200);
    }
    heldOn = RunningPortal.TODAY.minusDays(3);
    java.nio.file.Path held =
        Files.writeString(
            data.getParent().resolve("held.csv"),
            "活动名称,主题,组织队伍,开始时间,结束时间,参加人数,合成数据\n"
                + HELD
                + ",服务百姓健康,交通街道志愿服务总队,"
                + heldOn
                + " 09:00,11:00,14,是\n",
            java.nio.charset.StandardCharsets.UTF_8);
    RunningPortal.Outcome imported =
        RunningPortal.cli(
            "import", held.toString(), "--kind", "activity", "--data-dir", data.toString());
    assertThat(imported.exit()).as(imported.out()).isZero();
    portal = RunningPortal.start(data);
  }

  @Test
  void daysBeforeTodayShowWhatWasHeldAndHowManyTookPart() throws Exception {
    String week = portal.get("/activities?view=week&d=" + heldOn).body();
    Matcher cell =
        Pattern.compile("data-date=\"" + heldOn + "\">(.*?)</td>", Pattern.DOTALL).matcher(week);
    assertThat(cell.find()).as("the day's cell").isTrue();
    assertThat(cell.group(1)).contains(HELD).contains("已举办 · 14 人参加").doesNotContain("招募中");
    assertThat(portal.get("/activities?view=week&d=" + heldOn + "&lang=en").body())
        .contains("held · 14 took part");
    List<VEvent> upcoming = events("/activities.ics");
    assertThat(upcoming)
        .extracting(e -> e.getSummary().getValue())
        .as("the subscription stays upcoming")
        .doesNotContain(HELD);
    String today = portal.get("/activities?view=list").body();
    assertThat(today).as("the list from today").doesNotContain(HELD);
  }

  @AfterAll
  void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  private List<VEvent> events(String path) throws Exception {
    HttpResponse<String> r = portal.get(path);
    assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
    // RFC 5545 as ical4j's validator reads it (the portal does not validate per request)
    new net.fortuna.ical4j.data.CalendarBuilder()
        .build(new java.io.StringReader(r.body()))
        .validate();
    for (String line : r.body().split("\r\n")) {
      assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .as("RFC 5545 §3.1: at most 75 octets a line in %s: %s", path, line)
          .isLessThanOrEqualTo(75);
    }
    List<ICalendar> cals = Biweekly.parse(r.body()).all();
    assertThat(cals).as("one calendar in %s", path).hasSize(1);
    return cals.get(0).getEvents();
  }

  @Test
  void theUpcomingActivitiesParseInOrderWithTheirPagesAndPlaces() throws Exception {
    List<VEvent> all = events("/activities.ics");
    assertThat(all).isNotEmpty().hasSizeLessThanOrEqualTo(100);
    // the portal's now: the suite's day (RunningPortal.TODAY) at China's real time of day, whatever
    // the real date in China is
    Date now =
        Date.from(
            java.time.ZonedDateTime.now(org.vsmap.geo.time.ChinaTime.ZONE)
                .with(RunningPortal.TODAY)
                .toInstant()
                .minusSeconds(60));
    Date previous = new Date(0);
    int weekly = 0;
    for (VEvent e : all) {
      assertThat(e.getUid().getValue()).matches("ac-[\\w-]+@vsmap");
      assertThat(e.getSummary().getValue()).isNotBlank();
      assertThat(e.getDateEnd().getValue()).isAfter(e.getDateStart().getValue());
      if (e.getRecurrenceRule() != null) {
        // a weekly activity: its first date as stored, and its weeks; the last of them is still to
        // come
        weekly++;
        assertThat(e.getRecurrenceRule().getValue().getFrequency())
            .isEqualTo(biweekly.util.Frequency.WEEKLY);
        assertThat(e.getRecurrenceRule().getValue().getCount()).isEqualTo(8);
        Date lastEnd = new Date(e.getDateEnd().getValue().getTime() + 7L * 7 * 24 * 3600 * 1000);
        assertThat(lastEnd).as("a week of %s still to come", e.getUid().getValue()).isAfter(now);
      } else {
        assertThat(e.getDateEnd().getValue()).as("upcoming or under way").isAfter(now);
        assertThat(e.getDateStart().getValue()).as("soonest first").isAfterOrEqualTo(previous);
        previous = e.getDateStart().getValue();
      }
      assertThat(e.getUrl().getValue())
          .endsWith("/activities/" + e.getUid().getValue().replace("@vsmap", ""));
      assertThat(e.getGeo().getLatitude()).isBetween(37.0, 41.0);
      assertThat(e.getDescription().getValue())
          .as("demo records say they are synthetic")
          .contains("合成数据");
    }
    assertThat(weekly).as("weekly activities carry their weekly rule").isPositive();
    for (VEvent e : all.subList(0, 3)) {
      String page = e.getUrl().getValue().replaceFirst("^https?://[^/]+", "");
      HttpResponse<String> html = portal.get(page);
      assertThat(html.statusCode()).isEqualTo(200);
      assertThat(html.body())
          .contains(e.getSummary().getValue().replace("&", "&amp;"))
          .contains("href=\"" + page + ".ics\"")
          .contains("加入日历");
    }
    Set<String> dongsheng = ids(events("/activities.ics?region=150602"));
    Set<String> inDongsheng = new TreeSet<>();
    for (int offset = 0; ; offset += 100) {
      var page =
          new ObjectMapper()
              .readTree(
                  portal
                      .get("/api/search?kind=activity&region=150602&limit=100&offset=" + offset)
                      .body());
      page.path("hits").findValuesAsText("id").forEach(inDongsheng::add);
      if (offset + 100 >= page.path("total").asLong()) {
        break;
      }
    }
    assertThat(dongsheng)
        .as("the district's calendar holds only its activities")
        .isNotEmpty()
        .isSubsetOf(inDongsheng);
    assertThat(ids(all)).as("the filter takes the others out").isNotEqualTo(dongsheng);
  }

  @Test
  void aTeamsCalendarHoldsWhatItsPageLists() throws Exception {
    // the organiser of the soonest activity: a team with something coming up
    String soonest =
        events("/activities.ics").get(0).getUrl().getValue().replaceFirst("^https?://[^/]+", "");
    Matcher organiser =
        Pattern.compile("href=\"/teams/([\\w-]+)\"").matcher(portal.get(soonest).body());
    assertThat(organiser.find()).isTrue();
    String team = organiser.group(1);
    String page = portal.get("/teams/" + team).body();
    Set<String> listed = new TreeSet<>();
    Matcher m = Pattern.compile("href=\"/activities/(ac-[\\w-]+)\"").matcher(page);
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertThat(listed)
        .as("team %s lists its upcoming activities (at most 20)", team)
        .isNotEmpty()
        .hasSizeLessThan(20);
    assertThat(ids(events("/activities.ics?team=" + team))).as("team %s", team).isEqualTo(listed);
  }

  @Test
  void oneActivityAndBadRequests() throws Exception {
    List<VEvent> all = events("/activities.ics");
    String id = all.get(0).getUid().getValue().replace("@vsmap", "");
    List<VEvent> one = events("/activities/" + id + ".ics");
    assertThat(one).hasSize(1);
    assertThat(one.get(0).getSummary().getValue()).isEqualTo(all.get(0).getSummary().getValue());
    assertThat(portal.get("/activities/no-such.ics").statusCode()).isEqualTo(404);
    assertThat(portal.get("/activities.ics?team=no-such").statusCode()).isEqualTo(404);
    HttpResponse<String> unknown = portal.get("/activities.ics?colour=red");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("unknown parameter &#39;colour&#39;");
    assertThat(portal.get("/activities.ics?team=a&station=b").statusCode()).isEqualTo(400);
    assertThat(portal.get("/activities.ics?theme=karaoke").statusCode()).isEqualTo(400);
  }

  private static Set<String> activityLinks(String html) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("href=\"/activities/(ac-[\\w-]+)\"").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Every activity id /api/search gives for the query, all pages. */
  private Set<String> searched(String query) throws Exception {
    Set<String> out = new TreeSet<>();
    for (int offset = 0; ; offset += 100) {
      var page =
          new ObjectMapper()
              .readTree(
                  portal
                      .get("/api/search?kind=activity&limit=100&offset=" + offset + "&" + query)
                      .body());
      page.path("hits").findValuesAsText("id").forEach(out::add);
      if (offset + 100 >= page.path("total").asLong()) {
        return out;
      }
    }
  }

  @Test
  void theCalendarListsADistrictsActivitiesOfTheComingTwoWeeksAndNothingElse() throws Exception {
    java.time.LocalDate today = RunningPortal.TODAY;
    HttpResponse<String> page = portal.get("/activities?view=list&region=150602");
    assertThat(page.statusCode()).isEqualTo(200);
    Set<String> listed = activityLinks(page.body());
    Set<String> expected = searched("region=150602&from=" + today + "&to=" + today.plusDays(13));
    assertThat(listed)
        .as("the list view of 东胜区 = the search for its two weeks")
        .isNotEmpty()
        .isEqualTo(expected);
    // the day headings are in order, from today, and every activity's time is on its day
    Matcher days =
        Pattern.compile("<time datetime=\"(\\d{4}-\\d\\d-\\d\\d)\">").matcher(page.body());
    java.time.LocalDate previous = today.minusDays(1);
    while (days.find()) {
      java.time.LocalDate d = java.time.LocalDate.parse(days.group(1));
      assertThat(d).isAfter(previous).isBefore(today.plusDays(14));
      previous = d;
    }
    // the month view holds the same filter; the subscription links carry it
    HttpResponse<String> month = portal.get("/activities?region=150602");
    assertThat(month.body())
        .contains("<table class=\"calendar month\"")
        .contains("href=\"/activities.ics?region=150602\"")
        .contains("href=\"/activities.atom?region=150602\"");
    assertThat(activityLinks(month.body()))
        .as("the month shows some of them per day")
        .isNotEmpty()
        .isSubsetOf(
            searched(
                "region=150602&from="
                    + today
                        .withDayOfMonth(1)
                        .with(
                            java.time.temporal.TemporalAdjusters.previousOrSame(
                                java.time.DayOfWeek.MONDAY))
                    + "&to="
                    + today.withDayOfMonth(1).plusMonths(1).plusDays(6)));
    // the English page
    assertThat(portal.get("/activities?lang=en&view=week").body())
        .contains("Activity calendar")
        .contains("Mon");
    // bad input: 400 naming what is wrong
    for (String bad :
        List.of(
            "view=year",
            "d=2026-13-01",
            "d=1999-01-01",
            "theme=karaoke",
            "colour=red",
            "recruiting=maybe")) {
      HttpResponse<String> r = portal.get("/activities?" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.body()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
    }
  }

  @Test
  void keyDaysAreMarkedWithWhatIsPlannedForThem() throws Exception {
    java.time.LocalDate today = RunningPortal.TODAY;
    java.time.LocalDate volunteerDay = java.time.LocalDate.of(today.getYear(), 12, 5);
    volunteerDay = volunteerDay.isBefore(today) ? volunteerDay.plusYears(1) : volunteerDay;
    String december = portal.get("/activities?view=month&d=" + volunteerDay).body();
    Matcher cell =
        Pattern.compile(
                "<td class=\"([^\"]*)\" data-date=\"" + volunteerDay + "\">(.*?)</td>",
                Pattern.DOTALL)
            .matcher(december);
    assertThat(cell.find()).isTrue();
    assertThat(cell.group(1)).contains("keyday");
    assertThat(cell.group(2)).contains("国际志愿者日");
    assertThat(december)
        .as("one key day in December")
        .containsOnlyOnce("<p class=\"keyday-name\">");
    // the next 3·5 counted from today (from the next 12·5 it is a year too far from 6 to 31
    // December)
    java.time.LocalDate leiFeng = java.time.LocalDate.of(today.getYear(), 3, 5);
    leiFeng = leiFeng.isBefore(today) ? leiFeng.plusYears(1) : leiFeng;
    String march = portal.get("/activities?view=month&d=" + leiFeng).body();
    Matcher campaign =
        Pattern.compile("<td class=\"([^\"]*)\" data-date=\"(\\d{4}-03-\\d\\d)\">").matcher(march);
    int marchDays = 0;
    while (campaign.find()) {
      marchDays++;
      assertThat(campaign.group(1)).as(campaign.group(2)).contains("campaign");
      assertThat(campaign.group(1).contains("keyday"))
          .as(campaign.group(2))
          .isEqualTo(campaign.group(2).endsWith("-03-05"));
    }
    assertThat(marchDays).as("学雷锋活动月: the whole of March").isEqualTo(31);
    assertThat(march).contains("学雷锋纪念日").contains("学雷锋活动月");
    // the announcements: each names a day or month ahead and what the search finds planned then
    Matcher planned =
        Pattern.compile(
                "<li><a href=\"/activities\\?view=(list|month)&amp;d=([\\d-]+)\"><strong>([^<]+)</strong>[^<]*</a> · 已安排 (\\d+) 项活动</li>")
            .matcher(portal.get("/activities").body());
    int announced = 0;
    while (planned.find()) {
      announced++;
      java.time.LocalDate first = java.time.LocalDate.parse(planned.group(2));
      java.time.LocalDate last =
          planned.group(1).equals("month") ? first.withDayOfMonth(first.lengthOfMonth()) : first;
      long total =
          new ObjectMapper()
              .readTree(
                  portal
                      .get("/api/search?kind=activity&limit=1&from=" + first + "&to=" + last)
                      .body())
              .path("total")
              .asLong();
      assertThat(Long.parseLong(planned.group(4))).as(planned.group(3)).isEqualTo(total);
      assertThat(first).isAfterOrEqualTo(today).isBefore(today.plusDays(121));
    }
    boolean soon =
        !volunteerDay.isAfter(today.plusDays(120))
            || !leiFeng.withDayOfMonth(1).isAfter(today.plusDays(120));
    assertThat(announced > 0).as("a key day within 120 days is announced").isEqualTo(soon);
  }

  @Test
  void theAtomFeedOfNewActivitiesParses() throws Exception {
    HttpResponse<String> r = portal.get("/activities.atom");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/atom+xml");
    // the JDK's XML parser, namespace-aware: an Atom feed with its required elements
    var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    org.w3c.dom.Document doc =
        factory
            .newDocumentBuilder()
            .parse(new org.xml.sax.InputSource(new java.io.StringReader(r.body())));
    String atom = "http://www.w3.org/2005/Atom";
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(atom);
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("feed");
    org.w3c.dom.NodeList entries = doc.getElementsByTagNameNS(atom, "entry");
    assertThat(entries.getLength()).isEqualTo(50);
    java.time.OffsetDateTime previous = java.time.OffsetDateTime.MAX;
    for (int i = 0; i < entries.getLength(); i++) {
      org.w3c.dom.Element e = (org.w3c.dom.Element) entries.item(i);
      String id = text(e, "id");
      assertThat(id).matches("http://[^/]+/activities/ac-[\\w-]+");
      assertThat(text(e, "title")).isNotBlank();
      java.time.OffsetDateTime updated = java.time.OffsetDateTime.parse(text(e, "updated"));
      assertThat(updated).as("newest first").isBeforeOrEqualTo(previous);
      previous = updated;
      org.w3c.dom.Element author =
          (org.w3c.dom.Element) e.getElementsByTagNameNS(atom, "author").item(0);
      assertThat(text(author, "name")).as("the organising team").isNotBlank();
      assertThat(text(e, "summary")).contains("时间：").contains("合成数据");
      org.w3c.dom.Element link =
          (org.w3c.dom.Element) e.getElementsByTagNameNS(atom, "link").item(0);
      assertThat(link.getAttribute("href")).isEqualTo(id);
      if (i < 3) {
        assertThat(portal.get(id.replaceFirst("^http://[^/]+", "")).statusCode()).isEqualTo(200);
      }
    }
    // and Rome's own parser reads the same entries
    var feed = new com.rometools.rome.io.SyndFeedInput().build(new java.io.StringReader(r.body()));
    assertThat(feed.getEntries()).hasSize(50);
    // a district and a theme
    String dongsheng = portal.get("/activities.atom?region=150602&theme=public_health").body();
    var filtered =
        new com.rometools.rome.io.SyndFeedInput().build(new java.io.StringReader(dongsheng));
    assertThat(filtered.getEntries())
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.getDescription().getValue()).contains("地点：东胜区").contains("主题：服务百姓健康");
              assertThat(e.getCategories().get(0).getName()).isEqualTo("public_health");
            });
    assertThat(portal.get("/activities.atom?region=15x").statusCode()).isEqualTo(400);
    assertThat(portal.get("/activities.atom?region=159999").statusCode()).isEqualTo(404);
    assertThat(portal.get("/activities.atom?theme=karaoke").statusCode()).isEqualTo(400);
    assertThat(portal.get("/activities.atom?q=x").statusCode()).isEqualTo(400);
  }

  private static String text(org.w3c.dom.Element parent, String name) {
    org.w3c.dom.NodeList l = parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
    assertThat(l.getLength()).as("atom:%s", name).isPositive();
    return l.item(0).getTextContent();
  }

  @Test
  void theCalendarInABrowserWithoutConsoleErrors() throws Exception {
    org.openqa.selenium.chrome.ChromeDriver browser = Browser.open(1280, 900);
    try {
      browser.get(portal.url("/activities"));
      String heading = browser.findElement(org.openqa.selenium.By.id("period")).getText();
      assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("table.calendar td.day")))
          .hasSizeGreaterThanOrEqualTo(28);
      assertThat(
              browser.findElements(org.openqa.selenium.By.cssSelector("table.calendar td.today")))
          .hasSize(1);
      assertThat(Browser.axeViolations(browser))
          .as("axe-core serious/critical violations on the calendar")
          .isEmpty();
      Browser.assertNoConsoleErrors(browser);
      browser.findElement(org.openqa.selenium.By.cssSelector("a[rel=next]")).click();
      new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
          .until(
              d -> !d.findElement(org.openqa.selenium.By.id("period")).getText().equals(heading));
      browser.findElement(org.openqa.selenium.By.linkText("列表")).click();
      new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
          .until(
              d -> !d.findElements(org.openqa.selenium.By.cssSelector(".calendar-list")).isEmpty());
      assertThat(browser.getCurrentUrl()).contains("view=list");
      assertThat(Browser.axeViolations(browser)).as("axe-core on the list view").isEmpty();
      Browser.assertNoConsoleErrors(browser);
    } finally {
      browser.quit();
    }
    // a phone: the month is a list of the days that have something
    org.openqa.selenium.chrome.ChromeDriver phone = Browser.open(390, 800);
    try {
      phone.get(portal.url("/activities"));
      assertThat(
              phone
                  .findElement(org.openqa.selenium.By.cssSelector("table.calendar thead"))
                  .isDisplayed())
          .isFalse();
      for (var empty :
          phone.findElements(
              org.openqa.selenium.By.cssSelector("table.calendar td.empty:not(.keyday)"))) {
        assertThat(empty.isDisplayed()).isFalse();
      }
      var firstEvent =
          phone.findElement(org.openqa.selenium.By.cssSelector("table.calendar .event a"));
      assertThat(firstEvent.isDisplayed()).isTrue();
      assertThat(firstEvent.getRect().getWidth()).isLessThanOrEqualTo(390);
      Browser.assertNoConsoleErrors(phone);
    } finally {
      phone.quit();
    }
  }

  private static Set<String> ids(List<VEvent> events) {
    Set<String> out = new TreeSet<>();
    for (VEvent e : events) {
      out.add(e.getUid().getValue().replace("@vsmap", ""));
    }
    return out;
  }
}
