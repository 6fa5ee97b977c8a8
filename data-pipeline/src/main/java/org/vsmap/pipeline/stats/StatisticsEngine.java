package org.vsmap.pipeline.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Statistics.Indicator;
import org.vsmap.geo.port.Statistics.Status;
import org.vsmap.geo.port.Statistics.Table;
import org.vsmap.geo.port.Statistics.Value;

/**
 * Computes every published indicator from plain inputs (regions, volunteer figures, stations,
 * activities): pure, so the figures can be checked by hand on a small fixture. Counts of people go
 * through {@link Disclosure} before any rate made from them is published.
 */
public final class StatisticsEngine {

  /** A region: code, name, level (PROVINCE … COMMUNITY), parent, resident population or null. */
  public record RegionIn(String code, String name, String level, String parent, Long population) {}

  /** Volunteer figures an office reported for a region and a period (a year or a month). */
  public record FigureIn(
      String region, String period, Long registered, Long active, Double hours) {}

  /** A public station: its region and its 五有 flags. */
  public record StationIn(String region, String fiveHas) {}

  /**
   * A public activity: its region, theme, start, whether it repeats weekly, and the team that
   * organises it (or null).
   */
  public record ActivityIn(
      String region, Theme theme, LocalDateTime start, boolean weekly, String organiser) {
    public ActivityIn(String region, Theme theme, LocalDateTime start, boolean weekly) {
      this(region, theme, start, weekly, null);
    }
  }

  /** A unit's team paired with a community: the team's own region and the community's code. */
  public record PairingIn(String teamId, String teamRegion, String community) {}

  /** The published indicators, in the order the pages show them (see {@link Indicators}). */
  public static final List<Indicator> INDICATORS = Indicators.ALL;

  private StatisticsEngine() {}

  public static Table compute(
      List<RegionIn> regions,
      List<FigureIn> figures,
      List<StationIn> stations,
      List<ActivityIn> activities,
      LocalDateTime asOf,
      String dataVersion,
      int threshold,
      boolean synthetic) {
    return compute(
        regions, figures, stations, activities, List.of(), asOf, dataVersion, threshold, synthetic);
  }

  public static Table compute(
      List<RegionIn> regions,
      List<FigureIn> figures,
      List<StationIn> stations,
      List<ActivityIn> activities,
      List<PairingIn> pairings,
      LocalDateTime asOf,
      String dataVersion,
      int threshold,
      boolean synthetic) {
    return compute(
        regions,
        figures,
        stations,
        activities,
        pairings,
        ReportingRates.In.none(),
        asOf,
        dataVersion,
        threshold,
        synthetic);
  }

  static Table compute(
      List<RegionIn> regions,
      List<FigureIn> figures,
      List<StationIn> stations,
      List<ActivityIn> activities,
      List<PairingIn> pairings,
      ReportingRates.In reporting,
      LocalDateTime asOf,
      String dataVersion,
      int threshold,
      boolean synthetic) {
    RegionTree tree = RegionTree.of(regions);
    List<Value> out = new ArrayList<>();
    volunteerFigures(tree, figures, threshold, out);
    stationFigures(tree, regions, stations, out);
    Served served = served(tree, activities, pairings);
    activityCounts(tree, served.counts(), out);
    weeklyCoverage(tree, regions, activities, served, asOf.toLocalDate(), out);
    ReportingRates.add(tree, reporting, asOf, threshold, out);
    return new Table(
        asOf.withNano(0) + "+08:00", dataVersion, threshold, synthetic, INDICATORS, out);
  }

  /**
   * What the activities served: weeks with an activity per community, weeks a paired unit served
   * its community, activity counts per region|period and category ("" = all).
   */
  private record Served(
      Map<String, Set<Long>> weeksOf,
      Map<String, Set<String>> pairedWith,
      Map<String, String> teamRegion,
      Map<String, Set<Long>> unitWeeks,
      Map<String, Map<String, Long>> counts) {}

