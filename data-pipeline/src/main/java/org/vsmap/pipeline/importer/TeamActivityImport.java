package org.vsmap.pipeline.importer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Joining;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.csv.CsvTable;

/**
 * Team lists and lists of upcoming activities as offices keep them (CSV, XLSX, GeoJSON; Chinese or
 * English headers). Teams name their parent team and home station by id or exact name; activities
 * name their organiser team and station the same way and take the station's point, their own
 * coordinates (declared system) or the region's centroid (flagged approximate). An upcoming
 * activity that has already ended is a problem — unless the row gives the number who took part
 * (参加人数), which records a held activity and must then have ended — as are unknown themes, negative
 * counts and a team placed under one of its own tier or lower. Only a city corps (总队（市）) has no
 * parent. A 合成数据 column marks synthetic records (the generated sets).
 */
public final class TeamActivityImport {

  /** What passed, and the problems and warnings. */
  public record Result(
      List<Team> teams,
      List<Activity> activities,
      List<Problem> problems,
      List<Problem> warnings,
      List<org.vsmap.geo.model.Pairing> pairings) {
    public Result(
        List<Team> teams,
        List<Activity> activities,
        List<Problem> problems,
        List<Problem> warnings) {
      this(teams, activities, problems, warnings, List.of());
    }
  }

  static final Map<String, List<String>> TEAM_HEADERS = new LinkedHashMap<>();
  static final Map<String, List<String>> ACTIVITY_HEADERS = new LinkedHashMap<>();

  static {
    TEAM_HEADERS.put("id", List.of("id", "队伍编号", "编号"));
    TEAM_HEADERS.put("name", List.of("name", "队伍名称", "名称", "志愿服务组织名称"));
    TEAM_HEADERS.put("level", List.of("level", "层级", "级别"));
    TEAM_HEADERS.put("parent", List.of("parent", "parent_id", "上级队伍", "上级"));
    TEAM_HEADERS.put("region_code", List.of("region_code", "区划代码", "行政区划代码"));
    TEAM_HEADERS.put("supervising_unit", List.of("supervising_unit", "主管单位"));
    TEAM_HEADERS.put("founded", List.of("founded", "成立时间", "注册成立时间", "成立日期"));
    TEAM_HEADERS.put("speciality", List.of("speciality", "专长", "服务领域"));
    TEAM_HEADERS.put(
        "paired_communities", List.of("paired_communities", "结对社区代码", "结对社区", "结对共建社区"));
    TEAM_HEADERS.put("home_station", List.of("home_station", "home_station_id", "驻地站点", "所在站点"));
    TEAM_HEADERS.put("member_count", List.of("member_count", "队员人数", "人数"));
    TEAM_HEADERS.put("synthetic", List.of("synthetic", "合成数据", "是否合成数据"));
    ACTIVITY_HEADERS.put("id", List.of("id", "活动编号", "编号"));
    ACTIVITY_HEADERS.put("title", List.of("title", "活动名称", "名称", "标题"));
    ACTIVITY_HEADERS.put("description", List.of("description", "活动内容", "活动内容简介", "简介"));
    ACTIVITY_HEADERS.put("theme", List.of("theme", "主题", "活动主题"));
    ACTIVITY_HEADERS.put("team", List.of("team", "organiser_team_id", "组织队伍", "志愿服务组织名称", "主办队伍"));
    ACTIVITY_HEADERS.put("station", List.of("station", "station_id", "站点", "活动站点"));
    ACTIVITY_HEADERS.put("region_code", List.of("region_code", "区划代码", "行政区划代码"));
    ACTIVITY_HEADERS.put("lon", List.of("lon", "lng", "经度"));
    ACTIVITY_HEADERS.put("lat", List.of("lat", "纬度"));
    ACTIVITY_HEADERS.put("start", List.of("start", "开始时间", "日期及时间", "时间"));
    ACTIVITY_HEADERS.put("end", List.of("end", "结束时间"));
    ACTIVITY_HEADERS.put("recurrence", List.of("recurrence", "频次", "重复"));
    ACTIVITY_HEADERS.put("volunteers_wanted", List.of("volunteers_wanted", "招募人数"));
    ACTIVITY_HEADERS.put("volunteers_signed_up", List.of("volunteers_signed_up", "已报名人数", "报名人数"));
    ACTIVITY_HEADERS.put("records_service_hours", List.of("records_service_hours", "是否记录时长"));
    ACTIVITY_HEADERS.put("published_nationally", List.of("published_nationally", "项目是否发布"));
    ACTIVITY_HEADERS.put("participants", List.of("participants", "参加人数", "志愿者参加人数", "参加活动志愿者人数"));
    ACTIVITY_HEADERS.put("synthetic", List.of("synthetic", "合成数据", "是否合成数据"));
    JoiningCells.headers(ACTIVITY_HEADERS);
    TEAM_HEADERS.put("public_contact", List.of("public_contact", "联系电话", "办公电话"));
    TEAM_HEADERS.put("signup_url", List.of("signup_url", "报名链接", "加入链接", "志愿中国链接"));
  }

