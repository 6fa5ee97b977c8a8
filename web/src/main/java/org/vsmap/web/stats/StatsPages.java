package org.vsmap.web.stats;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vsmap.geo.port.Statistics;
import org.vsmap.web.WebSettings;
import org.vsmap.web.http.Json;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.OpenGraph;
import org.vsmap.web.view.Views;

/**
 * {@code /stats} (headline figures against their targets, a choropleth of the districts, trends,
 * themes, a ranking — every chart drawn from the table printed beside it), {@code /stats/method}
 * (how each figure is made, the suppression rule) and {@code /stats/embed/{chart}} (one chart and
 * its table for an office's own site, in an iframe).
 */
public final class StatsPages {
  public static final Set<String> CHARTS = Set.of("districts", "months", "themes", "trend");

  private final Views views;
  private final StatsApi api;
  private final WebSettings settings;

  public StatsPages(Views views, StatsApi api, WebSettings settings) {
    this.views = views;
    this.api = api;
    this.settings = settings;
  }

  /** One cell as a page shows it. */
  public record Cell(String shown, Boolean met, String status) {}

  /** One row of a table: a label and its cells. */
  public record Row(String code, String label, List<Cell> cells) {}

  public void page(Context ctx) {
    only(ctx, Set.of("region"));
    Lang lang = Lang.of(ctx);
    Map<String, Object> m = new java.util.HashMap<>(model(ctx));
    m.put(
        "og",
        OpenGraph.of(
            ctx,
            lang == Lang.ZH ? "志愿服务统计 · 指标、目标与方法" : "Volunteer service statistics",
            lang == Lang.ZH
                ? "注册志愿者、服务时长、站点和活动等指标，按区县对照目标，附计算方法和 CSV/JSON 数据。"
                : "Registered volunteers, service hours, stations and activities per district against their targets, with the method and CSV/JSON.",
            "/stats",
            "/share/stats.png" + lang.query()));
    ctx.html(views.render("stats/stats", lang, m));
  }

  public void embed(Context ctx) {
    only(ctx, Set.of("region"));
    String chart = ctx.pathParam("chart");
    if (!CHARTS.contains(chart)) {
      throw WebError.notFound("no chart " + chart + ": " + CHARTS);
    }
    Map<String, Object> m = model(ctx);
    m.put("chart", chart);
    ctx.html(views.render("stats/stats_embed", Lang.of(ctx), m));
  }

  public void method(Context ctx) {
    only(ctx, Set.of());
    Statistics.Table t = api.table();
    Map<String, Object> m = new HashMap<>();
    m.put("indicators", t.indicators().stream().map(StatsApi::indicator).toList());
    m.put("asOf", t.asOf().replace('T', ' '));
    m.put("dataVersion", t.dataVersion());
    m.put("threshold", t.threshold());
    m.put("synthetic", t.synthetic());
    ctx.html(views.render("stats/stats_method", Lang.of(ctx), m));
  }