  /** Volunteer rate, active rate and hours per volunteer, per period. */
  private static void volunteerFigures(
      RegionTree tree, List<FigureIn> figures, int threshold, List<Value> out) {
    Map<String, RegionIn> byCode = tree.byCode();
    Map<String, String> parentOf = tree.parentOf();
    Map<String, List<String>> children = tree.children();
    List<String> bottomUp = tree.bottomUp();
    Map<String, Long> population = tree.population();
    Map<String, Map<String, FigureIn>> byPeriod = new LinkedHashMap<>();
    for (FigureIn f : figures) {
      if (byCode.containsKey(f.region())) {
        byPeriod.computeIfAbsent(f.period(), k -> new HashMap<>()).put(f.region(), f);
      }
    }
    for (String period : new TreeSet<>(byPeriod.keySet())) {
      if (period.contains("W")) {
        continue; // weekly figures feed nothing published yet
      }
      boolean year = period.length() == 4;
      Map<String, FigureIn> own = byPeriod.get(period);
      Map<String, Long> registered =
          RegionTree.sumUp(
              bottomUp, children, c -> own.containsKey(c) ? own.get(c).registered() : null);
      Map<String, Long> active =
          RegionTree.sumUp(
              bottomUp, children, c -> own.containsKey(c) ? own.get(c).active() : null);
      Map<String, Long> hours =
          RegionTree.sumUp(
              bottomUp,
              children,
              c ->
                  own.containsKey(c) && own.get(c).hours() != null
                      ? Math.round(own.get(c).hours())
                      : null);
      Map<String, Status> reg = Disclosure.protect(registered, parentOf, threshold);
      Map<String, Status> act = Disclosure.protect(active, parentOf, threshold);
      for (String code : byCode.keySet()) {
        RegionIn r = byCode.get(code);
        Long n = registered.get(code);
        if (year && n != null && population.get(code) != null && population.get(code) > 0) {
          out.add(
              rate(
                  "volunteer_rate",
                  r,
                  period,
                  n,
                  population.get(code),
                  100.0,
                  reg.get(code),
                  13.0));
        }
        if (n != null && active.get(code) != null && n > 0) {
          out.add(
              rate(
                  "active_rate",
                  r,
                  period,
                  active.get(code),
                  n,
                  100.0,
                  worst(act.get(code), reg.get(code)),
                  year ? 70.0 : null));
        }
        if (year && n != null && hours.get(code) != null && n > 0) {
          out.add(
              rate("hours_per_volunteer", r, period, hours.get(code), n, 1.0, reg.get(code), 25.0));
        }
      }
    }
  }

  /** Urban communities with a station, stations with all five things, as of now. */
  private static void stationFigures(
      RegionTree tree, List<RegionIn> regions, List<StationIn> stations, List<Value> out) {
    Map<String, RegionIn> byCode = tree.byCode();
    Map<String, String> parentOf = tree.parentOf();
    Map<String, long[]> coverage = new HashMap<>(); // region → urban communities, with a station
    Set<String> withStation = new HashSet<>();
    stations.forEach(s -> withStation.add(s.region()));
    for (RegionIn r : regions) {
      if (r.level().equals("COMMUNITY") && (r.name().contains("社区") || r.name().contains("居委会"))) {
        boolean has = withStation.contains(r.code());
        for (String up = r.parent(); up != null; up = parentOf.get(up)) {
          long[] c = coverage.computeIfAbsent(up, k -> new long[2]);
          c[0]++;
          c[1] += has ? 1 : 0;
        }
      }
    }
    Map<String, long[]> five = new HashMap<>();
    for (StationIn s : stations) {
      boolean full = "11111".equals(s.fiveHas());
      for (String up = s.region(); up != null; up = parentOf.get(up)) {
        long[] c = five.computeIfAbsent(up, k -> new long[2]);
        c[0]++;
        c[1] += full ? 1 : 0;
      }
    }
    for (String code : byCode.keySet()) {
      RegionIn r = byCode.get(code);
      if (r.level().equals("COMMUNITY")) {
        continue;
      }
      long[] c = coverage.get(code);
      if (c != null && c[0] > 0) {
        out.add(
            rate("community_station_coverage", r, "current", c[1], c[0], 100.0, Status.OK, 100.0));
      }
      long[] f = five.get(code);
      if (f != null && f[0] > 0) {
        out.add(rate("five_has_complete", r, "current", f[1], f[0], 100.0, Status.OK, null));
      }
    }
  }

