package org.vsmap.geo.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The weekly reporting of seed 001 ("每周二下午下班前将上周开展活动情况表…", "实行考核，强化督查"): for every reporting unit
 * and week, whether its report came on time, late, not at all, or was not due. Everything here is
 * derived from the units, the reports as they arrived and the holiday weeks; nothing is typed in.
 */
public final class Supervision {
  private Supervision() {}

  /**
   * A unit that must report every week: a team, from {@code since} (weeks before it are not due).
   *
   * @param kind what it is, in people's words: its tier, and 结对单位 when it has a paired community
   */
  public record Unit(
      String teamId,
      String name,
      String regionCode,
      String regionName,
      String districtCode,
      String districtName,
      String kind,
      LocalDate since) {}

  /** The first report that brought a week's activities of a team, and when it arrived. */
  public record Receipt(String teamId, LocalDate week, LocalDateTime received) {}

  /** A week the city office marked as not due (a holiday week), with why. */
  public record Exempt(LocalDate week, String reason) {}

  /** One unit in one week. {@code late} is how long after the deadline, for LATE only. */
  public record Cell(
      LocalDate week, ReportStatus status, LocalDateTime received, Duration late, String note) {
    /** How late, in people's words: 1 天 3 小时, 5 小时, 20 分钟. */
    public String lateZh() {
      if (late == null) {
        return "";
      }
      long days = late.toDays();
      long hours = late.toHoursPart();
      if (days > 0) {
        return days + " 天" + (hours > 0 ? " " + hours + " 小时" : "");
      }
      return hours > 0 ? hours + " 小时" : Math.max(1, late.toMinutesPart()) + " 分钟";
    }
  }

  /** A unit and its weeks, oldest first. */
  public record Row(Unit unit, List<Cell> cells) {
    public Rate rate() {
      return Rate.of(cells);
    }

    public Cell last() {
      return cells.get(cells.size() - 1);
    }
  }

  /**
   * Counts over the weeks that were due and whose deadline has passed or whose report came already
   * (an early report is on time for good); {@code onTimePercent} is null when nothing was due.
   */
  public record Rate(int due, int onTime, int late, int missing, int exempt) {
    public static Rate of(List<Cell> cells) {
      int[] n = new int[ReportStatus.values().length];
      cells.forEach(c -> n[c.status().ordinal()]++);
      return new Rate(
          n[ReportStatus.ON_TIME.ordinal()]
              + n[ReportStatus.LATE.ordinal()]
              + n[ReportStatus.MISSING.ordinal()],
          n[ReportStatus.ON_TIME.ordinal()],
          n[ReportStatus.LATE.ordinal()],
          n[ReportStatus.MISSING.ordinal()],
          n[ReportStatus.EXEMPT.ordinal()]);
    }

    public Double onTimePercent() {
      return due == 0 ? null : Math.round(onTime * 1000.0 / due) / 10.0;
    }

    Rate plus(Rate o) {
      return new Rate(
          due + o.due, onTime + o.onTime, late + o.late, missing + o.missing, exempt + o.exempt);
    }
  }

  /** A district's units over the same weeks. */
  public record DistrictRate(String code, String name, int units, Rate rate) {}

  /** The {@code count} weeks ending with {@code last}, oldest first. */
  public static List<LocalDate> weeks(LocalDate last, int count) {
    LocalDate end = Deadline.weekOf(last);
    List<LocalDate> out = new ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      out.add(end.minusWeeks(i));
    }
    return out;
  }

  /** One unit's status in one week, as of {@code now}. */
  public static Cell cell(
      Unit unit,
      LocalDate week,
      Receipt receipt,
      Exempt exempt,
      Deadline deadline,
      LocalDateTime now) {
    LocalDateTime due = deadline.due(week);
    if (exempt != null) {
      return new Cell(week, ReportStatus.EXEMPT, received(receipt), null, exempt.reason());
    }
    if (unit.since() != null && Deadline.weekOf(unit.since()).isAfter(week)) {
      return new Cell(week, ReportStatus.EXEMPT, received(receipt), null, "尚未列入报送单位");
    }
    if (receipt != null && !receipt.received().isAfter(now)) {
      if (!receipt.received().isAfter(due)) {
        return new Cell(week, ReportStatus.ON_TIME, receipt.received(), null, null);
      }
      return new Cell(
          week,
          ReportStatus.LATE,
          receipt.received(),
          Duration.between(due, receipt.received()),
          null);
    }
    return new Cell(
        week, now.isAfter(due) ? ReportStatus.MISSING : ReportStatus.PENDING, null, null, null);
  }

  private static LocalDateTime received(Receipt r) {
    return r == null ? null : r.received();
  }

  /** Every unit over {@code weeks}, in the order of {@code units}. */
  public static List<Row> grid(
      List<Unit> units,
      List<Receipt> receipts,
      List<Exempt> exempt,
      Deadline deadline,
      List<LocalDate> weeks,
      LocalDateTime now) {
    Map<String, Receipt> first = new HashMap<>();
    for (Receipt r : receipts) {
      first.merge(
          r.teamId() + "|" + r.week(), r, (a, b) -> a.received().isAfter(b.received()) ? b : a);
    }
    Map<LocalDate, Exempt> exemptWeek =
        exempt.stream().collect(Collectors.toMap(Exempt::week, e -> e, (a, b) -> a));
    List<Row> rows = new ArrayList<>();
    for (Unit u : units) {
      List<Cell> cells = new ArrayList<>();
      for (LocalDate w : weeks) {
        cells.add(cell(u, w, first.get(u.teamId() + "|" + w), exemptWeek.get(w), deadline, now));
      }
      rows.add(new Row(u, List.copyOf(cells)));
    }
    return rows;
  }

  /** Per district: its units and their counts over the same weeks, by district code. */
  public static List<DistrictRate> byDistrict(List<Row> rows) {
    Map<String, DistrictRate> out = new java.util.TreeMap<>();
    for (Row r : rows) {
      String code = r.unit().districtCode() == null ? "" : r.unit().districtCode();
      out.merge(
          code,
          new DistrictRate(code, r.unit().districtName(), 1, r.rate()),
          (a, b) -> new DistrictRate(a.code(), a.name(), a.units() + 1, a.rate().plus(b.rate())));
    }
    return List.copyOf(out.values());
  }

  /** The units whose report of {@code week} is missing or still due, in the order given. */
  public static List<Row> notIn(List<Row> rows, LocalDate week, Set<ReportStatus> statuses) {
    return rows.stream()
        .filter(
            r ->
                r.cells().stream()
                    .anyMatch(c -> c.week().equals(week) && statuses.contains(c.status())))
        .toList();
  }
}
