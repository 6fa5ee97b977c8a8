package org.vsmap.web.awareness;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.vsmap.web.view.Lang;

/**
 * The days and periods the source documents ask to mark (seeds 001, 003, 004): 3·5 学雷锋纪念日, 12·5
 * 国际志愿者日, and March as 学雷锋活动月. The calendar highlights them and says what is planned for them.
 */
public final class KeyDays {
  /** A key day (one date a year) or campaign period (a whole month), with its names. */
  public record KeyDay(String zh, String en, MonthDay day, Month month) {
    boolean covers(LocalDate d) {
      return day != null ? MonthDay.from(d).equals(day) : d.getMonth() == month;
    }

    boolean isPeriod() {
      return month != null;
    }

    String name(Lang lang) {
      return lang == Lang.ZH ? zh : en;
    }

    /** The first date on or after {@code from} this day or period covers, and its last date. */
    LocalDate[] next(LocalDate from) {
      if (day != null) {
        LocalDate d = day.atYear(from.getYear());
        d = d.isBefore(from) ? day.atYear(from.getYear() + 1) : d;
        return new LocalDate[] {d, d};
      }
      LocalDate first = LocalDate.of(from.getYear(), month, 1);
      LocalDate last = first.plusMonths(1).minusDays(1);
      if (last.isBefore(from)) {
        first = first.plusYears(1);
        last = first.plusMonths(1).minusDays(1);
      }
      return new LocalDate[] {first.isBefore(from) ? from : first, last};
    }
  }

  public static final List<KeyDay> ALL =
      List.of(
          new KeyDay("学雷锋纪念日", "Lei Feng Day", MonthDay.of(3, 5), null),
          new KeyDay("国际志愿者日", "International Volunteer Day", MonthDay.of(12, 5), null),
          new KeyDay("学雷锋活动月", "Learn from Lei Feng month", null, Month.MARCH));

  private KeyDays() {}

  /** The key days and periods on a date (possibly several: 3·5 is in March). */
  public static List<KeyDay> on(LocalDate d) {
    List<KeyDay> found = new ArrayList<>();
    for (KeyDay k : ALL) {
      if (k.covers(d)) {
        found.add(k);
      }
    }
    return found;
  }
}