  private static Served served(
      RegionTree tree, List<ActivityIn> activities, List<PairingIn> pairings) {
    Map<String, RegionIn> byCode = tree.byCode();
    Map<String, String> parentOf = tree.parentOf();
    Map<String, Set<Long>> weeksOf =
        new HashMap<>(); // community → ISO week numbers (epoch Monday days) with an activity
    Map<String, Set<String>> pairedWith = new HashMap<>(); // team → its paired communities
    Map<String, String> teamRegion = new HashMap<>();
    for (PairingIn p : pairings) {
      pairedWith.computeIfAbsent(p.teamId(), k -> new HashSet<>()).add(p.community());
      teamRegion.put(p.teamId(), p.teamRegion());
    }
    Map<String, Set<Long>> unitWeeks =
        new HashMap<>(); // team → weeks it served in a paired community
    Map<String, Map<String, Long>> counts =
        new HashMap<>(); // region|period → category ("" = all) → count
    for (ActivityIn a : activities) {
      LocalDate d = a.start().toLocalDate();
      String community = communityOf(a.region(), byCode);
      int n = a.weekly() ? org.vsmap.geo.model.Recurrence.WEEKLY.occurrences() : 1;
      if (community != null) {
        boolean paired =
            a.organiser() != null
                && pairedWith.getOrDefault(a.organiser(), Set.of()).contains(community);
        for (int i = 0; i < n; i++) {
          long week = monday(d.plusWeeks(i)).toEpochDay();
          weeksOf.computeIfAbsent(community, k -> new HashSet<>()).add(week);
          if (paired) {
            unitWeeks.computeIfAbsent(a.organiser(), k -> new HashSet<>()).add(week);
          }
        }
      }
      String[] periods = {
        Integer.toString(d.getYear()),
        d.getYear() + "-Q" + d.get(IsoFields.QUARTER_OF_YEAR),
        YearMonth.from(d).toString()
      };
      for (String up = a.region(); up != null; up = parentOf.get(up)) {
        String level = byCode.containsKey(up) ? byCode.get(up).level() : "";
        if (level.equals("COMMUNITY") || !byCode.containsKey(up)) {
          continue;
        }
        for (String p : periods) {
          Map<String, Long> m = counts.computeIfAbsent(up + "|" + p, k -> new HashMap<>());
          m.merge("", 1L, Long::sum);
          if (!level.equals("STREET")) {
            m.merge(a.theme().name(), 1L, Long::sum);
          }
        }
      }
    }
    return new Served(weeksOf, pairedWith, teamRegion, unitWeeks, counts);
  }

  /** Activities per region and period, and by theme above the streets. */
  private static void activityCounts(
      RegionTree tree, Map<String, Map<String, Long>> counts, List<Value> out) {
    Map<String, RegionIn> byCode = tree.byCode();
    for (Map.Entry<String, Map<String, Long>> e : new java.util.TreeMap<>(counts).entrySet()) {
      String[] key = e.getKey().split("\\|");
      RegionIn r = byCode.get(key[0]);
      e.getValue()
          .forEach(
              (cat, n) -> {
                if (cat.isEmpty()) {
                  out.add(
                      new Value(
                          "activities",
                          r.code(),
                          r.name(),
                          r.level(),
                          key[1],
                          null,
                          null,
                          (double) n,
                          (double) n,
                          null,
                          Status.OK,
                          null));
                } else {
                  Theme t = Theme.valueOf(cat);
                  out.add(
                      new Value(
                          "activities_by_theme",
                          r.code(),
                          r.name(),
                          r.level(),
                          key[1],
                          cat,
                          t.zh(),
                          (double) n,
                          (double) n,
                          null,
                          Status.OK,
                          null));
                }
              });
    }
  }

