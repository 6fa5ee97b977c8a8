package org.vsmap.web.awareness;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebPorts;
import org.vsmap.web.WebSettings;
import org.vsmap.web.http.Origin;
import org.vsmap.web.http.SearchParams;
import org.vsmap.web.http.WebError;

/**
 * iCalendar (RFC 5545, written with ical4j) for phone and desktop calendars: {@code
 * /activities.ics} — upcoming activities for any filter (region, theme, care, q, recruiting, or one
 * team or station), to subscribe to; {@code /activities/{id}.ics} — one activity, the "add to
 * calendar" link of its page. Times are UTC; a weekly activity is one event with its weekly rule
 * (its first date, as stored, and eight weeks, as the index counts them); each event links to its
 * page; synthetic demo records say so in their description.
 */
public final class ActivityCalendar {
  /** Events in one subscription at most (the soonest). */
  public static final int MAX_EVENTS = 100;

  private static final Set<String> PARAMS =
      Set.of("q", "region", "theme", "care", "recruiting", "team", "station", "lang");

  private final Readiness readiness;
  private final WebSettings settings;

  public ActivityCalendar(Readiness readiness, WebSettings settings) {
    this.readiness = readiness;
    this.settings = settings;
  }

  /** GET /activities.ics?filters: the upcoming activities the filters select, soonest first. */
  public void feed(Context ctx) {
    for (String p : ctx.queryParamMap().keySet()) {
      if (!PARAMS.contains(p)) {
        throw WebError.badRequest(
            "unknown parameter '" + p + "': a calendar takes " + PARAMS.stream().sorted().toList());
      }
    }
    WebPorts ports = readiness.ports();
    // calendar apps poll the same subscription: an answer is kept for a minute per query and index
    // state
    String key = Origin.of(ctx) + "|" + ctx.queryString() + "|" + ports.search().storeSequence();
    Answer k = kept.getIfPresent(key);
    if (k != null && settings.clock().millis() - k.at() < KEEP_MILLIS) {
      send(ctx, k.body(), "upcoming");
      return;
    }
    LocalDateTime now = LocalDateTime.now(settings.clock());
    List<Activity> activities = new ArrayList<>();
    String team = ctx.queryParam("team");
    String station = ctx.queryParam("station");
    if (team != null && station != null) {
      throw WebError.badRequest("a calendar is for one team or one station, not both");
    }
    if (team != null) {
      ports.teams().teamById(team).orElseThrow(() -> WebError.notFound("no team with id " + team));
      activities.addAll(ports.activities().activitiesBy(team, now, MAX_EVENTS));
    } else if (station != null) {
      ports
          .stations()
          .stationById(station)
          .orElseThrow(() -> WebError.notFound("no station with id " + station));
      activities.addAll(ports.activities().activitiesAt(station, now, MAX_EVENTS));
    } else {
      SearchIndex.Request r = SearchParams.parse(ctx, settings.clock(), MAX_EVENTS);
      SearchIndex.Request upcoming =
          new SearchIndex.Request(
              r.text(),
              Set.of(Kind.ACTIVITY),
              r.themes(),
              r.careGroups(),
              r.regionCode(),
              Set.of(),
              r.recruitingOnly(),
              now,
              null,
              null,
              null,
              null,
              SearchIndex.Order.START,
              MAX_EVENTS,
              0);
      // one read of the store for all of them, in the index's order (soonest first)
      List<String> ids =
          ports.search().search(upcoming).hits().stream().map(SearchIndex.Hit::id).toList();
      java.util.Map<String, Activity> byId = new java.util.HashMap<>();
      ports.activities().activitiesByIds(ids).forEach(a -> byId.put(a.id(), a));
      ids.stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(activities::add);
    }
    String body = render(ctx, activities);
    kept.put(key, new Answer(settings.clock().millis(), body));
    send(ctx, body, "upcoming");
  }

  /** A rendered subscription and when it was made. */
  private record Answer(long at, String body) {}

