package org.vsmap.web.awareness;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebSettings;
import org.vsmap.web.http.SearchParams;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.FilterFields;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.Views;

/**
 * GET /activities: the upcoming activities as a calendar — a month, a week or a list of the next
 * two weeks — with the map's filters (q, theme, care, region, recruiting), the key days and
 * campaign periods of the source documents highlighted with what is planned for them, and links to
 * subscribe (iCalendar) or follow new activities (Atom). Rendered on the server: it works without
 * script and every view is a shareable URL.
 */
public final class ActivitiesPage {
  public enum View {
    MONTH,
    WEEK,
    LIST
  }

  /**
   * Activities read for one view at most (the soonest); past that the page says it shows a part.
   */
  public static final int MAX_ACTIVITIES = 1000;

  /** Activities shown in a day of the month view; the rest are a link to that day in the list. */
  public static final int PER_DAY_IN_MONTH = 3;

  /** Days the list view covers. */
  public static final int LIST_DAYS = 14;

  /** Key days and campaign periods announced when they begin within this many days. */
  public static final int KEY_DAYS_AHEAD = 120;

  private static final Set<String> PARAMS =
      Set.of("q", "region", "theme", "care", "recruiting", "view", "d", "lang", "text");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** One occurrence of an activity (a weekly activity has eight). */
  private record Occurrence(Activity activity, LocalDateTime start, LocalDateTime end) {}

  private final Views views;
  private final WebSettings settings;
  private final Readiness readiness;

  public ActivitiesPage(Views views, WebSettings settings, Readiness readiness) {
    this.views = views;
    this.settings = settings;
    this.readiness = readiness;
  }

  public void show(Context ctx) {
    for (String p : ctx.queryParamMap().keySet()) {
      if (!PARAMS.contains(p)) {
        throw WebError.badRequest(
            "unknown parameter '"
                + p
                + "': the calendar takes "
                + PARAMS.stream().sorted().toList());
      }
    }
    Lang lang = Lang.of(ctx);
    View view = view(ctx.queryParam("view"));
    LocalDateTime now = LocalDateTime.now(settings.clock());
    LocalDate today = now.toLocalDate();
    LocalDate d = day(ctx.queryParam("d"), today);
    SearchIndex.Request filters = SearchParams.parse(ctx, settings.clock(), 20);
    CalendarSpan span = CalendarSpan.of(view, d);
    Found found = find(filters, span, today);
    Map<LocalDate, List<Occurrence>> byDay = new TreeMap<>();
    for (Occurrence o : found.occurrences()) {
      LocalDate day =
          o.start().toLocalDate().isBefore(span.first()) ? span.first() : o.start().toLocalDate();
      byDay.computeIfAbsent(day, k -> new ArrayList<>()).add(o);
    }
    Map<String, String> filterParams = filterParams(ctx);
    String v = view.name().toLowerCase();
    List<CalendarPage.Day> days =
        view == View.LIST ? listDays(span, byDay, now, filterParams, lang) : null;
    List<List<CalendarPage.Day>> weeks =
        view == View.LIST ? null : gridWeeks(view, span, byDay, now, filterParams, lang);
    Map<String, String> feedParams = new LinkedHashMap<>();
    if (filterParams.containsKey("region")) {
      feedParams.put("region", filterParams.get("region"));
    }
    if (filterParams.containsKey("theme")) {
      feedParams.put("theme", filterParams.get("theme"));
    }
    CalendarPage page =
        new CalendarPage(
            FilterFields.of(filters, lang, readiness),
            filters.text(),
            v,
            d.toString(),
            today.toString(),
            found.matched() > MAX_ACTIVITIES,
            found.matched(),
            MAX_ACTIVITIES,
            found.occurrences().size(),
            heading(view, d, span.first(), span.end(), lang),
            viewLinks(filterParams, d, view, lang),
            url("/activities", filterParams, "view", v, "d", span.previous(view, d).toString()),
            url("/activities", filterParams, "view", v, "d", span.next(view, d).toString()),
            url("/activities", filterParams, "view", v),
            weekdays(lang),
            days,
            weeks,
            upcomingKeyDays(filters, today, filterParams, lang),
            "/activities.ics" + url("", filterParams),
            url("/activities.atom", feedParams));
    ctx.html(views.render(ctx, "awareness/activities", lang, page));
  }

