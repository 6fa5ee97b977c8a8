package org.vsmap.geo.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The date shortcuts residents use — today, this week, this weekend — as half-open ranges of local
 * time.
 */
public enum DatePreset {
  TODAY("today"),
  WEEK("week"),
  WEEKEND("weekend");

  private final String key;

  /** The preset for a query-string key, or null. */
  public static DatePreset of(String key) {
    for (DatePreset p : values()) {
      if (p.key.equalsIgnoreCase(key)) {
        return p;
      }
    }
    return null;
  }

  DatePreset(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** [start, end) for the day given as today. */
  public LocalDateTime[] range(LocalDate today) {
    LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    return switch (this) {
      case TODAY -> new LocalDateTime[] {today.atStartOfDay(), today.plusDays(1).atStartOfDay()};
      case WEEK -> new LocalDateTime[] {today.atStartOfDay(), nextMonday.atStartOfDay()};
      case WEEKEND -> {
        LocalDate saturday =
            today.getDayOfWeek() == DayOfWeek.SUNDAY
                ? today
                : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        yield new LocalDateTime[] {saturday.atStartOfDay(), nextMonday.atStartOfDay()};
      }
    };
  }
}
