package org.vsmap.pipeline.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.VolunteerFigure;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.Stage;
import org.vsmap.pipeline.csv.CsvTable;

/**
 * One office file from upload to store, shared by the {@code import} command and the admin pages:
 * read and check it against what the store knows ({@link #prepare}), then preview or apply the
 * resulting {@link ImportBatch}. An office account passes its region as {@code scope}: a row
 * outside that region is a problem like any other, so an office can never change another region's
 * records through a file.
 */
public final class OfficeImport {

  /** What a file holds. */
  public enum What {
    STATION("站点名录", "station list", OfficeReaders::stations),
    TEAM("队伍名录", "team list", OfficeReaders::teams),
    ACTIVITY("活动计划", "upcoming activities", OfficeReaders::activities),
    REPORT("活动情况表 / 活动情况汇总表", "weekly activity report", OfficeReaders::report),
    FIGURES("志愿者统计数据", "volunteer figures", OfficeReaders::figures),
    REGIONS(
        "行政区划", "regions (codes, names, parents, population, boundaries)", OfficeReaders::regions),
    HONOURS("荣誉表彰名单", "honours", OfficeReaders::honours),
    PHOTOS("照片清单", "photo list (with the photo files beside it)", OfficeReaders::photos);

    private final String zh;
    private final String en;
    private final KindReader reader;

    What(String zh, String en, KindReader reader) {
      this.zh = zh;
      this.en = en;
      this.reader = reader;
    }

    public String zh() {
      return zh;
    }

    public String en() {
      return en;
    }

