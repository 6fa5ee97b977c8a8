package org.vsmap.web.admin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.vsmap.geo.port.Reporting;
import org.vsmap.geo.reporting.ReportStatus;
import org.vsmap.geo.reporting.Supervision;

/** Weeks and times of weekly reporting in people's words: 11月30日–12月6日, 12月8日（周二）18:00. */
public final class ReportingWeeks {
  private static final DateTimeFormatter MD = DateTimeFormatter.ofPattern("M月d日");
  private static final DateTimeFormatter EN =
      DateTimeFormatter.ofPattern("d MMM", java.util.Locale.UK);
  private static final String[] ZH_DAYS = {"一", "二", "三", "四", "五", "六", "日"};

  private ReportingWeeks() {}

  /**
   * A week as the pages show it.
   *
   * @param number its ISO week number, for the 通报's title (第 48 周)
   * @param holiday why the city office marked it as not due, or null
   */
  public record Week(
      LocalDate start,
      String zh,
      String en,
      String dueZh,
      String dueEn,
      int number,
      boolean closed,
      String holiday) {}

  public static Week of(Reporting.Board b, LocalDate start) {
    LocalDateTime due = b.deadline().due(start);
    String holiday =
        b.exempt().stream()
            .filter(e -> e.week().equals(start))
            .map(Supervision.Exempt::reason)
            .findFirst()
            .orElse(null);
    return new Week(
        start,
        MD.format(start) + "–" + MD.format(start.plusDays(6)),
        EN.format(start) + " – " + EN.format(start.plusDays(6)),
        MD.format(due)
            + "（周"
            + ZH_DAYS[due.getDayOfWeek().getValue() - 1]
            + "）"
            + due.toLocalTime(),
        due.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.UK)
            + " "
            + EN.format(due)
            + " "
            + due.toLocalTime(),
        start.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR),
        due.isBefore(b.now()),
        holiday);
  }

  /** How many weeks in a row, back from {@code week}, the unit has not reported. */
  public static int missedRun(Supervision.Row r, LocalDate week) {
    int run = 0;
    for (Supervision.Cell c : r.cells().reversed()) {
      if (c.week().isAfter(week) || c.status() == ReportStatus.EXEMPT) {
        continue;
      }
      if (c.status() != ReportStatus.MISSING) {
        break;
      }
      run++;
    }
    return run;
  }
}
