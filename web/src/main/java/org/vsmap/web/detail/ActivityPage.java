package org.vsmap.web.detail;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebPorts;
import org.vsmap.web.WebSettings;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Details;
import org.vsmap.web.view.Formats;
import org.vsmap.web.view.HonourBadges;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.OpenGraph;
import org.vsmap.web.view.PhotoItems;
import org.vsmap.web.view.Views;

/**
 * GET /activities/{id}: an activity's page: when, where, who organises it, whether volunteers are
 * wanted.
 */
public final class ActivityPage {
  private final Views views;
  private final WebSettings settings;
  private final Readiness readiness;

  public ActivityPage(Views views, WebSettings settings, Readiness readiness) {
    this.views = views;
    this.settings = settings;
    this.readiness = readiness;
  }

  public void show(Context ctx) {
    Lang lang = Lang.of(ctx);
    WebPorts ports = readiness.ports();
    String id = ctx.pathParam("id");
    Activity a =
        ports
            .activities()
            .activityById(id)
            .orElseThrow(() -> WebError.notFound("no activity with id " + id));
    Map<String, Object> model = new HashMap<>(StationPage.activityItem(a, lang));
    model.put("activity", a);
    model.put(
        "noindex", a.synthetic()); // a made-up record is no search result (and not in the sitemaps)
    model.put(
        "og",
        OpenGraph.of(
            ctx,
            a.title(),
            Formats.WHEN.format(a.start())
                + " · "
                + String.join(" ", readiness.regionNames().chain(a.regionCode()))
                + " · "
                + (lang == Lang.ZH ? a.theme().zh() : a.theme().en())
                + (a.synthetic() ? " · 合成演示数据" : ""),
            "/activities/" + a.id(),
            "/share/activities/" + a.id() + ".png" + lang.query()));
    model.put(
        "honours", HonourBadges.of(ports, lang).forPage(org.vsmap.geo.model.Kind.ACTIVITY, a.id()));
    model.put(
        "photos",
        PhotoItems.of(
            readiness, org.vsmap.geo.model.Kind.ACTIVITY, a.id(), PhotoPages.ON_DETAIL_PAGE));
    model.put("careLabel", lang == Lang.ZH ? a.theme().group().zh() : a.theme().group().en());
    model.put("recurrenceLabel", lang == Lang.ZH ? a.recurrence().zh() : a.recurrence().en());
    // a weekly activity is over after its last week (as the index and the calendar count them)
    LocalDateTime now = LocalDateTime.now(settings.clock());
    model.put("past", !a.lastEnd().isAfter(now));
    // a weekly series whose first week has passed: when it meets next
    LocalDateTime next = a.nextStart(now);
    model.put("next", next != null && next.isAfter(a.start()) ? Formats.WHEN.format(next) : null);
    model.put("regions", readiness.regionNames().chain(a.regionCode()));
    Team team = ports.teams().teamById(a.organiserTeamId()).orElse(null);
    model.put("team", team);
    Station station =
        a.stationId() == null ? null : ports.stations().stationById(a.stationId()).orElse(null);
    model.put("station", station);
    model.put("distance", Details.distance(ctx, a.location()));
    model.put(
        "mapApps",
        Details.mapApps(station != null ? station.name() : a.title(), a.location(), lang));
    model.put(
        "mapLink",
        "/?lat="
            + a.location().lat()
            + "&lon="
            + a.location().lon()
            + "&z=15"
            + (lang == Lang.EN ? "&lang=en" : ""));
    model.put("registrationUrl", Details.REGISTRATION_URL);
    model.put("largeText", "large".equals(ctx.queryParam("text")));
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@type", "Event");
    ld.put("name", a.title());
    if (a.description() != null) {
      ld.put("description", a.description());
    }
    ld.put("startDate", a.start().atOffset(ZoneOffset.ofHours(8)).toString());
    ld.put("endDate", a.end().atOffset(ZoneOffset.ofHours(8)).toString());
    ld.put("eventStatus", "https://schema.org/EventScheduled");
    ld.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
    Map<String, Object> place = new LinkedHashMap<>();
    place.put("@type", "Place");
    place.put("name", station != null ? station.name() : a.title());
    if (station != null && station.address() != null) {
      place.put("address", station.address());
    }
    place.put("geo", Details.geo(a.location()));
    ld.put("location", place);
    if (team != null) {
      ld.put("organizer", Map.of("@type", "Organization", "name", team.name()));
    }
    if (a.recurrence() == Recurrence.WEEKLY) {
      ld.put("eventSchedule", Map.of("@type", "Schedule", "repeatFrequency", "P1W"));
    }
    model.put("jsonLd", Details.jsonLd(ld));
    ctx.html(views.render("detail/activity", lang, model));
  }
}
