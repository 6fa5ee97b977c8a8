package org.vsmap.pipeline.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionCode;
import org.vsmap.geo.model.RestrictedContact;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.port.Problem;

/** Accumulates the records of one file. */
final class ReportBuilder {
  final String file;
  final Region office;
  final ReportImport.Known known;
  final LocalDate today;
  final List<Problem> problems;
  final List<Problem> warnings = new ArrayList<>();
  final Map<String, Team> teams = new LinkedHashMap<>();
  final List<Activity> activities = new ArrayList<>();
  final List<RestrictedContact> contacts = new ArrayList<>();
  final Map<String, Integer> activityLines = new LinkedHashMap<>();
  final Placement placement;

  /** The stations of the office's region, where its activities usually happen. */
  final List<Station> local;

  /** The stored teams of the office's region, by id: what a report's names are matched against. */
  private final List<Team> inRegion;

  /** The streets and communities of the office's region, for places near their names. */
  private final List<Region> placesInRegion;

  ReportBuilder(
      String file,
      Region office,
      ReportImport.Known known,
      LocalDate today,
      List<Problem> problems) {
    this.placement = new Placement(known.regions());
    this.local =
        known.stations().stream()
            .filter(s -> RegionCode.within(s.regionCode(), office.code()))
            .toList();
    this.inRegion =
        known.teams().stream()
            .filter(t -> RegionCode.within(t.regionCode(), office.code()))
            .sorted(Comparator.comparing(Team::id))
            .toList();
    this.placesInRegion =
        known.regions().values().stream()
            .filter(r -> r.code().length() > office.code().length())
            .filter(r -> RegionCode.within(r.code(), office.code()))
            .toList();
    this.file = file;
    this.office = office;
    this.known = known;
    this.today = today;
    this.problems = problems;
  }

  void problem(int line, String column, String value, String zh, String en) {
    problems.add(new Problem(file, line, column, value, zh, en));
  }

  ReportDates.Span span(int line, String column, String text) {
    if (text == null) {
      problem(line, column, null, "日期及时间为必填项", "the date and time are required");
      return null;
    }
    try {
      return ReportDates.parse(text, today);
    } catch (IllegalArgumentException e) {
      String[] parts = e.getMessage().split(" / ", 2);
      problem(line, column, text, parts[0], parts.length > 1 ? parts[1] : parts[0]);
      return null;
    }
  }

  Integer count(int line, String column, String text) {
    if (text == null) {
      problem(line, column, null, "志愿者参加人数为必填项", "the number of volunteers is required");
      return null;
    }
    String digits = text.strip().replaceAll("\\s*(人|名|人次)$", "");
    try {
      int n = new java.math.BigDecimal(digits).intValueExact();
      if (n < 0) {
        problem(line, column, text, "人数不能为负数", "the number of volunteers cannot be negative");
        return null;
      }
      if (n > 100_000) {
        problem(
            line,
            column,
            text,
            "人数过大（超过 100000），请检查",
            "implausibly many volunteers (over 100,000)");
        return null;
      }
      return n;
    } catch (NumberFormatException | ArithmeticException e) {
      problem(line, column, text, "人数应为整数", "the number of volunteers must be a whole number");
      return null;
    }
  }

  boolean yesNo(ReportImport.Cell cell) {
    if (cell == null || cell.value() == null) {
      return false;
    }
    String v = cell.value().strip().toLowerCase();
    if (Set.of("是", "有", "已记录", "已发布", "y", "yes", "true", "√", "1").contains(v)) {
      return true;
    }
    if (!Set.of("否", "无", "未记录", "未发布", "n", "no", "false", "×", "0").contains(v)) {
      problem(cell.line(), cell.label(), cell.value(), "请填“是”或“否”", "answer 是 (yes) or 否 (no)");
    }
    return false;
  }

  /** A known team with what the report says of its unit and founding, where it says it. */
  private static Team reported(Team k, String unit, LocalDate founded) {
    return new Team(
        k.id(),
        k.name(),
        k.level(),
        k.parentId(),
        k.regionCode(),
        unit != null ? unit : k.supervisingUnit(),
        founded != null ? founded : k.founded(),
        k.speciality(),
        k.homeStationId(),
        k.memberCount(),
        k.synthetic());
  }

  /**
   * The team whose name differs only in spacing, width or punctuation, with a warning saying so.
   */
  private Optional<Team> sameName(int line, String name, List<Team> inRegion) {
    Optional<Team> same = NameMatch.same(name, inRegion, Team::name);
    same.ifPresent(
        k ->
            warnings.add(
                new Problem(
                    file,
                    line,
                    "志愿服务组织名称",
                    name,
                    "按已有队伍“" + k.name() + "”读取",
                    "read as the existing team " + k.name())));
    return same;
  }

