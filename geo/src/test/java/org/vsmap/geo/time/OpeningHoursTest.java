package org.vsmap.geo.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
  // 2026-12-07 is a Monday
  private static final LocalDateTime MONDAY_10 = LocalDateTime.of(2026, 12, 7, 10, 0);
  private static final LocalDateTime MONDAY_13 = LocalDateTime.of(2026, 12, 7, 13, 0);
  private static final LocalDateTime SATURDAY_10 = LocalDateTime.of(2026, 12, 12, 10, 0);
  private static final LocalDateTime SUNDAY_10 = LocalDateTime.of(2026, 12, 13, 10, 0);

  @Test
  void theShapesOfficesWriteAreRead() {
    OpeningHours split = OpeningHours.parse("周一至周六 9:00-12:00, 14:30-17:30").orElseThrow();
    assertThat(split.openAt(MONDAY_10)).isTrue();
    assertThat(split.openAt(MONDAY_13)).as("lunch break").isFalse();
    assertThat(split.openAt(SATURDAY_10)).isTrue();
    assertThat(split.openAt(SUNDAY_10)).isFalse();
    assertThat(split.english()).isEqualTo("Mon–Sat 9:00–12:00, 14:30–17:30");

    OpeningHours weekend = OpeningHours.parse("周末 9:00-16:00").orElseThrow();
    assertThat(weekend.openAt(MONDAY_10)).isFalse();
    assertThat(weekend.openAt(SUNDAY_10)).isTrue();
    assertThat(weekend.english()).isEqualTo("Weekends 9:00–16:00");

    OpeningHours daily = OpeningHours.parse("每天 8:30-18:00").orElseThrow();
    assertThat(daily.openAt(MONDAY_10)).isTrue();
    assertThat(daily.openAt(LocalDateTime.of(2026, 12, 7, 18, 0))).as("closes at 18:00").isFalse();
    assertThat(daily.english()).isEqualTo("Daily 8:30–18:00");

    assertThat(OpeningHours.parse("工作日 9:00-17:00").orElseThrow().english())
        .isEqualTo("Mon–Fri 9:00–17:00");
    OpeningHours some = OpeningHours.parse("周二、周四 14:00～17:00").orElseThrow();
    assertThat(some.english()).isEqualTo("Tue, Thu 14:00–17:00");
    assertThat(some.openAt(MONDAY_10)).isFalse();
  }

  @Test
  void anythingElseIsUnknownNotGuessed() {
    assertThat(OpeningHours.parse(null)).isEmpty();
    assertThat(OpeningHours.parse("")).isEmpty();
    assertThat(OpeningHours.parse("有活动时开放")).isEmpty();
    assertThat(OpeningHours.parse("周一至周五 25:00-26:00")).isEmpty();
    assertThat(OpeningHours.parse("每天 18:00-9:00")).as("closing before opening").isEmpty();
  }
}
