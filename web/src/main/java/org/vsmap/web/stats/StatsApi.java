package org.vsmap.web.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
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
    Json.send(
        ctx,
        new IndexAnswer(
            Header.of(t),
            t.indicators().stream()
                .map(
                    i ->
                        IndicatorJson.of(
                            i, "/api/stats/" + i.id(), "/api/stats/" + i.id() + ".csv"))
                .toList()));
  }

  /** What both answers begin with: when, from which data, under which threshold and licence. */
  public record Header(
      @JsonProperty("as_of") String asOf,
      @JsonProperty("data_version") String dataVersion,
      @JsonProperty("suppression_threshold") int suppressionThreshold,
      String license,
      String method,
      @JsonInclude(Include.NON_NULL) String notice) {
    static Header of(Statistics.Table t) {
      return new Header(
          t.asOf(),
          t.dataVersion(),
          t.threshold(),
          "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
          "/stats/method",
          t.synthetic() ? NOTICE : null);
    }
  }

  /** /api/stats: the indicators, each with its values' URLs. */
  public record IndexAnswer(@JsonUnwrapped Header header, List<IndicatorJson> indicators) {}

  /** /api/stats/{indicator}: the indicator and its published values. */
  public record ValuesAnswer(
      @JsonUnwrapped Header header, IndicatorJson indicator, List<ValueJson> values) {}

  /** An indicator: its titles, definition, unit and target with its source. */
  public record IndicatorJson(
      String id,
      @JsonProperty("title_zh") String titleZh,
      @JsonProperty("title_en") String titleEn,
      @JsonProperty("definition_zh") String definitionZh,
      @JsonProperty("definition_en") String definitionEn,
      String numerator,
      String denominator,
      String unit,
      String target,
      @JsonProperty("target_value") Double targetValue,
      @JsonProperty("target_source") String targetSource,
      String inputs,
      @JsonInclude(Include.NON_NULL) String url,
      @JsonInclude(Include.NON_NULL) String csv) {
    static IndicatorJson of(Statistics.Indicator i, String url, String csv) {
      return new IndicatorJson(
          i.id(),
          i.titleZh(),
          i.titleEn(),
          i.definitionZh(),
          i.definitionEn(),
          i.numeratorZh(),
          i.denominatorZh(),
          i.unit(),
          i.target() == null
              ? null
              : i.comparison()
                  + " "
                  + fmt(i.target())
                  + (i.unit().equals("%") ? "%" : " " + i.unit()),
          i.target(),
          i.targetSource(),
          i.inputs(),
          url,
          csv);
    }
  }

  /** A published value; a withheld one says why and carries no number. */
  public record ValueJson(
      @JsonProperty("region_code") String regionCode,
      @JsonProperty("region_name") String regionName,
      String level,
      String period,
      @JsonInclude(Include.NON_NULL) String category,
      @JsonProperty("category_label") @JsonInclude(Include.NON_NULL) String categoryLabel,
      Double value,
      Double numerator,
      Double denominator,
      String status,
      @JsonProperty("shown_as") String shownAs,
      @JsonProperty("target_met") Boolean targetMet) {
    static ValueJson of(Statistics.Value v, Statistics.Table t) {
      return new ValueJson(
          v.regionCode(),
          v.regionName(),
          v.level(),
          v.period(),
          v.category(),
          v.category() == null ? null : v.categoryLabel(),
          v.value(),
          v.numerator(),
          v.denominator(),
          v.status().name().toLowerCase(),
          shown(v, t),
          v.met());
    }
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
    Json.send(
        ctx,
        new ValuesAnswer(
            Header.of(t),
            IndicatorJson.of(indicator, null, null),
            values.stream().map(v -> ValueJson.of(v, t)).toList()));
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
