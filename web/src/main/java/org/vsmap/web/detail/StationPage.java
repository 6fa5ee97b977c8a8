package org.vsmap.web.detail;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

/** GET /stations/{id}: a station's page, complete without JavaScript. */
public final class StationPage {
  private static final String[] FIVE_HAS_KEYS = {
    "fivehas.venue", "fivehas.manager", "fivehas.rules", "fivehas.projects", "fivehas.funds"
  };

  private final Views views;
  private final WebSettings settings;
  private final Readiness readiness;

  public StationPage(Views views, WebSettings settings, Readiness readiness) {
    this.views = views;
    this.settings = settings;
    this.readiness = readiness;
  }

  public void show(Context ctx) {
    Lang lang = Lang.of(ctx);
    WebPorts ports = readiness.ports();
    String id = ctx.pathParam("id");
    Station s =
        ports
            .stations()
            .stationById(id)
            .orElseThrow(() -> WebError.notFound("no station with id " + id));
    Map<String, Object> model = new HashMap<>();
    model.put("station", s);
    model.put("typeLabel", lang == Lang.ZH ? s.type().zh() : s.type().en());
    model.put("regions", readiness.regionNames().chain(s.regionCode()));
    List<Map<String, Object>> fiveHas = new ArrayList<>();
    boolean[] met = s.fiveHas().asArray();
    for (int i = 0; i < met.length; i++) {
      fiveHas.add(Map.of("label", lang.messages().get(FIVE_HAS_KEYS[i]), "met", met[i]));
    }
    model.put("fiveHas", fiveHas);
    model.put("fiveHasMet", s.fiveHas().met());
    model.put(
        "photos",
        PhotoItems.of(
            readiness, org.vsmap.geo.model.Kind.STATION, s.id(), PhotoPages.ON_DETAIL_PAGE));
    model.put("galleryUrl", "/stations/" + s.id() + "/photos");
    model.put(
        "noindex", s.synthetic()); // a made-up record is no search result (and not in the sitemaps)
    model.put(
        "og",
        OpenGraph.of(
            ctx,
            s.name(),
            String.join(" ", readiness.regionNames().chain(s.regionCode()))
                + " · "
                + (lang == Lang.ZH ? s.type().zh() : s.type().en())
                + (s.services().isEmpty() ? "" : " · " + String.join("、", s.services()))
                + (s.synthetic() ? " · 合成演示数据" : ""),
            "/stations/" + s.id(),
            "/share/stations/" + s.id() + ".png" + lang.query()));
    model.put(
        "honours", HonourBadges.of(ports, lang).forPage(org.vsmap.geo.model.Kind.STATION, s.id()));
    List<Team> teams = ports.teams().teamsBasedAt(s.id());
    model.put("teams", teams.stream().map(t -> teamItem(t, lang)).toList());
    LocalDateTime now = LocalDateTime.now(settings.clock());
    model.put(
        "activities",
        ports.activities().activitiesAt(s.id(), now, 20).stream()
            .map(a -> activityItem(a, lang, now))
            .toList());
    model.put(
        "mapLink",
        "/?lat="
            + s.location().lat()
            + "&lon="
            + s.location().lon()
            + "&z=15"
            + (lang == Lang.EN ? "&lang=en" : ""));
    model.put("distance", Details.distance(ctx, s.location()));
    model.put("mapApps", Details.mapApps(s.name(), s.location(), lang));
    model.put("registrationUrl", Details.REGISTRATION_URL);
    model.put("largeText", "large".equals(ctx.queryParam("text")));
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@type", "Place");
    ld.put("name", s.name());
    ld.put(
        "description",
        (lang == Lang.ZH ? s.type().zh() : s.type().en())
            + (s.synthetic() ? " (synthetic demo data)" : ""));
    if (s.address() != null) {
      ld.put(
          "address",
          Map.of("@type", "PostalAddress", "streetAddress", s.address(), "addressCountry", "CN"));
    }
    ld.put("geo", Details.geo(s.location()));
    if (s.publicContact() != null) {
      ld.put("telephone", s.publicContact());
    }
    if (s.openingHours() != null) {
      ld.put("openingHours", s.openingHours());
    }
    model.put("jsonLd", Details.jsonLd(ld));
    ctx.html(views.render("detail/station", lang, model));
  }

  public static Map<String, Object> teamItem(Team t, Lang lang) {
    return Map.of(
        "id",
        t.id(),
        "name",
        t.name(),
        "level",
        lang == Lang.ZH ? t.level().zh() : t.level().en(),
        "members",
        t.memberCount());
  }

  /**
   * An activity in a list of upcoming ones: its date is that of its next occurrence after {@code
   * now} (a weekly one's next week).
   */
  public static Map<String, Object> activityItem(Activity a, Lang lang, LocalDateTime now) {
    LocalDateTime next = a.nextStart(now);
    return item(a, lang, next == null ? a.start() : next);
  }

  /** An activity with its first date. */
  public static Map<String, Object> activityItem(Activity a, Lang lang) {
    return item(a, lang, a.start());
  }

  private static Map<String, Object> item(Activity a, Lang lang, LocalDateTime start) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", a.id());
    m.put("title", a.title());
    m.put("start", Formats.WHEN.format(start));
    m.put(
        "end",
        Formats.WHEN
            .format(start.plus(java.time.Duration.between(a.start(), a.end())))
            .substring(11));
    m.put("theme", lang == Lang.ZH ? a.theme().zh() : a.theme().en());
    m.put("weekly", a.recurrence() == Recurrence.WEEKLY);
    m.put("recruiting", a.recruiting());
    m.put("wanted", a.volunteersWanted());
    m.put("signed", a.volunteersSignedUp());
    return m;
  }
}
