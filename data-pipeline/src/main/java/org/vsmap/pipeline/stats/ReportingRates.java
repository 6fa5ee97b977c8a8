package org.vsmap.pipeline.stats;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.vsmap.geo.port.Statistics.Status;
import org.vsmap.geo.port.Statistics.Value;
import org.vsmap.geo.reporting.Deadline;
import org.vsmap.geo.reporting.Supervision;

/**
 * The on-time rate of the weekly reports (on_time_reporting) per month, for the city and its
 * districts only — never below a district, never a unit's name. A region with fewer reporting units
 * than the suppression threshold is withheld: its rate would describe one or two units. Weeks count
 * once their deadline passed before the day the table is made.
 */
final class ReportingRates {
  private static final Set<String> PUBLISHED = Set.of("PROVINCE", "CITY", "COUNTY");

  private ReportingRates() {}

  /** The weekly reporting of every unit: what the rate is made from. */
  record In(
      List<Supervision.Unit> units,
      List<Supervision.Receipt> receipts,
      List<Supervision.Exempt> exempt,
      Deadline deadline) {
    static In none() {
      return new In(List.of(), List.of(), List.of(), Deadline.SEED_001);
    }
  }

  static void add(RegionTree tree, In in, LocalDateTime asOf, int threshold, List<Value> out) {
    if (in.units().isEmpty()) {
      return;
    }
    LocalDateTime cutoff = asOf.toLocalDate().atStartOfDay();
    Map<String, Supervision.Receipt> first = new HashMap<>();
    for (Supervision.Receipt r : in.receipts()) {
      first.merge(
          r.teamId() + "|" + r.week(), r, (a, b) -> a.received().isAfter(b.received()) ? b : a);
    }
    Map<LocalDate, Supervision.Exempt> exempt =
        in.exempt().stream()
            .collect(Collectors.toMap(Supervision.Exempt::week, e -> e, (a, b) -> a));
    // region|month -> [due, on time] and the units counted there
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, Set<String>> units = new HashMap<>();
    for (Supervision.Unit u : in.units()) {
      for (LocalDate w = Deadline.weekOf(u.since());
          in.deadline().due(w).isBefore(cutoff);
          w = w.plusWeeks(1)) {
        Supervision.Cell c =
            Supervision.cell(
                u, w, first.get(u.teamId() + "|" + w), exempt.get(w), in.deadline(), cutoff);
        if (!c.status().counted()) {
          continue;
        }
        String month = YearMonth.from(w).toString();
        for (String up = u.regionCode(); up != null; up = tree.parentOf().get(up)) {
          StatisticsEngine.RegionIn r = tree.byCode().get(up);
          if (r == null || !PUBLISHED.contains(r.level())) {
            continue;
          }
          long[] n = counts.computeIfAbsent(up + "|" + month, k -> new long[2]);
          n[0]++;
          n[1] += c.status() == org.vsmap.geo.reporting.ReportStatus.ON_TIME ? 1 : 0;
          units.computeIfAbsent(up + "|" + month, k -> new HashSet<>()).add(u.teamId());
        }
      }
    }
    counts.forEach(
        (key, n) -> {
          String[] k = key.split("\\|");
          boolean few = units.get(key).size() < threshold;
          out.add(
              StatisticsEngine.rate(
                  "on_time_reporting",
                  tree.byCode().get(k[0]),
                  k[1],
                  n[1],
                  n[0],
                  100.0,
                  few ? Status.SUPPRESSED : Status.OK,
                  100.0));
        });
  }
}
