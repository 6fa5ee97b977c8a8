package org.vsmap.pipeline.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.spatial.ChinaOffsets;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.csv.CsvTable;

/**
 * Reads an office's station list (CSV in UTF-8 or GBK, Chinese or English headers, coordinates in a
 * declared system) into stations, checking every row. Nothing is written here: the result is the
 * stations that passed and a report of every problem by row, column, value and reason in Chinese
 * and English, so a caller can show a preview and apply all or nothing.
 */
public final class StationImport {

  /**
   * What the file holds: the stations that passed, the problems (which block the file), the
   * warnings (likely duplicates, which do not), and how the file was read.
   */
  public record Result(
      List<Station> stations,
      List<Problem> problems,
      List<Problem> warnings,
      String encoding,
      List<org.vsmap.geo.model.RestrictedContact> contacts) {

    public Result(
        List<Station> stations, List<Problem> problems, List<Problem> warnings, String encoding) {
      this(stations, problems, warnings, encoding, List.of());
    }

    public boolean clean() {
      return problems.isEmpty();
    }
  }

  static final Map<String, List<String>> SYNONYMS = new LinkedHashMap<>();

  static {
    SYNONYMS.put("id", List.of("id", "编号", "站点编号", "站点id"));
    SYNONYMS.put("name", List.of("name", "名称", "站点名称", "志愿服务站名称", "服务站名称"));
    SYNONYMS.put("type", List.of("type", "类型", "站点类型"));
    SYNONYMS.put("region_code", List.of("region_code", "区划代码", "行政区划代码", "社区代码", "统计用区划代码"));
    SYNONYMS.put("address", List.of("address", "地址", "详细地址"));
    SYNONYMS.put("lon", List.of("lon", "lng", "longitude", "经度"));
    SYNONYMS.put("lat", List.of("lat", "latitude", "纬度"));
    SYNONYMS.put("opening_hours", List.of("opening_hours", "开放时间", "服务时间"));
    SYNONYMS.put("services", List.of("services", "服务内容", "服务项目"));
    SYNONYMS.put("public_contact", List.of("public_contact", "联系电话", "服务电话", "电话"));
    SYNONYMS.put("five_has", List.of("five_has", "五有"));
    SYNONYMS.put("synthetic", List.of("synthetic", "合成数据", "是否合成数据"));
    // personal data: kept in the restricted table for the owning office, never published
    SYNONYMS.put("person", List.of("person", "负责人姓名", "负责人", "站长姓名", "联系人"));
    SYNONYMS.put("mobile", List.of("mobile", "负责人手机号码", "负责人手机", "手机号码", "手机"));
  }

  private static final Map<String, StationType> TYPE_NAMES = new HashMap<>();

  static {
    for (StationType t : StationType.values()) {
      TYPE_NAMES.put(t.name().toLowerCase(), t);
      TYPE_NAMES.put(t.zh(), t);
    }
    TYPE_NAMES.put("社区志愿服务站", StationType.COMMUNITY);
    TYPE_NAMES.put("便民志愿服务点", StationType.CONVENIENCE_POINT);
    TYPE_NAMES.put("示范站点", StationType.DEMONSTRATION);
    TYPE_NAMES.put("驿站", StationType.DEMONSTRATION);
    TYPE_NAMES.put("总站", StationType.HEAD_STATION);
  }

  private StationImport() {}

  /**
   * Reads {@code bytes} of a CSV file (UTF-8 or GBK) or an XLSX workbook (its first sheet). {@code
   * regions} are the known regions by code (their boundaries, where known, check that each point
   * lies in its county).
   */
  public static Result read(
      String file,
      byte[] bytes,
      String encoding,
      CoordinateSystem crs,
      Map<String, Region> regions,
      boolean synthetic) {
    return read(Grid.read(file, bytes, encoding), crs, regions, synthetic);
  }

