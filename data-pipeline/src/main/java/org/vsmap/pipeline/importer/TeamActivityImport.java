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
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.spatial.ChinaOffsets;
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
  }

  private TeamActivityImport() {}

  private static String cell(CsvTable.Row row, Map<String, String> columns, String key) {
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
      String homeText = cell(row, c, "home_station");
      Optional<Station> home = stationsByIdOrName.find(homeText);
      if (homeText != null && home.isEmpty()) {
        problems.add(
            new Problem(
                file, line, c.get("home_station"), homeText, "找不到驻地站点", "unknown home station"));
      }
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
      Team t =
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
              yes(cell(row, c, "synthetic")));
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
      Optional<Team> team = found(file, row, c, "team", teamsByIdOrName, problems);
      Theme theme = theme(file, row, c, title, problems);
      Integer participants = count(file, row, c.get("participants"), problems);
      ReportDates.Span span = span(file, row, c, now, problems);
      Integer wanted = count(file, row, c.get("volunteers_wanted"), problems);
      Integer signed = count(file, row, c.get("volunteers_signed_up"), problems);
      Recurrence recurrence = recurrence(file, row, c, problems);
      Optional<Station> station = found(file, row, c, "station", stationsByIdOrName, problems);
      String region = region(file, row, c, station, team, regions, problems);
      Located at =
          locate(file, row, c, crs, station, region, regions, placement, problems, warnings);
      if (problems.size() > before) {
        continue;
      }
      if (at.point() == null) {
        problems.add(unplaced(file, line, c));
        continue;
      }
      String id =
          cell(row, c, "id") != null
              ? cell(row, c, "id")
              : ReportImport.stableId(
                  "ac", region, team.get().id() + "|" + span.start() + "|" + title);
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
                at.approximate()));
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                file, line, c.get("title"), title, "数据不合规：" + e.getMessage(), e.getMessage()));
      }
    }
    return new Result(List.of(), out, problems, warnings);
  }

  /** The theme given (code, Chinese or English name), or guessed from the title and description. */
  private static Theme theme(
      String file, CsvTable.Row row, Map<String, String> c, String title, List<Problem> problems) {
    int line = row.line();
    Theme theme = null;
    String themeText = cell(row, c, "theme");
    if (themeText != null) {
      for (Theme t : Theme.values()) {
        if (t.name().equalsIgnoreCase(themeText)
            || t.zh().equals(themeText)
            || t.en().equalsIgnoreCase(themeText)) {
          theme = t;
        }
      }
      if (theme == null) {
        problems.add(
            new Problem(
                file,
                line,
                c.get("theme"),
                themeText,
                "未知的活动主题（18 类之一）",
                "unknown theme (one of the 18)"));
      }
    } else if (title != null) {
      theme =
          ReportImport.theme(
              title
                  + " "
                  + (cell(row, c, "description") == null ? "" : cell(row, c, "description")));
    }
    return theme;
  }

  /**
   * When: the start (a date, a date and time, or a range), the end (a time that day or a date);
   * participants only for what has ended, nothing past without them. Null when it is a problem.
   */
  private static ReportDates.Span span(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      LocalDateTime now,
      List<Problem> problems) {
    int line = row.line();
    ReportDates.Span span = null;
    String startText = cell(row, c, "start");
    String participantsText =
        cell(row, c, "participants"); // given: a held activity, reported; absent: upcoming
    try {
      if (startText == null) {
        throw new IllegalArgumentException("开始时间为必填项 / the start is required");
      }
      span = ReportDates.parse(startText, now.toLocalDate());
      String endText = cell(row, c, "end");
      if (endText != null) {
        LocalDateTime end =
            endText.matches("\\d{1,2}[:：]\\d{2}")
                ? span.start()
                    .toLocalDate()
                    .atTime(
                        Integer.parseInt(endText.split("[:：]")[0]),
                        Integer.parseInt(endText.split("[:：]")[1]))
                : ReportDates.parse(endText, now.toLocalDate()).start();
        if (!end.isAfter(span.start())) {
          throw new IllegalArgumentException("结束时间不晚于开始时间 / the end is not after the start");
        }
        span = new ReportDates.Span(span.start(), end);
      }
      if (participantsText != null && span.end().isAfter(now)) {
        problems.add(
            new Problem(
                file,
                line,
                c.get("participants"),
                participantsText,
                "参加人数只能填写已结束的活动（即将开展的活动请留空）",
                "participants can only be given for an activity that has ended (leave it empty for upcoming ones)"));
      } else if (participantsText == null && !span.end().isAfter(now)) {
        problems.add(
            new Problem(
                file,
                line,
                c.get("start"),
                startText,
                "活动时间已过：这里只收即将开展的活动（已开展的请用活动情况表）",
                "the activity is in the past: this list is for upcoming activities (report held ones with the 活动情况表)"));
      }
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      String[] parts = String.valueOf(e.getMessage()).split(" / ", 2);
      problems.add(
          new Problem(
              file,
              line,
              c.get("start"),
              startText,
              parts[0],
              parts.length > 1 ? parts[1] : parts[0]));
    }
    return span;
  }

  private static Recurrence recurrence(
      String file, CsvTable.Row row, Map<String, String> c, List<Problem> problems) {
    int line = row.line();
    Recurrence recurrence = Recurrence.ONCE;
    String rec = cell(row, c, "recurrence");
    if (rec != null) {
      recurrence =
          switch (rec.toLowerCase(Locale.ROOT)) {
            case "once", "一次", "单次" -> Recurrence.ONCE;
            case "weekly", "每周" -> Recurrence.WEEKLY;
            default -> {
              problems.add(
                  new Problem(
                      file,
                      line,
                      c.get("recurrence"),
                      rec,
                      "频次应为“一次”或“每周”",
                      "recurrence is once or weekly"));
              yield Recurrence.ONCE;
            }
          };
    }
    return recurrence;
  }

  /**
   * The organiser team (required) or the station (optional) a cell names by id or exact name; a
   * name that matches none is a problem.
   */
  private static <T> Optional<T> found(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      String key,
      Lookup<T> lookup,
      List<Problem> problems) {
    String text = cell(row, c, key);
    Optional<T> found = lookup.find(text);
    if (found.isPresent() || (key.equals("station") && text == null)) {
      return found;
    }
    problems.add(
        key.equals("team")
            ? new Problem(
                file,
                row.line(),
                c.get("team"),
                text,
                "找不到组织队伍（编号或全称）",
                "unknown organiser team (give its id or exact name)")
            : new Problem(file, row.line(), c.get("station"), text, "找不到站点", "unknown station"));
    return found;
  }

  /** The region given, else its station's, else its team's; an unknown code is a problem. */
  private static String region(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      Optional<Station> station,
      Optional<Team> team,
      Map<String, Region> regions,
      List<Problem> problems) {
    String region = cell(row, c, "region_code");
    if (region == null) {
      region = station.map(Station::regionCode).or(() -> team.map(Team::regionCode)).orElse(null);
    }
    if (region != null && !regions.containsKey(region)) {
      problems.add(
          new Problem(
              file, row.line(), c.get("region_code"), region, "未知的区划代码", "unknown region code"));
    }
    return region;
  }

  private static Problem unplaced(String file, int line, Map<String, String> c) {
    return new Problem(
        file,
        line,
        c.getOrDefault("lon", "lon"),
        null,
        "无法确定位置：请给出坐标、站点或区划",
        "cannot place the activity: give coordinates, a station or a region");
  }

  /** Where an activity is, and whether that is only approximate. */
  private record Located(GeoPoint point, boolean approximate) {}

  /**
   * The coordinates given, else its station's place, else its region's centre (approximate, with a
   * warning); null when none of these is known.
   */
  private static Located locate(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      CoordinateSystem crs,
      Optional<Station> station,
      String region,
      Map<String, Region> regions,
      Placement placement,
      List<Problem> problems,
      List<Problem> warnings) {
    int line = row.line();
    GeoPoint point = null;
    boolean approximate = false;
    String lon = cell(row, c, "lon");
    String lat = cell(row, c, "lat");
    if (lon != null && lat != null) {
      try {
        double x = Double.parseDouble(lon);
        double y = Double.parseDouble(lat);
        if (!ChinaOffsets.inChina(x, y)) {
          problems.add(
              new Problem(
                  file,
                  line,
                  c.get("lon") + "/" + c.get("lat"),
                  lon + "," + lat,
                  "坐标不在中国境内",
                  "point is outside China"));
        } else {
          point = crs.toWgs84(new GeoPoint(x, y));
        }
      } catch (NumberFormatException e) {
        problems.add(
            new Problem(
                file,
                line,
                c.get("lon") + "/" + c.get("lat"),
                lon + "," + lat,
                "坐标不是数字",
                "coordinates are not numbers"));
      }
    } else if (station.isPresent()) {
      point = station.get().location();
      approximate = station.get().approximate();
    } else if (region != null && regions.containsKey(region)) {
      Placement.Place at = placement.atRegion(region, null);
      if (at != null) {
        point = at.point();
        approximate = true;
        warnings.add(
            new Problem(
                file,
                line,
                "lon",
                null,
                "缺少坐标和站点，位置为近似：" + at.howZh(),
                "no coordinates or station: approximate location at the " + at.howEn()));
      }
    }
    return new Located(point, approximate);
  }

  /**
   * Records found by id, else by exact name (the first of that name), built once per file instead
   * of searched per row.
   */
  private static final class Lookup<T> {
    private final Function<T, String> id;
    private final Function<T, String> name;
    private final Map<String, T> byId = new HashMap<>();
    private final Map<String, T> byName = new HashMap<>();

    Lookup(List<T> records, Function<T, String> id, Function<T, String> name) {
      this.id = id;
      this.name = name;
      records.forEach(this::add);
    }

    void add(T r) {
      byId.put(id.apply(r), r);
      byName.putIfAbsent(name.apply(r), r);
    }

    Optional<T> find(String text) {
      if (text == null) {
        return Optional.empty();
      }
      T r = byId.get(text);
      return Optional.ofNullable(r != null ? r : byName.get(text));
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
