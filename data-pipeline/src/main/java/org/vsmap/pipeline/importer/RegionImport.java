package org.vsmap.pipeline.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionCode;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.spatial.ChinaOffsets;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.csv.CsvTable;

/**
 * Administrative divisions from an office's or a statistics bureau's file: codes, names, parents,
 * population (CSV/XLSX, including the column layout of the 统计用区划代码 lists: provinceCode, cityCode,
 * areaCode, streetCode) and boundaries (a GeoJSON FeatureCollection, or WKT in a {@code geometry}
 * column), converted from the declared coordinate system. A region already stored keeps its
 * boundary when the file gives none.
 */
public final class RegionImport {

  /** The regions that passed, and the problems. */
  public record Result(List<Region> regions, List<Problem> problems, String encoding) {}

  static final Map<String, List<String>> SYNONYMS = new LinkedHashMap<>();

  static {
    SYNONYMS.put("code", List.of("code", "adcode", "区划代码", "行政区划代码", "统计用区划代码"));
    SYNONYMS.put("name", List.of("name", "名称", "区划名称"));
    SYNONYMS.put("parent_code", List.of("parent_code", "parent", "上级代码", "上级区划代码"));
    SYNONYMS.put("population", List.of("population", "人口", "常住人口"));
    SYNONYMS.put("geometry", List.of("geometry", "boundary", "边界"));
    for (String c : List.of("streetcode", "areacode", "citycode", "provincecode")) {
      SYNONYMS.put(c, List.of(c));
    }
  }

  private RegionImport() {}

  public static Result read(
      String file,
      byte[] bytes,
      String encoding,
      CoordinateSystem crs,
      Map<String, Region> stored) {
    return read(Grid.read(file, bytes, encoding), crs, stored);
  }

  /** Reads the lines of a file (possibly through a saved column mapping). */
  public static Result read(Grid grid, CoordinateSystem crs, Map<String, Region> stored) {
    String file = grid.file();
    CsvTable table = grid.table(SYNONYMS);
    Map<String, String> columns = Grid.columns(table.header(), SYNONYMS);
    List<Problem> problems = new ArrayList<>(grid.formulaProblems());
    if (!columns.containsKey("code")) {
      problems.add(
          new Problem(
              file, 1, "code", null, "缺少区划代码列", "required column missing: code (区划代码, adcode)"));
      return new Result(List.of(), problems, grid.readAs());
    }
    Map<String, Region> known = new HashMap<>(stored);
    List<CsvTable.Row> rows = new ArrayList<>(table.rows());
    rows.sort(
        Comparator.comparingInt(
            (CsvTable.Row r) -> {
              String c = r.get(columns.get("code"));
              return c == null ? 0 : c.length();
            }));
    Map<String, Region> out = new LinkedHashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    WKTReader wkt = new WKTReader();
    for (CsvTable.Row row : rows) {
      Region r = row(file, row, columns, known, lines, crs, wkt, problems);
      if (r != null) {
        out.put(r.code(), r);
      }
    }
    return new Result(List.copyOf(out.values()), problems, grid.readAs());
  }

