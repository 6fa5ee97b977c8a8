package org.vsmap.geo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionCodeTest {
  @Test
  void aCodeKnowsItsLevelAndItsParents() {
    RegionCode community = RegionCode.of("150602001002"); // 锦秀社区
    assertThat(community.level()).isEqualTo(RegionLevel.COMMUNITY);
    assertThat(community.parent()).contains(RegionCode.of("150602001"));
    assertThat(RegionCode.of("150602001").parent()).contains(RegionCode.of("150602"));
    assertThat(RegionCode.of("150602").parent()).contains(RegionCode.of("1506"));
    assertThat(RegionCode.of("1506").parent()).contains(RegionCode.of("15"));
    assertThat(RegionCode.of("15").parent()).isEmpty();
    assertThat(RegionCode.of("15").level()).isEqualTo(RegionLevel.PROVINCE);
  }

  @Test
  void aRegionHoldsItselfAndWhatLiesBelow() {
    RegionCode dongsheng = RegionCode.of("150602");
    assertThat(dongsheng.contains(RegionCode.of("150602001002"))).isTrue();
    assertThat(dongsheng.contains(dongsheng)).isTrue();
    assertThat(dongsheng.contains(RegionCode.of("150603001001"))).isFalse();
    assertThat(dongsheng.contains(RegionCode.of("1506"))).as("not its parent").isFalse();
    assertThat(RegionCode.within("150602001002", "150602")).isTrue();
    assertThat(RegionCode.within("150621001001", "150602")).isFalse();
    assertThat(RegionCode.within(null, "150602")).isFalse();
    assertThat(RegionCode.within("150602", null)).as("no scope is not everywhere").isFalse();
  }

  @Test
  void onlyTheFiveLengthsOfDigitsAreCodes() {
    for (String ok : new String[] {"15", "1506", "150602", "150602001", "150602001002"}) {
      assertThat(RegionCode.isValid(ok)).as(ok).isTrue();
    }
    for (String bad :
        new String[] {
          "1",
          "150",
          "15060",
          "1506020",
          "15060200",
          "1506020010",
          "15060200100",
          "1506020010020",
          "15060a",
          " 150602",
          "",
          null
        }) {
      assertThat(RegionCode.isValid(bad)).as(String.valueOf(bad)).isFalse();
    }
    assertThatThrownBy(() -> RegionCode.of("15060200"))
        .hasMessage("not a region code (2, 4, 6, 9 or 12 digits): 15060200");
  }
}
