package org.vsmap.pipeline.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;

class TeamActivityImportTest {
  static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 10, 0);
  static SeedLoader.SeedData seed;
  static final Map<String, Region> REGIONS = new HashMap<>();

  @BeforeAll
  static void load() {
    seed = SeedLoader.read(SeedSource.classpath(), NOW.toLocalDate());
    seed.regions().forEach(r -> REGIONS.put(r.code(), r));
  }

  static Grid grid(String name, String text, Charset cs) {
    return Grid.read(name, text.getBytes(cs), null);
  }

  @Test
  void aTeamListNamesParentsAndStationsByIdOrNameInGbk() {
    String csv =
        "队伍名称,上级队伍,区划代码,层级,主管单位,成立时间,驻地站点,队员人数\n"
            + "锦秀社区巾帼志愿服务队,交通街道志愿服务总队,150602001002,,锦秀社区妇联,2021年3月8日,锦秀社区志愿服务站,12\n"
            + "东胜区退役军人志愿服务总队,tm-150602,150602,总队,东胜区退役军人事务局,,,40\n"
            + "无名上级队,不存在的队伍,150602,,,,,3\n"
            + "越级队,tm-150602,150602,分队,,,,3\n"
            + "负数队,tm-150602,150602,,,,,-2\n";
    TeamActivityImport.Result r =
        TeamActivityImport.teams(
            grid("teams.csv", csv, Charset.forName("GBK")),
            REGIONS,
            seed.teams(),
            seed.stations(),
            NOW.toLocalDate());
    assertThat(r.teams()).extracting(Team::name).containsExactly("锦秀社区巾帼志愿服务队", "东胜区退役军人志愿服务总队");
    Team women = r.teams().get(0);
    assertThat(women.parentId()).isEqualTo("tm-150602001");
    assertThat(women.level())
        .as("no level given: one tier below its parent 总队")
        .isEqualTo(TeamLevel.DETACHMENT);
    assertThat(women.founded()).isEqualTo(LocalDate.of(2021, 3, 8));
    assertThat(women.homeStationId()).isEqualTo("st-150602001002");
    assertThat(r.teams().get(1).level()).isEqualTo(TeamLevel.UNIT_CORPS);
    assertThat(r.problems())
        .extracting(Problem::row, Problem::reasonEn)
        .containsExactly(
            tuple(4, "unknown parent team (give its id or exact name)"),
            tuple(5, "a team must sit below its parent's tier (Division)"),
            tuple(6, "counts cannot be negative"));
  }

  @Test
  void formulaCellsAreRefusedInTeamListsActivitiesAndRegionsToo() {
    TeamActivityImport.Result teams =
        TeamActivityImport.teams(
            grid(
                "t.csv",
                "队伍名称,上级队伍,区划代码,队员人数\n公式队,tm-150602,150602,3\n=HYPERLINK(\"http://x\"),tm-150602,150602,3\n",
                StandardCharsets.UTF_8),
            REGIONS,
            seed.teams(),
            seed.stations(),
            NOW.toLocalDate());
    assertThat(teams.problems())
        .extracting(Problem::row, Problem::column, Problem::reasonEn)
        .contains(tuple(3, "#1", "formulas are not accepted: paste the values"));
    TeamActivityImport.Result acts =
        TeamActivityImport.activities(
            grid(
                "a.csv",
                "活动名称,组织队伍,开始时间\n@SUM(1),交通街道志愿服务总队,2026-12-01 09:00\n",
                StandardCharsets.UTF_8),
            CoordinateSystem.WGS84,
            REGIONS,
            seed.teams(),
            seed.stations(),
            NOW);
    assertThat(acts.problems()).extracting(Problem::row, Problem::column).contains(tuple(2, "#1"));
    RegionImport.Result regions =
        RegionImport.read(
            grid("r.csv", "code,name,parent_code\n150699,=1+1,1506\n", StandardCharsets.UTF_8),
            CoordinateSystem.WGS84,
            REGIONS);
    assertThat(regions.problems())
        .extracting(Problem::row, Problem::column)
        .contains(tuple(2, "#2"));
  }

  @Test
  void upcomingActivitiesAreCheckedForThePastThemesAndPlaces() {
    String csv =
        "活动名称,主题,组织队伍,站点,开始时间,结束时间,招募人数,已报名人数,频次,经度,纬度\n"
            + "周末义诊,服务百姓健康,东胜区志愿服务分队,东胜区人民公园便民志愿服务点,2026-11-28 09:00,11:30,10,2,每周,,\n"
            + "河道清理,,交通街道志愿服务总队,,2026-12-05 08:30,,20,0,,,\n"
            + "上周的活动,平安,交通街道志愿服务总队,,2026-11-20 09:00,,5,0,,,\n"
            + "火星活动,平安,交通街道志愿服务总队,,2026-12-01 09:00,,5,0,,2.35,48.85\n"
            + "怪主题,养猫,交通街道志愿服务总队,,2026-12-01 09:00,,5,0,,,\n"
            + "负招募,平安,交通街道志愿服务总队,,2026-12-01 09:00,,-5,0,,,\n";
    TeamActivityImport.Result r =
        TeamActivityImport.activities(
            grid("acts.csv", csv, StandardCharsets.UTF_8),
            CoordinateSystem.WGS84,
            REGIONS,
            seed.teams(),
            seed.stations(),
            NOW);
    assertThat(r.activities()).extracting(Activity::title).containsExactly("周末义诊", "河道清理");
    Activity clinic = r.activities().get(0);
    assertThat(clinic.stationId()).isEqualTo("st-150602-park");
    assertThat(clinic.end()).isEqualTo(LocalDateTime.of(2026, 11, 28, 11, 30));
    assertThat(clinic.recurrence()).isEqualTo(Recurrence.WEEKLY);
    assertThat(clinic.theme()).isEqualTo(Theme.PUBLIC_HEALTH);
    Activity river = r.activities().get(1);
    assertThat(river.theme()).as("guessed from the words").isEqualTo(Theme.MOUNTAINS_AND_RIVERS);
    assertThat(river.approximate()).as("no station, no point: the team's region centroid").isTrue();
    assertThat(r.problems())
        .extracting(Problem::row, Problem::reasonEn)
        .containsExactly(
            tuple(
                4,
                "the activity is in the past: this list is for upcoming activities (report held ones with the 活动情况表)"),
            tuple(5, "point is outside China"),
            tuple(6, "unknown theme (one of the 18)"),
            tuple(7, "counts cannot be negative"));
  }

  @Test
  void anOrganiserTeamIsFoundDespiteSpacingAndANearMissNamesItsCandidates() {
    String csv =
        "活动名称,组织队伍,开始时间\n"
            + "河道清理,交通街道　志愿服务总队,2026-12-05 08:30\n"
            + "夜间巡逻,交通街到志愿服务总队,2026-12-05 19:00\n";
    TeamActivityImport.Result r =
        TeamActivityImport.activities(
            grid("acts.csv", csv, StandardCharsets.UTF_8),
            CoordinateSystem.WGS84,
            REGIONS,
            seed.teams(),
            seed.stations(),
            NOW);
    assertThat(r.activities())
        .singleElement()
        .extracting(Activity::organiserTeamId)
        .as("a full-width space is no other name")
        .isEqualTo("tm-150602001");
    assertThat(r.problems())
        .extracting(Problem::row, Problem::reasonZh)
        .containsExactly(tuple(3, "找不到组织队伍：您是不是指 交通街道志愿服务总队？"));
    // a station by a homophone of its name (绣 for 秀), in an activity and as a team's home
    TeamActivityImport.Result atStation =
        TeamActivityImport.activities(
            grid(
                "acts.csv",
                "活动名称,组织队伍,开始时间,站点\n巡逻,交通街道志愿服务总队,2026-12-05 08:30,锦绣社区志愿服务站\n",
                StandardCharsets.UTF_8),
            CoordinateSystem.WGS84,
            REGIONS,
            seed.teams(),
            seed.stations(),
            NOW);
    assertThat(atStation.activities()).isEmpty();
    assertThat(atStation.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.column()).isEqualTo("站点");
              assertThat(p.reasonZh()).startsWith("找不到站点：您是不是指 锦秀社区志愿服务站");
            });
    TeamActivityImport.Result home =
        TeamActivityImport.teams(
            grid(
                "teams.csv",
                "名称,区划代码,上级队伍,驻地站点\n新队伍,150602001002,tm-150602001,锦绣社区志愿服务站\n",
                StandardCharsets.UTF_8),
            REGIONS,
            seed.teams(),
            seed.stations(),
            NOW.toLocalDate());
    assertThat(home.teams()).isEmpty();
    assertThat(home.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reasonZh()).startsWith("找不到驻地站点：您是不是指 锦秀社区志愿服务站"));
  }

  @Test
  void signUpColumnsAreReadAndABadLinkDeadlineOrAMobileNumberIsRefusedWithItsColumn() {
    String csv =
        "活动名称,主题,组织队伍,开始时间,结束时间,招募人数,志愿中国项目编号,报名链接,报名方式,报名截止,联系电话\n"
            + "周末义诊,服务百姓健康,交通街道志愿服务总队,2026-12-05 09:00,11:30,10,P2026120501,"
            + "https://example.org/signup?p=1,志愿中国或现场报名,12月4日,0477-8581234\n"
            + "只有编号,平安,交通街道志愿服务总队,2026-12-05 09:00,,5,ABC-1,,,,\n"
            + "脚本链接,平安,交通街道志愿服务总队,2026-12-05 09:00,,5,,javascript:alert(1),,,\n"
            + "个人手机,平安,交通街道志愿服务总队,2026-12-05 09:00,,5,,,,,13912345678\n"
            + "截止太晚,平安,交通街道志愿服务总队,2026-12-05 09:00,,5,,,,2026-12-06 10:00,\n"
            + "编号有空格,平安,交通街道志愿服务总队,2026-12-05 09:00,,5,P 1,,,,\n";
    TeamActivityImport.Result r =
        TeamActivityImport.activities(
            grid("signup.csv", csv, StandardCharsets.UTF_8),
            CoordinateSystem.WGS84,
            REGIONS,
            seed.teams(),
            seed.stations(),
            NOW);
    assertThat(r.activities()).extracting(Activity::title).containsExactly("周末义诊", "只有编号");
    org.vsmap.geo.model.Joining j = r.activities().get(0).joining();
    assertThat(j.projectId()).isEqualTo("P2026120501");
    assertThat(j.signUpUrl()).isEqualTo("https://example.org/signup?p=1");
    assertThat(j.method()).isEqualTo("志愿中国或现场报名");
    assertThat(j.deadline())
        .as("a date alone closes at the end of that day")
        .isEqualTo(LocalDateTime.of(2026, 12, 4, 23, 59));
    assertThat(j.officeLine()).isEqualTo("0477-8581234");
    assertThat(r.activities().get(1).joining().projectId()).isEqualTo("ABC-1");
    assertThat(r.activities().get(1).joining().signUpUrl()).isNull();
    assertThat(r.problems())
        .extracting(Problem::row, Problem::column, Problem::value, Problem::reasonEn)
        .containsExactly(
            tuple(
                4,
                "报名链接",
                "javascript:alert(1)",
                "the sign-up link must be a web address starting with https://"),
            tuple(
                5,
                "联系电话",
                "1**********",
                "only office lines and hotlines are published, never a personal mobile"),
            tuple(6, "报名截止", "2026-12-06 10:00", "sign-up closes after the activity has ended"),
            tuple(
                7, "志愿中国项目编号", "P 1", "a project number is letters, digits and '-' (at most 40)"));
  }

  @Test
  void aTeamsOfficeLineAndJoinLinkAreReadAndAMobileIsNotEchoed() {
    String csv =
        "队伍名称,层级,上级队伍,区划代码,联系电话,加入链接\n"
            + "测试甲队,,交通街道志愿服务总队,150602001,0477-8381111,https://example.org/team/1\n"
            + "测试乙队,,交通街道志愿服务总队,150602001,15012345678,\n";
    TeamActivityImport.Result r =
        TeamActivityImport.teams(
            grid("teams.csv", csv, StandardCharsets.UTF_8),
            REGIONS,
            seed.teams(),
            seed.stations(),
            NOW.toLocalDate());
    assertThat(r.teams()).extracting(Team::name).containsExactly("测试甲队");
    assertThat(r.teams().get(0).publicContact()).isEqualTo("0477-8381111");
    assertThat(r.teams().get(0).signUpUrl()).isEqualTo("https://example.org/team/1");
    assertThat(r.problems())
        .extracting(Problem::row, Problem::column, Problem::value)
        .containsExactly(tuple(3, "联系电话", "1**********"));
  }

  @Test
  void aHeldActivityGivesTheNumberWhoTookPartAndOnlyThenMayBePast() {
    String csv =
        "活动名称,主题,组织队伍,开始时间,结束时间,参加人数,合成数据\n"
            + "上周的义诊,服务百姓健康,交通街道志愿服务总队,2026-11-20 09:00,11:00,14,是\n"
            + "下周的义诊,服务百姓健康,交通街道志愿服务总队,2026-12-02 09:00,11:00,,\n"
            + "未来却有人数,服务百姓健康,交通街道志愿服务总队,2026-12-02 09:00,11:00,9,\n"
            + "过去却无人数,服务百姓健康,交通街道志愿服务总队,2026-11-20 09:00,11:00,,\n"
            + "负人数,服务百姓健康,交通街道志愿服务总队,2026-11-20 09:00,11:00,-1,\n";
    TeamActivityImport.Result r =
        TeamActivityImport.activities(
            grid("held.csv", csv, StandardCharsets.UTF_8),
            CoordinateSystem.WGS84,
            REGIONS,
            seed.teams(),
            seed.stations(),
            NOW);
    assertThat(r.activities())
        .extracting(Activity::title, Activity::participants, Activity::synthetic)
        .containsExactly(tuple("上周的义诊", 14, true), tuple("下周的义诊", null, false));
    assertThat(r.problems())
        .extracting(Problem::row, Problem::column, Problem::reasonEn)
        .containsExactly(
            tuple(
                4,
                "参加人数",
                "participants can only be given for an activity that has ended (leave it empty for upcoming ones)"),
            tuple(
                5,
                "开始时间",
                "the activity is in the past: this list is for upcoming activities (report held ones with the 活动情况表)"),
            tuple(6, "参加人数", "counts cannot be negative"));
  }

  @Test
  void onlyACityCorpsMayHaveNoParentAndTheSyntheticColumnIsKept() {
    String csv =
        "队伍编号,队伍名称,层级,上级队伍,区划代码,合成数据\n"
            + "tm-x,某市志愿服务总队,总队（市）,,150602,是\n"
            + "tm-y,某市第二总队,总队（市）,tm-150602,150602,\n"
            + "tm-z,无上级分队,分队,,150602,\n"
            + "tm-w,某市分队,分队,tm-x,150602,否\n";
    TeamActivityImport.Result r =
        TeamActivityImport.teams(
            grid("t.csv", csv, StandardCharsets.UTF_8),
            REGIONS,
            seed.teams(),
            seed.stations(),
            NOW.toLocalDate());
    assertThat(r.teams())
        .extracting(Team::id, Team::parentId, Team::synthetic)
        .containsExactly(tuple("tm-x", null, true), tuple("tm-w", "tm-x", false));
    assertThat(r.problems())
        .extracting(Problem::row, Problem::reasonEn)
        .containsExactly(
            tuple(3, "a city corps has no parent team: leave the parent empty"),
            tuple(4, "unknown parent team (give its id or exact name)"));
  }
}