  /** One line: the region it gives, or null with its problems added. */
  private static Region row(
      String file,
      CsvTable.Row row,
      Map<String, String> columns,
      Map<String, Region> known,
      Map<String, Integer> lines,
      CoordinateSystem crs,
      WKTReader wkt,
      List<Problem> problems) {
    String code = row.get(columns.get("code"));
    int line = row.line();
    Problem bad = checkCode(file, line, columns, code, lines);
    if (bad != null) {
      problems.add(bad);
      return null;
    }
    Region old = known.get(code);
    String name = cell(row, columns, "name");
    if (name == null && old == null) {
      problems.add(
          new Problem(
              file,
              line,
              columns.getOrDefault("name", "name"),
              null,
              "新区划需要名称",
              "a new region needs a name"));
      return null;
    }
    RegionLevel level = RegionLevel.ofCode(code);
    String parent = parent(row, columns, code, old);
    if (level != RegionLevel.PROVINCE && (parent == null || !known.containsKey(parent))) {
      problems.add(noParent(file, line, columns, parent));
      return null;
    }
    String pop = cell(row, columns, "population");
    Long population = pop == null ? (old == null ? null : old.population()) : population(pop);
    if (pop != null && population == null) {
      problems.add(
          new Problem(
              file,
              line,
              columns.get("population"),
              pop,
              "人口应为非负整数",
              "population must be a whole number ≥ 0"));
      return null;
    }
    Geometry boundary = old == null ? null : old.boundary();
    GeoPoint centroid = old == null ? null : old.centroid();
    String g = cell(row, columns, "geometry");
    if (g != null) {
      Shape shape = shape(g, crs, wkt);
      if (shape.problem() != null) {
        problems.add(
            new Problem(
                file, line, columns.get("geometry"), code, shape.problem()[0], shape.problem()[1]));
        return null;
      }
      boundary = shape.boundary();
      centroid = shape.centroid();
    }
    try {
      Region r =
          new Region(
              code,
              name != null ? name : old.name(),
              level,
              level == RegionLevel.PROVINCE ? null : parent,
              population,
              boundary,
              centroid);
      known.put(code, r);
      return r;
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              file, line, columns.get("code"), code, "数据不合规：" + e.getMessage(), e.getMessage()));
    }
    return null;
  }

  /** A code that is no region code, or one an earlier line gave. */
  private static Problem checkCode(
      String file, int line, Map<String, String> columns, String code, Map<String, Integer> lines) {
    if (code == null || !RegionCode.isValid(code)) {
      return new Problem(
          file,
          line,
          columns.get("code"),
          code,
          "区划代码应为 2、4、6、9 或 12 位数字",
          "a region code has 2, 4, 6, 9 or 12 digits");
    }
    Integer first = lines.putIfAbsent(code, line);
    return first == null ? null : Problem.duplicate(file, line, columns.get("code"), code, first);
  }

  private static Problem noParent(
      String file, int line, Map<String, String> columns, String parent) {
    return new Problem(
        file,
        line,
        columns.getOrDefault("parent_code", "parent_code"),
        parent,
        parent == null ? "缺少上级区划" : "上级区划不存在（请先导入上级）",
        parent == null
            ? "the parent region is missing"
            : "unknown parent region (import it first)");
  }

  /** A population figure (thousands separators allowed), or null when it is not one. */
  private static Long population(String text) {
    try {
      long n = Long.parseLong(text.replace(",", ""));
      return n < 0 ? null : n;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The parent: given, or the longest of the adcode columns the code starts with, or the stored
   * region's.
   */
  private static String parent(
      CsvTable.Row row, Map<String, String> columns, String code, Region old) {
    String parent = cell(row, columns, "parent_code");
    if (parent == null) {
      for (String c : List.of("streetcode", "areacode", "citycode", "provincecode")) {
        String p = cell(row, columns, c);
        if (p != null && code.startsWith(p) && p.length() < code.length()) {
          parent = p;
          break;
        }
      }
    }
    if (parent == null && old != null) {
      parent = old.parentCode();
    }
    return parent;
  }

  /** A boundary read from WKT in WGS84 and a point inside it, or why not (zh, en). */
  private record Shape(Geometry boundary, GeoPoint centroid, String[] problem) {}

  private static Shape shape(String g, CoordinateSystem crs, WKTReader wkt) {
    try {
      Geometry read = wkt.read(g);
      read.apply(
          (org.locationtech.jts.geom.CoordinateFilter)
              c -> {
                GeoPoint p = crs.toWgs84(new GeoPoint(c.x, c.y));
                c.x = p.lon();
                c.y = p.lat();
              });
      read.geometryChanged();
      if (!read.isValid()) {
        read = read.buffer(0);
      }
      Coordinate inside = InteriorPointArea.getInteriorPoint(read);
      if (read.getDimension() != 2 || inside == null || !ChinaOffsets.inChina(inside.x, inside.y)) {
        return new Shape(
            null,
            null,
            new String[] {"边界不是中国境内的多边形", "the boundary is not a polygon inside China"});
      }
      read.setSRID(4326);
      return new Shape(read, new GeoPoint(inside.x, inside.y), null);
    } catch (ParseException | IllegalArgumentException e) {
      return new Shape(
          null, null, new String[] {"边界无法读取", "the boundary cannot be read: " + e.getMessage()});
    }
  }

  private static String cell(CsvTable.Row row, Map<String, String> columns, String canonical) {
    String h = columns.get(canonical);
    return h == null ? null : row.get(h);
  }
}
