package org.vsmap.pipeline.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the 日期及时间 / 时间 cells of the offices' reports as they are written: {@code 2026年11月18日
 * 9:00-11:30}, {@code 11月18日上午}, {@code 2026/11/18 14:00—16:00}, {@code 11.18 下午3点-5点}, an Excel
 * date cell ({@code 2026-11-18T09:30}). Without a year, the date is the latest one not more than 60
 * days after today (reports describe the past weeks). Without times: 上午 9–12, 下午 14–17, 晚上 19–21,
 * otherwise 9–17; without an end: two hours.
 */
final class ReportDates {
  /** A start and an end. */
  record Span(LocalDateTime start, LocalDateTime end) {}

  private static final Pattern DATE =
      Pattern.compile("(?:(\\d{4})\\s*[年\\-/.]\\s*)?(\\d{1,2})\\s*[月\\-/.]\\s*(\\d{1,2})\\s*[日号]?");
  private static final Pattern TIME =
      Pattern.compile("(\\d{1,2})\\s*(?:[:：]\\s*(\\d{2})|[点时]\\s*(半|\\d{1,2}\\s*分?)?)");

  private ReportDates() {}

  /**
   * @throws IllegalArgumentException with a reason in Chinese and English (separated by " / ")
   */
  static Span parse(String text, LocalDate today) {
    String t = text.strip().replace('T', ' ');
    Matcher d = DATE.matcher(t);
    if (!d.find()) {
      throw new IllegalArgumentException(
          "读不出日期，请写成 2026年11月18日 9:00-11:30 / no date found: write it as 2026-11-18 9:00-11:30");
    }
    LocalDate date;
    try {
      int month = Integer.parseInt(d.group(2));
      int day = Integer.parseInt(d.group(3));
      if (d.group(1) != null) {
        date = LocalDate.of(Integer.parseInt(d.group(1)), month, day);
      } else {
        date = LocalDate.of(today.getYear(), month, day);
        if (date.isAfter(today.plusDays(60))) {
          date = date.minusYears(1);
        }
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("日期不存在 / no such date: " + d.group());
    }
    String rest = t.substring(d.end());
    boolean afternoon = rest.contains("下午") || rest.contains("晚上") || rest.contains("晚");
    Matcher m = TIME.matcher(rest);
    LocalTime start = null;
    LocalTime end = null;
    if (m.find()) {
      start = time(m, afternoon);
      if (m.find()) {
        end = time(m, afternoon || start.getHour() >= 12);
      }
    }
    if (start == null) {
      if (rest.contains("上午")) {
        start = LocalTime.of(9, 0);
        end = LocalTime.of(12, 0);
      } else if (rest.contains("下午")) {
        start = LocalTime.of(14, 0);
        end = LocalTime.of(17, 0);
      } else if (rest.contains("晚")) {
        start = LocalTime.of(19, 0);
        end = LocalTime.of(21, 0);
      } else {
        start = LocalTime.of(9, 0);
        end = LocalTime.of(17, 0);
      }
    }
    LocalDateTime s = date.atTime(start);
    LocalDateTime e = end == null ? s.plusHours(2) : date.atTime(end);
    if (!e.isAfter(s)) {
      throw new IllegalArgumentException(
          "结束时间不晚于开始时间 / the end is not after the start: " + text.strip());
    }
    return new Span(s, e);
  }

  private static LocalTime time(Matcher m, boolean afternoon) {
    int hour = Integer.parseInt(m.group(1));
    int minute = 0;
    if (m.group(2) != null) {
      minute = Integer.parseInt(m.group(2));
    } else if (m.group(3) != null) {
      minute = m.group(3).equals("半") ? 30 : Integer.parseInt(m.group(3).replaceAll("\\D", ""));
    }
    if (afternoon && hour < 12) {
      hour += 12;
    }
    if (hour > 23 || minute > 59) {
      throw new IllegalArgumentException("时间不存在 / no such time: " + m.group());
    }
    return LocalTime.of(hour, minute);
  }
}
