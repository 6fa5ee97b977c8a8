package org.vsmap.pipeline.store;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.vsmap.geo.reporting.Deadline;
import org.vsmap.geo.reporting.Supervision;

/**
 * Reading weekly reporting's tables (V15): report arrivals, holiday weeks, the deadline rule — for
 * the admin pages and for the published statistics alike.
 */
public final class ReportingTables {
  static final String DEADLINE_KEY = "reporting.deadline";

  private ReportingTables() {}

  /** Every arrival of a week from {@code from} to {@code to} (either null: no bound). */
  public static List<Supervision.Receipt> receipts(Handle h, LocalDate from, LocalDate to) {
    var q =
        h.createQuery(
            "SELECT team_id, week_start, received_at FROM report_receipt WHERE 1 = 1"
                + (from == null ? "" : " AND week_start >= :from")
                + (to == null ? "" : " AND week_start <= :to"));
    if (from != null) {
      q.bind("from", from);
    }
    if (to != null) {
      q.bind("to", to);
    }
    return q.map(
            (rs, ctx) ->
                new Supervision.Receipt(
                    rs.getString(1),
                    rs.getDate(2).toLocalDate(),
                    rs.getTimestamp(3).toLocalDateTime()))
        .list();
  }

  /** The weeks marked as not due, newest first. */
  public static List<Supervision.Exempt> exempt(Handle h) {
    return h.createQuery(
            "SELECT week_start, reason FROM reporting_exempt_week ORDER BY week_start DESC")
        .map((rs, ctx) -> new Supervision.Exempt(rs.getDate(1).toLocalDate(), rs.getString(2)))
        .list();
  }

  /** The deadline rule in force (seed 001's when none was set). */
  public static Deadline deadline(Handle h) {
    return h.createQuery("SELECT v FROM store_info WHERE k = :k")
        .bind("k", DEADLINE_KEY)
        .mapTo(String.class)
        .findOne()
        .map(Deadline::parse)
        .orElse(Deadline.SEED_001);
  }

  /** Sets the deadline rule inside the caller's transaction. */
  public static void setDeadline(Handle h, Deadline deadline) {
    JdbiStoreInfo.put(h, DEADLINE_KEY, deadline.text());
  }
}
