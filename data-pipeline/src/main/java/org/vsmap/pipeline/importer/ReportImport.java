package org.vsmap.pipeline.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RestrictedContact;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Problem;

/**
 * The two report layouts of seed 001, with their Chinese headers as printed, turned into teams,
 * activities (with the number of volunteers who took part) and restricted contacts:
 *
 * <ul>
 *   <li>附件1 志愿服务组织开展活动情况表 — a form of label/value cells (志愿服务组织名称, 注册成立时间, 主管单位, 负责人姓名, 负责人手机号码,
 *       时间, 地点, 参加活动志愿者人数, 是否记录时长, 项目是否发布, 活动内容简介); "此表可复制": several forms may follow each other in
 *       one sheet.
 *   <li>附件2 各区开展活动情况汇总表 — a table 类别 / 志愿服务组织名称 / 活动内容 / 日期及时间 / 志愿者参加人数 under a title and a 填表单位
 *       line; merged 类别 and organisation cells are carried down.
 * </ul>
 *
 * Everything belongs to the reporting office's region. An organisation is matched by exact name to
 * a team of that region, or becomes a new team one tier under the region's highest team. An
 * activity is placed at the station its 地点 names, else at the centroid of the region it names (or
 * of the office's region) and flagged approximate. The theme is guessed from the activity's words
 * (see {@link #theme}). Nothing is written here.
 */
public final class ReportImport {

  /** Which of the two layouts a file has. */
  public enum Layout {
    FORM,
    SUMMARY
  }

  /**
   * What a report holds: new or changed teams, activities, contacts, problems (blocking), warnings.
   */
  public record Result(
      Layout layout,
      String encoding,
      List<Team> teams,
      List<Activity> activities,
      List<RestrictedContact> contacts,
      List<Problem> problems,
      List<Problem> warnings) {
    public boolean clean() {
      return problems.isEmpty();
    }

    /** Volunteers who took part, summed over the activities. */
    public int participants() {
      return activities.stream()
          .mapToInt(a -> a.participants() == null ? 0 : a.participants())
          .sum();
    }
  }

  /** What the store already knows, for matching names. */
  public record Known(Map<String, Region> regions, List<Team> teams, List<Station> stations) {}

  static final List<String> SUMMARY_HEADERS = List.of("类别", "志愿服务组织名称", "活动内容", "日期及时间", "志愿者参加人数");

  private static final Map<String, String> FORM_LABELS = new LinkedHashMap<>();

  static {
    FORM_LABELS.put("志愿服务组织名称", "name");
    FORM_LABELS.put("注册成立时间", "founded");
    FORM_LABELS.put("主管单位", "unit");
    FORM_LABELS.put("志愿服务组织负责人姓名", "person");
    FORM_LABELS.put("负责人姓名", "person");
    FORM_LABELS.put("志愿服务组织负责人手机号码", "mobile");
    FORM_LABELS.put("负责人手机号码", "mobile");
    FORM_LABELS.put("时间", "time");
    FORM_LABELS.put("活动时间", "time");
    FORM_LABELS.put("地点", "place");
    FORM_LABELS.put("活动地点", "place");
    FORM_LABELS.put("参加活动志愿者人数", "count");
    FORM_LABELS.put("是否记录时长", "hours");
    FORM_LABELS.put("项目是否发布", "published");
    FORM_LABELS.put("活动内容简介", "content");
    FORM_LABELS.put("填表时间", "filled");
    FORM_LABELS.put("单位盖章", "stamp");
    FORM_LABELS.put("志愿服务活动情况", "section");
  }

  private ReportImport() {}

