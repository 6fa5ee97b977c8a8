package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.fake.InMemoryOffices;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.port.Offices;

/**
 * Signing in to /admin and the region scope, in process over the offices' fake (the admin concern).
 */
class AdminAccessTest {
  private InProcessPortal portal;
  private InMemoryOffices offices;

  @BeforeEach
  void start() {
    portal = new InProcessPortal();
    GeoPoint p = new GeoPoint(109.98, 39.82);
    for (String[] s : new String[][] {{"st-ds", "150602001002"}, {"st-kbs", "150603001001"}}) {
      portal.stores.stations.add(
          new Station(
              s[0],
              "站点" + s[0],
              StationType.COMMUNITY,
              s[1],
              "地址",
              p,
              "9:00-17:00",
              List.of("助老"),
              null,
              FiveHas.parse("11111"),
              true));
    }
    offices =
        new InMemoryOffices(portal.stores)
            .account(
                new Offices.Account("dongsheng", Offices.Role.OFFICE, "150602"),
                "correct horse battery");
    portal.ready(offices);
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  /** Signs in through the form as a browser does; returns the session cookie. */
  private String signIn(String password, int expectedStatus) throws Exception {
    HttpResponse<byte[]> form = portal.get("/admin/login");
    assertThat(form.statusCode()).isEqualTo(200);
    String loginCookie = cookie(form, "vsmap_login");
    Matcher csrf =
        Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
            .matcher(new String(form.body(), StandardCharsets.UTF_8));
    assertThat(csrf.find()).as("the sign-in form carries its token").isTrue();
    assertThat(csrf.group(1)).isEqualTo(loginCookie);
    HttpResponse<String> r =
        portal.post(
            "/admin/login",
            Map.of("csrf", csrf.group(1), "username", "dongsheng", "password", password),
            "Cookie",
            "vsmap_login=" + loginCookie);
    assertThat(r.statusCode()).isEqualTo(expectedStatus);
    return r.statusCode() == 302 ? cookie(r, "vsmap_session") : r.body();
  }

  private static String cookie(HttpResponse<?> r, String name) {
    for (String c : r.headers().allValues("Set-Cookie")) {
      if (c.startsWith(name + "=")) {
        assertThat(c).contains("HttpOnly").contains("Secure").contains("SameSite=Strict");
        return c.substring(name.length() + 1, c.indexOf(';'));
      }
    }
    throw new AssertionError("no " + name + " cookie in " + r.headers().allValues("Set-Cookie"));
  }

  @Test
  void withoutASessionTheAdminSendsYouToSignInAndAWrongPasswordIs401() throws Exception {
    HttpResponse<byte[]> home = portal.get("/admin");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location")).hasValue("/admin/login");
    assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(signIn("wrong password", 401)).contains("Wrong user name or password");
    HttpResponse<String> forged =
        portal.post(
            "/admin/login",
            Map.of("csrf", "made-up", "username", "dongsheng", "password", "correct horse battery"),
            "Cookie",
            "vsmap_login=another");
    assertThat(forged.statusCode()).as("a sign-in without the form's token").isEqualTo(403);
  }

  @Test
  void anOfficeSeesItsOwnRegionsRecordsAndNotAnothers() throws Exception {
    String session = signIn("correct horse battery", 302);
    HttpResponse<byte[]> home = portal.get("/admin", "Cookie", "vsmap_session=" + session);
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(
            portal.get("/admin/stations/st-ds", "Cookie", "vsmap_session=" + session).statusCode())
        .isEqualTo(200);
    assertThat(
            portal.get("/admin/stations/st-kbs", "Cookie", "vsmap_session=" + session).statusCode())
        .as("a station of 康巴什区")
        .isEqualTo(403);
    HttpResponse<String> noToken =
        portal.post(
            "/admin/stations/st-ds", Map.of("name", "改名"), "Cookie", "vsmap_session=" + session);
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(portal.stores.stationById("st-ds").orElseThrow().name()).isEqualTo("站点st-ds");
    assertThat(offices.audit).as("nothing was changed").isEmpty();
  }
}
