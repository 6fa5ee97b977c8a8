package org.vsmap.pipeline.stats;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Statistics;
import org.vsmap.pipeline.seed.SeedLoader;

/**
 * The statistics of the store: inputs read in one go, the table computed by {@link
 * StatisticsEngine} and kept until the data change (an import, an edit, a figures or population
 * file: the change log's sequence and a fingerprint of the figures and population) or the day does
 * (weeks begun by today count).
 */
public final class JdbiStatistics implements Statistics {
  private final Jdbi jdbi;
  private final Clock clock;
  private final int threshold;

  /**
   * The table of the current data version and day (one entry; made once even when asked by many at
   * once).
   */
  private final com.github.benmanes.caffeine.cache.Cache<String, Table> tables =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1).build();

  /**
   * @param threshold counts of people below it are suppressed (at least 2)
   */
  public JdbiStatistics(Jdbi jdbi, Clock clock, int threshold) {
    if (threshold < 2) {
      throw new IllegalArgumentException(
          "the suppression threshold must be at least 2, not " + threshold);
    }
    this.jdbi = jdbi;
    this.clock = clock;
    this.threshold = threshold;
  }

  /**
   * The data version the table is made from: store identity, newest change, a digest of figures and
   * population.
   */
  String version() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT (SELECT v FROM store_info WHERE k = 'store_id') || '-' "
                        + "|| CAST(COALESCE((SELECT MAX(seq) FROM change_log), 0) AS VARCHAR(20)) || '-' "
                        + "|| CAST((SELECT COUNT(*) FROM volunteer_figure) AS VARCHAR(20)) || '.' "
                        + "|| CAST(COALESCE((SELECT SUM(registered) + SUM(active) + SUM(CAST(service_hours AS BIGINT)) FROM volunteer_figure), 0) AS VARCHAR(30)) "
                        + "|| '.' || CAST(COALESCE((SELECT SUM(population) FROM region), 0) AS VARCHAR(30)) "
                        + "|| '.' || CAST((SELECT COUNT(*) FROM team_pairing) AS VARCHAR(20)) "
                        + "|| '.' || CAST((SELECT COUNT(*) FROM report_receipt) + (SELECT COUNT(*) FROM reporting_unit) "
                        + "+ (SELECT COUNT(*) FROM reporting_exempt_week) AS VARCHAR(20)) "
                        + "|| COALESCE((SELECT v FROM store_info WHERE k = 'reporting.deadline'), '')")
                .mapTo(String.class)
                .one());
  }

  @Override
  public Table table() {
    LocalDateTime now = LocalDateTime.now(clock);
    String version = version();
    String key = version + "@" + now.toLocalDate();
    return tables.get(key, k -> compute(now, version));
  }

  private Table compute(LocalDateTime now, String version) {
    return jdbi.withHandle(
        h -> {
          List<StatisticsEngine.RegionIn> regions = regions(h);
          boolean[] synthetic = {false};
          List<StatisticsEngine.FigureIn> figures =
              h.createQuery(
                      "SELECT region_code, period, registered, active, service_hours, source FROM volunteer_figure")
                  .map(
                      (rs, ctx) -> {
                        long reg = rs.getLong("registered");
                        Long registered = rs.wasNull() ? null : reg;
                        long act = rs.getLong("active");
                        Long active = rs.wasNull() ? null : act;
                        double hrs = rs.getDouble("service_hours");
                        Double hours = rs.wasNull() ? null : hrs;
                        synthetic[0] |=
                            SeedLoader.DEMO_FIGURES_SOURCE.equals(rs.getString("source"));
                        return new StatisticsEngine.FigureIn(
                            rs.getString("region_code"),
                            rs.getString("period"),
                            registered,
                            active,
                            hours);
                      })
                  .list();
          List<StatisticsEngine.StationIn> stations =
              h.createQuery(
                      "SELECT region_code, five_has, synthetic FROM station WHERE retired_at IS NULL")
                  .map(
                      (rs, ctx) -> {
                        synthetic[0] |= rs.getBoolean("synthetic");
                        return new StatisticsEngine.StationIn(
                            rs.getString("region_code"), rs.getString("five_has"));
                      })
                  .list();
          List<StatisticsEngine.ActivityIn> activities =
              h.createQuery(
                      "SELECT region_code, theme, starts_at, recurrence, synthetic, organiser_team_id FROM activity WHERE retired_at IS NULL")
                  .map(
                      (rs, ctx) -> {
                        synthetic[0] |= rs.getBoolean("synthetic");
                        return new StatisticsEngine.ActivityIn(
                            rs.getString("region_code"),
                            Theme.valueOf(rs.getString("theme")),
                            rs.getTimestamp("starts_at").toLocalDateTime(),
                            "WEEKLY".equals(rs.getString("recurrence")),
                            rs.getString("organiser_team_id"));
                      })
                  .list();
          List<StatisticsEngine.PairingIn> pairings = pairings(h);
          return StatisticsEngine.compute(
              regions,
              figures,
              stations,
              activities,
              pairings,
              reporting(h),
              now,
              version,
              threshold,
              synthetic[0]);
        });
  }

  private static List<StatisticsEngine.RegionIn> regions(org.jdbi.v3.core.Handle h) {
    return h.createQuery(
            "SELECT code, name, level, parent_code, population FROM region ORDER BY code")
        .map(
            (rs, ctx) -> {
              long p = rs.getLong("population");
              // wasNull() answers for the column read last: ask it before reading the others
              Long population = rs.wasNull() ? null : p;
              return new StatisticsEngine.RegionIn(
                  rs.getString("code"),
                  rs.getString("name"),
                  rs.getString("level"),
                  rs.getString("parent_code"),
                  population);
            })
        .list();
  }

  /** Every reporting unit (team region and since), every report arrival, the holiday weeks. */
  private static ReportingRates.In reporting(org.jdbi.v3.core.Handle h) {
    List<org.vsmap.geo.reporting.Supervision.Unit> units =
        h.createQuery(
                "SELECT u.team_id, t.region_code, u.since FROM reporting_unit u "
                    + "JOIN team t ON t.id = u.team_id WHERE t.retired_at IS NULL")
            .map(
                (rs, ctx) ->
                    new org.vsmap.geo.reporting.Supervision.Unit(
                        rs.getString(1),
                        null,
                        rs.getString(2),
                        null,
                        null,
                        null,
                        null,
                        rs.getDate(3).toLocalDate()))
            .list();
    if (units.isEmpty()) {
      return ReportingRates.In.none();
    }
    var receipts = org.vsmap.pipeline.store.ReportingTables.receipts(h, null, null);
    var exempt = org.vsmap.pipeline.store.ReportingTables.exempt(h);
    var deadline = org.vsmap.pipeline.store.ReportingTables.deadline(h);
    return new ReportingRates.In(units, receipts, exempt, deadline);
  }

  /** Units paired with communities (a team and its region, the community it serves). */
  private static List<StatisticsEngine.PairingIn> pairings(org.jdbi.v3.core.Handle h) {
    return h.createQuery(
            "SELECT p.team_id, t.region_code, p.community_code FROM team_pairing p "
                + "JOIN team t ON t.id = p.team_id WHERE t.retired_at IS NULL")
        .map(
            (rs, ctx) ->
                new StatisticsEngine.PairingIn(
                    rs.getString("team_id"),
                    rs.getString("region_code"),
                    rs.getString("community_code")))
        .list();
  }
}
