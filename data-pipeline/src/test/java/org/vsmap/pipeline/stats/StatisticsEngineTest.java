package org.vsmap.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Statistics.Status;
import org.vsmap.geo.port.Statistics.Table;
import org.vsmap.geo.port.Statistics.Value;
import org.vsmap.pipeline.stats.StatisticsEngine.ActivityIn;
import org.vsmap.pipeline.stats.StatisticsEngine.FigureIn;
import org.vsmap.pipeline.stats.StatisticsEngine.RegionIn;
import org.vsmap.pipeline.stats.StatisticsEngine.StationIn;

/**
 * Every indicator on a fixture small enough to compute by hand (the expected numbers are worked out
 * in the comments).
 */
class StatisticsEngineTest {
  static final LocalDateTime AS_OF =
      LocalDateTime.of(
          2026, 11, 25, 10, 0); // a Wednesday; Mondays of November so far: 2, 9, 16, 23

  static final List<RegionIn> REGIONS =
      List.of(
          new RegionIn("1506", "市", "CITY", "15", null),
          new RegionIn("150601", "甲区", "COUNTY", "1506", 1000L),
          new RegionIn("150602", "乙区", "COUNTY", "1506", null), // no population known
          new RegionIn("150601001", "一街道", "STREET", "150601", null),
          new RegionIn("150601001001", "甲社区居委会", "COMMUNITY", "150601001", null),
          new RegionIn("150601001002", "乙村委会", "COMMUNITY", "150601001", null),
          new RegionIn("150601001003", "丙社区居委会", "COMMUNITY", "150601001", null));

  static Table table() {
    List<FigureIn> figures =
        List.of(
            new FigureIn("150601", "2026", 150L, 120L, 4000.0),
            new FigureIn("150602", "2026", 80L, 40L, 1000.0),
            new FigureIn(
                "150601", "2026-10", 150L, 3L, 300.0)); // 3 active in October: fewer than five
    List<StationIn> stations =
        List.of(new StationIn("150601001001", "11111"), new StationIn("150601001", "11010"));
    List<ActivityIn> activities =
        List.of(
            new ActivityIn(
                "150601001001",
                Theme.PUBLIC_HEALTH,
                LocalDateTime.of(2026, 11, 2, 9, 0),
                true), // weekly: weeks of 2, 9, 16, 23 Nov …
            new ActivityIn("150601001002", Theme.ARTS, LocalDateTime.of(2026, 11, 23, 9, 0), false),
            new ActivityIn(
                "150601001002",
                Theme.ARTS,
                LocalDateTime.of(2026, 12, 5, 9, 0),
                false)); // next month: no week of it has begun
    List<ActivityIn> all = new java.util.ArrayList<>(activities);
    // a unit's team (tm-u) paired with 甲 serves there weekly from 2 Nov; tm-v, paired with 丙, never
    // went; tm-w served at 甲, not its 丙
    all.add(
        new ActivityIn(
            "150601001001", Theme.COMMUNITY, LocalDateTime.of(2026, 11, 2, 15, 0), true, "tm-u"));
    all.add(
        new ActivityIn(
            "150601001001", Theme.COMMUNITY, LocalDateTime.of(2026, 11, 2, 15, 0), true, "tm-w"));
    List<StatisticsEngine.PairingIn> pairings =
        List.of(
            new StatisticsEngine.PairingIn("tm-u", "1506", "150601001001"),
            new StatisticsEngine.PairingIn("tm-v", "1506", "150601001003"),
            new StatisticsEngine.PairingIn("tm-w", "150601", "150601001003"));
    return StatisticsEngine.compute(
        REGIONS, figures, stations, all, pairings, AS_OF, "test-1", 5, true);
  }

  static Optional<Value> value(
      Table t, String indicator, String region, String period, String category) {
    return t.values().stream()
        .filter(
            v ->
                v.indicator().equals(indicator)
                    && v.regionCode().equals(region)
                    && v.period().equals(period)
                    && java.util.Objects.equals(v.category(), category))
        .findFirst();
  }