  /** The layout of a grid, or empty when it is neither report. */
  public static Optional<Layout> layoutOf(Grid grid) {
    for (Grid.Line line : grid.lines()) {
      long summary =
          line.cells().stream()
              .filter(c -> c != null && SUMMARY_HEADERS.contains(Grid.normalise(c)))
              .count();
      if (summary >= 4) {
        return Optional.of(Layout.SUMMARY);
      }
    }
    for (Grid.Line line : grid.lines()) {
      for (String c : line.cells()) {
        if (c != null && Set.of("参加活动志愿者人数", "志愿服务组织负责人姓名", "活动内容简介").contains(Grid.normalise(c))) {
          return Optional.of(Layout.FORM);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Reads a report of the office for {@code regionCode}.
   *
   * @throws IllegalArgumentException when the file cannot be read at all
   */
  public static Result read(
      String file, byte[] bytes, String encoding, String regionCode, Known known, LocalDate today) {
    Grid grid = Grid.read(file, bytes, encoding);
    List<Problem> problems = new ArrayList<>();
    Region office = known.regions().get(regionCode);
    if (office == null) {
      problems.add(new Problem(file, 0, "region", regionCode, "未知的区划代码", "unknown region code"));
      return new Result(null, grid.readAs(), List.of(), List.of(), List.of(), problems, List.of());
    }
    Optional<Layout> layout = layoutOf(grid);
    if (layout.isEmpty()) {
      problems.add(
          new Problem(
              file,
              1,
              null,
              null,
              "既不是“活动情况表”也不是“活动情况汇总表”：汇总表需要表头 " + SUMMARY_HEADERS + "，情况表需要“参加活动志愿者人数”等栏目",
              "neither the 活动情况汇总表 nor the 活动情况表: the summary needs the headers "
                  + SUMMARY_HEADERS
                  + "; the form needs labels such as 参加活动志愿者人数"));
      return new Result(null, grid.readAs(), List.of(), List.of(), List.of(), problems, List.of());
    }
    ReportBuilder b = new ReportBuilder(file, office, known, today, problems);
    if (layout.get() == Layout.SUMMARY) {
      readSummary(grid, b);
    } else {
      readForm(grid, b);
    }
    problems.addAll(grid.formulaProblems());
    return new Result(
        layout.get(),
        grid.readAs(),
        List.copyOf(b.teams.values()),
        b.activities,
        b.contacts,
        problems,
        b.warnings);
  }

  private static void readSummary(Grid grid, ReportBuilder b) {
    var table = grid.table(SUMMARY_HEADERS);
    String category = null;
    String organisation = null;
    for (var row : table.rows()) {
      String cat = row.get("类别");
      String org = row.get("志愿服务组织名称");
      String content = row.get("活动内容");
      String when = row.get("日期及时间");
      String count = row.get("志愿者参加人数");
      if (org == null && content == null && when == null && count == null) {
        if (cat != null) {
          category = cat;
        }
        continue;
      }
      category = cat != null ? cat : category;
      organisation = org != null ? org : organisation;
      int before = b.problems.size();
      if (organisation == null) {
        b.problem(
            row.line(), "志愿服务组织名称", null, "志愿服务组织名称为必填项", "the organisation's name is required");
      }
      if (content == null) {
        b.problem(row.line(), "活动内容", null, "活动内容为必填项", "the activity's content is required");
      }
      ReportDates.Span span = b.span(row.line(), "日期及时间", when);
      Integer participants = b.count(row.line(), "志愿者参加人数", count);
      if (b.problems.size() > before) {
        continue;
      }
      Team team = b.team(row.line(), organisation, null, null);
      if (team != null) {
        b.activity(row.line(), team, content, span, participants, null, false, false, category);
      }
    }
  }

  private static void readForm(Grid grid, ReportBuilder b) {
    for (Map<String, Cell> form : forms(grid)) {
      readOneForm(form, b);
    }
  }

  /** The forms of a sheet: from each 志愿服务组织名称 label on, its labelled cells by key. */
  private static List<Map<String, Cell>> forms(Grid grid) {
    List<Map<String, Cell>> forms = new ArrayList<>();
    Map<String, Cell> current = null;
    for (Grid.Line line : grid.lines()) {
      for (int i = 0; i < line.cells().size(); i++) {
        String c = line.cell(i);
        if (c == null) {
          continue;
        }
        String label = Grid.normalise(c).replaceAll("[：:]$", "");
        String key = FORM_LABELS.get(label);
        if (key == null && label.startsWith("填表时间")) {
          key = "filled";
        }
        if (key == null || key.equals("section") || key.equals("stamp") || key.equals("filled")) {
          continue;
        }
        if (key.equals("name")) {
          current = new LinkedHashMap<>();
          forms.add(current);
        }
        if (current == null) {
          continue;
        }
        String value = null;
        for (int j = i + 1; j < line.cells().size(); j++) {
          String v = line.cell(j);
          if (v != null) {
            if (!FORM_LABELS.containsKey(Grid.normalise(v).replaceAll("[：:]$", ""))) {
              value = v;
            }
            break;
          }
        }
        current.put(key, new Cell(line.number(), c.replaceAll("\\s+", ""), value));
      }
    }
    return forms;
  }

  /** One form: the team, its contact (restricted) and the activity it reports. */
  private static void readOneForm(Map<String, Cell> form, ReportBuilder b) {
    Cell name = form.get("name");
    int before = b.problems.size();
    if (name.value == null) {
      b.problem(name.line, name.label, null, "志愿服务组织名称为必填项", "the organisation's name is required");
    }
    Cell time = form.getOrDefault("time", new Cell(name.line, "时间", null));
    ReportDates.Span span = b.span(time.line, time.label, time.value);
    Cell count = form.getOrDefault("count", new Cell(name.line, "参加活动志愿者人数", null));
    Integer participants = b.count(count.line, count.label, count.value);
    Cell content = form.getOrDefault("content", new Cell(name.line, "活动内容简介", null));
    if (content.value == null) {
      b.problem(
          content.line,
          content.label,
          null,
          "活动内容简介为必填项",
          "the activity's description is required");
    }
    LocalDate founded = null;
    Cell f = form.get("founded");
    if (f != null && f.value != null) {
      try {
        founded = ReportDates.parse(f.value, b.today).start().toLocalDate();
      } catch (IllegalArgumentException | DateTimeParseException e) {
        b.problem(f.line, f.label, f.value, "注册成立时间不是日期", "the founding date is not a date");
      }
    }
    boolean hours = b.yesNo(form.get("hours"));
    boolean published = b.yesNo(form.get("published"));
    Cell person = form.get("person");
    Cell mobile = form.get("mobile");
    String mobileValue = null;
    if (mobile != null && mobile.value != null) {
      try {
        mobileValue = RestrictedContact.normaliseMobile(mobile.value);
      } catch (IllegalArgumentException e) {
        b.problem(
            mobile.line,
            mobile.label,
            mobile.value,
            "手机号码格式不对（应为 11 位，以 13–19 开头）",
            "wrong mobile number format (11 digits starting 13–19)");
      }
    }
    if (b.problems.size() > before) {
      return;
    }
    Cell unit = form.get("unit");
    Team team = b.team(name.line, name.value, unit == null ? null : unit.value, founded);
    if (team == null) {
      return;
    }
    if ((person != null && person.value != null) || mobileValue != null) {
      b.contacts.add(
          new RestrictedContact(
              Kind.TEAM,
              team.id(),
              team.regionCode(),
              person == null ? null : person.value,
              mobileValue));
    }
    Cell place = form.get("place");
    b.activity(
        content.line,
        team,
        content.value,
        span,
        participants,
        place == null ? null : place.value,
        hours,
        published,
        null);
  }

  record Cell(int line, String label, String value) {}

  private static final Map<Theme, List<String>> THEME_WORDS = new LinkedHashMap<>();

  static {
    THEME_WORDS.put(Theme.DISABILITY_SUNSHINE, List.of("助残", "残疾", "盲人", "聋哑"));
    THEME_WORDS.put(Theme.POVERTY_ALLEVIATION, List.of("扶贫", "帮扶", "助农", "脱贫"));
    THEME_WORDS.put(Theme.CIVILISED_TRAFFIC, List.of("交通", "劝导", "斑马线", "路口", "停车"));
    THEME_WORDS.put(Theme.PUBLIC_HEALTH, List.of("义诊", "健康", "医疗", "体检", "血压"));
    THEME_WORDS.put(Theme.RED_CROSS, List.of("红十字", "救护", "献血", "急救"));
    THEME_WORDS.put(
        Theme.MOUNTAINS_AND_RIVERS, List.of("河", "湖", "植树", "护绿", "环保", "垃圾", "生态", "山川"));
    THEME_WORDS.put(Theme.PUBLIC_SAFETY, List.of("平安", "巡逻", "诈骗", "治安", "消防", "安全"));
    THEME_WORDS.put(Theme.SCIENCE, List.of("科普", "科学", "科技"));
    THEME_WORDS.put(Theme.ARTS, List.of("文艺", "演出", "舞蹈", "合唱", "戏曲"));
    THEME_WORDS.put(Theme.CULTURE, List.of("文化", "读书", "图书", "书法", "讲堂"));
    THEME_WORDS.put(Theme.TOURISM, List.of("旅游", "景区", "游客"));
    THEME_WORDS.put(Theme.FIVE_ELDERS, List.of("五老"));
    THEME_WORDS.put(Theme.YOUTH_MODEL_POST, List.of("青年文明号"));
    THEME_WORDS.put(Theme.WOMEN, List.of("巾帼", "妇女", "妇联", "母亲"));
    THEME_WORDS.put(Theme.NEIGHBOURHOOD_WATCH, List.of("邻里", "守望", "空巢", "独居"));
    THEME_WORDS.put(Theme.PARTY_MEMBER, List.of("党员", "党建"));
    THEME_WORDS.put(Theme.WORKER, List.of("职工", "工会", "农民工"));
  }

  /**
   * The theme an activity's words suggest: the first theme (in the order above, most specific
   * first) one of whose words occurs, else 社区 (community). A guess, shown as the theme and editable
   * in the admin form.
   */
  static Theme theme(String text) {
    for (Map.Entry<Theme, List<String>> e : THEME_WORDS.entrySet()) {
      if (e.getValue().stream().anyMatch(text::contains)) {
        return e.getKey();
      }
    }
    return Theme.COMMUNITY;
  }

  /**
   * An id that stays the same when the same record comes again: prefix, region code and a digest of
   * the key.
   */
  static String stableId(String prefix, String region, String key) {
    return stableId(prefix, region, key, 5);
  }

  static String stableId(String prefix, String region, String key, int bytes) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest((region + "|" + key.strip()).getBytes(StandardCharsets.UTF_8));
      return prefix + "-" + region + "-" + HexFormat.of().formatHex(d, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
