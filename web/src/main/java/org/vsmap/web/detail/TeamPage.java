package org.vsmap.web.detail;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebPorts;
import org.vsmap.web.WebSettings;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Details;
import org.vsmap.web.view.HonourBadges;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.OpenGraph;
import org.vsmap.web.view.PhotoItems;
import org.vsmap.web.view.Views;

/**
 * GET /teams/{id}: a team's page: where it is based, its place in the tree, what it is doing next.
 */
public final class TeamPage {
  private final Views views;
  private final WebSettings settings;
  private final Readiness readiness;

  public TeamPage(Views views, WebSettings settings, Readiness readiness) {
    this.views = views;
    this.settings = settings;
    this.readiness = readiness;
  }

  public void show(Context ctx) {
    Lang lang = Lang.of(ctx);
    WebPorts ports = readiness.ports();
    String id = ctx.pathParam("id");
    Team t =
        ports.teams().teamById(id).orElseThrow(() -> WebError.notFound("no team with id " + id));
    Map<String, Object> model = new HashMap<>();
    model.put("team", t);
    model.put("levelLabel", lang == Lang.ZH ? t.level().zh() : t.level().en());
    model.put("regions", readiness.regionNames().chain(t.regionCode()));
    model.put(
        "parent",
        t.parentId() == null
            ? null
            : ports
                .teams()
                .teamById(t.parentId())
                .map(p -> StationPage.teamItem(p, lang))
                .orElse(null));
    model.put(
        "children",
        ports.teams().teamsUnder(t.id()).stream().map(c -> StationPage.teamItem(c, lang)).toList());
    Station home =
        t.homeStationId() == null
            ? null
            : ports.stations().stationById(t.homeStationId()).orElse(null);
    model.put("home", home);
    LocalDateTime now = LocalDateTime.now(settings.clock());
    model.put(
        "activities",
        ports.activities().activitiesBy(t.id(), now, 20).stream()
            .map(a -> StationPage.activityItem(a, lang, now))
            .toList());
    model.put(
        "photos",
        PhotoItems.of(readiness, org.vsmap.geo.model.Kind.TEAM, t.id(), PhotoPages.ON_DETAIL_PAGE));
    model.put("galleryUrl", "/teams/" + t.id() + "/photos");
    model.put(
        "noindex", t.synthetic()); // a made-up record is no search result (and not in the sitemaps)
    model.put(
        "og",
        OpenGraph.of(
            ctx,
            t.name(),
            String.join(" ", readiness.regionNames().chain(t.regionCode()))
                + " · "
                + (lang == Lang.ZH ? t.level().zh() : t.level().en())
                + (t.speciality() == null ? "" : " · " + t.speciality())
                + (t.synthetic() ? " · 合成演示数据" : ""),
            "/teams/" + t.id(),
            "/share/teams/" + t.id() + ".png" + lang.query()));
    model.put(
        "honours", HonourBadges.of(ports, lang).forPage(org.vsmap.geo.model.Kind.TEAM, t.id()));
    model.put("registrationUrl", Details.REGISTRATION_URL);
    model.put("largeText", "large".equals(ctx.queryParam("text")));
    if (home != null) {
      model.put("distance", Details.distance(ctx, home.location()));
      model.put("mapApps", Details.mapApps(home.name(), home.location(), lang));
      model.put(
          "mapLink",
          "/?lat="
              + home.location().lat()
              + "&lon="
              + home.location().lon()
              + "&z=15"
              + (lang == Lang.EN ? "&lang=en" : ""));
    }
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@type", "Organization");
    ld.put("name", t.name());
    if (t.founded() != null) {
      ld.put("foundingDate", t.founded().toString());
    }
    ld.put("numberOfEmployees", Map.of("@type", "QuantitativeValue", "value", t.memberCount()));
    if (t.supervisingUnit() != null) {
      ld.put("parentOrganization", Map.of("@type", "Organization", "name", t.supervisingUnit()));
    }
    if (home != null) {
      ld.put(
          "location",
          Map.of("@type", "Place", "name", home.name(), "geo", Details.geo(home.location())));
    }
    if (t.synthetic()) {
      ld.put("description", "synthetic demo data");
    }
    model.put("jsonLd", Details.jsonLd(ld));
    ctx.html(views.render("detail/team", lang, model));
  }
}
