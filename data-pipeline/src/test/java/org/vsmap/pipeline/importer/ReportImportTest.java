package org.vsmap.pipeline.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RestrictedContact;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Problem;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;

/**
 * The two layouts of seed 001, from the sample files in seeds/samples (CSV UTF-8, CSV GBK, XLSX).
 */
class ReportImportTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  static final Path SAMPLES = Path.of("../seeds/samples");
  static ReportImport.Known known;

  @BeforeAll
  static void store() {
    SeedLoader.SeedData seed = SeedLoader.read(SeedSource.classpath(), TODAY);
    Map<String, Region> regions = new HashMap<>();
    seed.regions().forEach(r -> regions.put(r.code(), r));
    known = new ReportImport.Known(regions, seed.teams(), seed.stations());
  }

  static ReportImport.Result read(String name) throws IOException {
    return ReportImport.read(
        name, Files.readAllBytes(SAMPLES.resolve(name)), null, "150602", known, TODAY);
  }

  @Test
  void theWeeklySummaryBecomesTeamsAndActivitiesWithParticipation() throws IOException {
    ReportImport.Result r = read("汇总表-东胜区-样例.csv");
    assertThat(r.problems()).isEmpty();
    assertThat(r.layout()).isEqualTo(ReportImport.Layout.SUMMARY);
    assertThat(r.activities()).hasSize(4);
    assertThat(r.participants()).isEqualTo(12 + 8 + 15 + 23);
    Activity first = r.activities().get(0);
    assertThat(first.start()).isEqualTo(LocalDateTime.of(2026, 11, 16, 9, 0));
    assertThat(first.end()).isEqualTo(LocalDateTime.of(2026, 11, 16, 11, 30));
    assertThat(first.stationId())
        .as("placed at the station its words name")
        .isEqualTo("st-150602-library");
    assertThat(first.approximate()).isFalse();
    assertThat(first.theme()).isEqualTo(Theme.CULTURE);
    assertThat(first.description()).endsWith("（区直单位）");
    Activity second = r.activities().get(1);
    assertThat(second.start())
        .as("11月18日下午, year from today")
        .isEqualTo(LocalDateTime.of(2026, 11, 18, 14, 0));
    assertThat(second.participants()).isEqualTo(8);
    assertThat(second.description()).as("类别 carried down over merged cells").endsWith("（区直单位）");
    assertThat(second.theme()).isEqualTo(Theme.PUBLIC_HEALTH);
    // the third: 交通街道志愿服务总队 exists; the activity goes to its home station
    assertThat(r.activities().get(2).organiserTeamId()).isEqualTo("tm-150602001");
    assertThat(r.activities().get(2).theme()).isEqualTo(Theme.PUBLIC_SAFETY);
    // the fourth: a new team under 东胜区志愿服务分队, at the district's centroid, flagged approximate
    Team blue =
        r.teams().stream().filter(t -> t.name().equals("东胜区蓝天救援志愿服务队")).findFirst().orElseThrow();
    assertThat(blue.parentId()).isEqualTo("tm-150602");
    assertThat(blue.level()).isEqualTo(TeamLevel.UNIT_CORPS);
    Activity river = r.activities().get(3);
    assertThat(river.approximate()).isTrue();
    assertThat(river.location()).isEqualTo(known.regions().get("150602").centroid());
    assertThat(river.theme()).isEqualTo(Theme.MOUNTAINS_AND_RIVERS);
    assertThat(r.warnings())
        .extracting(Problem::reasonEn)
        .anyMatch(w -> w.startsWith("new team"))
        .anyMatch(w -> w.startsWith("approximate location"));
  }

  @Test
  void thePerOrganisationFormKeepsItsContactsApart() throws IOException {
    ReportImport.Result r = read("情况表-东胜区蓝天救援-样例.csv");
    assertThat(r.problems()).isEmpty();
    assertThat(r.layout()).isEqualTo(ReportImport.Layout.FORM);
    assertThat(r.activities()).hasSize(2);
    Activity a = r.activities().get(0);
    assertThat(a.participants()).isEqualTo(23);
    assertThat(a.recordsServiceHours()).isTrue();
    assertThat(a.publishedNationally()).isTrue();
    assertThat(a.stationId()).isEqualTo("st-150602-park");
    assertThat(a.start()).isEqualTo(LocalDateTime.of(2026, 11, 21, 8, 30));
    assertThat(a.theme()).isEqualTo(Theme.RED_CROSS);
    Team blue = r.teams().get(0);
    assertThat(blue.founded()).isEqualTo(LocalDate.of(2018, 5, 12));
    assertThat(blue.supervisingUnit()).isEqualTo("东胜区应急管理局");
    assertThat(r.contacts())
        .containsExactly(
            new RestrictedContact(Kind.TEAM, blue.id(), "150602", "王晓测", "13912345678"),
            new RestrictedContact(Kind.TEAM, "tm-150602001", "150602001", "李测明", "13598765432"));
    // the name and the number are nowhere in the public records
    assertThat(r.teams().toString() + r.activities())
        .doesNotContain("王晓测", "13912345678", "1391234", "李测明");
    Activity second = r.activities().get(1);
    assertThat(second.approximate())
        .as("锦秀社区 has no point of its own: placed by a region centroid")
        .isTrue();
    assertThat(second.theme()).isEqualTo(Theme.NEIGHBOURHOOD_WATCH);
    assertThat(second.recordsServiceHours()).isFalse();
  }

  @Test
  void gbkAndXlssSamplesReadExactlyAsTheUtf8Csv() throws IOException {
    for (String base : new String[] {"汇总表-东胜区-样例", "情况表-东胜区蓝天救援-样例"}) {
      ReportImport.Result csv = read(base + ".csv");
      ReportImport.Result gbk = read(base + ".gbk.csv");
      ReportImport.Result xlsx = read(base + ".xlsx");
      assertThat(gbk.encoding()).isEqualTo("GB18030");
      assertThat(xlsx.encoding()).isEqualTo("XLSX");
      for (ReportImport.Result other : new ReportImport.Result[] {gbk, xlsx}) {
        assertThat(other.problems()).isEmpty();
        assertThat(other.activities()).isEqualTo(csv.activities());
        assertThat(other.teams()).isEqualTo(csv.teams());
        assertThat(other.contacts()).isEqualTo(csv.contacts());
      }
    }
  }

  @Test
  void committedWorkbooksAreWhatTheGeneratorWrites() throws IOException {
    Grid grid = Grid.read("x.csv", Files.readAllBytes(SAMPLES.resolve("汇总表-东胜区-样例.csv")), null);
    Grid fromXlsx = Grid.read("x.xlsx", SampleWorkbooks.workbook(grid, true), null);
    Grid committed =
        Grid.read("x.xlsx", Files.readAllBytes(SAMPLES.resolve("汇总表-东胜区-样例.xlsx")), null);
    assertThat(committed.lines().stream().map(Grid.Line::cells).toList())
        .isEqualTo(fromXlsx.lines().stream().map(Grid.Line::cells).toList());
  }

  @Test
  void everyBadCellIsReportedWithRowColumnValueAndReason() {
    String csv =
        """
        类别,志愿服务组织名称,活动内容,日期及时间,志愿者参加人数
        街道,交通街道志愿服务总队,巡逻,2026年13月40日,5
        ,交通街道志愿服务总队,巡逻,2026-11-19 19:00,-3
        ,交通街道志愿服务总队,,2026-11-19 19:00,十二
        ,交通街道志愿服务总队,巡逻,2026-11-19 19:00,=1+1
        ,交通街道志愿服务总队,巡逻,2026-11-19 21:00-19:00,4
        """;
    ReportImport.Result r =
        ReportImport.read(
            "bad.csv", csv.getBytes(StandardCharsets.UTF_8), null, "150602", known, TODAY);
    assertThat(r.problems())
        .extracting(Problem::row, Problem::column, Problem::reasonEn)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "日期及时间", "no such date: 2026年13月40日"),
            org.assertj.core.groups.Tuple.tuple(
                3, "志愿者参加人数", "the number of volunteers cannot be negative"),
            org.assertj.core.groups.Tuple.tuple(4, "活动内容", "the activity's content is required"),
            org.assertj.core.groups.Tuple.tuple(
                4, "志愿者参加人数", "the number of volunteers must be a whole number"),
            org.assertj.core.groups.Tuple.tuple(
                5, "志愿者参加人数", "the number of volunteers must be a whole number"),
            org.assertj.core.groups.Tuple.tuple(
                6, "日期及时间", "the end is not after the start: 2026-11-19 21:00-19:00"),
            org.assertj.core.groups.Tuple.tuple(
                5, "#5", "formulas are not accepted: paste the values"));
    assertThat(r.problems().get(0).reasonZh()).isEqualTo("日期不存在");
  }

  @Test
  void aNearMissTeamNameIsAskedAboutUnlessTheRowSaysNew() {
    String csv =
        """
        类别,志愿服务组织名称,活动内容,日期及时间,志愿者参加人数
        街道,交通街到志愿服务总队,巡逻,2026-11-19 19:00,5
        """;
    ReportImport.Result typo =
        ReportImport.read(
            "typo.csv", csv.getBytes(StandardCharsets.UTF_8), null, "150602", known, TODAY);
    assertThat(typo.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isEqualTo(2);
              assertThat(p.column()).isEqualTo("志愿服务组织名称");
              assertThat(p.reasonZh()).isEqualTo("您是不是指 交通街道志愿服务总队？如确是新队伍，请在名称后加“（新建）”");
              assertThat(p.reasonEn()).startsWith("did you mean 交通街道志愿服务总队?");
            });
    assertThat(typo.teams()).as("nothing made from a near miss").isEmpty();
    assertThat(typo.activities()).isEmpty();

    ReportImport.Result created =
        ReportImport.read(
            "new.csv",
            csv.replace("交通街到志愿服务总队", "交通街到志愿服务总队（新建）").getBytes(StandardCharsets.UTF_8),
            null,
            "150602",
            known,
            TODAY);
    assertThat(created.problems()).isEmpty();
    assertThat(created.teams())
        .extracting(Team::name)
        .as("the row said new: created under its own name, without the mark")
        .containsExactly("交通街到志愿服务总队");

    ReportImport.Result spaced =
        ReportImport.read(
            "spaced.csv",
            csv.replace("交通街到志愿服务总队", "交通街道 志愿服务总队").getBytes(StandardCharsets.UTF_8),
            null,
            "150602",
            known,
            TODAY);
    assertThat(spaced.problems()).isEmpty();
    assertThat(spaced.activities())
        .singleElement()
        .extracting(Activity::organiserTeamId)
        .isEqualTo("tm-150602001");
    assertThat(spaced.warnings())
        .extracting(Problem::reasonEn)
        .contains("read as the existing team 交通街道志愿服务总队");
  }

  @Test
  void aPlaceNearAStationsOrCommunitysNameIsAskedAboutUnlessTheRowSaysItIsAnother() {
    String form = "志愿服务组织名称,交通街道志愿服务总队\n时间,2026-11-20 9:00\n地点,PLACE\n参加活动志愿者人数,3\n活动内容简介,巡逻\n";
    // 绣 for 秀: a homophone of the station's name, and of the community's
    for (String[] c : new String[][] {{"锦绣社区志愿服务站", "锦秀社区志愿服务站"}, {"锦绣社区", "锦秀社区"}}) {
      ReportImport.Result r =
          ReportImport.read(
              "form.csv",
              form.replace("PLACE", c[0]).getBytes(StandardCharsets.UTF_8),
              null,
              "150602",
              known,
              TODAY);
      assertThat(r.problems())
          .as(c[0])
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.column()).isEqualTo("地点");
                assertThat(p.value()).isEqualTo(c[0]);
                assertThat(p.reasonZh()).startsWith("您是不是指 " + c[1]).endsWith("请在地点后加“（非站点）”");
              });
      assertThat(r.activities()).as("nothing placed from a near miss").isEmpty();
    }
    ReportImport.Result other =
        ReportImport.read(
            "form.csv",
            form.replace("PLACE", "锦绣社区（非站点）").getBytes(StandardCharsets.UTF_8),
            null,
            "150602",
            known,
            TODAY);
    assertThat(other.problems()).as("the row says it is another place").isEmpty();
    assertThat(other.activities())
        .singleElement()
        .satisfies(a -> assertThat(a.approximate()).isTrue());
    ReportImport.Result exact =
        ReportImport.read(
            "form.csv",
            form.replace("PLACE", "锦秀社区志愿服务站").getBytes(StandardCharsets.UTF_8),
            null,
            "150602",
            known,
            TODAY);
    assertThat(exact.problems()).isEmpty();
    assertThat(exact.activities())
        .singleElement()
        .extracting(Activity::stationId)
        .isEqualTo("st-150602001002");
  }

  @Test
  void aWrongMobileNumberInTheFormIsAProblem() {
    String csv =
        "志愿服务组织名称,交通街道志愿服务总队\n负责人手机号码,1391234\n时间,2026-11-20 9:00\n参加活动志愿者人数,3\n活动内容简介,巡逻\n";
    ReportImport.Result r =
        ReportImport.read(
            "form.csv", csv.getBytes(StandardCharsets.UTF_8), null, "150602", known, TODAY);
    assertThat(r.problems())
        .extracting(Problem::row, Problem::column, Problem::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "负责人手机号码", "1391234"));
  }

  @Test
  void aFileOfNeitherLayoutIsRefusedAsAWhole() {
    ReportImport.Result r =
        ReportImport.read(
            "x.csv", "名称,地址\n甲,乙\n".getBytes(StandardCharsets.UTF_8), null, "150602", known, TODAY);
    assertThat(r.clean()).isFalse();
    assertThat(r.problems().get(0).reasonEn()).startsWith("neither the 活动情况汇总表 nor the 活动情况表");
  }

  @Test
  void aPlaceNamedInChineseIsFoundByItsPinyinInTheGazetteer() {
    String csv =
        "类别,志愿服务组织名称,活动内容,日期及时间,志愿者参加人数\n" + "镇,东胜区志愿服务分队,天骄街道文明交通劝导,2026-11-19 9:00-11:00,6\n";
    ReportImport.Result r =
        ReportImport.read(
            "g.csv", csv.getBytes(StandardCharsets.UTF_8), null, "150602", known, TODAY);
    assertThat(r.problems()).isEmpty();
    Activity a = r.activities().get(0);
    assertThat(a.approximate()).isTrue();
    assertThat(a.location())
        .as("GeoNames Tianjiao")
        .isEqualTo(new org.vsmap.geo.model.GeoPoint(109.99953, 39.82553));
    assertThat(r.warnings())
        .extracting(Problem::reasonEn)
        .anyMatch(w -> w.contains("GeoNames town Tianjiao"));
  }

  @Test
  void truncatedFilesAreRefusedWithTheReason() throws IOException {
    byte[] xlsx = Files.readAllBytes(SAMPLES.resolve("汇总表-东胜区-样例.xlsx"));
    byte[] half = java.util.Arrays.copyOf(xlsx, xlsx.length / 2);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ReportImport.read("cut.xlsx", half, null, "150602", known, TODAY))
        .hasMessageStartingWith("cut.xlsx: not a readable XLSX workbook")
        .hasMessageContaining("save it again")
        .as("says what is wrong with the file, not which class failed")
        .hasMessageNotContainingAny("Exception", "POI", "Zip", "org.", "java.");
    byte[] csv = Files.readAllBytes(SAMPLES.resolve("汇总表-东胜区-样例.csv"));
    String text = new String(csv, StandardCharsets.UTF_8);
    byte[] cutQuote = (text + "\"区直单位,没有结束的引号").getBytes(StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ReportImport.read("cut.csv", cutQuote, null, "150602", known, TODAY))
        .hasMessageStartingWith("cut.csv: not a readable CSV file")
        .hasMessageNotContainingAny("Exception", "java.", "org.");
    int cut = text.substring(0, text.lastIndexOf("上午")).getBytes(StandardCharsets.UTF_8).length;
    // cut inside 上 (3 bytes in UTF-8): neither valid UTF-8 nor GB18030 any more, refused as a whole
    byte[] halfChar = java.util.Arrays.copyOf(csv, cut + 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ReportImport.read("cut2.csv", halfChar, null, "150602", known, TODAY))
        .hasMessageContaining("neither UTF-8 nor GB18030/GBK text");
    // cut between characters in the middle of the last row: that row is reported, the rest read
    ReportImport.Result halfRow =
        ReportImport.read(
            "cut3.csv", java.util.Arrays.copyOf(csv, cut), null, "150602", known, TODAY);
    assertThat(halfRow.encoding()).isEqualTo("UTF-8");
    assertThat(halfRow.problems())
        .extracting(Problem::row, Problem::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(7, "志愿者参加人数"));
  }

  @Test
  void datesAreReadAsOfficesWriteThem() {
    assertThat(ReportDates.parse("11.18 下午3点-5点半", TODAY))
        .isEqualTo(
            new ReportDates.Span(
                LocalDateTime.of(2026, 11, 18, 15, 0), LocalDateTime.of(2026, 11, 18, 17, 30)));
    assertThat(ReportDates.parse("2026-11-18T09:30", TODAY).start())
        .isEqualTo(LocalDateTime.of(2026, 11, 18, 9, 30));
    assertThat(ReportDates.parse("12月30日", TODAY).start())
        .as("within 60 days ahead: this year")
        .isEqualTo(LocalDateTime.of(2026, 12, 30, 9, 0));
    assertThat(ReportDates.parse("2月3日 晚上", TODAY).start())
        .as("further ahead: last year")
        .isEqualTo(LocalDateTime.of(2026, 2, 3, 19, 0));
  }
}
