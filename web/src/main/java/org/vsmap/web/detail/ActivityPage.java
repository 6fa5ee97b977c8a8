package org.vsmap.web.detail;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Kind;
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
    StationPage.ActivityItem item = StationPage.activityItem(a, lang);
    // a weekly activity is over after its last week (as the index and the calendar count them)
    LocalDateTime now = LocalDateTime.now(settings.clock());
    // a weekly series whose first week has passed: when it meets next
    LocalDateTime next = a.nextStart(now);
    Team team = ports.teams().teamById(a.organiserTeamId()).orElse(null);
    Station station =
        a.stationId() == null ? null : ports.stations().stationById(a.stationId()).orElse(null);
    ActivityView view =
        new ActivityView(
            a,
            item.title(),
            item.start(),
            item.end(),
            item.theme(),
            item.recruiting(),
            item.wanted(),
            item.signed(),
            a.synthetic(), // a made-up record is no search result (and not in the sitemaps)
            openGraph(ctx, a, lang),
            HonourBadges.of(ports, lang).forPage(Kind.ACTIVITY, a.id()),
            PhotoItems.of(readiness, Kind.ACTIVITY, a.id(), PhotoPages.ON_DETAIL_PAGE),
            null, // an activity's photos are all on its page: no gallery of its own
            lang == Lang.ZH ? a.theme().group().zh() : a.theme().group().en(),
            lang == Lang.ZH ? a.recurrence().zh() : a.recurrence().en(),
            !a.lastEnd().isAfter(now),
            next != null && next.isAfter(a.start()) ? Formats.WHEN.format(next) : null,
            readiness.regionNames().chain(a.regionCode(), lang),
            team,
            station,
            Details.place(
                ctx,
                Kind.ACTIVITY,
                a.id(),
                station != null ? station.name() : a.title(),
                a.location(),
                lang,
                settings.basemapJson()),
            JoinPanel.of(a, team, ContactLine.forActivity(a, team, station, ports.stations()), now),
            jsonLd(a, team, station));
    ctx.html(views.render(ctx, "detail/activity", lang, view));
  }

  /** The activity page's model (detail/activity.peb): the activity as listed, and its page. */
  public record ActivityView(
      Activity activity,
      String title,
      String start,
      String end,
      String theme,
      boolean recruiting,
      int wanted,
      int signed,
      boolean noindex,
      OpenGraph.Card og,
      List<HonourBadges.PageHonour> honours,
      List<PhotoItems.PhotoItem> photos,
      String galleryUrl,
      String careLabel,
      String recurrenceLabel,
      boolean past,
      String next,
      List<String> regions,
      Team team,
      Station station,
      Details.Place place,
      JoinPanel join,
      String jsonLd) {}

  private OpenGraph.Card openGraph(Context ctx, Activity a, Lang lang) {
    return OpenGraph.of(
        ctx,
        a.title(),
        Formats.WHEN.format(a.start())
            + " · "
            + String.join(" ", readiness.regionNames().chain(a.regionCode()))
            + " · "
            + (lang == Lang.ZH ? a.theme().zh() : a.theme().en())
            + (a.synthetic() ? " · 合成演示数据" : ""),
        "/activities/" + a.id(),
        "/share/activities/" + a.id() + ".png" + lang.query());
  }

  /** schema.org Event (JSON-LD is open-ended by nature: maps). */
  private static String jsonLd(Activity a, Team team, Station station) {
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
    return Details.jsonLd(ld);
  }
}
