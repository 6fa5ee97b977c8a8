package org.vsmap.geo.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * When a week's report is due: on {@code day} at {@code time} (China time) of the week after it.
 * Seed 001 says "每周二下午下班前将上周开展活动情况表…": Tuesday 18:00 for the Monday–Sunday week before.
 */
public record Deadline(DayOfWeek day, LocalTime time) {
  public static final Deadline SEED_001 = new Deadline(DayOfWeek.TUESDAY, LocalTime.of(18, 0));

  private static final String[] ZH_DAYS = {"一", "二", "三", "四", "五", "六", "日"};

  public Deadline {
    if (day == null || time == null) {
      throw new IllegalArgumentException("a deadline needs a day of the week and a time");
    }
  }

  /** The Monday of the week holding {@code date}. */
  public static LocalDate weekOf(LocalDate date) {
    return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** When the report of the week starting on Monday {@code week} is due. */
  public LocalDateTime due(LocalDate week) {
    return weekOf(week).plusWeeks(1).with(TemporalAdjusters.nextOrSame(day)).atTime(time);
  }

  /** The week being reported now: the last week whose report is due on or after {@code now}. */
  public LocalDate weekDueNext(LocalDateTime now) {
    LocalDate week = weekOf(now.toLocalDate()).minusWeeks(1);
    while (due(week).isBefore(now)) {
      week = week.plusWeeks(1);
    }
    while (!due(week.minusWeeks(1)).isBefore(now)) {
      week = week.minusWeeks(1);
    }
    return week;
  }

  /** The last week whose deadline has passed at {@code now}. */
  public LocalDate lastClosedWeek(LocalDateTime now) {
    return weekDueNext(now).minusWeeks(1);
  }

  /** How it is stored and given on the command line: {@code TUESDAY 18:00}. */
  public String text() {
    return day + " " + time;
  }

  /** 每周二 18:00. */
  public String zh() {
    return "每周" + ZH_DAYS[day.getValue() - 1] + " " + time;
  }

  /** Tuesday 18:00. */
  public String en() {
    String d = day.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(d.charAt(0)) + d.substring(1) + " " + time;
  }

  /**
   * Reads {@link #text()}; a day name (MONDAY … SUNDAY, or 1–7) and a time HH:mm.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static Deadline parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "报送截止时间应为“星期 时:分”，如 TUESDAY 18:00 / a deadline is a day and a time, like TUESDAY 18:00");
    }
    DayOfWeek day;
    try {
      day =
          parts[0].matches("[1-7]")
              ? DayOfWeek.of(Integer.parseInt(parts[0]))
              : DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "不认识的星期：" + parts[0] + " / not a day of the week: " + parts[0], e);
    }
    try {
      return new Deadline(day, LocalTime.parse(parts[1]));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "时间应为 时:分，如 18:00 / a time is HH:mm, like 18:00: " + parts[1], e);
    }
  }
}
