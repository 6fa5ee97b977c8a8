package org.vsmap.pipeline.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vsmap.geo.model.Honour;
import org.vsmap.geo.model.Honour.HonourLevel;
import org.vsmap.geo.model.Honour.HonourSubject;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.port.Problem;
import org.vsmap.pipeline.csv.CsvTable;

/**
 * An office's list of honours (荣誉表彰名单): title, year, level, awarding body and who or what was
 * honoured — a station, team or activity by its id, a community by its region code, or a volunteer
 * (with a team, optionally). A volunteer's name is taken only when the row says the volunteer
 * agreed to its publication (本人同意公开姓名 = 是); a name without that is a problem, not silently kept.
 * Every problem is reported by row and column; a file with any is not written.
 */
public final class HonourImport {
  static final Map<String, List<String>> HEADERS =
      Map.ofEntries(
          Map.entry("id", List.of("id", "编号", "荣誉编号")),
          Map.entry("title", List.of("title", "荣誉名称", "荣誉称号", "称号")),
          Map.entry("year", List.of("year", "年度", "年份")),
          Map.entry("level", List.of("level", "级别", "荣誉级别", "表彰级别")),
          Map.entry("awarded_by", List.of("awarded_by", "授予单位", "颁发单位", "表彰单位")),
          Map.entry("subject", List.of("subject", "对象类型", "表彰对象类型")),
          Map.entry("subject_id", List.of("subject_id", "对象编号", "对象代码")),
          Map.entry("region_code", List.of("region_code", "区划代码", "行政区划代码")),
          Map.entry("volunteer_name", List.of("volunteer_name", "志愿者姓名", "姓名")),
          Map.entry("consent", List.of("consent", "本人同意公开姓名", "同意公开姓名")),
          Map.entry("citation", List.of("citation", "事迹简介", "简介", "事迹")),
          Map.entry("synthetic", List.of("synthetic", "合成数据")));

  /** What the store knows: the public records by id with their regions, and the regions. */
  public record Known(
      Map<String, Region> regions,
      Function<String, String> stationRegion,
      Function<String, String> teamRegion,
      Function<String, String> activityRegion) {}

  public record Result(List<Honour> honours, List<Problem> problems) {}

  private HonourImport() {}

  public static Result read(Grid grid, Known known) {
    List<Problem> problems = new ArrayList<>(grid.formulaProblems());
    CsvTable table = grid.table(HEADERS);
    Map<String, String> columns = Grid.columns(table.header(), HEADERS);
    problems.addAll(
        Grid.missingColumns(
            grid.file(), columns, HEADERS, "title", "year", "level", "awarded_by", "subject"));
    if (!problems.isEmpty()) {
      return new Result(List.of(), problems);
    }
    List<Honour> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (CsvTable.Row row : table.rows()) {
      int before = problems.size();
      Cell c = new Cell(grid.file(), row, columns, problems);
      String title = c.required("title", "荣誉名称");
      Integer year = c.year();
      HonourLevel level = c.level();
      String by = c.required("awarded_by", "授予单位");
      HonourSubject subject = c.subject();
      String subjectId = c.get("subject_id");
      String region = c.get("region_code");
      String name = c.get("volunteer_name");
      boolean consent = c.yes("consent");
      if (subject != null) {
        region = region(c, known, subject, subjectId, region, name, consent);
      }
      if (problems.size() > before) {
        continue;
      }
      String id =
          c.get("id") != null
              ? c.get("id")
              : "hn-"
                  + digest(
                      String.join(
                          "|",
                          title,
                          String.valueOf(year),
                          String.valueOf(subject),
                          String.valueOf(subjectId),
                          String.valueOf(region),
                          name == null ? "" : name));
      try {
        Honour h =
            new Honour(
                id,
                title,
                year,
                level,
                by,
                subject,
                subjectId,
                region,
                name,
                c.get("citation"),
                c.yes("synthetic"),
                null);
        Integer first = seen.putIfAbsent(id, row.line());
        if (first != null) {
          problems.add(
              Problem.duplicate(
                  grid.file(), row.line(), columns.getOrDefault("id", "title"), id, first));
        } else {
          out.add(h);
        }
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.add(
            new Problem(
                grid.file(),
                row.line(),
                columns.get("title"),
                title,
                "数据不合规：" + e.getMessage(),
                String.valueOf(e.getMessage())));
      }
    }
    return new Result(out, problems);
  }

