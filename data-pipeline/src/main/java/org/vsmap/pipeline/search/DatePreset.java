package org.vsmap.pipeline.search;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;

/** The date shortcuts residents use, as half-open ranges of local time. */
enum DatePreset {
  TODAY("today"),
  WEEK("week"),
  WEEKEND("weekend");

  private final String key;

  DatePreset(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  /** [start, end) for the day given as today. */
  LocalDateTime[] range(LocalDate today) {
    LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    return switch (this) {
      case TODAY -> new LocalDateTime[] {today.atStartOfDay(), today.plusDays(1).atStartOfDay()};
      case WEEK -> new LocalDateTime[] {today.atStartOfDay(), nextMonday.atStartOfDay()};
      case WEEKEND -> {
        LocalDate saturday = today.getDayOfWeek() == DayOfWeek.SUNDAY ? today
            : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        yield new LocalDateTime[] {saturday.atStartOfDay(), nextMonday.atStartOfDay()};
      }
    };
  }
}
