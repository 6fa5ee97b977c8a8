package org.vsmap.geo.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ChinaTimeTest {
  private static final Clock LATE_EVENING =
      Clock.fixed(Instant.parse("2027-03-01T15:30:00Z"), ChinaTime.ZONE); // 23:30 in China

  @Test
  void aDayMovesTheDateAndKeepsTheTimeOfDay() {
    Clock moved = ChinaTime.asIfToday("2026-12-07", LATE_EVENING);
    assertThat(LocalDateTime.now(moved)).isEqualTo(LocalDateTime.of(2026, 12, 7, 23, 30));
    assertThat(moved.getZone()).isEqualTo(ChinaTime.ZONE);
  }

  @Test
  void theDateIsReadInChinaNotInUtc() {
    // 17:00 UTC on 1 March is 01:00 on 2 March in China: the 3rd is one day ahead there, not two
    Clock afterMidnight = Clock.fixed(Instant.parse("2027-03-01T17:00:00Z"), ChinaTime.ZONE);
    assertThat(LocalDateTime.now(ChinaTime.asIfToday("2027-03-03", afterMidnight)))
        .isEqualTo(LocalDateTime.of(2027, 3, 3, 1, 0));
  }

  @Test
  void blankLeavesTheClockAloneAndNonsenseIsNamed() {
    assertThat(ChinaTime.asIfToday(null, LATE_EVENING)).isSameAs(LATE_EVENING);
    assertThat(ChinaTime.asIfToday(" ", LATE_EVENING)).isSameAs(LATE_EVENING);
    assertThatThrownBy(() -> ChinaTime.asIfToday("7 December", LATE_EVENING))
        .hasMessage("VSMAP_TODAY must be a date like 2026-12-07, got: 7 December");
  }
}