  /** The list view: each day with activities or a key day. */
  private static List<CalendarPage.Day> listDays(
      CalendarSpan span,
      Map<LocalDate, List<Occurrence>> byDay,
      LocalDateTime now,
      Map<String, String> filterParams,
      Lang lang) {
    List<CalendarPage.Day> days = new ArrayList<>();
    for (LocalDate day = span.first(); day.isBefore(span.end()); day = day.plusDays(1)) {
      List<Occurrence> list = byDay.getOrDefault(day, List.of());
      if (!list.isEmpty() || !KeyDays.on(day).isEmpty()) {
        days.add(day(day, list, Integer.MAX_VALUE, now, span.month(), filterParams, lang, false));
      }
    }
    return days;
  }

  /** The month and week views: the days in weeks from Monday. */
  private static List<List<CalendarPage.Day>> gridWeeks(
      View view,
      CalendarSpan span,
      Map<LocalDate, List<Occurrence>> byDay,
      LocalDateTime now,
      Map<String, String> filterParams,
      Lang lang) {
    List<List<CalendarPage.Day>> weeks = new ArrayList<>();
    for (LocalDate day = span.first(); day.isBefore(span.end()); day = day.plusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
        weeks.add(new ArrayList<>());
      }
      weeks
          .get(weeks.size() - 1)
          .add(
              day(
                  day,
                  byDay.getOrDefault(day, List.of()),
                  view == View.MONTH ? PER_DAY_IN_MONTH : Integer.MAX_VALUE,
                  now,
                  view == View.MONTH ? span.month() : null,
                  filterParams,
                  lang,
                  true));
    }
    return weeks;
  }

  /** The occurrences read for a span, and how many activities matched in all. */
  private record Found(List<Occurrence> occurrences, long matched) {}

  /**
   * The whole span: what was held on the days before today (with how many took part, when an office
   * reported it), what is planned from today.
   */
  private Found find(SearchIndex.Request filters, CalendarSpan span, LocalDate today) {
    LocalDateTime from = span.first().atStartOfDay();
    LocalDateTime to = span.end().atStartOfDay();
    if (!from.isBefore(to)) {
      return new Found(List.of(), 0);
    }
    SearchIndex index = readiness.ports().search();
    long matched = index.search(request(filters, from, to, 1, 0)).total();
    // past the cap, what is coming is kept before what was held: the days from today are read first
    LocalDateTime split = today.atStartOfDay();
    List<LocalDateTime[]> spans =
        from.isBefore(split) && split.isBefore(to)
            ? List.of(new LocalDateTime[] {split, to}, new LocalDateTime[] {from, split})
            : List.<LocalDateTime[]>of(new LocalDateTime[] {from, to});
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    for (LocalDateTime[] part : spans) {
      for (int offset = 0; ids.size() < MAX_ACTIVITIES; offset += 100) {
        SearchIndex.Result r = index.search(request(filters, part[0], part[1], 100, offset));
        for (SearchIndex.Hit h : r.hits()) {
          if (ids.size() < MAX_ACTIVITIES) {
            ids.add(h.id());
          }
        }
        if (r.hits().size() < 100) {
          break;
        }
      }
    }
    return new Found(
        occurrences(readiness.ports().activities().activitiesByIds(ids), from, to), matched);
  }

  private static View view(String v) {
    if (v == null || v.isBlank()) {
      return View.MONTH;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "month" -> View.MONTH;
      case "week" -> View.WEEK;
      case "list" -> View.LIST;
      default -> throw WebError.badRequest("view must be month, week or list; got: " + v);
    };
  }

  private static LocalDate day(String v, LocalDate today) {
    if (v == null || v.isBlank()) {
      return today;
    }
    LocalDate d;
    try {
      d = LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw WebError.badRequest("d must be a date like 2026-12-05; got: " + v);
    }
    if (d.isBefore(today.minusYears(1)) || d.isAfter(today.plusYears(2))) {
      throw WebError.badRequest(
          "d must be within a year before and two years after today; got: " + v);
    }
    return d;
  }

  private static SearchIndex.Request request(
      SearchIndex.Request f, LocalDateTime from, LocalDateTime to, int limit, int offset) {
    return new SearchIndex.Request(
        f.text(),
        Set.of(Kind.ACTIVITY),
        f.themes(),
        f.careGroups(),
        f.regionCode(),
        Set.of(),
        f.recruitingOnly(),
        from,
        to,
        null,
        null,
        null,
        SearchIndex.Order.START,
        limit,
        offset);
  }

  /** Every occurrence of the activities that overlaps [from, to), by start. */
  private static List<Occurrence> occurrences(
      List<Activity> activities, LocalDateTime from, LocalDateTime to) {
    List<Occurrence> out = new ArrayList<>();
    for (Activity a : activities) {
      int times = a.recurrence().occurrences();
      for (int k = 0; k < times; k++) {
        LocalDateTime s = a.start().plusWeeks(k);
        LocalDateTime e = a.end().plusWeeks(k);
        if (e.isAfter(from) && s.isBefore(to)) {
          out.add(new Occurrence(a, s, e));
        }
      }
    }
    out.sort(
        Comparator.comparing(Occurrence::start)
            .thenComparing(o -> o.activity().title())
            .thenComparing(o -> o.activity().id()));
    return out;
  }

  private static CalendarPage.Day day(
      LocalDate day,
      List<Occurrence> list,
      int max,
      LocalDateTime now,
      LocalDate month,
      Map<String, String> filterParams,
      Lang lang,
      boolean inGrid) {
    LocalDate today = now.toLocalDate();
    List<CalendarPage.Event> events = new ArrayList<>();
    for (Occurrence o : list.subList(0, Math.min(max, list.size()))) {
      Activity a = o.activity();
      boolean held = !o.end().isAfter(now);
      events.add(
          new CalendarPage.Event(
              a.id(),
              a.title(),
              TIME.format(o.start()) + "–" + TIME.format(o.end()),
              o.start().toString(),
              lang == Lang.ZH ? a.theme().zh() : a.theme().en(),
              held,
              // how many took part, as the office reported it (for one held activity, not a weekly
              // series' week)
              held && a.recurrence() == Recurrence.ONCE ? a.participants() : null,
              !held && a.recruiting(),
              a.recurrence() == Recurrence.WEEKLY,
              a.synthetic()));
    }
    List<KeyDays.KeyDay> keyDays = KeyDays.on(day);
    return new CalendarPage.Day(
        day.toString(),
        day.getDayOfMonth(),
        dayLabel(day, lang),
        day.equals(today),
        day.isBefore(today),
        month != null && !day.getMonth().equals(month.getMonth()),
        keyDays.stream().map(k -> new CalendarPage.KeyDayMark(k.name(lang), k.isPeriod())).toList(),
        keyDays.stream().anyMatch(k -> !k.isPeriod()),
        keyDays.stream().anyMatch(KeyDays.KeyDay::isPeriod),
        events,
        list.size(),
        list.size() - events.size(),
        url("/activities", filterParams, "view", "list", "d", day.toString()),
        inGrid);
  }

  /**
   * The key days and campaign periods that begin within {@link #KEY_DAYS_AHEAD} days, with how many
   * activities are planned then.
   */
  private List<CalendarPage.KeyDayAhead> upcomingKeyDays(
      SearchIndex.Request filters, LocalDate today, Map<String, String> filterParams, Lang lang) {
    List<CalendarPage.KeyDayAhead> out = new ArrayList<>();
    SearchIndex index = readiness.ports().search();
    for (KeyDays.KeyDay k : KeyDays.ALL) {
      LocalDate[] span = k.next(today);
      if (span[0].isAfter(today.plusDays(KEY_DAYS_AHEAD))) {
        continue;
      }
      long planned =
          index
              .search(
                  request(
                      filters, span[0].atStartOfDay(), span[1].plusDays(1).atStartOfDay(), 1, 0))
              .total();
      out.add(
          new CalendarPage.KeyDayAhead(
              k.name(lang),
              span[0].toString(),
              k.isPeriod() ? monthLabel(span[0], lang) : dayLabel(span[0], lang),
              planned,
              url(
                  "/activities",
                  filterParams,
                  "view",
                  k.isPeriod() ? "month" : "list",
                  "d",
                  span[0].toString())));
    }
    out.sort(Comparator.comparing(CalendarPage.KeyDayAhead::first));
    return out;
  }

  /** The filters of the request as they were given (for links that keep them). */
  private static Map<String, String> filterParams(Context ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String p : List.of("q", "region", "theme", "care", "recruiting", "lang", "text")) {
      String v = p.equals("region") ? SearchParams.region(ctx) : ctx.queryParam(p);
      if (v != null && !v.isBlank()) {
        out.put(p, v.strip());
      }
    }
    return out;
  }

  /**
   * {@code path} with the filters, then {@code more} as name, value pairs, in that order (so a
   * page's links are stable).
   */
  public static String url(String path, Map<String, String> params, String... more) {
    Map<String, String> all = new LinkedHashMap<>(params);
    for (int i = 0; i + 1 < more.length; i += 2) {
      all.put(more[i], more[i + 1]);
    }
    StringBuilder b = new StringBuilder(path);
    char sep = '?';
    for (Map.Entry<String, String> e : all.entrySet()) {
      b.append(sep)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return b.toString();
  }

  private static List<CalendarPage.ViewLink> viewLinks(
      Map<String, String> filterParams, LocalDate d, View current, Lang lang) {
    List<CalendarPage.ViewLink> out = new ArrayList<>();
    for (View v : View.values()) {
      String name = v.name().toLowerCase(Locale.ROOT);
      out.add(
          new CalendarPage.ViewLink(
              name,
              v == current,
              url("/activities", filterParams, "view", name, "d", d.toString())));
    }
    return out;
  }

  private static List<String> weekdays(Lang lang) {
    List<String> out = new ArrayList<>();
    for (DayOfWeek w : DayOfWeek.values()) {
      out.add(w.getDisplayName(TextStyle.SHORT, lang == Lang.ZH ? Locale.CHINA : Locale.UK));
    }
    return out;
  }

  private static String heading(View view, LocalDate d, LocalDate first, LocalDate end, Lang lang) {
    return switch (view) {
      case MONTH -> monthLabel(d, lang);
      case WEEK, LIST -> dayLabel(first, lang) + " – " + dayLabel(end.minusDays(1), lang);
    };
  }

  public static String monthLabel(LocalDate d, Lang lang) {
    return lang == Lang.ZH
        ? d.getYear() + "年" + d.getMonthValue() + "月"
        : d.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + d.getYear();
  }

  public static String dayLabel(LocalDate d, Lang lang) {
    return lang == Lang.ZH
        ? d.getMonthValue()
            + "月"
            + d.getDayOfMonth()
            + "日 "
            + d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA)
        : d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.UK)
            + " "
            + d.getDayOfMonth()
            + " "
            + d.getMonth().getDisplayName(TextStyle.SHORT, Locale.UK)
            + " "
            + d.getYear();
  }
}
