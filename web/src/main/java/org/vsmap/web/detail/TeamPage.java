package org.vsmap.web.detail;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.Kind;
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
    Station home =
        t.homeStationId() == null
            ? null
            : ports.stations().stationById(t.homeStationId()).orElse(null);
    LocalDateTime now = LocalDateTime.now(settings.clock());
    String levelLabel = lang == Lang.ZH ? t.level().zh() : t.level().en();
    TeamView view =
        new TeamView(
            t,
            levelLabel,
            readiness.regionNames().chain(t.regionCode(), lang),
            t.parentId() == null
                ? null
                : ports
                    .teams()
                    .teamById(t.parentId())
                    .map(p -> StationPage.teamItem(p, lang))
                    .orElse(null),
            ports.teams().teamsUnder(t.id()).stream()
                .map(c -> StationPage.teamItem(c, lang))
                .toList(),
            home,
            ports.activities().activitiesBy(t.id(), now, 20).stream()
                .map(a -> StationPage.activityItem(a, lang, now))
                .toList(),
            PhotoItems.of(readiness, Kind.TEAM, t.id(), PhotoPages.ON_DETAIL_PAGE),
            "/teams/" + t.id() + "/photos",
            t.synthetic(), // a made-up record is no search result (and not in the sitemaps)
            OpenGraph.of(
                ctx,
                t.name(),
                String.join(" ", readiness.regionNames().chain(t.regionCode()))
                    + " · "
                    + levelLabel
                    + (t.speciality() == null ? "" : " · " + t.speciality())
                    + (t.synthetic() ? " · 合成演示数据" : ""),
                "/teams/" + t.id(),
                "/share/teams/" + t.id() + ".png" + lang.query()),
            HonourBadges.of(ports, lang).forPage(Kind.TEAM, t.id()),
            Details.REGISTRATION_URL,
            home == null
                ? null
                : Details.place(
                    ctx,
                    Kind.STATION,
                    home.id(),
                    home.name(),
                    home.location(),
                    lang,
                    settings.basemapJson()),
            jsonLd(t, home));
    ctx.html(views.render(ctx, "detail/team", lang, view));
  }

  /**
   * The team page's model (detail/team.peb); where it meets (distance, map apps, map link) only
   * when it has a home station.
   */
  public record TeamView(
      Team team,
      String levelLabel,
      List<String> regions,
      StationPage.TeamItem parent,
      List<StationPage.TeamItem> children,
      Station home,
      List<StationPage.ActivityItem> activities,
      List<PhotoItems.PhotoItem> photos,
      String galleryUrl,
      boolean noindex,
      OpenGraph.Card og,
      List<HonourBadges.PageHonour> honours,
      String registrationUrl,
      Details.Place place,
      String jsonLd) {}

  /** schema.org Organization (JSON-LD is open-ended by nature: maps). */
  private static String jsonLd(Team t, Station home) {
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
    return Details.jsonLd(ld);
  }
}