  /** A name followed by （新建） / (新建) / (new): a new team by the row's own word. */
  private static final java.util.regex.Pattern NEW_MARK =
      java.util.regex.Pattern.compile(
          "[（(]\\s*(?:新建|new)\\s*[)）]\\s*$", java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * A problem naming the teams {@code name} is near (a typo, a homophone, traditional characters):
   * nothing is created from a near miss unless the row says （新建）. True when there was one.
   */
  private boolean nearMiss(int line, String name, List<Team> inRegion) {
    List<NameMatch.Near<Team>> near = NameMatch.near(name, inRegion, Team::name);
    if (near.isEmpty()) {
      return false;
    }
    String names = String.join("、", near.stream().map(NameMatch.Near::name).toList());
    problem(
        line,
        "志愿服务组织名称",
        name,
        "您是不是指 " + names + "？如确是新队伍，请在名称后加“（新建）”",
        "did you mean "
            + String.join(" or ", near.stream().map(NameMatch.Near::name).toList())
            + "? If it is a new team, write （新建） after its name");
    return true;
  }

  /**
   * A problem when the 地点 names no station or region of the office's but is near one's name. True
   * when there was one.
   */
  private boolean nearPlace(int line, String where) {
    if (Placement.atStation(where, local) != null
        || placement.named(office.code(), where) != null) {
      return false;
    }
    List<String> near = NearPlaces.near(where, local, placesInRegion);
    if (near.isEmpty()) {
      return false;
    }
    problem(
        line,
        "地点",
        where,
        "您是不是指 " + String.join("、", near) + "？如确为其他地点，请在地点后加“（非站点）”",
        "did you mean "
            + String.join(" or ", near)
            + "? If it is another place, write （非站点） after it");
    return true;
  }

  /** The team of this name in the office's region, or a new one under the region's highest team. */
  Team team(int line, String name, String unit, LocalDate founded) {
    String written = name.strip();
    // "（新建）" after a name: the row says this is a new team, however near an existing name
    boolean create = NEW_MARK.matcher(written).find();
    String n = create ? NEW_MARK.matcher(written).replaceAll("").strip() : written;
    Team existing = teams.get(n);
    if (existing != null) {
      return existing;
    }
    Optional<Team> known = inRegion.stream().filter(t -> t.name().equals(n)).findFirst();
    if (known.isEmpty() && !create) {
      known = sameName(line, n, inRegion);
      if (known.isEmpty() && nearMiss(line, n, inRegion)) {
        return null;
      }
    }
    Team t;
    if (known.isPresent()) {
      t = reported(known.get(), unit, founded);
    } else {
      Optional<Team> parent =
          this.known.teams().stream()
              .filter(
                  p ->
                      RegionCode.within(office.code(), p.regionCode())
                          && p.level() != TeamLevel.SQUAD)
              .min(
                  Comparator.comparingInt((Team p) -> -p.regionCode().length())
                      .thenComparingInt(p -> p.level().tier())
                      .thenComparing(Team::id));
      if (parent.isEmpty()) {
        problem(
            line,
            "志愿服务组织名称",
            n,
            "本区域还没有上级队伍，请先导入队伍",
            "no team of this region to attach a new team to: import teams first");
        return null;
      }
      TeamLevel level =
          TeamLevel.values()[
              Math.min(parent.get().level().ordinal() + 1, TeamLevel.values().length - 1)];
      t =
          new Team(
              ReportImport.stableId("tm", office.code(), n),
              n,
              level,
              parent.get().id(),
              office.code(),
              unit,
              founded,
              null,
              null,
              0,
              false);
      warnings.add(
          new Problem(
              file,
              line,
              "志愿服务组织名称",
              n,
              "新建队伍，归入“" + parent.get().name() + "”",
              "new team, placed under " + parent.get().name()));
    }
    teams.put(n, t);
    return t;
  }

  /** The station a team is based at, as the place of its activity. */
  private Placement.Place homeOf(Team team) {
    return known.stations().stream()
        .filter(s -> s.id().equals(team.homeStationId()))
        .findFirst()
        .map(
            s ->
                new Placement.Place(
                    s.location(),
                    s.id(),
                    s.approximate(),
                    "队伍驻地“" + s.name() + "”",
                    "the team's station " + s.id()))
        .orElse(null);
  }

  void activity(
      int line,
      Team team,
      String content,
      ReportDates.Span span,
      Integer participants,
      String place,
      boolean hours,
      boolean published,
      String category) {
    String text = content.strip();
    String title = text.split("[。；;\\n]", 2)[0];
    if (title.length() > 60) {
      title = title.substring(0, 59) + "…";
    }
    // where: the place cell (form) or, for the summary, the activity's own words
    String where = place != null ? NearPlaces.unmarked(place) : text;
    if (place != null && !NearPlaces.marked(place) && nearPlace(line, where)) {
      return;
    }
    Placement.Place at = Placement.atStation(where, local);
    Placement.Place named = at == null ? placement.named(office.code(), where) : null;
    if (named != null) {
      at = named;
      warnings.add(
          new Problem(
              file,
              line,
              place == null ? "活动内容" : "地点",
              place == null ? title : place,
              "位置为近似：" + at.howZh(),
              "approximate location: " + at.howEn()));
    }
    if (at == null && team.homeStationId() != null && place == null) {
      at = homeOf(team);
    }
    if (at == null) {
      at = placement.atRegion(office.code(), where);
      if (at == null) {
        problem(
            line,
            "地点",
            place,
            "无法确定位置：本区域没有已知的中心点",
            "cannot place the activity: no region centroid is known");
        return;
      }
      warnings.add(
          new Problem(
              file,
              line,
              place == null ? "活动内容" : "地点",
              place == null ? title : place,
              "位置为近似：" + at.howZh(),
              "approximate location: " + at.howEn()));
    }
    String id =
        ReportImport.stableId("ac", office.code(), team.name() + "|" + span.start() + "|" + text);
    Integer first = activityLines.putIfAbsent(id, line);
    if (first != null) {
      problem(line, "活动内容", title, "与第 " + first + " 行重复", "duplicates row " + first);
      return;
    }
    String description = category == null ? text : text + "（" + category + "）";
    activities.add(
        new Activity(
            id,
            title,
            description,
            ReportImport.theme(text),
            team.id(),
            at.stationId(),
            office.code(),
            at.point(),
            span.start(),
            span.end(),
            Recurrence.ONCE,
            participants,
            participants,
            hours,
            published,
            false,
            participants,
            at.approximate()));
  }
}