  static double number(Table t, String indicator, String region, String period) {
    return value(t, indicator, region, period, null)
        .orElseThrow(() -> new AssertionError(indicator + " " + region + " " + period))
        .value();
  }

  @Test
  void volunteerFigures() {
    Table t = table();
    assertThat(number(t, "volunteer_rate", "150601", "2026")).isEqualTo(15.0); // 150 / 1000
    assertThat(value(t, "volunteer_rate", "150601", "2026", null).orElseThrow().met()).isTrue();
    assertThat(value(t, "volunteer_rate", "150602", "2026", null))
        .as("no population, no rate")
        .isEmpty();
    assertThat(value(t, "volunteer_rate", "1506", "2026", null))
        .as("the city's population is unknown (one district lacks it)")
        .isEmpty();
    assertThat(number(t, "active_rate", "150601", "2026")).isEqualTo(80.0); // 120 / 150
    assertThat(number(t, "active_rate", "150602", "2026")).isEqualTo(50.0); // 40 / 80
    Value city = value(t, "active_rate", "1506", "2026", null).orElseThrow();
    assertThat(city.value()).isEqualTo(69.6); // 160 / 230 = 69.57
    assertThat(city.numerator()).isEqualTo(160.0);
    assertThat(city.denominator()).isEqualTo(230.0);
    assertThat(city.met()).isFalse();
    assertThat(number(t, "hours_per_volunteer", "150601", "2026")).isEqualTo(26.7); // 4000 / 150
    assertThat(number(t, "hours_per_volunteer", "1506", "2026")).isEqualTo(21.7); // 5000 / 230
    assertThat(value(t, "hours_per_volunteer", "1506", "2025", null))
        .as("an empty period publishes nothing")
        .isEmpty();
    Value october = value(t, "active_rate", "150601", "2026-10", null).orElseThrow();
    assertThat(october.status()).as("3 active people").isEqualTo(Status.SUPPRESSED);
    assertThat(october.value()).isNull();
    assertThat(october.numerator()).isNull();
    assertThat(october.met()).as("monthly shares have no target").isNull();
  }

  @Test
  void stationsAndActivities() {
    Table t = table();
    assertThat(number(t, "community_station_coverage", "150601001", "current"))
        .isEqualTo(50.0); // 甲 has one, 丙 not; 乙 is a village
    assertThat(number(t, "community_station_coverage", "1506", "current")).isEqualTo(50.0);
    assertThat(number(t, "five_has_complete", "150601001", "current"))
        .isEqualTo(50.0); // 11111 and 11010
    assertThat(value(t, "five_has_complete", "150601001", "current", null).orElseThrow().met())
        .isNull();
    // every November week begun so far: 甲 (weekly from 2 Nov) yes; 乙 (23 Nov only) no; 丙 none → 1
    // of 3
    assertThat(number(t, "weekly_activity_coverage", "150601001", "2026-11")).isEqualTo(33.3);
    assertThat(value(t, "weekly_activity_coverage", "150601001", "2026-12", null))
        .as("no week of December has begun")
        .isEmpty();
    assertThat(number(t, "activities", "150601", "2026-11"))
        .isEqualTo(4.0); // two single, two weekly (each counted once)
    assertThat(number(t, "activities", "150601", "2026-Q4")).isEqualTo(5.0);
    assertThat(number(t, "activities", "1506", "2026")).isEqualTo(5.0);
    // paired units: tm-u every week at its community; tm-v never; tm-w only elsewhere → city 1 of
    // 3, district 0 of 1
    assertThat(number(t, "paired_unit_weekly", "1506", "2026-11")).isEqualTo(33.3);
    assertThat(number(t, "paired_unit_weekly", "150601", "2026-11")).isEqualTo(0.0);
    assertThat(value(t, "activities_by_theme", "150601", "2026-11", "ARTS").orElseThrow().value())
        .isEqualTo(1.0);
    assertThat(value(t, "activities_by_theme", "1506", "2026", "ARTS").orElseThrow().value())
        .isEqualTo(2.0);
    assertThat(t.synthetic()).isTrue();
    assertThat(t.indicators())
        .extracting(i -> i.id())
        .contains(
            "volunteer_rate",
            "active_rate",
            "hours_per_volunteer",
            "community_station_coverage",
            "five_has_complete",
            "weekly_activity_coverage",
            "activities",
            "activities_by_theme");
  }