  private static final long KEEP_MILLIS = 60_000;
  private final Cache<String, Answer> kept = Caffeine.newBuilder().maximumSize(256).build();

  /** GET /activities/{id}.ics: one activity. */
  public void one(Context ctx, String id) {
    Activity a =
        readiness
            .ports()
            .activities()
            .activityById(id)
            .orElseThrow(() -> WebError.notFound("no activity with id " + id));
    send(ctx, render(ctx, List.of(a)), a.id());
  }

  private String render(Context ctx, List<Activity> activities) {
    String base = Origin.of(ctx);
    Calendar cal = new Calendar();
    cal.add(new net.fortuna.ical4j.model.property.ProdId("-//vsmap//志愿服务地图//ZH"));
    cal.add(ImmutableVersion.VERSION_2_0);
    cal.add(ImmutableCalScale.GREGORIAN);
    cal.add(ImmutableMethod.PUBLISH);
    cal.add(new XProperty("X-WR-CALNAME", "志愿服务活动 / Volunteer activities"));
    cal.add(new XProperty("X-WR-TIMEZONE", org.vsmap.geo.time.ChinaTime.ZONE.getId()));
    java.util.Map<String, Optional<Station>> stations =
        new java.util.HashMap<>(); // many events share a station
    for (Activity a : activities) {
      cal.add(event(a, base, stations));
    }
    StringWriter out = new StringWriter();
    try {
      // not validated per request (it was 80 % of a 100-event feed's time): the values come from
      // validated records,
      // and CalendarIT validates what is served with ical4j's validator as well as parsing it with
      // biweekly
      // unfolded here, folded by octets below (ical4j folds by characters)
      new CalendarOutputter(false, Integer.MAX_VALUE).output(cal, out);
    } catch (IOException | ValidationException e) {
      throw new IllegalStateException("the calendar did not validate: " + e.getMessage(), e);
    }
    return OctetFolding.fold(out.toString());
  }

  private static void send(Context ctx, String body, String name) {
    ctx.header("Content-Disposition", "inline; filename=\"" + name + ".ics\"");
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.contentType("text/calendar; charset=utf-8").result(body);
  }

  private VEvent event(Activity a, String base, java.util.Map<String, Optional<Station>> stations) {
    VEvent e = new VEvent(utc(a.start()), utc(a.end()), a.title());
    e.add(new Uid(a.id() + "@vsmap"));
    if (a.recurrence() == org.vsmap.geo.model.Recurrence.WEEKLY) {
      // the same weeks the index and the map count (Recurrence.occurrences)
      e.add(new RRule<>("FREQ=WEEKLY;COUNT=" + a.recurrence().occurrences()));
    }
    e.add(new Url(URI.create(base + "/activities/" + a.id())));
    Optional<Station> station =
        a.stationId() == null
            ? Optional.empty()
            : stations.computeIfAbsent(
                a.stationId(), id -> readiness.ports().stations().stationById(id));
    String where =
        station
            .map(s -> s.name() + (s.address() == null ? "" : "，" + s.address()))
            .orElse(String.join(" ", readiness.regionNames().chain(a.regionCode())));
    if (!where.isBlank()) {
      e.add(new Location(where));
    }
    e.add(
        new Geo(
            BigDecimal.valueOf(a.location().lat()).setScale(6, RoundingMode.HALF_UP),
            BigDecimal.valueOf(a.location().lon()).setScale(6, RoundingMode.HALF_UP)));
    StringBuilder text = new StringBuilder();
    if (a.description() != null) {
      text.append(a.description()).append("\n\n");
    }
    if (a.synthetic()) {
      text.append("合成数据（演示用，非真实活动）/ Synthetic demo data, not a real activity\n");
    }
    text.append(base).append("/activities/").append(a.id());
    e.add(new Description(text.toString()));
    return e;
  }

  private static Instant utc(LocalDateTime chinaTime) {
    return chinaTime.toInstant(ZoneOffset.ofHours(8));
  }
}
