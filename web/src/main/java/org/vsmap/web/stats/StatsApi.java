package org.vsmap.web.stats;

import io.javalin.http.Context;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.vsmap.geo.format.CsvWriter;
import org.vsmap.geo.model.RegionCode;
import org.vsmap.geo.port.Statistics;
import org.vsmap.web.Readiness;
import org.vsmap.web.http.Json;
import org.vsmap.web.http.WebError;

/**
 * {@code /api/stats}: the indicators with their definitions and targets; {@code
 * /api/stats/{indicator}[.csv]?region=&period=&level=&category=}: its published values as JSON or
 * CSV (UTF-8 with BOM, formula-leading text neutralised). Withheld cells say why and carry no
 * number.
 */
public final class StatsApi {
  public static final Set<String> LEVELS =
      Set.of("PROVINCE", "CITY", "COUNTY", "STREET", "COMMUNITY");
  public static final String NOTICE =
      "含合成演示数据，非真实统计 / Contains synthetic demo data, not real statistics";

  private final Readiness readiness;

  public StatsApi(Readiness readiness) {
    this.readiness = readiness;
  }

  public Statistics.Table table() {
    Statistics s = readiness.ports().statistics();
    if (s == null) {
      throw new WebError(503, "Service Unavailable", "statistics are not available on this server");
    }
    return s.table();
  }