  /** Reads the lines of an office's file (possibly through a saved column mapping). */
  public static Result read(
      Grid grid, CoordinateSystem crs, Map<String, Region> regions, boolean synthetic) {
    String file = grid.file();
    CsvTable table = grid.table(SYNONYMS);
    String readAs = grid.readAs();
    Map<String, String> columns = Grid.columns(table.header(), SYNONYMS);
    List<Problem> problems = new ArrayList<>();
    problems.addAll(Grid.missingColumns(file, columns, SYNONYMS, "name", "region_code"));
    if (!problems.isEmpty()) {
      return new Result(List.of(), problems, List.of(), readAs);
    }
    List<Station> stations = new ArrayList<>();
    List<org.vsmap.geo.model.RestrictedContact> contacts = new ArrayList<>();
    List<Problem> placed = new ArrayList<>();
    Placement placement = new Placement(regions);
    Map<String, Integer> seenIds = new HashMap<>();
    for (CsvTable.Row row : table.rows()) {
      int before = problems.size();
      problems.addAll(formulas(file, row));
      if (problems.size() > before) {
        continue;
      }
      Station s = station(file, row, columns, crs, regions, placement, synthetic, problems, placed);
      String person = cell(row, columns, "person");
      String mobile = mobile(file, row, columns, problems);
      if (s != null && problems.size() == before && (person != null || mobile != null)) {
        contacts.add(
            new org.vsmap.geo.model.RestrictedContact(
                org.vsmap.geo.model.Kind.STATION, s.id(), s.regionCode(), person, mobile));
      }
      if (s != null && problems.size() == before) {
        Integer first = seenIds.putIfAbsent(s.id(), row.line());
        if (first != null) {
          // without an id column the id comes from the name: say so in the file's own words
          boolean ids = columns.containsKey("id");
          problems.add(
              Problem.duplicate(
                  file,
                  row.line(),
                  ids ? columns.get("id") : columns.getOrDefault("name", "name"),
                  ids ? s.id() : s.name(),
                  first));
        } else {
          stations.add(s);
        }
      }
    }
    List<Problem> warnings = new ArrayList<>(placed);
    warnings.addAll(LikelyDuplicates.find(file, stations, List.of()));
    return new Result(stations, problems, warnings, readAs, contacts);
  }

  private static Station station(
      String file,
      CsvTable.Row row,
      Map<String, String> columns,
      CoordinateSystem crs,
      Map<String, Region> regions,
      Placement placement,
      boolean synthetic,
      List<Problem> problems,
      List<Problem> placed) {
    String name = cell(row, columns, "name");
    String region = cell(row, columns, "region_code");
    int line = row.line();
    if (name == null) {
      problems.add(
          new Problem(file, line, columns.get("name"), null, "名称为必填项", "name is required"));
    }
    Region r = region == null ? null : regions.get(region);
    if (region == null) {
      problems.add(
          new Problem(
              file, line, columns.get("region_code"), null, "区划代码为必填项", "region code is required"));
    } else if (r == null) {
      problems.add(
          new Problem(
              file, line, columns.get("region_code"), region, "未知的区划代码", "unknown region code"));
    }
    GeoPoint point;
    boolean approximate = false;
    if (cell(row, columns, "lon") == null && cell(row, columns, "lat") == null && r != null) {
      // no coordinates at all: the centroid of the region (or of the one the address names),
      // flagged approximate
      point = approximate(file, row, columns, placement, region, problems, placed);
      approximate = true;
    } else {
      point = point(file, row, columns, crs, problems);
    }
    if (point != null && r != null && !approximate) {
      outsideCounty(file, line, columns, crs, placement, region, point, problems);
    }
    StationType type = type(file, row, columns, problems);
    FiveHas fiveHas = fiveHas(file, row, columns, problems);
    String services = cell(row, columns, "services");
    if (name == null || r == null || point == null || type == null) {
      return null;
    }
    String id = cell(row, columns, "id");
    try {
      return new Station(
          id != null ? id : stableId(region, name),
          name,
          type,
          region,
          cell(row, columns, "address"),
          point,
          cell(row, columns, "opening_hours"),
          services == null ? List.of() : Arrays.asList(services.split("[;；、,，]\\s*")),
          cell(row, columns, "public_contact"),
          fiveHas,
          synthetic || TeamActivityImport.yes(cell(row, columns, "synthetic")),
          approximate);
    } catch (IllegalArgumentException e) {
      String column =
          e.getMessage().contains("contact") ? columns.get("public_contact") : columns.get("name");
      problems.add(
          new Problem(
              file,
              line,
              column,
              cell(row, columns, "public_contact"),
              e.getMessage().contains("mobile") ? "联系电话像是个人手机号，公开信息只收录办公电话" : "数据不合规",
              e.getMessage()));
      return null;
    }
  }

  /**
   * Where a station without coordinates goes: the centroid of its region (or of the one the address
   * names), with a warning; a problem when there is none.
   */
  private static GeoPoint approximate(
      String file,
      CsvTable.Row row,
      Map<String, String> columns,
      Placement placement,
      String region,
      List<Problem> problems,
      List<Problem> placed) {
    int line = row.line();
    Placement.Place at = placement.atRegion(region, cell(row, columns, "address"));
    if (at == null) {
      problems.add(
          new Problem(
              file,
              line,
              columns.getOrDefault("lon", "lon"),
              null,
              "缺少坐标，且区划没有已知中心点",
              "coordinates are missing and the region has no known centroid"));
    } else {
      placed.add(
          new Problem(
              file,
              line,
              columns.getOrDefault("lon", "lon"),
              null,
              "缺少坐标，位置为近似：" + at.howZh(),
              "no coordinates: approximate location at the " + at.howEn()));
    }
    return at == null ? null : at.point();
  }

