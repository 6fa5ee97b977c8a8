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
    StatsPage m =
        model(ctx)
            .withOg(
                OpenGraph.of(
                    ctx,
                    lang == Lang.ZH ? "志愿服务统计 · 指标、目标与方法" : "Volunteer service statistics",
                    lang == Lang.ZH
                        ? "注册志愿者、服务时长、站点和活动等指标，按区县对照目标，附计算方法和 CSV/JSON 数据。"
                        : "Registered volunteers, service hours, stations and activities per district against their targets, with the method and CSV/JSON.",
                    "/stats",
                    "/share/stats.png" + lang.query()));
    ctx.html(views.render(ctx, "stats/stats", lang, m));
  }

  public void embed(Context ctx) {
    only(ctx, Set.of("region"));
    String chart = ctx.pathParam("chart");
    if (!CHARTS.contains(chart)) {
      throw WebError.notFound("no chart " + chart + ": " + CHARTS);
    }
    ctx.html(views.render(ctx, "stats/stats_embed", Lang.of(ctx), model(ctx).withChart(chart)));
  }

  public void method(Context ctx) {
    only(ctx, Set.of());
    Statistics.Table t = api.table();
    MethodPage m =
        new MethodPage(
            t.indicators().stream().map(i -> StatsApi.IndicatorJson.of(i, null, null)).toList(),
            t.asOf().replace('T', ' '),
            t.dataVersion(),
            t.threshold(),
            t.synthetic());
    ctx.html(views.render(ctx, "stats/stats_method", Lang.of(ctx), m));
  }

  /** How every figure is made (stats/stats_method.peb). */
  public record MethodPage(
      List<StatsApi.IndicatorJson> indicators,
      String asOf,
      String dataVersion,
      int threshold,
      boolean synthetic) {}

  /**
   * The statistics page and its embeddable charts (stats/stats.peb, stats_embed.peb): when and from
   * what the figures are, the headline against targets, the districts' ranking and map, the
   * activities by month and theme, and the monthly share of volunteers who served. With no
   * statistics yet ({@code empty}) only the first six are set.
   */
  public record StatsPage(
      String asOf,
      String dataVersion,
      int threshold,
      boolean synthetic,
      String basemap,
      boolean empty,
      String region,
      String regionName,
      String year,
      String month,
      List<Headline> headline,
      List<Row> districts,
      List<String> districtColumns,
      String choropleth,
      List<Row> months,
      String activityYear,
      List<Row> themes,
      List<Row> trend,
      OpenGraph.Card og,
      String chart) {
    /** No statistics yet. */
    static StatsPage empty(
        String asOf, String dataVersion, int threshold, boolean synthetic, String basemap) {
      return new StatsPage(
          asOf,
          dataVersion,
          threshold,
          synthetic,
          basemap,
          true,
          null,
          null,
          null,
          null,
          List.of(),
          List.of(),
          List.of(),
          null,
          List.of(),
          null,
          List.of(),
          List.of(),
          null,
          null);
    }

    StatsPage withOg(OpenGraph.Card card) {
      return new StatsPage(
          asOf,
          dataVersion,
          threshold,
          synthetic,
          basemap,
          empty,
          region,
          regionName,
          year,
          month,
          headline,
          districts,
          districtColumns,
          choropleth,
          months,
          activityYear,
          themes,
          trend,
          card,
          chart);
    }

    StatsPage withChart(String name) {
      return new StatsPage(
          asOf,
          dataVersion,
          threshold,
          synthetic,
          basemap,
          empty,
          region,
          regionName,
          year,
          month,
          headline,
          districts,
          districtColumns,
          choropleth,
          months,
          activityYear,
          themes,
          trend,
          og,
          name);
    }
  }

  /** An indicator at its newest period for the region, against its target. */
  public record Headline(
      String id,
      String title,
      String shown,
      String unit,
      String target,
      Boolean met,
      String period,
      String source) {}

  private StatsPage model(Context ctx) {
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
    String asOf = t.asOf().replace('T', ' ');
    if (root == null) {
      return StatsPage.empty(
          asOf, t.dataVersion(), t.threshold(), t.synthetic(), settings.basemapJson());
    }
    Lookup ix = Lookup.of(t);
    String rootName =
        Optional.ofNullable(ix.names().get(root))
            .orElseThrow(() -> WebError.notFound("no statistics for region " + root));
    String year = latest(ix, "volunteer_rate", root, p -> p.length() == 4);
    String hoursYear = latest(ix, "hours_per_volunteer", root, p -> p.length() == 4);
    String month = latest(ix, "weekly_activity_coverage", root, p -> p.matches("\\d{4}-\\d{2}"));
    // districts: the ranking and the choropleth's data
    List<String[]> columns =
        List.of(
            new String[] {"volunteer_rate", year},
            new String[] {"active_rate", year},
            new String[] {"hours_per_volunteer", hoursYear},
            new String[] {"community_station_coverage", "current"},
            new String[] {"five_has_complete", "current"},
            new String[] {"weekly_activity_coverage", month},
            new String[] {
              "on_time_reporting",
              latest(ix, "on_time_reporting", root, p -> p.matches("\\d{4}-\\d{2}"))
            });
    Map<String, Double> choropleth = new LinkedHashMap<>();
    List<Row> districts = districts(t, ix, root, columns, choropleth);
    String thisYear = t.asOf().substring(0, 4);
    String activityYear =
        find(ix, "activities", root, thisYear).isPresent()
            ? thisYear
            : latest(ix, "activities", root, p -> p.length() == 4);
    return new StatsPage(
        asOf,
        t.dataVersion(),
        t.threshold(),
        t.synthetic(),
        settings.basemapJson(),
        false,
        root,
        rootName,
        year,
        month,
        headline(t, ix, root, lang, year, hoursYear, month),
        districts,
        columns.stream().map(col -> columnTitle(t, col, lang)).toList(),
        Json.write(choropleth),
        series(t, root, "activities", v -> v.period().matches("\\d{4}-\\d{2}"), false),
        activityYear,
        themes(t, root, activityYear),
        series(t, root, "active_rate", v -> v.period().matches("\\d{4}-\\d{2}"), true),
        null,
        null);
  }

  /** Each indicator with a target (or reported) for the region, at its newest period. */
  private static List<Headline> headline(
      Statistics.Table t,
      Lookup ix,
      String root,
      Lang lang,
      String year,
      String hoursYear,
      String month) {
    List<Headline> head = new ArrayList<>();
    for (Statistics.Indicator i : t.indicators()) {
      String period =
          switch (i.id()) {
            case "volunteer_rate" -> year;
            case "active_rate" -> latest(ix, "active_rate", root, p -> p.length() == 4);
            case "hours_per_volunteer" -> hoursYear;
            case "community_station_coverage", "five_has_complete" -> "current";
            case "weekly_activity_coverage" -> month;
            case "paired_unit_weekly", "on_time_reporting" ->
                latest(ix, i.id(), root, p -> p.matches("\\d{4}-\\d{2}"));
            default -> null;
          };
      Optional<Statistics.Value> v =
          period == null ? Optional.empty() : find(ix, i.id(), root, period);
      if (v.isEmpty()) {
        continue;
      }
      head.add(
          new Headline(
              i.id(),
              lang == Lang.ZH ? i.titleZh() : i.titleEn(),
              StatsApi.shown(v.get(), t),
              i.unit().equals("%")
                  ? "%"
                  : i.unit().equals("h") ? (lang == Lang.ZH ? " 小时" : " h") : "",
              i.target() == null
                  ? null
                  : "≥ " + StatsApi.fmt(i.target()) + (i.unit().equals("%") ? "%" : ""),
              v.get().met(),
              period.equals("current") ? (lang == Lang.ZH ? "当前" : "now") : period,
              i.targetSource()));
    }
    return head;
  }

  /** The districts under the region, ranked by their volunteer rate; fills the choropleth. */
  private static List<Row> districts(
      Statistics.Table t,
      Lookup ix,
      String root,
      List<String[]> columns,
      Map<String, Double> choropleth) {
    List<String> children =
        t.values().stream()
            .filter(v -> parentIs(v.regionCode(), root))
            .map(Statistics.Value::regionCode)
            .distinct()
            .sorted()
            .toList();
    List<Row> rows = new ArrayList<>();
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
      rows.add(new Row(c, ix.names().getOrDefault(c, c), cells));
    }
    rows.sort(
        Comparator.comparing((Row r) -> number(r.cells().get(0).shown()))
            .reversed()
            .thenComparing(Row::code));
    return rows;
  }

  private static String columnTitle(Statistics.Table t, String[] col, Lang lang) {
    return t.indicators().stream()
        .filter(i -> i.id().equals(col[0]))
        .findFirst()
        .map(
            i ->
                (lang == Lang.ZH ? i.titleZh() : i.titleEn())
                    + (col[1] == null ? "" : col[1].equals("current") ? "" : "（" + col[1] + "）"))
        .orElse(col[0]);
  }

  /**
   * One indicator of the region by period, oldest first (activities by month; the monthly share of
   * volunteers who served, with each cell's status when {@code withStatus}).
   */
  private static List<Row> series(
      Statistics.Table t,
      String root,
      String indicator,
      java.util.function.Predicate<Statistics.Value> period,
      boolean withStatus) {
    return t.values().stream()
        .filter(
            v -> v.indicator().equals(indicator) && v.regionCode().equals(root) && period.test(v))
        .sorted(Comparator.comparing(Statistics.Value::period))
        .map(
            v ->
                new Row(
                    v.period(),
                    v.period(),
                    List.of(
                        new Cell(
                            StatsApi.shown(v, t), null, withStatus ? v.status().name() : "OK"))))
        .toList();
  }

  /** Activities by theme in the year, the most first. */
  private static List<Row> themes(Statistics.Table t, String root, String activityYear) {
    return t.values().stream()
        .filter(
            v ->
                v.indicator().equals("activities_by_theme")
                    && v.regionCode().equals(root)
                    && v.period().equals(activityYear))
        .sorted(
            Comparator.comparing((Statistics.Value v) -> v.value())
                .reversed()
                .thenComparing(Statistics.Value::category))
        .map(
            v ->
                new Row(
                    v.category(),
                    v.categoryLabel(),
                    List.of(new Cell(StatsApi.shown(v, t), null, "OK"))))
        .toList();
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
