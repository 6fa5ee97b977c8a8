package org.vsmap.web.detail;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.time.ChinaTime;
import org.vsmap.geo.time.OpeningHours;
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
import org.vsmap.web.view.Vocabulary;

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
    String typeLabel = lang == Lang.ZH ? s.type().zh() : s.type().en();
    LocalDateTime now = LocalDateTime.now(settings.clock());
    List<ActivityItem> activities =
        ports.activities().activitiesAt(s.id(), now, 20).stream()
            .map(a -> activityItem(a, lang, now))
            .toList();
    List<FiveHasItem> fiveHas = new ArrayList<>();
    boolean[] met = s.fiveHas().asArray();
    for (int i = 0; i < met.length; i++) {
      // a declared "no activities" beside the activities this page lists says so, not silently
      String note =
          !met[i] && FIVE_HAS_KEYS[i].equals("fivehas.projects") && !activities.isEmpty()
              ? lang.messages()
                  .get("fivehas.projectsListed")
                  .replace("{n}", Integer.toString(activities.size()))
              : null;
      fiveHas.add(new FiveHasItem(lang.messages().get(FIVE_HAS_KEYS[i]), met[i], note));
    }
    java.util.Optional<OpeningHours> hours = OpeningHours.parse(s.openingHours());
    List<Team> teamsHere = ports.teams().teamsBasedAt(s.id());
    StationView view =
        new StationView(
            s,
            typeLabel,
            // the district, street and community, unless the address already says them
            readiness.regionNames().chain(s.regionCode(), lang).stream()
                .filter(r -> s.address() == null || !s.address().contains(r))
                .toList(),
            fiveHas,
            s.fiveHas().met(),
            PhotoItems.of(readiness, Kind.STATION, s.id(), PhotoPages.ON_DETAIL_PAGE),
            "/stations/" + s.id() + "/photos",
            s.synthetic(), // a made-up record is no search result (and not in the sitemaps)
            openGraph(ctx, s, lang, typeLabel),
            HonourBadges.of(ports, lang).forPage(Kind.STATION, s.id()),
            teamsHere.stream().map(t -> teamItem(t, lang)).toList(),
            activities,
            Details.place(
                ctx, Kind.STATION, s.id(), s.name(), s.location(), lang, settings.basemapJson()),
            lang == Lang.EN
                ? hours.map(OpeningHours::english).orElse(s.openingHours())
                : s.openingHours(),
            hours
                .map(o -> o.openAt(LocalDateTime.now(settings.clock().withZone(ChinaTime.ZONE))))
                .orElse(null),
            ContactLine.forStation(s, teamsHere, ports.stations()),
            Vocabulary.of(s.services(), lang),
            Details.REGISTRATION_URL,
            jsonLd(s, typeLabel));
    ctx.html(views.render(ctx, "detail/station", lang, view));
  }

  /** The station page's model (detail/station.peb). */
  public record StationView(
      Station station,
      String typeLabel,
      List<String> regions,
      List<FiveHasItem> fiveHas,
      int fiveHasMet,
      List<PhotoItems.PhotoItem> photos,
      String galleryUrl,
      boolean noindex,
      OpenGraph.Card og,
      List<HonourBadges.PageHonour> honours,
      List<TeamItem> teams,
      List<ActivityItem> activities,
      Details.Place place,
      String hours,
      Boolean openNow,
      ContactLine contact,
      List<String> services,
      String registrationUrl,
      String jsonLd) {}

  /** One of the five things a station has (五有): its name and whether this station has it. */
  public record FiveHasItem(String label, boolean met, String note) {}

  private OpenGraph.Card openGraph(Context ctx, Station s, Lang lang, String typeLabel) {
    return OpenGraph.of(
        ctx,
        s.name(),
        String.join(" ", readiness.regionNames().chain(s.regionCode()))
            + " · "
            + typeLabel
            + (s.services().isEmpty() ? "" : " · " + String.join("、", s.services()))
            + (s.synthetic() ? " · 合成演示数据" : ""),
        "/stations/" + s.id(),
        "/share/stations/" + s.id() + ".png" + lang.query());
  }

  /** schema.org Place (JSON-LD is open-ended by nature: a map). */
  private static String jsonLd(Station s, String typeLabel) {
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@type", "Place");
    ld.put("name", s.name());
    ld.put("description", typeLabel + (s.synthetic() ? " (synthetic demo data)" : ""));
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
    return Details.jsonLd(ld);
  }

  /** A team in a list (a station's teams, a team's parent and squads). */
  public record TeamItem(String id, String name, String level, int members) {}

  public static TeamItem teamItem(Team t, Lang lang) {
    return new TeamItem(
        t.id(), t.name(), lang == Lang.ZH ? t.level().zh() : t.level().en(), t.memberCount());
  }

  /**
   * An activity in a list of upcoming ones: its date is that of its next occurrence after {@code
   * now} (a weekly one's next week).
   */
  public static ActivityItem activityItem(Activity a, Lang lang, LocalDateTime now) {
    LocalDateTime next = a.nextStart(now);
    return item(a, lang, next == null ? a.start() : next);
  }

  /** An activity with its first date. */
  public static ActivityItem activityItem(Activity a, Lang lang) {
    return item(a, lang, a.start());
  }

  /** An activity in a list, at one of its dates. */
  public record ActivityItem(
      String id,
      String title,
      String start,
      String end,
      String theme,
      boolean weekly,
      boolean recruiting,
      int wanted,
      int signed) {}

  private static ActivityItem item(Activity a, Lang lang, LocalDateTime start) {
    return new ActivityItem(
        a.id(),
        a.title(),
        Formats.WHEN.format(start),
        Formats.WHEN
            .format(start.plus(java.time.Duration.between(a.start(), a.end())))
            .substring(11),
        lang == Lang.ZH ? a.theme().zh() : a.theme().en(),
        a.recurrence() == Recurrence.WEEKLY,
        a.recruiting(),
        a.volunteersWanted(),
        a.volunteersSignedUp());
  }
}