  /** Each cell holding a spreadsheet formula. */
  private static List<Problem> formulas(String file, CsvTable.Row row) {
    List<Problem> out = new ArrayList<>();
    for (Map.Entry<String, String> cell : row.values().entrySet()) {
      String v = cell.getValue();
      if (SheetTable.isFormula(v)) {
        out.add(
            new Problem(
                file,
                row.line(),
                cell.getKey(),
                SheetTable.shown(v),
                "不接受公式，请粘贴为数值",
                "formulas are not accepted: paste the values"));
      }
    }
    return out;
  }

  /** The contact's mobile number, normalised (restricted: never published). */
  private static String mobile(
      String file, CsvTable.Row row, Map<String, String> columns, List<Problem> problems) {
    String mobile = cell(row, columns, "mobile");
    if (mobile != null) {
      try {
        return org.vsmap.geo.model.RestrictedContact.normaliseMobile(mobile);
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                file,
                row.line(),
                columns.get("mobile"),
                mobile,
                "手机号码格式不对（应为 11 位，以 13–19 开头）",
                "wrong mobile number format (11 digits starting 13–19)"));
      }
    }
    return mobile;
  }

  /** A point outside the station's county (often a wrong coordinate system) is a problem. */
  private static void outsideCounty(
      String file,
      int line,
      Map<String, String> columns,
      CoordinateSystem crs,
      Placement placement,
      String region,
      GeoPoint point,
      List<Problem> problems) {
    Region county = placement.countyNotHolding(region, point);
    if (county != null) {
      problems.add(
          new Problem(
              file,
              line,
              columns.get("lon") + "/" + columns.get("lat"),
              point.lon() + "," + point.lat(),
              "坐标不在" + county.name() + "境内（请检查坐标系：" + crs + "）",
              "point is outside "
                  + county.code()
                  + " "
                  + county.name()
                  + " (check the declared coordinate system: "
                  + crs
                  + ")"));
    }
  }

  private static StationType type(
      String file, CsvTable.Row row, Map<String, String> columns, List<Problem> problems) {
    String typeText = cell(row, columns, "type");
    if (typeText == null) {
      return StationType.COMMUNITY;
    }
    StationType type = TYPE_NAMES.get(typeText.toLowerCase());
    if (type == null) {
      type = TYPE_NAMES.get(typeText);
    }
    if (type == null) {
      problems.add(
          new Problem(
              file,
              row.line(),
              columns.get("type"),
              typeText,
              "未知的站点类型",
              "unknown station type; use one of "
                  + Arrays.stream(StationType.values()).map(StationType::zh).toList()));
    }
    return type;
  }

  private static FiveHas fiveHas(
      String file, CsvTable.Row row, Map<String, String> columns, List<Problem> problems) {
    String five = cell(row, columns, "five_has");
    if (five == null) {
      return FiveHas.NONE;
    }
    try {
      return FiveHas.parse(five);
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              file,
              row.line(),
              columns.get("five_has"),
              five,
              "“五有”应为 5 位 0/1，如 11010",
              e.getMessage()));
      return FiveHas.NONE;
    }
  }

  private static GeoPoint point(
      String file,
      CsvTable.Row row,
      Map<String, String> columns,
      CoordinateSystem crs,
      List<Problem> problems) {
    String lonText = cell(row, columns, "lon");
    String latText = cell(row, columns, "lat");
    if (lonText == null || latText == null) {
      problems.add(
          new Problem(
              file,
              row.line(),
              columns.get(lonText == null ? "lon" : "lat"),
              null,
              "缺少坐标",
              "coordinates are required"));
      return null;
    }
    double lon;
    double lat;
    try {
      lon = Double.parseDouble(lonText);
      lat = Double.parseDouble(latText);
    } catch (NumberFormatException e) {
      problems.add(
          new Problem(
              file,
              row.line(),
              columns.get("lon") + "/" + columns.get("lat"),
              lonText + "," + latText,
              "坐标不是数字",
              "coordinates are not numbers"));
      return null;
    }
    if (!ChinaOffsets.inChina(lon, lat)) {
      String hint = ChinaOffsets.inChina(lat, lon) ? "（经纬度是否写反了？）" : "";
      problems.add(
          new Problem(
              file,
              row.line(),
              columns.get("lon") + "/" + columns.get("lat"),
              lonText + "," + latText,
              "坐标不在中国境内" + hint,
              "point is outside China"
                  + (hint.isEmpty() ? "" : " (are longitude and latitude swapped?)")));
      return null;
    }
    return crs.toWgs84(new GeoPoint(lon, lat));
  }

  private static String cell(CsvTable.Row row, Map<String, String> columns, String canonical) {
    String header = columns.get(canonical);
    return header == null ? null : row.get(header);
  }

  /**
   * An id that stays the same when the same station comes again: region code + a digest of the
   * name.
   */
  static String stableId(String region, String name) {
    return ReportImport.stableId("st", region, name, 4); // 4 bytes: the ids stations got first
  }
}
