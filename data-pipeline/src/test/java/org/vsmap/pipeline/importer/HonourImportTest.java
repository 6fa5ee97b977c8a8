package org.vsmap.pipeline.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.model.Honour;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.port.Problem;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;

/** Issue 10: an office's honour list, read and checked row by row and column by column. */
class HonourImportTest {
  static SeedLoader.SeedData seed;
  static final Map<String, Region> REGIONS = new HashMap<>();
  static HonourImport.Known known;

  @BeforeAll
  static void load() {
    seed = SeedLoader.read(SeedSource.classpath(), java.time.LocalDate.of(2026, 11, 25));
    seed.regions().forEach(r -> REGIONS.put(r.code(), r));
    Map<String, String> stations = new HashMap<>();
    seed.stations().forEach(s -> stations.put(s.id(), s.regionCode()));
    Map<String, String> teams = new HashMap<>();
    seed.teams().forEach(t -> teams.put(t.id(), t.regionCode()));
    Map<String, String> activities = new HashMap<>();
    seed.activities().forEach(a -> activities.put(a.id(), a.regionCode()));
    known = new HonourImport.Known(REGIONS, stations::get, teams::get, activities::get);
  }

  private static HonourImport.Result read(String csv, Charset cs) {
    return HonourImport.read(Grid.read("honours.csv", csv.getBytes(cs), null), known);
  }

  @Test
  void aListInChineseWithEveryKindOfSubject() {
    String csv =
        "东胜区2025年度志愿服务表彰名单\n"
            + "荣誉名称,年度,级别,授予单位,对象类型,对象编号,区划代码,志愿者姓名,本人同意公开姓名,事迹简介\n"
            + "最美志愿服务站,2025年,市级,鄂尔多斯市文明办,站点,st-150602001002,,,,常年开展助老服务\n"
            + "最佳志愿服务组织,2025,区级,东胜区文明办,组织,tm-150602001002,,,,\n"
            + "最佳志愿服务项目,2025,市级,鄂尔多斯市文明办,项目,ac-00038,,,,\n"
            + "最美志愿服务社区,2025,市级,鄂尔多斯市文明办,社区,150602001002,,,,\n"
            + "最美志愿者,2025,市级,鄂尔多斯市文明办,志愿者,tm-150602001003,,王小明,是,\n"
            + "最美志愿者,2025,区级,东胜区文明办,志愿者,,150602001,,,本人未同意公开姓名\n";
    HonourImport.Result r = read(csv, Charset.forName("GBK"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.honours())
        .extracting(Honour::subject, Honour::regionCode)
        .containsExactly(
            tuple(Honour.HonourSubject.STATION, "150602001002"),
                tuple(Honour.HonourSubject.TEAM, "150602001002"),
            tuple(Honour.HonourSubject.ACTIVITY, "150602"),
                tuple(Honour.HonourSubject.COMMUNITY, "150602001002"),
            tuple(Honour.HonourSubject.VOLUNTEER, "150602001003"),
                tuple(Honour.HonourSubject.VOLUNTEER, "150602001"));
    assertThat(r.honours().get(0).year()).isEqualTo(2025);
    assertThat(r.honours().get(0).level()).isEqualTo(Honour.HonourLevel.CITY);
    assertThat(r.honours().get(1).level()).isEqualTo(Honour.HonourLevel.DISTRICT);
    assertThat(r.honours().get(4).volunteerName()).as("published with consent").isEqualTo("王小明");
    assertThat(r.honours().get(5).volunteerName()).isNull();
    assertThat(r.honours())
        .extracting(Honour::id)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith("hn-"));
    // the same file again gives the same ids: a re-import updates, it does not duplicate
    assertThat(read(csv, Charset.forName("GBK")).honours())
        .extracting(Honour::id)
        .containsExactlyElementsOf(r.honours().stream().map(Honour::id).toList());
  }

  @Test
  void everyBadCellIsReportedByRowAndColumnAndANameNeedsConsent() {
    String csv =
        "荣誉名称,年度,级别,授予单位,对象类型,对象编号,区划代码,志愿者姓名,本人同意公开姓名\n"
            + "最美志愿者,2025,市级,市文明办,志愿者,tm-150602001003,,李四,否\n"
            + "最美志愿者,2025,市级,市文明办,志愿者,tm-150602001003,,李四,\n"
            + "最美志愿服务站,2025,市级,市文明办,站点,st-no-such,,,\n"
            + "最美志愿服务站,二〇二五,市级,市文明办,站点,st-150602001002,,,\n"
            + "最美志愿服务站,2025,世界级,市文明办,站点,st-150602001002,,,\n"
            + "最美志愿服务站,2025,市级,市文明办,星球,st-150602001002,,,\n"
            + "最美志愿服务站,2025,市级,市文明办,站点,st-150602001002,150603,,\n"
            + "最美志愿服务站,2025,市级,,站点,st-150602001002,,,\n"
            + "最美志愿服务社区,2025,市级,市文明办,社区,159999,,,\n"
            + "最美志愿服务站,2025,市级,市文明办,站点,st-150602001002,,张三,是\n"
            + "最美志愿者,2025,市级,市文明办,志愿者,,,,\n";
    HonourImport.Result r = read(csv, StandardCharsets.UTF_8);
    assertThat(r.honours()).isEmpty();
    assertThat(r.problems())
        .extracting(Problem::row, Problem::column)
        .containsExactly(
            tuple(2, "志愿者姓名"),
            tuple(3, "志愿者姓名"),
            tuple(4, "对象编号"),
            tuple(5, "年度"),
            tuple(6, "级别"),
            tuple(7, "对象类型"),
            tuple(8, "区划代码"),
            tuple(9, "授予单位"),
            tuple(10, "对象编号"),
            tuple(11, "志愿者姓名"),
            tuple(12, "区划代码"));
    assertThat(r.problems().get(0).reasonEn()).contains("only with the volunteer's consent");
    assertThat(r.problems().get(6).reasonEn()).contains("differs from the region 150602001002");
  }

  @Test
  void requiredColumnsAndDuplicates() {
    HonourImport.Result missing = read("荣誉名称,年度\n最美,2025\n", StandardCharsets.UTF_8);
    assertThat(missing.problems())
        .extracting(Problem::column)
        .containsExactly("level", "awarded_by", "subject");
    HonourImport.Result dup =
        read(
            "编号,荣誉名称,年度,级别,授予单位,对象类型,对象编号\n"
                + "hn-1,最美志愿服务站,2025,市级,市文明办,站点,st-150602001002\nhn-1,最美志愿服务站,2024,市级,市文明办,站点,st-150602001002\n",
            StandardCharsets.UTF_8);
    assertThat(dup.problems())
        .extracting(Problem::row, Problem::reasonEn)
        .containsExactly(tuple(3, "duplicates row 2"));
  }
}
