package org.vsmap.geo.time;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A station's opening hours as offices write them ({@code 周一至周六 9:00-12:00, 14:30-17:30}, {@code 周末
 * 9:00-16:00}, {@code 每天 8:30-18:00}, {@code 工作日 …}, {@code 周二、周四 …}): whether it is open at a
 * time, and the same hours in English. Text in any other shape is kept as written and answers
 * "unknown", never a guess.
 *
 * @param days the days it opens
 * @param spans the opening times of each such day, in order
 */
public record OpeningHours(Set<DayOfWeek> days, List<Span> spans) {

  /** One opening time of a day, from {@code open} to {@code close}. */
  public record Span(LocalTime open, LocalTime close) {}

  private static final String DAY = "[一二三四五六日天]";
  private static final Pattern WHOLE =
      Pattern.compile(
          "^\\s*(每天|每日|全天|工作日|周末|周"
              + DAY
              + "\\s*(?:至|到|-|—|–|~|～)\\s*周"
              + DAY
              + "|周"
              + DAY
              + "(?:\\s*[、,，]\\s*周"
              + DAY
              + ")*)\\s*[:：]?\\s*(\\d{1,2}[:：]\\d{2}\\s*[-—–~～至到]\\s*\\d{1,2}[:：]\\d{2}"
              + "(?:\\s*[,，;；、]\\s*\\d{1,2}[:：]\\d{2}\\s*[-—–~～至到]\\s*\\d{1,2}[:：]\\d{2})*)\\s*$");
  private static final Pattern SPAN =
      Pattern.compile("(\\d{1,2})[:：](\\d{2})\\s*[-—–~～至到]\\s*(\\d{1,2})[:：](\\d{2})");
  private static final String DAYS_ZH = "一二三四五六日";

  public OpeningHours {
    days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    spans = List.copyOf(spans);
  }

  /** The hours of a text in one of the known shapes, or empty. */
  public static Optional<OpeningHours> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = WHOLE.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    Set<DayOfWeek> days = days(m.group(1).replaceAll("\\s", ""));
    List<Span> spans = new ArrayList<>();
    Matcher s = SPAN.matcher(m.group(2));
    while (s.find()) {
      int h1 = Integer.parseInt(s.group(1));
      int m1 = Integer.parseInt(s.group(2));
      int h2 = Integer.parseInt(s.group(3));
      int m2 = Integer.parseInt(s.group(4));
      if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59) {
        return Optional.empty();
      }
      LocalTime close = h2 == 24 ? LocalTime.MAX : LocalTime.of(h2, m2);
      LocalTime open = LocalTime.of(h1, m1);
      if (!close.isAfter(open)) {
        return Optional.empty();
      }
      spans.add(new Span(open, close));
    }
    return days.isEmpty() || spans.isEmpty()
        ? Optional.empty()
        : Optional.of(new OpeningHours(days, spans));
  }

  private static Set<DayOfWeek> days(String d) {
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    switch (d) {
      case "每天", "每日", "全天" -> out.addAll(EnumSet.allOf(DayOfWeek.class));
      case "工作日" -> out.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
      case "周末" -> out.addAll(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
      default -> {
        Matcher range = Pattern.compile("^周(" + DAY + ")[至到\\-—–~～]周(" + DAY + ")$").matcher(d);
        if (range.matches()) {
          DayOfWeek from = day(range.group(1));
          DayOfWeek to = day(range.group(2));
          for (DayOfWeek x = from; ; x = x.plus(1)) {
            out.add(x);
            if (x == to) {
              break;
            }
          }
        } else {
          Matcher one = Pattern.compile("周(" + DAY + ")").matcher(d);
          while (one.find()) {
            out.add(day(one.group(1)));
          }
        }
      }
    }
    return out;
  }

  private static DayOfWeek day(String zh) {
    int i = zh.equals("天") ? 6 : DAYS_ZH.indexOf(zh);
    return DayOfWeek.of(i + 1);
  }

  /** Whether it is open at this (China) time. */
  public boolean openAt(LocalDateTime t) {
    if (!days.contains(t.getDayOfWeek())) {
      return false;
    }
    LocalTime time = t.toLocalTime();
    for (Span s : spans) {
      if (!time.isBefore(s.open()) && time.isBefore(s.close())) {
        return true;
      }
    }
    return false;
  }

  /** The hours in English: "Mon–Sat 9:00–12:00, 14:30–17:30", "Daily 8:30–18:00". */
  public String english() {
    StringBuilder out = new StringBuilder(englishDays()).append(' ');
    for (int i = 0; i < spans.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(time(spans.get(i).open())).append('–').append(time(spans.get(i).close()));
    }
    return out.toString();
  }

  private String englishDays() {
    if (days.size() == 7) {
      return "Daily";
    }
    if (days.equals(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))) {
      return "Weekends";
    }
    List<DayOfWeek> list = new ArrayList<>(days);
    boolean run = true;
    for (int i = 1; i < list.size(); i++) {
      run &= list.get(i).getValue() == list.get(i - 1).getValue() + 1;
    }
    if (run && list.size() > 2) {
      return abbr(list.get(0)) + "–" + abbr(list.get(list.size() - 1));
    }
    return String.join(", ", list.stream().map(OpeningHours::abbr).toList());
  }

  private static String abbr(DayOfWeek d) {
    String n = d.name();
    return n.charAt(0) + n.substring(1, 3).toLowerCase(java.util.Locale.ROOT);
  }

  private static String time(LocalTime t) {
    return t.equals(LocalTime.MAX)
        ? "24:00"
        : t.getHour() + ":" + String.format("%02d", t.getMinute());
  }
}