  public void index(Context ctx) {
    only(ctx, Set.of());
    Statistics.Table t = table();
    Map<String, Object> body = header(t);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Statistics.Indicator i : t.indicators()) {
      Map<String, Object> m = indicator(i);
      m.put("url", "/api/stats/" + i.id());
      m.put("csv", "/api/stats/" + i.id() + ".csv");
      list.add(m);
    }
    body.put("indicators", list);
    Json.send(ctx, body);
  }

  public static Map<String, Object> indicator(Statistics.Indicator i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("title_zh", i.titleZh());
    m.put("title_en", i.titleEn());
    m.put("definition_zh", i.definitionZh());
    m.put("definition_en", i.definitionEn());
    m.put("numerator", i.numeratorZh());
    m.put("denominator", i.denominatorZh());
    m.put("unit", i.unit());
    m.put(
        "target",
        i.target() == null
            ? null
            : i.comparison()
                + " "
                + fmt(i.target())
                + (i.unit().equals("%") ? "%" : " " + i.unit()));
    m.put("target_value", i.target());
    m.put("target_source", i.targetSource());
    m.put("inputs", i.inputs());
    return m;
  }

  private static Map<String, Object> header(Statistics.Table t) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("as_of", t.asOf());
    body.put("data_version", t.dataVersion());
    body.put("suppression_threshold", t.threshold());
    body.put("license", "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)");
    body.put("method", "/stats/method");
    if (t.synthetic()) {
      body.put("notice", NOTICE);
    }
    return body;
  }

  public void values(Context ctx) throws IOException {
    String id = ctx.pathParam("indicator");
    boolean csv = id.endsWith(".csv");
    String indicatorId = csv ? id.substring(0, id.length() - 4) : id;
    only(ctx, Set.of("region", "period", "level", "category"));
    Statistics.Table t = table();
    Statistics.Indicator indicator =
        t.indicators().stream()
            .filter(i -> i.id().equals(indicatorId))
            .findFirst()
            .orElseThrow(
                () -> WebError.notFound("no indicator " + indicatorId + ": see /api/stats"));
    List<Statistics.Value> values =
        select(
                t,
                indicatorId,
                ctx.queryParam("region"),
                ctx.queryParam("period"),
                ctx.queryParam("level"),
                ctx.queryParam("category"))
            .toList();
    ctx.header("Access-Control-Allow-Origin", "*");
    ctx.header("Link", "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
    if (csv) {
      ctx.contentType("text/csv; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"" + indicatorId + ".csv\"");
      CsvWriter w = CsvWriter.forSpreadsheets(ctx.res().getOutputStream());
      w.row(
          "indicator",
          "region_code",
          "region_name",
          "level",
          "period",
          "category",
          "category_label",
          "value",
          "unit",
          "numerator",
          "denominator",
          "status",
          "shown_as",
          "target_met",
          "as_of",
          "data_version");
      for (Statistics.Value v : values) {
        w.row(
            v.indicator(),
            v.regionCode(),
            v.regionName(),
            v.level(),
            v.period(),
            v.category(),
            v.categoryLabel(),
            num(v.value()),
            indicator.unit(),
            num(v.numerator()),
            num(v.denominator()),
            v.status().name(),
            shown(v, t),
            v.met(),
            t.asOf(),
            t.dataVersion());
      }
      w.flush();
      return;
    }
    Map<String, Object> body = header(t);
    body.put("indicator", indicator(indicator));
    List<Map<String, Object>> list = new ArrayList<>();
    for (Statistics.Value v : values) {
      list.add(json(v, t));
    }
    body.put("values", list);
    Json.send(ctx, body);
  }

  public static Map<String, Object> json(Statistics.Value v, Statistics.Table t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("region_code", v.regionCode());
    m.put("region_name", v.regionName());
    m.put("level", v.level());
    m.put("period", v.period());
    if (v.category() != null) {
      m.put("category", v.category());
      m.put("category_label", v.categoryLabel());
    }
    m.put("value", v.value());
    m.put("numerator", v.numerator());
    m.put("denominator", v.denominator());
    m.put("status", v.status().name().toLowerCase());
    m.put("shown_as", shown(v, t));
    m.put("target_met", v.met());
    return m;
  }

  /**
   * How a cell reads on a page: the number, "<5" for a small count, "受保护" for a cell withheld to
   * protect another.
   */
  public static String shown(Statistics.Value v, Statistics.Table t) {
    return switch (v.status()) {
      case OK -> fmt(v.value());
      case SUPPRESSED -> "<" + t.threshold();
      case PROTECTED -> "×";
      case NO_DATA -> "—";
    };
  }

  public static String fmt(Double d) {
    if (d == null) {
      return "";
    }
    return d == Math.rint(d) && Math.abs(d) < 1e15
        ? Long.toString(d.longValue())
        : String.format(java.util.Locale.ROOT, "%.1f", d);
  }

  /** A figure in the CSV as the page shows it (one decimal), written as a number. */
  private static BigDecimal num(Double d) {
    return d == null ? null : new BigDecimal(fmt(d));
  }

  public static Stream<Statistics.Value> select(
      Statistics.Table t,
      String indicator,
      String region,
      String period,
      String level,
      String category) {
    if (region != null && !RegionCode.isValid(region)) {
      throw WebError.badRequest(
          "region must be an official code of 2, 4, 6, 9 or 12 digits, not '" + region + "'");
    }
    if (period != null && !period.matches("\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?|current")) {
      throw WebError.badRequest(
          "period must be a year (2026), a quarter (2026-Q4), a month (2026-11) or current, not '"
              + period
              + "'");
    }
    if (level != null && !LEVELS.contains(level.toUpperCase(java.util.Locale.ROOT))) {
      throw WebError.badRequest("level must be one of " + LEVELS + ", not '" + level + "'");
    }
    String lv = level == null ? null : level.toUpperCase(java.util.Locale.ROOT);
    return t.values().stream()
        .filter(v -> v.indicator().equals(indicator))
        .filter(v -> region == null || v.regionCode().equals(region))
        .filter(v -> period == null || v.period().equals(period))
        .filter(v -> lv == null || v.level().equals(lv))
        .filter(v -> category == null || category.equalsIgnoreCase(v.category()));
  }

  private static void only(Context ctx, Set<String> allowed) {
    for (String p : ctx.queryParamMap().keySet()) {
      if (!allowed.contains(p) && !p.equals("lang")) {
        throw WebError.badRequest(
            "unknown parameter '"
                + p
                + "': "
                + (allowed.isEmpty() ? "this resource takes none" : "takes " + allowed));
      }
    }
  }
}
