package org.vsmap.web.awareness;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The days a view shows: from {@code first} to {@code end} (exclusive), in {@code month}. */
record CalendarSpan(LocalDate first, LocalDate end, LocalDate month) {
  static CalendarSpan of(ActivitiesPage.View view, LocalDate d) {
    LocalDate month = d.withDayOfMonth(1);
    return switch (view) {
      case MONTH ->
          new CalendarSpan(
              month.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
              month
                  .plusMonths(1)
                  .minusDays(1)
                  .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                  .plusDays(1),
              month);
      case WEEK -> {
        LocalDate first = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield new CalendarSpan(first, first.plusDays(7), month);
      }
      case LIST -> new CalendarSpan(d, d.plusDays(ActivitiesPage.LIST_DAYS), month);
    };
  }

  LocalDate previous(ActivitiesPage.View view, LocalDate d) {
    return switch (view) {
      case MONTH -> month.minusMonths(1);
      case WEEK -> first.minusWeeks(1);
      case LIST -> d.minusDays(ActivitiesPage.LIST_DAYS);
    };
  }

  LocalDate next(ActivitiesPage.View view, LocalDate d) {
    return switch (view) {
      case MONTH -> month.plusMonths(1);
      case WEEK -> first.plusWeeks(1);
      case LIST -> d.plusDays(ActivitiesPage.LIST_DAYS);
    };
  }
}
