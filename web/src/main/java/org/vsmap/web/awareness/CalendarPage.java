package org.vsmap.web.awareness;

import java.util.List;
import org.vsmap.web.view.FilterFields;

/**
 * The calendar page (awareness/activities.peb): the filters, the span shown and how to move, the
 * days of the list view ({@code days}) or the weeks of the month and week views ({@code weeks}; the
 * other is null), the key days ahead and the feeds.
 */
public record CalendarPage(
    FilterFields filters,
    String q,
    String view,
    String d,
    String today,
    boolean partial,
    long matched,
    int shown,
    int count,
    String heading,
    List<ViewLink> views,
    String prevUrl,
    String nextUrl,
    String todayUrl,
    List<String> weekdays,
    List<Day> days,
    List<List<Day>> weeks,
    List<KeyDayAhead> keyDays,
    String icsUrl,
    String atomUrl) {

  /** A link to the list, week or month view of the same day and filters. */
  public record ViewLink(String value, boolean current, String url) {}

  /** A day of the list or grid: its key days and campaigns, its first activities, the rest. */
  public record Day(
      String date,
      int number,
      String label,
      boolean today,
      boolean past,
      boolean outside,
      List<KeyDayMark> keyDays,
      boolean keyDay,
      boolean campaign,
      List<Event> events,
      int total,
      int more,
      String moreUrl,
      boolean inGrid) {}

  /** A key day (学雷锋纪念日) or campaign period (学雷锋活动月) that falls on a day. */
  public record KeyDayMark(String name, boolean period) {}

  /**
   * An activity on a day: held (with how many took part when an office reported it) or planned
   * (recruiting or not).
   */
  public record Event(
      String id,
      String title,
      String time,
      String startIso,
      String theme,
      boolean held,
      Integer participants,
      boolean recruiting,
      boolean weekly,
      boolean synthetic) {}

  /** A key day or campaign ahead, with how many activities are planned then. */
  public record KeyDayAhead(String name, String first, String when, long planned, String url) {}
}