  private TeamActivityImport() {}

  static String cell(CsvTable.Row row, Map<String, String> columns, String key) {
    String h = columns.get(key);
    return h == null ? null : row.get(h);
  }

  private static boolean required(
      String file,
      Map<String, String> columns,
      Map<String, List<String>> synonyms,
      List<Problem> problems,
      String... keys) {
    List<Problem> missing = Grid.missingColumns(file, columns, synonyms, keys);
    problems.addAll(missing);
    return missing.isEmpty();
  }

  /**
   * A team list. {@code teams}, {@code stations}: what the store holds, for names and parents;
   * {@code today}: the day a founding date without a year is read in.
   */
  public static Result teams(
      Grid grid,
      Map<String, Region> regions,
      List<Team> teams,
      List<Station> stations,
      LocalDate today) {
    String file = grid.file();
    CsvTable table = grid.table(TEAM_HEADERS);
    Map<String, String> c = Grid.columns(table.header(), TEAM_HEADERS);
    List<Problem> problems = new ArrayList<>(grid.formulaProblems());
    if (!required(file, c, TEAM_HEADERS, problems, "name", "region_code", "parent")) {
      return new Result(List.of(), List.of(), problems, List.of());
    }
    Lookup<Team> known = new Lookup<>(teams, Team::id, Team::name);
    Lookup<Station> stationsByIdOrName = new Lookup<>(stations, Station::id, Station::name);
    List<Team> out = new ArrayList<>();
    List<org.vsmap.geo.model.Pairing> pairings = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (CsvTable.Row row : table.rows()) {
      int before = problems.size();
      int line = row.line();
      String name = cell(row, c, "name");
      List<String> paired = paired(file, row, c, regions, problems);
      String region = cell(row, c, "region_code");
      if (name == null) {
        problems.add(new Problem(file, line, c.get("name"), null, "名称为必填项", "name is required"));
      }
      if (region == null || !regions.containsKey(region)) {
        problems.add(
            new Problem(
                file, line, c.get("region_code"), region, "未知的区划代码", "unknown region code"));
      }
      Optional<Team> parent = known.find(cell(row, c, "parent"));
      TeamLevel level = level(file, row, c, parent, problems);
      Integer members = count(file, row, c.get("member_count"), problems);
      LocalDate founded = founded(file, row, c, today, problems);
      Optional<Station> home =
          ActivityCells.found(file, row, c, "home_station", stationsByIdOrName, problems);
      if (problems.size() > before) {
        continue;
      }
      String id =
          cell(row, c, "id") != null
              ? cell(row, c, "id")
              : ReportImport.stableId("tm", region, name);
      Integer first = seen.putIfAbsent(id, line);
      if (first != null) {
        problems.add(Problem.duplicate(file, line, c.get("name"), name, first));
        continue;
      }
      Team t;
      try {
        t =
            new Team(
                id,
                name,
                level,
                parent.map(Team::id).orElse(null),
                region,
                cell(row, c, "supervising_unit"),
                founded,
                cell(row, c, "speciality"),
                home.map(Station::id).orElse(null),
                members == null ? 0 : members,
                yes(cell(row, c, "synthetic")),
                cell(row, c, "public_contact"),
                cell(row, c, "signup_url"));
      } catch (IllegalArgumentException e) {
        problems.add(JoiningCells.teamProblem(file, row, c, e));
        continue;
      }
      out.add(t);
      known.add(t);
      paired.stream()
          .distinct()
          .forEach(code -> pairings.add(new org.vsmap.geo.model.Pairing(t.id(), code)));
    }
    return new Result(out, List.of(), problems, List.of(), pairings);
  }

