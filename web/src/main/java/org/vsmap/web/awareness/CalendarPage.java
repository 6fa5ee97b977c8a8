package org.vsmap.web.awareness;

import java.util.List;
import java.util.Map;
import org.vsmap.web.view.FilterFields;

/**
 * The calendar page (awareness/activities.peb): the filters, the span shown and how to move, the
 * days of the list view ({@code days}) or the weeks of the month and week views ({@code weeks}; the
 * other is null), the key days ahead and the feeds.
 */
public record CalendarPage(
    FilterFields filters,
    String q,
    boolean largeText,
    String view,
    String d,
    String today,
    boolean partial,
    long matched,
    int shown,
    int count,
    String heading,
    List<Map<String, Object>> views,
    String prevUrl,
    String nextUrl,
    String todayUrl,
    List<String> weekdays,
    List<Map<String, Object>> days,
    List<List<Map<String, Object>>> weeks,
    List<Map<String, Object>> keyDays,
    String icsUrl,
    String atomUrl) {}