  /**
   * The region an honour belongs to: its subject's (a station's, team's or activity's region, a
   * community's code) or, for a volunteer, the one given or their team's. Every mismatch, unknown
   * code or name without consent is a problem of the row.
   */
  private static String region(
      Cell c,
      Known known,
      HonourSubject subject,
      String subjectId,
      String region,
      String name,
      boolean consent) {
    String derived =
        switch (subject) {
          case STATION -> c.known(subjectId, known.stationRegion(), "站点");
          case TEAM -> c.known(subjectId, known.teamRegion(), "队伍");
          case ACTIVITY -> c.known(subjectId, known.activityRegion(), "活动");
          case COMMUNITY ->
              subjectId == null
                  ? c.missing("subject_id", "社区的区划代码")
                  : known.regions().containsKey(subjectId)
                      ? subjectId
                      : c.problem("subject_id", subjectId, "未知的区划代码", "unknown region code");
          case VOLUNTEER -> subjectId == null ? null : c.known(subjectId, known.teamRegion(), "队伍");
        };
    if (subject == HonourSubject.VOLUNTEER) {
      if (region == null && derived == null) {
        c.missing("region_code", "志愿者所在的区划代码（或所属队伍编号）");
      } else if (region != null && !known.regions().containsKey(region)) {
        c.problem("region_code", region, "未知的区划代码", "unknown region code");
      }
      region = region != null ? region : derived;
      if (name != null && !consent) {
        c.problem(
            "volunteer_name",
            name,
            "只有本人同意公开时才能填写姓名（本人同意公开姓名 = 是）；否则请留空",
            "a volunteer's name is published only with the volunteer's consent (consent = yes); otherwise leave it empty");
      }
    } else {
      if (name != null) {
        c.problem(
            "volunteer_name",
            name,
            "只有表彰志愿者个人时才填写姓名",
            "a name belongs only to an honour for a volunteer");
      }
      if (region != null
          && derived != null
          && !derived.startsWith(region)
          && !region.equals(derived)) {
        c.problem(
            "region_code",
            region,
            "与" + subject.zh() + "所在区划 " + derived + " 不一致",
            "differs from the region " + derived + " of the " + subject.en());
      }
      region = derived;
    }
    return region;
  }

  private static String digest(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One row's cells, each problem recorded with its row and column. */
  private record Cell(
      String file, CsvTable.Row row, Map<String, String> columns, List<Problem> problems) {
    String get(String field) {
      String col = columns.get(field);
      String v = col == null ? null : row.get(col);
      return v == null || v.isBlank() ? null : v.strip();
    }

    String problem(String field, String value, String zh, String en) {
      problems.add(
          new Problem(file, row.line(), columns.getOrDefault(field, field), value, zh, en));
      return null;
    }

    String missing(String field, String what) {
      return problem(field, null, what + "为必填项", field + " is required");
    }

    String required(String field, String zh) {
      String v = get(field);
      return v != null ? v : missing(field, zh);
    }

    boolean yes(String field) {
      String v = get(field);
      return v != null && List.of("是", "yes", "true", "1", "y", "同意").contains(v.toLowerCase());
    }

    Integer year() {
      String v = get("year");
      if (v == null) {
        missing("year", "年度");
        return null;
      }
      String digits = v.replace("年", "").replace("度", "").strip();
      try {
        int y = Integer.parseInt(digits);
        if (y < 1949 || y > 2100) {
          problem("year", v, "年度应在 1949 至 2100 之间", "the year must be between 1949 and 2100");
          return null;
        }
        return y;
      } catch (NumberFormatException e) {
        problem("year", v, "不是年份", "not a year");
        return null;
      }
    }

    HonourLevel level() {
      String v = get("level");
      if (v == null) {
        missing("level", "级别");
        return null;
      }
      return switch (v.toUpperCase()) {
        case "NATIONAL", "国家级", "全国", "全国级" -> HonourLevel.NATIONAL;
        case "PROVINCE", "PROVINCIAL", "省级", "自治区级", "省（自治区）级" -> HonourLevel.PROVINCE;
        case "CITY", "市级", "盟市级" -> HonourLevel.CITY;
        case "DISTRICT", "COUNTY", "区级", "县级", "旗级", "区县级", "旗区级" -> HonourLevel.DISTRICT;
        default -> {
          problem(
              "level",
              v,
              "级别应为 国家级、省级、市级 或 区县级",
              "the level must be national, provincial, city or district");
          yield null;
        }
      };
    }

    HonourSubject subject() {
      String v = get("subject");
      if (v == null) {
        missing("subject", "对象类型");
        return null;
      }
      return switch (v.toUpperCase()) {
        case "STATION", "站点", "志愿服务站", "志愿服务站点" -> HonourSubject.STATION;
        case "TEAM", "ORGANISATION", "队伍", "组织", "志愿服务组织", "志愿服务队" -> HonourSubject.TEAM;
        case "ACTIVITY", "PROJECT", "活动", "项目", "志愿服务项目" -> HonourSubject.ACTIVITY;
        case "COMMUNITY", "社区", "志愿服务社区" -> HonourSubject.COMMUNITY;
        case "VOLUNTEER", "志愿者", "个人" -> HonourSubject.VOLUNTEER;
        default -> {
          problem(
              "subject",
              v,
              "对象类型应为 站点、队伍、项目、社区 或 志愿者",
              "the subject must be station, team, project, community or volunteer");
          yield null;
        }
      };
    }

    /** The region of a station, team or activity named by id; a problem when there is none. */
    String known(String id, Function<String, String> regionOf, String what) {
      if (id == null) {
        return missing("subject_id", what + "编号");
      }
      String region = regionOf.apply(id);
      return region != null
          ? region
          : problem("subject_id", id, "没有这个" + what + "编号", "no such " + what + " id");
    }
  }
}