  /** The communities a unit is paired with (结对社区), each a known 12-digit community code. */
  private static List<String> paired(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      Map<String, Region> regions,
      List<Problem> problems) {
    int line = row.line();
    List<String> paired = new ArrayList<>();
    String pairedText = cell(row, c, "paired_communities");
    if (pairedText != null) {
      for (String code : pairedText.split("[;；,，、\\s]+")) {
        if (code.isBlank()) {
          continue;
        }
        Region community = regions.get(code.strip());
        if (community == null || community.level() != org.vsmap.geo.model.RegionLevel.COMMUNITY) {
          problems.add(
              new Problem(
                  file,
                  line,
                  c.get("paired_communities"),
                  code,
                  "结对社区须为已知的社区（村）12 位区划代码",
                  "a paired community must be a known community (village-level, 12-digit) code"));
        } else {
          paired.add(community.code());
        }
      }
    }
    return paired;
  }

  /**
   * The team's level: given, or one below its parent's; a city corps has no parent, every other
   * team sits below its parent's tier.
   */
  private static TeamLevel level(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      Optional<Team> parent,
      List<Problem> problems) {
    int line = row.line();
    String levelText = cell(row, c, "level");
    TeamLevel level = levelText == null ? null : teamLevel(levelText);
    boolean cityCorps = level == TeamLevel.CITY_CORPS;
    if (cityCorps && cell(row, c, "parent") != null) {
      problems.add(
          new Problem(
              file,
              line,
              c.get("parent"),
              cell(row, c, "parent"),
              "市级总队没有上级队伍，上级一栏应留空",
              "a city corps has no parent team: leave the parent empty"));
    } else if (parent.isEmpty() && !cityCorps) {
      problems.add(
          new Problem(
              file,
              line,
              c.get("parent"),
              cell(row, c, "parent"),
              "找不到上级队伍（编号或全称）",
              "unknown parent team (give its id or exact name)"));
    }
    if (levelText != null && level == null) {
      problems.add(
          new Problem(file, line, c.get("level"), levelText, "未知的队伍层级", "unknown team level"));
    }
    if (parent.isPresent() && level == null && levelText == null) {
      level =
          TeamLevel.values()[
              Math.min(parent.get().level().ordinal() + 1, TeamLevel.values().length - 1)];
    }
    if (parent.isPresent() && level != null && !cityCorps && !parent.get().mayParent(level)) {
      problems.add(
          new Problem(
              file,
              line,
              c.get("level"),
              levelText,
              "层级不能与上级相同或更高（上级：" + parent.get().level().zh() + "）",
              "a team must sit below its parent's tier (" + parent.get().level().en() + ")"));
    }
    return level;
  }

