package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.vsmap.geo.fake.InMemoryOffices;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Offices;

/**
 * The edit forms refuse what the importer refuses (issue 20, finding 3 and 6): each bad value is a
 * 400 naming the field, and nothing is stored — a start year of +999999999, participants for an
 * activity still to come, a team of 10¹² members or founded in 2999 or next year, a text longer
 * than its column, an unknown region code, a station moved into another county with its region left
 * behind.
 */
class AdminFormChecksTest {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();
  private InProcessPortal portal;
  private InMemoryOffices offices;
  private String session;

  @BeforeEach
  void start() throws Exception {
    portal = new InProcessPortal();
    portal.stores.regions.add(county("150602", "东胜区", new Envelope(109.9, 110.1, 39.7, 39.9)));
    portal.stores.regions.add(county("150603", "康巴什区", new Envelope(109.7, 109.9, 39.5, 39.7)));
    portal.stores.regions.add(
        new Region("150602001", "交通街道", RegionLevel.STREET, "150602", null, null, null));
    portal.stores.regions.add(
        new Region("150602001002", "锦秀社区", RegionLevel.COMMUNITY, "150602001", null, null, null));
    GeoPoint p = new GeoPoint(109.98, 39.82);
    portal.stores.stations.add(
        new Station(
            "st-ds",
            "锦秀社区志愿服务站",
            StationType.COMMUNITY,
            "150602001002",
            "地址",
            p,
            "9:00-17:00",
            List.of("助老"),
            null,
            FiveHas.parse("11111"),
            true));
    portal.stores.teams.add(
        new Team(
            "tm-ds",
            "锦秀社区志愿服务队",
            TeamLevel.SQUAD,
            "tm-0",
            "150602001002",
            "锦秀社区居委会",
            LocalDate.of(2020, 1, 1),
            null,
            "st-ds",
            12,
            true));
    LocalDateTime start = LocalDateTime.now(InProcessPortal.CLOCK).plusDays(3);
    portal.stores.activities.add(
        new Activity(
            "ac-ds",
            "周末义诊",
            null,
            Theme.PUBLIC_HEALTH,
            "tm-ds",
            "st-ds",
            "150602001002",
            p,
            start,
            start.plusHours(2),
            Recurrence.ONCE,
            10,
            2,
            true,
            false,
            true));
    offices =
        new InMemoryOffices(portal.stores)
            .account(
                new Offices.Account("dongsheng", Offices.Role.OFFICE, "150602"),
                "correct horse battery");
    portal.ready(offices);
    session = signIn();
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  private static Region county(String code, String name, Envelope box) {
    return new Region(code, name, RegionLevel.COUNTY, "1506", null, GEOMETRY.toGeometry(box), null);
  }

  private String signIn() throws Exception {
    HttpResponse<byte[]> form = portal.get("/admin/login");
    String token = cookie(form, "vsmap_login");
    HttpResponse<String> r =
        portal.post(
            "/admin/login",
            Map.of("csrf", token, "username", "dongsheng", "password", "correct horse battery"),
            "Cookie",
            "vsmap_login=" + token);
    assertThat(r.statusCode()).isEqualTo(302);
    return cookie(r, "vsmap_session");
  }

  private static String cookie(HttpResponse<?> r, String name) {
    for (String c : r.headers().allValues("Set-Cookie")) {
      if (c.startsWith(name + "=")) {
        return c.substring(name.length() + 1, c.indexOf(';'));
      }
    }
    throw new AssertionError("no " + name + " cookie");
  }

  /** The edit form's fields as they are filled in, with some changed. */
  private Map<String, String> form(String path, Map<String, String> changes) throws Exception {
    String page =
        new String(
            portal.get(path, "Cookie", "vsmap_session=" + session).body(), StandardCharsets.UTF_8);
    Map<String, String> fields = new HashMap<>();
    Matcher input =
        Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(page);
    while (input.find()) {
      fields.put(input.group(1), input.group(2).replace("&amp;", "&"));
    }
    Matcher select =
        Pattern.compile("<select[^>]*name=\"([^\"]+)\".*?<option value=\"([^\"]*)\" selected", 32)
            .matcher(page);
    while (select.find()) {
      fields.put(select.group(1), select.group(2));
    }
    fields.values().removeIf(v -> v.isEmpty());
    fields.putAll(changes);
    return fields;
  }

  private String refused(String path, Map<String, String> changes) throws Exception {
    HttpResponse<String> r =
        portal.post(path, form(path, changes), "Cookie", "vsmap_session=" + session);
    assertThat(r.statusCode()).as("%s %s: %s", path, changes.keySet(), r.body()).isEqualTo(400);
    return r.body();
  }

  @Test
  void theFormsAsTheyAreSaveAndEveryBadValueIsA400NamingItWithNothingStored() throws Exception {
    HttpResponse<String> same =
        portal.post(
            "/admin/activities/ac-ds",
            form("/admin/activities/ac-ds", Map.of()),
            "Cookie",
            "vsmap_session=" + session);
    assertThat(same.statusCode()).as("the form unchanged saves: %s", same.body()).isEqualTo(302);
    Activity activity = portal.stores.activityById("ac-ds").orElseThrow();
    Team team = portal.stores.teamById("tm-ds").orElseThrow();
    Station station = portal.stores.stationById("st-ds").orElseThrow();
    int audited = offices.audit.size();

    assertThat(
            refused(
                "/admin/activities/ac-ds",
                Map.of("start", "+999999999-12-10T20:08", "end", "+999999999-12-10T22:08")))
        .contains("start year of activity ac-ds must lie between 2000 and 2100");
    assertThat(refused("/admin/activities/ac-ds", Map.of("participants", "8")))
        .contains("participants can only be given for an activity that has ended");
    assertThat(refused("/admin/activities/ac-ds", Map.of("volunteers_wanted", "1e12")))
        .contains("volunteers wanted of activity ac-ds is more than 100000");
    assertThat(refused("/admin/activities/ac-ds", Map.of("title", "长".repeat(5000))))
        .contains("title of activity ac-ds is longer than 300 characters");
    assertThat(refused("/admin/teams/tm-ds", Map.of("member_count", "1e12")))
        .contains("member count of team tm-ds is more than 1000000");
    assertThat(refused("/admin/teams/tm-ds", Map.of("founded", "2999-01-01")))
        .contains("founding year of team tm-ds must lie between 1900 and 2100");
    assertThat(
            refused(
                "/admin/teams/tm-ds",
                Map.of("founded", LocalDate.now(InProcessPortal.CLOCK).plusYears(1).toString())))
        .contains("the founding date cannot be after today");
    assertThat(refused("/admin/stations/st-ds", Map.of("region_code", "150602999999")))
        .contains("unknown region code: 150602999999");
    assertThat(refused("/admin/stations/st-ds", Map.of("lon", "109.8", "lat", "39.6")))
        .contains("the point lies outside 东胜区 (150602): change the region code too");
    assertThat(refused("/admin/stations/st-ds", Map.of("address", "路".repeat(5000))))
        .contains("address of station st-ds is longer than 300 characters");

    assertThat(portal.stores.activityById("ac-ds")).contains(activity);
    assertThat(portal.stores.teamById("tm-ds")).contains(team);
    assertThat(portal.stores.stationById("st-ds")).contains(station);
    assertThat(offices.audit).as("nothing more was changed").hasSize(audited);
  }
}