  private Map<String, Object> model(Context ctx) {
    Statistics.Table t = api.table();
    Lang lang = Lang.of(ctx);
    String region = ctx.queryParam("region");
    if (region != null && !region.matches("\\d{4}|\\d{6}")) {
      throw WebError.badRequest(
          "region must be a city (4 digits) or district (6 digits) code, not '" + region + "'");
    }
    String root =
        region != null
            ? region
            : t.values().stream()
                .filter(v -> v.level().equals("CITY"))
                .map(Statistics.Value::regionCode)
                .findFirst()
                .orElse(null);
    Map<String, Object> m = new HashMap<>();
    m.put("asOf", t.asOf().replace('T', ' '));
    m.put("dataVersion", t.dataVersion());
    m.put("threshold", t.threshold());
    m.put("synthetic", t.synthetic());
    m.put("tileUrl", settings.tileUrl());
    m.put("tileAttribution", settings.tileAttribution());
    if (root == null) {
      m.put("empty", true);
      return m;
    }
    Lookup ix = Lookup.of(t);
    String rootName =
        Optional.ofNullable(ix.names().get(root))
            .orElseThrow(() -> WebError.notFound("no statistics for region " + root));
    m.put("region", root);
    m.put("regionName", rootName);
    String year = latest(ix, "volunteer_rate", root, p -> p.length() == 4);
    String hoursYear = latest(ix, "hours_per_volunteer", root, p -> p.length() == 4);
    String month = latest(ix, "weekly_activity_coverage", root, p -> p.matches("\\d{4}-\\d{2}"));
    m.put("year", year);
    m.put("month", month);

    // headline: each indicator with a target (or reported) for the region, at its newest period
    List<Map<String, Object>> head = new ArrayList<>();
    for (Statistics.Indicator i : t.indicators()) {
      String period =
          switch (i.id()) {
            case "volunteer_rate" -> year;
            case "active_rate" -> latest(ix, "active_rate", root, p -> p.length() == 4);
            case "hours_per_volunteer" -> hoursYear;
            case "community_station_coverage", "five_has_complete" -> "current";
            case "weekly_activity_coverage" -> month;
            case "paired_unit_weekly" ->
                latest(ix, "paired_unit_weekly", root, p -> p.matches("\\d{4}-\\d{2}"));
            default -> null;
          };
      if (period == null) {
        continue;
      }
      Optional<Statistics.Value> v = find(ix, i.id(), root, period);
      if (v.isEmpty()) {
        continue;
      }
      Map<String, Object> h = new HashMap<>();
      h.put("id", i.id());
      h.put("title", lang == Lang.ZH ? i.titleZh() : i.titleEn());
      h.put("shown", StatsApi.shown(v.get(), t));
      h.put(
          "unit",
          i.unit().equals("%")
              ? "%"
              : i.unit().equals("h") ? (lang == Lang.ZH ? " 小时" : " h") : "");
      h.put(
          "target",
          i.target() == null
              ? null
              : "≥ " + StatsApi.fmt(i.target()) + (i.unit().equals("%") ? "%" : ""));
      h.put("met", v.get().met());
      h.put("period", period.equals("current") ? (lang == Lang.ZH ? "当前" : "now") : period);
      h.put("source", i.targetSource());
      head.add(h);
    }
    m.put("headline", head);

    // districts: the ranking and the choropleth's data
    List<String> children =
        t.values().stream()
            .filter(v -> parentIs(v.regionCode(), root))
            .map(Statistics.Value::regionCode)
            .distinct()
            .sorted()
            .toList();
    List<String[]> columns =
        List.of(
            new String[] {"volunteer_rate", year},
            new String[] {"active_rate", year},
            new String[] {"hours_per_volunteer", hoursYear},
            new String[] {"community_station_coverage", "current"},
            new String[] {"five_has_complete", "current"},
            new String[] {"weekly_activity_coverage", month});
    List<Row> rows = new ArrayList<>();
    Map<String, Double> choropleth = new LinkedHashMap<>();
    for (String c : children) {
      List<Cell> cells = new ArrayList<>();
      for (String[] col : columns) {
        Optional<Statistics.Value> v =
            col[1] == null ? Optional.empty() : find(ix, col[0], c, col[1]);
        cells.add(
            v.map(x -> new Cell(StatsApi.shown(x, t), x.met(), x.status().name()))
                .orElse(new Cell("—", null, "NO_DATA")));
        if (col[0].equals("volunteer_rate") && v.isPresent() && v.get().value() != null) {
          choropleth.put(c, v.get().value());
        }
      }
      String name = ix.names().getOrDefault(c, c);
      rows.add(new Row(c, name, cells));
    }
    rows.sort(
        Comparator.comparing((Row r) -> number(r.cells().get(0).shown()))
            .reversed()
            .thenComparing(Row::code));
    m.put("districts", rows);
    m.put(
        "districtColumns",
        columns.stream()
            .map(
                col ->
                    t.indicators().stream()
                        .filter(i -> i.id().equals(col[0]))
                        .findFirst()
                        .map(
                            i ->
                                (lang == Lang.ZH ? i.titleZh() : i.titleEn())
                                    + (col[1] == null
                                        ? ""
                                        : col[1].equals("current") ? "" : "（" + col[1] + "）"))
                        .orElse(col[0]))
            .toList());
    m.put("choropleth", Json.write(choropleth));

    // activities by month (this region), by theme (newest year), and the monthly share of
    // volunteers who served
    List<Row> months = new ArrayList<>();
    t.values().stream()
        .filter(
            v ->
                v.indicator().equals("activities")
                    && v.regionCode().equals(root)
                    && v.period().matches("\\d{4}-\\d{2}"))
        .sorted(Comparator.comparing(Statistics.Value::period))
        .forEach(
            v ->
                months.add(
                    new Row(
                        v.period(),
                        v.period(),
                        List.of(new Cell(StatsApi.shown(v, t), null, "OK")))));
    m.put("months", months);
    String thisYear = t.asOf().substring(0, 4);
    String activityYear =
        find(ix, "activities", root, thisYear).isPresent()
            ? thisYear
            : latest(ix, "activities", root, p -> p.length() == 4);
    m.put("activityYear", activityYear);
    List<Row> themes = new ArrayList<>();
    t.values().stream()
        .filter(
            v ->
                v.indicator().equals("activities_by_theme")
                    && v.regionCode().equals(root)
                    && v.period().equals(activityYear))
        .sorted(
            Comparator.comparing((Statistics.Value v) -> v.value())
                .reversed()
                .thenComparing(Statistics.Value::category))
        .forEach(
            v ->
                themes.add(
                    new Row(
                        v.category(),
                        v.categoryLabel(),
                        List.of(new Cell(StatsApi.shown(v, t), null, "OK")))));
    m.put("themes", themes);
    List<Row> trend = new ArrayList<>();
    t.values().stream()
        .filter(
            v ->
                v.indicator().equals("active_rate")
                    && v.regionCode().equals(root)
                    && v.period().matches("\\d{4}-\\d{2}"))
        .sorted(Comparator.comparing(Statistics.Value::period))
        .forEach(
            v ->
                trend.add(
                    new Row(
                        v.period(),
                        v.period(),
                        List.of(new Cell(StatsApi.shown(v, t), null, v.status().name())))));
    m.put("trend", trend);
    return m;
  }