    public static What parse(String text) {
      try {
        String t = text.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
          case "ACTIVITIES" -> ACTIVITY;
          case "REGION", "REGIONS" -> REGIONS;
          case "FIGURE", "FIGURES" -> FIGURES;
          case "HONOUR", "HONOURS", "HONOR", "HONORS" -> HONOURS;
          case "PHOTO", "PHOTOS" -> PHOTOS;
          default -> valueOf(t.replaceAll("S$", ""));
        };
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown kind '" + text + "': use station, team, activity, report, figures or regions");
      }
    }
  }

  /**
   * One import.
   *
   * @param crs the coordinate system of a station list (required for stations)
   * @param regionCode the reporting office's region (required for reports)
   * @param scope the region the user may change (an office's), or null for an admin
   * @param source the name records are remembered under, so a full re-import retires what it no
   *     longer lists
   * @param folder where a photo list's files are (read from there and nowhere else); null for other
   *     kinds
   */
  public record Request(
      What what,
      String file,
      byte[] bytes,
      String encoding,
      CoordinateSystem crs,
      String regionCode,
      String scope,
      String source,
      boolean full,
      String username,
      String mapping,
      boolean saveMapping,
      Path folder) {

    /** A request with a column mapping given (or null: the saved one), for any kind but photos. */
    public Request(
        What what,
        String file,
        byte[] bytes,
        String encoding,
        CoordinateSystem crs,
        String regionCode,
        String scope,
        String source,
        boolean full,
        String username,
        String mapping,
        boolean saveMapping) {
      this(
          what,
          file,
          bytes,
          encoding,
          crs,
          regionCode,
          scope,
          source,
          full,
          username,
          mapping,
          saveMapping,
          null);
    }

    /** A photo list and the folder its files are in. */
    public static Request photos(
        String file, byte[] bytes, String encoding, Path folder, String scope, String username) {
      return new Request(
          What.PHOTOS,
          file,
          bytes,
          encoding,
          null,
          null,
          scope,
          null,
          false,
          username,
          null,
          false,
          folder);
    }

    /** A request that uses the mapping saved for its source, if any. */
    public Request(
        What what,
        String file,
        byte[] bytes,
        String encoding,
        CoordinateSystem crs,
        String regionCode,
        String scope,
        String source,
        boolean full,
        String username) {
      this(
          what, file, bytes, encoding, crs, regionCode, scope, source, full, username, null, false);
    }
  }

  /**
   * A checked file: its problems (nothing is written while there are any), warnings, what would be
   * written, and the column mapping it was read through ("" for none).
   */
  public record Prepared(
      Request request,
      String readAs,
      int records,
      List<Problem> problems,
      List<Problem> warnings,
      ImportBatch batch,
      String mapping) {
    public boolean clean() {
      return problems.isEmpty();
    }
  }

  private OfficeImport() {}

  /**
   * Reads and checks a file against the store.
   *
   * @throws IllegalArgumentException when the file cannot be read at all (not CSV/XLSX, binary,
   *     wrong encoding)
   */
  public static Prepared prepare(ImportLookups store, Request r, java.time.LocalDateTime now) {
    Map<String, Region> regions = Stage.run("load-regions", store::regions, Map::size);
    if (regions.isEmpty() && r.what() != What.REGIONS) {
      throw new IllegalArgumentException(
          "the store has no regions yet: import regions first, or start the portal once "
              + "(it fills an empty store with the demo set)");
    }
    Map<String, String> mapping =
        r.mapping() != null
            ? Grid.parseMapping(r.mapping())
            : store.savedMapping(r.source(), r.what());
    if (r.saveMapping() && r.mapping() != null) {
      store.saveMapping(r.source(), r.what(), mapping);
    }
    KindReader.Read read =
        r.what().reader.read(new KindReader.Input(store, r, regions, mapping, now));
    ImportBatch batch = read.adds().apply(ImportBatch.of(r.source(), r.username()));
    if (r.full() && !read.retires().isEmpty()) {
      batch = batch.full(read.retires());
    }
    List<Problem> problems = new ArrayList<>(read.problems());
    problems.addAll(outsideScope(r, read.touched()));
    return new Prepared(
        r,
        read.readAs(),
        read.records(),
        problems,
        read.warnings(),
        batch,
        Grid.formatMapping(mapping));
  }

  /** Every record of the file outside an office's region, as a problem. */
  private static List<Problem> outsideScope(Request r, List<KindReader.Touched> touched) {
    List<Problem> out = new ArrayList<>();
    if (r.scope() == null) {
      return out;
    }
    for (KindReader.Touched t : touched) {
      if (!t.regionCode().startsWith(r.scope())) {
        out.add(
            new Problem(
                r.file(),
                0,
                "region_code",
                t.regionCode() + " (" + t.id() + ")",
                "不在本账号负责的区域（" + r.scope() + "）内，不能修改",
                "outside this account's region " + r.scope() + ": not yours to change"));
      }
    }
    return out;
  }

  static final Map<String, List<String>> FIGURE_HEADERS =
      Map.of(
          "region_code", List.of("region_code", "区划代码", "行政区划代码"),
          "period", List.of("period", "统计期", "时期", "期间"),
          "registered", List.of("registered", "注册志愿者人数", "注册志愿者"),
          "active", List.of("active", "活跃志愿者人数", "活跃志愿者"),
          "service_hours", List.of("service_hours", "服务时长", "服务时长（小时）", "服务时长(小时)", "志愿服务时长"));

  static List<VolunteerFigure> figures(
      Grid grid, Map<String, Region> regions, List<Problem> problems) {
    CsvTable table = grid.table(FIGURE_HEADERS);
    Map<String, String> columns = Grid.columns(table.header(), FIGURE_HEADERS);
    problems.addAll(grid.formulaProblems());
    problems.addAll(
        Grid.missingColumns(grid.file(), columns, FIGURE_HEADERS, "region_code", "period"));
    if (!problems.isEmpty()) {
      return List.of();
    }
    List<VolunteerFigure> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (CsvTable.Row row : table.rows()) {
      int before = problems.size();
      String region = row.get(columns.get("region_code"));
      String period = row.get(columns.get("period"));
      if (region == null || !regions.containsKey(region)) {
        problems.add(
            new Problem(
                grid.file(),
                row.line(),
                columns.get("region_code"),
                region,
                region == null ? "区划代码为必填项" : "未知的区划代码",
                region == null ? "region code is required" : "unknown region code"));
      }
      Long registered = number(grid.file(), row, columns.get("registered"), problems);
      Long active = number(grid.file(), row, columns.get("active"), problems);
      Double hours = decimal(grid.file(), row, columns.get("service_hours"), problems);
      if (problems.size() > before) {
        continue;
      }
      try {
        VolunteerFigure f = new VolunteerFigure(region, period, registered, active, hours);
        Integer first = seen.putIfAbsent(region + "|" + period, row.line());
        if (first != null) {
          problems.add(
              Problem.duplicate(grid.file(), row.line(), columns.get("period"), period, first));
        } else {
          out.add(f);
        }
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.add(
            new Problem(
                grid.file(),
                row.line(),
                columns.get("period"),
                period,
                "数据不合规：" + e.getMessage(),
                String.valueOf(e.getMessage())));
      }
    }
    return out;
  }

  private static Double decimal(
      String file, CsvTable.Row row, String column, List<Problem> problems) {
    String v = column == null ? null : row.get(column);
    if (v == null) {
      return null;
    }
    try {
      double d = new java.math.BigDecimal(v.replace(",", "").replace("，", "")).doubleValue();
      if (d < 0) {
        problems.add(new Problem(file, row.line(), column, v, "不能为负数", "cannot be negative"));
        return null;
      }
      return d;
    } catch (NumberFormatException e) {
      problems.add(new Problem(file, row.line(), column, v, "不是数字", "not a number"));
      return null;
    }
  }

  private static Long number(String file, CsvTable.Row row, String column, List<Problem> problems) {
    String v = column == null ? null : row.get(column);
    if (v == null) {
      return null;
    }
    try {
      long n =
          new java.math.BigDecimal(v.replace(",", "").replace("，", ""))
              .setScale(0, java.math.RoundingMode.HALF_UP)
              .longValueExact();
      if (n < 0) {
        problems.add(new Problem(file, row.line(), column, v, "不能为负数", "cannot be negative"));
        return null;
      }
      return n;
    } catch (NumberFormatException | ArithmeticException e) {
      problems.add(new Problem(file, row.line(), column, v, "不是数字", "not a number"));
      return null;
    }
  }
}
