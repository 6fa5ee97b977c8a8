package org.vsmap.pipeline.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.port.Offices;
import org.vsmap.geo.port.Reporting;
import org.vsmap.geo.reporting.Supervision;
import org.vsmap.geo.time.ChinaTime;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;
import org.vsmap.pipeline.store.Database;

/**
 * Weekly reporting over three weeks in the store (H2GIS), through the same upload path offices use:
 * on time, a report arriving on Wednesday, a unit that never reports, a holiday week; what an
 * office sees is its own region; importing a report again changes nothing.
 */
@Tag("integration")
class ReportingStoreIT {
  private static final ZoneId CHINA = ChinaTime.ZONE;

  /** A clock the test moves: each report arrives at its own time. */
  private static final class Moving extends Clock {
    Instant now;

    Moving(LocalDateTime at) {
      set(at);
    }

    void set(LocalDateTime at) {
      now = at.atZone(CHINA).toInstant();
    }

    @Override
    public ZoneId getZone() {
      return CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final Offices.Account CITY =
      new Offices.Account("cityadmin", Offices.Role.ADMIN, null);
  private static final Offices.Account DONGSHENG =
      new Offices.Account("dongsheng", Offices.Role.OFFICE, "150602");
  private static final Offices.Account KANGBASHI =
      new Offices.Account("kangbashi", Offices.Role.OFFICE, "150603");

  private static byte[] summary(String office, String... rows) {
    StringBuilder s = new StringBuilder("各区开展活动情况汇总表（测试，合成数据）,,,,\n,,,填表单位：" + office + ",\n");
    s.append("类别,志愿服务组织名称,活动内容,日期及时间,志愿者参加人数\n");
    for (String r : rows) {
      s.append(r).append('\n');
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void report(
      JdbiOffices offices, Moving clock, LocalDateTime at, Offices.Account office, byte[] csv) {
    clock.set(at);
    Offices.Preview p =
        offices.check(office, "report", "汇总表.csv", csv, null, null, false, null, false);
    assertThat(p.problems()).as("the report is clean").isEmpty();
    offices.confirm(office, p.id());
  }

  @Test
  void threeWeeksGiveTheExpectedGridScopedByOfficeInH2gis() throws Exception {
    Path tmp = Files.createTempDirectory("vsmap-reporting-");
    try (Database db = Database.open(Database.embeddedUrl(tmp.resolve("store")), null, null)) {
      threeWeeks(db);
    }
  }

  @Test
  void threeWeeksGiveTheExpectedGridScopedByOfficeInPostgis() throws Exception {
    org.vsmap.pipeline.store.PostgisCluster cluster =
        org.vsmap.pipeline.store.PostgisCluster.require();
    String url = cluster.createDatabase("vsmap_reporting");
    try (Database db = Database.open(url, cluster.user(), null)) {
      threeWeeks(db);
    }
  }

  private void threeWeeks(Database db) throws Exception {
    Moving clock = new Moving(LocalDateTime.of(2026, 11, 20, 9, 0));
    {
      SeedLoader.load(db, SeedSource.classpath(), clock);
      // the demo's synthetic reporting units and arrivals out of the way: this test lists its own
      db.jdbi().useHandle(h -> h.execute("DELETE FROM report_receipt"));
      db.jdbi().useHandle(h -> h.execute("DELETE FROM reporting_unit"));
      JdbiOffices offices = new JdbiOffices(db.jdbi(), clock);
      JdbiReporting reporting = new JdbiReporting(db.jdbi(), clock);
      LocalDate since = LocalDate.of(2026, 11, 16);
      Reporting.Added byName =
          reporting.addUnitsByName(
              CITY,
              "units.csv",
              "志愿服务组织名称\n交通街道志愿服务总队\n锦秀社区志愿服务队\n航空社区志愿服务队\n康巴什区志愿服务分队\n"
                  .getBytes(StandardCharsets.UTF_8),
              since);
      assertThat(byName.problems()).isEmpty();
      assertThat(byName.added())
          .containsExactly("tm-150602001", "tm-150602001002", "tm-150602001003", "tm-150603");
      Reporting.Added typo =
          reporting.addUnitsByName(
              CITY, "units.csv", "交通街到志愿服务总队\n".getBytes(StandardCharsets.UTF_8), since);
      assertThat(typo.added()).isEmpty();
      assertThat(typo.problems())
          .singleElement()
          .satisfies(p -> assertThat(p.reasonZh()).contains("您是不是指 交通街道志愿服务总队"));
      assertThatThrownBy(
              () ->
                  reporting.addUnits(
                      DONGSHENG,
                      new Reporting.Selection("150602", List.of(TeamLevel.SQUAD), false),
                      since))
          .as("an office does not keep the list")
          .isInstanceOf(Offices.Forbidden.class);
      reporting.setExempt(CITY, LocalDate.of(2026, 11, 25), "测试假期（合成）");

      // week of 16 Nov, due Tue 24 Nov 18:00
      report(
          offices,
          clock,
          LocalDateTime.of(2026, 11, 24, 9, 30),
          DONGSHENG,
          summary("东胜区文明办", "街道,交通街道志愿服务总队,锦秀社区平安巡逻,2026-11-19 19:00-21:00,15"));
      report(
          offices,
          clock,
          LocalDateTime.of(2026, 11, 25, 10, 0),
          DONGSHENG,
          summary("东胜区文明办", "社区,锦秀社区志愿服务队,楼道清扫,2026-11-18 上午,6"));
      report(
          offices,
          clock,
          LocalDateTime.of(2026, 11, 23, 17, 0),
          KANGBASHI,
          summary("康巴什区文明办", "区直单位,康巴什区志愿服务分队,图书馆读书会,2026-11-21 上午,9"));
      // week of 23 Nov: a holiday week; a report comes anyway
      report(
          offices,
          clock,
          LocalDateTime.of(2026, 12, 1, 9, 0),
          DONGSHENG,
          summary("东胜区文明办", "街道,交通街道志愿服务总队,节日慰问,2026-11-26 上午,10"));
      // week of 30 Nov, due Tue 8 Dec 18:00: a report on Wednesday
      report(
          offices,
          clock,
          LocalDateTime.of(2026, 12, 9, 10, 15),
          DONGSHENG,
          summary("东胜区文明办", "街道,交通街道志愿服务总队,冬季扫雪,2026-12-03 上午,20"));
      // the first report again, on Thursday: the receipt keeps its first arrival
      report(
          offices,
          clock,
          LocalDateTime.of(2026, 12, 10, 9, 0),
          DONGSHENG,
          summary("东胜区文明办", "街道,交通街道志愿服务总队,锦秀社区平安巡逻,2026-11-19 19:00-21:00,15"));

      clock.set(LocalDateTime.of(2026, 12, 10, 12, 0));
      Reporting.Board city = reporting.board(CITY, 3);
      assertThat(city.dueWeek()).isEqualTo(LocalDate.of(2026, 12, 7));
      Reporting.Board board = reporting.board(CITY, 4);
      assertThat(board.weeks())
          .containsExactly(
              LocalDate.of(2026, 11, 16),
              LocalDate.of(2026, 11, 23),
              LocalDate.of(2026, 11, 30),
              LocalDate.of(2026, 12, 7));
      assertThat(grid(board))
          .containsExactly(
              Map.entry("tm-150602001", "ON_TIME EXEMPT LATE PENDING"),
              Map.entry("tm-150602001002", "LATE EXEMPT MISSING PENDING"),
              Map.entry("tm-150602001003", "MISSING EXEMPT MISSING PENDING"),
              Map.entry("tm-150603", "ON_TIME EXEMPT MISSING PENDING"));
      Supervision.Cell wednesday = board.rows().get(0).cells().get(2);
      assertThat(wednesday.received()).isEqualTo(LocalDateTime.of(2026, 12, 9, 10, 15));
      assertThat(wednesday.lateZh()).isEqualTo("16 小时");
      assertThat(board.rows().get(0).cells().get(0).received())
          .as("importing the same report again changes nothing")
          .isEqualTo(LocalDateTime.of(2026, 11, 24, 9, 30));
      assertThat(board.rows().get(1).cells().get(1).note()).isEqualTo("测试假期（合成）");

      assertThat(grid(reporting.board(DONGSHENG, 4)).keySet())
          .as("an office sees its own region's units")
          .containsExactly("tm-150602001", "tm-150602001002", "tm-150602001003");
      assertThat(reporting.history(DONGSHENG, "tm-150603")).isEmpty();
      assertThat(reporting.history(KANGBASHI, "tm-150603")).isPresent();

      List<Supervision.DistrictRate> districts = Supervision.byDistrict(board.rows());
      assertThat(districts)
          .extracting(d -> d.code() + " " + d.name() + " " + d.rate().onTimePercent())
          .containsExactly("150602 东胜区 16.7", "150603 康巴什区 50.0");

      JdbiAccounts accounts = new JdbiAccounts(db.jdbi(), clock);
      accounts.create("dongsheng", "a long enough passphrase 7", Offices.Role.OFFICE, "150602");
      String key = reporting.feedKey(DONGSHENG);
      assertThat(reporting.feedAccount("dongsheng", key))
          .map(Offices.Account::regionCode)
          .contains("150602");
      assertThat(reporting.feedAccount("dongsheng", key.replace(key.charAt(0), 'x'))).isEmpty();
      accounts.resetPassword("dongsheng", "another long passphrase 8", "cityadmin");
      assertThat(reporting.feedAccount("dongsheng", key))
          .as("a new password ends the old feed address")
          .isEmpty();
    }
  }

  private static Map<String, String> grid(Reporting.Board board) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Supervision.Row r : board.rows()) {
      out.put(
          r.unit().teamId(),
          String.join(" ", r.cells().stream().map(c -> c.status().name()).toList()));
    }
    return out;
  }
}