  private static boolean parentIs(String code, String root) {
    return code.startsWith(root)
        && (root.length() == 4 ? code.length() == 6 : root.length() == 6 && code.length() == 9);
  }

  private static double number(String shown) {
    try {
      return Double.parseDouble(shown);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The table's figures by indicator, region and period (categories aside), the periods each
   * indicator has for a region, and region names: one pass over the table per page instead of one
   * per cell.
   */
  private record Lookup(
      Map<String, Statistics.Value> cells,
      Map<String, List<String>> periods,
      Map<String, String> names) {
    static Lookup of(Statistics.Table t) {
      Map<String, Statistics.Value> cells = new HashMap<>();
      Map<String, List<String>> periods = new HashMap<>();
      Map<String, String> names = new HashMap<>();
      for (Statistics.Value v : t.values()) {
        names.putIfAbsent(v.regionCode(), v.regionName());
        if (v.category() == null) {
          cells.putIfAbsent(v.indicator() + "|" + v.regionCode() + "|" + v.period(), v);
          periods
              .computeIfAbsent(v.indicator() + "|" + v.regionCode(), k -> new ArrayList<>())
              .add(v.period());
        }
      }
      return new Lookup(cells, periods, names);
    }
  }

  private static Optional<Statistics.Value> find(
      Lookup ix, String indicator, String region, String period) {
    return Optional.ofNullable(ix.cells().get(indicator + "|" + region + "|" + period));
  }

  private static String latest(
      Lookup ix, String indicator, String region, java.util.function.Predicate<String> kind) {
    return ix.periods().getOrDefault(indicator + "|" + region, List.of()).stream()
        .filter(kind)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  private static void only(Context ctx, Set<String> allowed) {
    for (String p : ctx.queryParamMap().keySet()) {
      if (!allowed.contains(p) && !p.equals("lang") && !p.equals("text")) {
        throw WebError.badRequest("unknown parameter '" + p + "'");
      }
    }
  }
}