  @Test
  void onTimeReportingForTheCityAndItsDistrictsOnlyAndWithheldWhereFewUnits() {
    java.time.LocalDate since = java.time.LocalDate.of(2026, 11, 2);
    List<org.vsmap.geo.reporting.Supervision.Unit> units = new java.util.ArrayList<>();
    List<org.vsmap.geo.reporting.Supervision.Receipt> receipts = new java.util.ArrayList<>();
    // 甲区: five units (one at a street); 乙区: two — fewer than the threshold of five
    String[][] unitsAt = {
      {"u1", "150601"},
      {"u2", "150601"},
      {"u3", "150601001"},
      {"u4", "150601"},
      {"u5", "150601"},
      {"v1", "150602"},
      {"v2", "150602"}
    };
    for (String[] u : unitsAt) {
      units.add(
          new org.vsmap.geo.reporting.Supervision.Unit(
              u[0], null, u[1], null, null, null, null, since));
      if (u[0].equals("u3")) {
        continue; // never reports
      }
      for (int week : new int[] {2, 9, 16}) {
        java.time.LocalDate monday = java.time.LocalDate.of(2026, 11, week);
        LocalDateTime at =
            u[0].equals("u2") && week == 16
                ? LocalDateTime.of(2026, 11, 24, 20, 0) // two hours after Tuesday 18:00
                : monday.plusWeeks(1).atTime(10, 0); // the Monday after
        receipts.add(new org.vsmap.geo.reporting.Supervision.Receipt(u[0], monday, at));
      }
    }
    ReportingRates.In in =
        new ReportingRates.In(
            units,
            receipts,
            List.of(
                new org.vsmap.geo.reporting.Supervision.Exempt(
                    java.time.LocalDate.of(2026, 11, 9), "假期")),
            org.vsmap.geo.reporting.Deadline.SEED_001);
    // as of Wednesday 25 Nov: the weeks of 2, 9 and 16 Nov are past their deadline, 9 Nov is a
    // holiday; 甲区 on time: u1 2, u2 1 (16 Nov late), u3 0, u4 2, u5 2 = 7 of 10
    Table t =
        StatisticsEngine.compute(
            REGIONS, List.of(), List.of(), List.of(), List.of(), in, AS_OF, "test-2", 5, true);
    assertThat(number(t, "on_time_reporting", "150601", "2026-11")).isEqualTo(70.0);
    assertThat(value(t, "on_time_reporting", "150601", "2026-11", null).orElseThrow().denominator())
        .isEqualTo(10.0);
    // 乙区's 4 of 4 is withheld (two units), but counts in the city: 11 of 14
    assertThat(value(t, "on_time_reporting", "150602", "2026-11", null).orElseThrow().status())
        .isEqualTo(Status.SUPPRESSED);
    assertThat(value(t, "on_time_reporting", "150602", "2026-11", null).orElseThrow().value())
        .isNull();
    assertThat(number(t, "on_time_reporting", "1506", "2026-11")).isEqualTo(78.6);
    assertThat(value(t, "on_time_reporting", "150601001", "2026-11", null))
        .as("nothing below a district")
        .isEmpty();
    assertThat(t.values())
        .filteredOn(v -> v.indicator().equals("on_time_reporting"))
        .extracting(Value::regionCode)
        .containsOnly("1506", "150601", "150602");
  }
}