  /**
   * Weekly coverage for every month from the first activity's month up to this one, counting the
   * weeks begun by today; and the paired units that served every week.
   */
  private static void weeklyCoverage(
      RegionTree tree,
      List<RegionIn> regions,
      List<ActivityIn> activities,
      Served served,
      LocalDate today,
      List<Value> out) {
    Map<String, RegionIn> byCode = tree.byCode();
    Map<String, String> parentOf = tree.parentOf();
    Map<String, Set<Long>> weeksOf = served.weeksOf();
    Map<String, Set<String>> pairedWith = served.pairedWith();
    Map<String, String> teamRegion = served.teamRegion();
    Map<String, Set<Long>> unitWeeks = served.unitWeeks();
    YearMonth first =
        activities.stream()
            .map(a -> YearMonth.from(a.start()))
            .min(Comparator.naturalOrder())
            .orElse(null);
    if (first != null) {
      for (YearMonth m = first; !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
        List<Long> weeks = new ArrayList<>();
        for (LocalDate mon = monday(m.atDay(1));
            !mon.isAfter(m.atEndOfMonth());
            mon = mon.plusWeeks(1)) {
          if (!mon.isBefore(m.atDay(1)) && !mon.isAfter(today)) {
            weeks.add(mon.toEpochDay());
          }
        }
        if (weeks.isEmpty()) {
          continue;
        }
        Map<String, long[]> cov = new HashMap<>();
        for (RegionIn r : regions) {
          if (!r.level().equals("COMMUNITY")) {
            continue;
          }
          boolean every = weeksOf.getOrDefault(r.code(), Set.of()).containsAll(weeks);
          for (String up = r.parent(); up != null; up = parentOf.get(up)) {
            long[] c = cov.computeIfAbsent(up, k -> new long[2]);
            c[0]++;
            c[1] += every ? 1 : 0;
          }
        }
        for (String code : byCode.keySet()) {
          long[] c = cov.get(code);
          if (c != null && c[0] > 0) {
            out.add(
                rate(
                    "weekly_activity_coverage",
                    byCode.get(code),
                    m.toString(),
                    c[1],
                    c[0],
                    100.0,
                    Status.OK,
                    100.0));
          }
        }
        Map<String, long[]> units = new HashMap<>();
        for (String team : pairedWith.keySet()) {
          boolean every = unitWeeks.getOrDefault(team, Set.of()).containsAll(weeks);
          for (String up = teamRegion.get(team); up != null; up = parentOf.get(up)) {
            long[] c = units.computeIfAbsent(up, k -> new long[2]);
            c[0]++;
            c[1] += every ? 1 : 0;
          }
        }
        for (String code : byCode.keySet()) {
          long[] c = units.get(code);
          if (c != null && c[0] > 0) {
            out.add(
                rate(
                    "paired_unit_weekly",
                    byCode.get(code),
                    m.toString(),
                    c[1],
                    c[0],
                    100.0,
                    Status.OK,
                    100.0));
          }
        }
      }
    }
  }

  private static String communityOf(String region, Map<String, RegionIn> byCode) {
    for (String up = region;
        up != null;
        up = byCode.containsKey(up) ? byCode.get(up).parent() : null) {
      RegionIn r = byCode.get(up);
      if (r != null && r.level().equals("COMMUNITY")) {
        return up;
      }
    }
    return null;
  }

  private static LocalDate monday(LocalDate d) {
    return d.minusDays(d.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
  }

  private static Status worst(Status a, Status b) {
    if (a == null || b == null) {
      return Status.OK;
    }
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  static Value rate(
      String indicator,
      RegionIn r,
      String period,
      long numerator,
      long denominator,
      double scale,
      Status status,
      Double target) {
    if (status != Status.OK) {
      return new Value(
          indicator, r.code(), r.name(), r.level(), period, null, null, null, null, null, status,
          null);
    }
    double v = Math.round(numerator * scale / denominator * 10) / 10.0;
    return new Value(
        indicator,
        r.code(),
        r.name(),
        r.level(),
        period,
        null,
        null,
        v,
        (double) numerator,
        (double) denominator,
        Status.OK,
        target == null ? null : v >= target);
  }
}
