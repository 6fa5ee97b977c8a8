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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 10 (calendar subscriptions): /activities.ics for filters and /activities/{id}.ics, read
 * back with biweekly (an iCalendar parser independent of the ical4j that writes them) against the
 * packaged jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarIT {
  private RunningPortal portal;

  @BeforeAll
  void start() throws Exception {
    portal = RunningPortal.start(Files.createTempDirectory("vsmap-ics-").resolve("data"));
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
    List<ICalendar> cals = Biweekly.parse(r.body()).all();
    assertThat(cals).as("one calendar in %s", path).hasSize(1);
    return cals.get(0).getEvents();
  }

  @Test
  void theUpcomingActivitiesParseInOrderWithTheirPagesAndPlaces() throws Exception {
    List<VEvent> all = events("/activities.ics");
    assertThat(all).isNotEmpty().hasSizeLessThanOrEqualTo(100);
    Date now = new Date(System.currentTimeMillis() - 60_000);
    Date previous = new Date(0);
    int weekly = 0;
    for (VEvent e : all) {
      assertThat(e.getUid().getValue()).matches("ac-[\\w-]+@vsmap");
      assertThat(e.getSummary().getValue()).isNotBlank();
      assertThat(e.getDateEnd().getValue()).isAfter(e.getDateStart().getValue());
      if (e.getRecurrenceRule() != null) {
        // a weekly activity: its first date as stored, and its weeks; the last of them is still to come
        weekly++;
        assertThat(e.getRecurrenceRule().getValue().getFrequency()).isEqualTo(biweekly.util.Frequency.WEEKLY);
        assertThat(e.getRecurrenceRule().getValue().getCount()).isEqualTo(8);
        Date lastEnd = new Date(e.getDateEnd().getValue().getTime() + 7L * 7 * 24 * 3600 * 1000);
        assertThat(lastEnd).as("a week of %s still to come", e.getUid().getValue()).isAfter(now);
      } else {
        assertThat(e.getDateEnd().getValue()).as("upcoming or under way").isAfter(now);
        assertThat(e.getDateStart().getValue()).as("soonest first").isAfterOrEqualTo(previous);
        previous = e.getDateStart().getValue();
      }
      assertThat(e.getUrl().getValue()).endsWith("/activities/" + e.getUid().getValue().replace("@vsmap", ""));
      assertThat(e.getGeo().getLatitude()).isBetween(37.0, 41.0);
      assertThat(e.getDescription().getValue()).as("demo records say they are synthetic").contains("合成数据");
    }
    assertThat(weekly).as("weekly activities carry their weekly rule").isPositive();
    for (VEvent e : all.subList(0, 3)) {
      String page = e.getUrl().getValue().replaceFirst("^https?://[^/]+", "");
      HttpResponse<String> html = portal.get(page);
      assertThat(html.statusCode()).isEqualTo(200);
      assertThat(html.body()).contains(e.getSummary().getValue().replace("&", "&amp;"))
          .contains("href=\"" + page + ".ics\"").contains("加入日历");
    }
    Set<String> dongsheng = ids(events("/activities.ics?region=150602"));
    Set<String> inDongsheng = new TreeSet<>();
    for (int offset = 0;; offset += 100) {
      var page = new ObjectMapper().readTree(portal.get("/api/search?kind=activity&region=150602&limit=100&offset=" + offset).body());
      page.path("hits").findValuesAsText("id").forEach(inDongsheng::add);
      if (offset + 100 >= page.path("total").asLong()) {
        break;
      }
    }
    assertThat(dongsheng).as("the district's calendar holds only its activities").isNotEmpty().isSubsetOf(inDongsheng);
    assertThat(ids(all)).as("the filter takes the others out").isNotEqualTo(dongsheng);
  }

  @Test
  void aTeamsCalendarHoldsWhatItsPageLists() throws Exception {
    // the organiser of the soonest activity: a team with something coming up
    String soonest = events("/activities.ics").get(0).getUrl().getValue().replaceFirst("^https?://[^/]+", "");
    Matcher organiser = Pattern.compile("href=\"/teams/([\\w-]+)\"").matcher(portal.get(soonest).body());
    assertThat(organiser.find()).isTrue();
    String team = organiser.group(1);
    String page = portal.get("/teams/" + team).body();
    Set<String> listed = new TreeSet<>();
    Matcher m = Pattern.compile("href=\"/activities/(ac-[\\w-]+)\"").matcher(page);
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertThat(listed).as("team %s lists its upcoming activities (at most 20)", team).isNotEmpty().hasSizeLessThan(20);
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

  private static Set<String> ids(List<VEvent> events) {
    Set<String> out = new TreeSet<>();
    for (VEvent e : events) {
      out.add(e.getUid().getValue().replace("@vsmap", ""));
    }
    return out;
  }
}