  private static LocalDate founded(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      LocalDate today,
      List<Problem> problems) {
    int line = row.line();
    LocalDate founded = null;
    String f = cell(row, c, "founded");
    if (f != null) {
      try {
        founded = ReportDates.parse(f, today).start().toLocalDate();
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                file, line, c.get("founded"), f, "成立时间不是日期", "the founding date is not a date"));
      }
    }
    return founded;
  }

  /**
   * A list of upcoming activities (and held ones with their 参加人数); {@code now}: an activity without
   * participants that has already ended is refused.
   */
  public static Result activities(
      Grid grid,
      CoordinateSystem crs,
      Map<String, Region> regions,
      List<Team> teams,
      List<Station> stations,
      LocalDateTime now) {
    String file = grid.file();
    CsvTable table = grid.table(ACTIVITY_HEADERS);
    Map<String, String> c = Grid.columns(table.header(), ACTIVITY_HEADERS);
    List<Problem> problems = new ArrayList<>(grid.formulaProblems());
    List<Problem> warnings = new ArrayList<>();
    Lookup<Team> teamsByIdOrName = new Lookup<>(teams, Team::id, Team::name);
    Lookup<Station> stationsByIdOrName = new Lookup<>(stations, Station::id, Station::name);
    Placement placement = new Placement(regions);
    if (!required(file, c, ACTIVITY_HEADERS, problems, "title", "team", "start")) {
      return new Result(List.of(), List.of(), problems, warnings);
    }
    List<Activity> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (CsvTable.Row row : table.rows()) {
      int before = problems.size();
      int line = row.line();
      String title = cell(row, c, "title");
      if (title == null) {
        problems.add(
            new Problem(file, line, c.get("title"), null, "活动名称为必填项", "title is required"));
      }
      Optional<Team> team = ActivityCells.found(file, row, c, "team", teamsByIdOrName, problems);
      Theme theme = ActivityCells.theme(file, row, c, title, problems);
      Integer participants = count(file, row, c.get("participants"), problems);
      ReportDates.Span span = ActivityCells.span(file, row, c, now, problems);
      Integer wanted = count(file, row, c.get("volunteers_wanted"), problems);
      Integer signed = count(file, row, c.get("volunteers_signed_up"), problems);
      Recurrence recurrence = ActivityCells.recurrence(file, row, c, problems);
      Optional<Station> station =
          ActivityCells.found(file, row, c, "station", stationsByIdOrName, problems);
      String region = ActivityCells.region(file, row, c, station, team, regions, problems);
      ActivityCells.Located at =
          ActivityCells.locate(
              file, row, c, crs, station, region, regions, placement, problems, warnings);
      Joining joining =
          JoiningCells.read(file, row, c, now.toLocalDate(), span, recurrence, problems);
      if (problems.size() > before) {
        continue;
      }
      if (at.point() == null) {
        problems.add(ActivityCells.unplaced(file, line, c));
        continue;
      }
      String id = activityId(row, c, region, team.get(), span, title);
      Integer first = seen.putIfAbsent(id, line);
      if (first != null) {
        problems.add(Problem.duplicate(file, line, c.get("title"), title, first));
        continue;
      }
      try {
        out.add(
            new Activity(
                id,
                title,
                cell(row, c, "description"),
                theme,
                team.get().id(),
                station.map(Station::id).orElse(null),
                region,
                at.point(),
                span.start(),
                span.end(),
                recurrence,
                wanted == null ? 0 : wanted,
                signed == null ? 0 : signed,
                yes(cell(row, c, "records_service_hours")),
                yes(cell(row, c, "published_nationally")),
                yes(cell(row, c, "synthetic")),
                participants,
                at.approximate(),
                joining));
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                file, line, c.get("title"), title, "数据不合规：" + e.getMessage(), e.getMessage()));
      }
    }
    return new Result(List.of(), out, problems, warnings);
  }

  /** The id given, or one made from the region, team, start and title (stable across imports). */
  private static String activityId(
      CsvTable.Row row,
      Map<String, String> c,
      String region,
      Team team,
      ReportDates.Span span,
      String title) {
    String given = cell(row, c, "id");
    return given != null
        ? given
        : ReportImport.stableId("ac", region, team.id() + "|" + span.start() + "|" + title);
  }

  /**
   * Records found by id, else by exact name (the first of that name), built once per file instead
   * of searched per row.
   */
  static final class Lookup<T> {
    /** Above this many records, near names are not searched (a file against a national store). */
    private static final int NEAR_AT_MOST = 50_000;

    private final Function<T, String> id;
    private final Function<T, String> name;
    private final Map<String, T> byId = new HashMap<>();
    private final Map<String, T> byName = new HashMap<>();
    private final Map<String, T> byNormalName = new HashMap<>();

    Lookup(List<T> records, Function<T, String> id, Function<T, String> name) {
      this.id = id;
      this.name = name;
      records.forEach(this::add);
    }

    void add(T r) {
      byId.put(id.apply(r), r);
      byName.putIfAbsent(name.apply(r), r);
      byNormalName.putIfAbsent(NameMatch.normal(name.apply(r)), r);
    }

    /** By id, by exact name, or by the name but for spacing, width and punctuation. */
    Optional<T> find(String text) {
      if (text == null) {
        return Optional.empty();
      }
      T r = byId.get(text);
      if (r == null) {
        r = byName.get(text);
      }
      return Optional.ofNullable(r != null ? r : byNormalName.get(NameMatch.normal(text)));
    }

    /** Up to three names near {@code text} (see {@link NameMatch#near}), for the problem. */
    List<String> near(String text) {
      if (text == null || byId.size() > NEAR_AT_MOST) {
        return List.of();
      }
      return NameMatch.near(text, byId.values(), name).stream().map(NameMatch.Near::name).toList();
    }
  }

  /** A tier by its code, Chinese or English name; null when none matches. */
  private static TeamLevel teamLevel(String text) {
    for (TeamLevel l : TeamLevel.values()) {
      if (l.name().equalsIgnoreCase(text) || l.zh().equals(text) || l.en().equalsIgnoreCase(text)) {
        return l;
      }
    }
    return null;
  }

  private static Integer count(
      String file, CsvTable.Row row, String column, List<Problem> problems) {
    String v = column == null ? null : row.get(column);
    if (v == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(v.replaceAll("\\s*(人|名)$", ""));
      if (n < 0) {
        problems.add(
            new Problem(file, row.line(), column, v, "人数不能为负数", "counts cannot be negative"));
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(new Problem(file, row.line(), column, v, "人数应为整数", "counts are whole numbers"));
      return null;
    }
  }

  static boolean yes(String v) {
    return v != null
        && List.of("是", "有", "y", "yes", "true", "1", "√")
            .contains(v.strip().toLowerCase(Locale.ROOT));
  }
}
