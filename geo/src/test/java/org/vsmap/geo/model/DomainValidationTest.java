package org.vsmap.geo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainValidationTest {
  private static final GeoPoint DONGSHENG = new GeoPoint(109.98, 39.82);

  private static Station station(String contact) {
    return new Station(
        "S1",
        "锦秀社区志愿服务站",
        StationType.COMMUNITY,
        "150602001002",
        "东胜区",
        DONGSHENG,
        "9:00-17:00",
        List.of("助老"),
        contact,
        FiveHas.parse("11010"),
        true);
  }

  @Test
  void stationKeepsOfficeLinesAndRefusesPersonalMobiles() {
    assertThat(station("0477-8581234").publicContact()).isEqualTo("0477-8581234");
    assertThat(station(null).publicContact()).isNull();
    assertThatThrownBy(() -> station("13912345678")).hasMessageContaining("personal mobile");
    assertThatThrownBy(() -> station("电话 +86 139 1234 5678".replace(" ", "")))
        .hasMessageContaining("personal mobile");
    assertThatThrownBy(() -> station("not a number"))
        .hasMessageContaining("not a telephone number");
  }

  @Test
  void fiveHasCountsAndRoundTrips() {
    FiveHas f = FiveHas.parse("11010");
    assertThat(f.met()).isEqualTo(3);
    assertThat(f.complete()).isFalse();
    assertThat(f.flags()).isEqualTo("11010");
    assertThat(FiveHas.parse("11111").complete()).isTrue();
    assertThatThrownBy(() -> FiveHas.parse("1101")).hasMessageContaining("five characters");
  }

  @Test
  void regionCodeMustFitLevelAndParent() {
    Region street = new Region("150602001", "交通街道", RegionLevel.STREET, "150602", null, null, null);
    assertThat(street.level()).isEqualTo(RegionLevel.STREET);
    assertThatThrownBy(
            () -> new Region("150602001", "交通街道", RegionLevel.COUNTY, "1506", null, null, null))
        .hasMessageContaining("does not fit level");
    assertThatThrownBy(
            () -> new Region("150602001", "交通街道", RegionLevel.STREET, "150603", null, null, null))
        .hasMessageContaining("parent");
    assertThatThrownBy(
            () -> new Region("150602", "东胜区", RegionLevel.COUNTY, "1506", -1L, null, null))
        .hasMessageContaining("negative");
    assertThat(RegionLevel.ofCode("150602001002")).isEqualTo(RegionLevel.COMMUNITY);
  }

  @Test
  void teamTreeRules() {
    Team corps =
        new Team(
            "T1",
            "鄂尔多斯市学雷锋志愿服务总队",
            TeamLevel.CITY_CORPS,
            null,
            "1506",
            "市文明办",
            LocalDate.of(2013, 6, 27),
            null,
            null,
            120,
            true);
    assertThat(corps.mayParent(TeamLevel.DIVISION)).isTrue();
    assertThat(
            new Team("T2", "小队", TeamLevel.SQUAD, "T1", "1506", null, null, null, null, 5, true)
                .mayParent(TeamLevel.COMPANY))
        .isFalse();
    assertThatThrownBy(
            () ->
                new Team(
                    "T2", "分队", TeamLevel.DIVISION, null, "1506", null, null, null, null, 5, true))
        .hasMessageContaining("parent team");
    assertThatThrownBy(
            () ->
                new Team(
                    "T1",
                    "总队",
                    TeamLevel.CITY_CORPS,
                    "T0",
                    "1506",
                    null,
                    null,
                    null,
                    null,
                    5,
                    true))
        .hasMessageContaining("cannot have a parent");
    assertThatThrownBy(
            () ->
                new Team(
                    "T3", "队", TeamLevel.SQUAD, "T1", "1506", null, null, null, null, -2, true))
        .hasMessageContaining("must not be negative");
  }

  @Test
  void activityTimesAndCountsAreChecked() {
    LocalDateTime start = LocalDateTime.of(2026, 12, 5, 9, 0);
    Activity a =
        new Activity(
            "A1",
            "国际志愿者日义诊",
            null,
            Theme.PUBLIC_HEALTH,
            "T1",
            "S1",
            "150602",
            DONGSHENG,
            start,
            start.plusHours(3),
            Recurrence.ONCE,
            10,
            4,
            true,
            false,
            true);
    assertThat(a.recruiting()).isTrue();
    assertThatThrownBy(
            () ->
                new Activity(
                    "A1",
                    "x",
                    null,
                    Theme.PUBLIC_HEALTH,
                    "T1",
                    null,
                    "150602",
                    DONGSHENG,
                    start,
                    start,
                    null,
                    1,
                    0,
                    false,
                    false,
                    true))
        .hasMessageContaining("ends before it starts");
    assertThatThrownBy(
            () ->
                new Activity(
                    "A1",
                    "x",
                    null,
                    Theme.PUBLIC_HEALTH,
                    "T1",
                    null,
                    "150602",
                    DONGSHENG,
                    start,
                    start.plusHours(1),
                    null,
                    -1,
                    0,
                    false,
                    false,
                    true))
        .hasMessageContaining("must not be negative");
  }

  @Test
  void eighteenThemesInThreeCareGroups() {
    assertThat(Theme.values()).hasSize(18);
    assertThat(Arrays.stream(Theme.values()).map(Theme::group).distinct())
        .containsExactlyInAnyOrder(CareGroup.values());
  }

  @Test
  void coordinatesAreRangeChecked() {
    assertThatThrownBy(() -> new GeoPoint(200, 10)).hasMessageContaining("longitude");
    assertThatThrownBy(() -> new GeoPoint(10, Double.NaN)).hasMessageContaining("latitude");
    assertThatThrownBy(() -> BBox.parse("1,2,3")).hasMessageContaining("four");
    assertThatThrownBy(() -> BBox.parse("3,2,1,4")).hasMessageContaining("west <= east");
    assertThat(BBox.parse("107,37,112,41").contains(DONGSHENG)).isTrue();
  }
}
