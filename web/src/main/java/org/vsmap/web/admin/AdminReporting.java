package org.vsmap.web.admin;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.vsmap.geo.port.Offices;
import org.vsmap.geo.port.Reporting;
import org.vsmap.geo.port.Statistics;
import org.vsmap.geo.reporting.ReportStatus;
import org.vsmap.geo.reporting.Supervision;
import org.vsmap.web.http.Origin;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Lang;

/**
 * /admin/reporting: the weekly reporting of the office's region (督查) — who has not reported, who is
 * late, each district's on-time rate beside its paired-unit and community weekly-activity figures;
 * the 12-week grid, a unit's history, the 考核 table (CSV, XLSX), the printable 通报 of a week and the
 * contacts of the units still to report. Read-only: statuses come from the imported reports.
 */
public final class AdminReporting {
  private final AdminAccess access;

  public AdminReporting(AdminAccess access) {
    this.access = access;
  }

  /** A district's line: its units' counts and this month's weekly-activity figures. */
  public record DistrictLine(
      String code,
      String name,
      int units,
      Supervision.Rate rate,
      String paired,
      String community) {}

  /** A unit that has not reported the last closed week, and for how many weeks in a row. */
  public record Overdue(Supervision.Row row, int weeks) {}

  /** The overview page. */
  public record Overview(
      Offices.Account account,
      String csrf,
      Reporting.Board board,
      ReportingWeeks.Week due,
      ReportingWeeks.Week closed,
      List<Overdue> overdue,
      List<Supervision.Row> pending,
      int reportedDue,
      int exemptDue,
      List<DistrictLine> districts,
      String feedUrl) {}

  /** The grid of units × weeks. */
  public record Grid(
      Offices.Account account,
      String csrf,
      Reporting.Board board,
      List<ReportingWeeks.Week> weeks,
      List<Supervision.Row> rows) {}

  /** A unit's history. */
  public record History(
      Offices.Account account,
      String csrf,
      Supervision.Row row,
      List<ReportingWeeks.Week> weeks,
      boolean synthetic) {}

  /** The 通报 of a week: the units by status, grouped for print. */
  public record Notice(
      Offices.Account account,
      ReportingWeeks.Week week,
      Reporting.Board board,
      List<Supervision.Row> onTime,
      List<Supervision.Row> late,
      List<Supervision.Row> missing,
      List<Supervision.Row> exempt,
      Supervision.Rate rate) {}

  /** The contacts of the units still to report. */
  public record Contacts(
      Offices.Account account,
      String csrf,
      ReportingWeeks.Week closed,
      ReportingWeeks.Week due,
      List<Reporting.Contact> overdue,
      List<Reporting.Contact> pending) {}

  public void overview(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    Reporting.Board b = reporting().board(s.account(), Reporting.WEEKS);
    LocalDate closed = b.closedWeek();
    List<Overdue> overdue =
        sorted(Supervision.notIn(b.rows(), closed, Set.of(ReportStatus.MISSING)), closed).stream()
            .map(r -> new Overdue(r, ReportingWeeks.missedRun(r, closed)))
            .toList();
    List<Supervision.Row> pending =
        Supervision.notIn(b.rows(), b.dueWeek(), Set.of(ReportStatus.PENDING));
    int reported =
        Supervision.notIn(b.rows(), b.dueWeek(), Set.of(ReportStatus.ON_TIME, ReportStatus.LATE))
            .size();
    int exempt = Supervision.notIn(b.rows(), b.dueWeek(), Set.of(ReportStatus.EXEMPT)).size();
    String feed =
        Origin.of(ctx)
            + "/admin/reporting/feed.atom?office="
            + java.net.URLEncoder.encode(
                s.account().username(), java.nio.charset.StandardCharsets.UTF_8)
            + "&key="
            + reporting().feedKey(s.account());
    ctx.html(
        access.views.render(
            ctx,
            "admin/admin_reporting",
            Lang.of(ctx),
            new Overview(
                s.account(),
                s.csrf(),
                b,
                ReportingWeeks.of(b, b.dueWeek()),
                ReportingWeeks.of(b, closed),
                overdue,
                pending,
                reported,
                exempt,
                districts(b),
                feed)));
  }

  public void grid(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    Reporting.Board b = reporting().board(s.account(), Reporting.WEEKS);
    ctx.html(
        access.views.render(
            ctx,
            "admin/admin_reporting_weeks",
            Lang.of(ctx),
            new Grid(
                s.account(),
                s.csrf(),
                b,
                b.weeks().reversed().stream().map(w -> ReportingWeeks.of(b, w)).toList(),
                b.rows().stream().map(AdminReporting::withCellsNewestFirst).toList())));
  }

  public void unit(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    Supervision.Row row =
        reporting()
            .history(s.account(), ctx.pathParam("id"))
            .orElseThrow(
                () ->
                    WebError.notFound(
                        "no reporting unit " + ctx.pathParam("id") + " in your region"));
    Reporting.Board b = reporting().board(s.account(), 1);
    List<ReportingWeeks.Week> weeks = new ArrayList<>();
    for (Supervision.Cell c : row.cells().reversed()) {
      weeks.add(ReportingWeeks.of(b, c.week()));
    }
    ctx.html(
        access.views.render(
            ctx,
            "admin/admin_reporting_unit",
            Lang.of(ctx),
            new History(s.account(), s.csrf(), withCellsNewestFirst(row), weeks, b.synthetic())));
  }

  /** GET /admin/reporting/notice?week=2026-11-30 (the last closed week without one). */
  public void notice(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    Reporting.Board b = reporting().board(s.account(), Reporting.WEEKS);
    LocalDate week = b.closedWeek();
    String asked = ctx.queryParam("week");
    if (asked != null && !asked.isBlank()) {
      try {
        week = org.vsmap.geo.reporting.Deadline.weekOf(LocalDate.parse(asked.strip()));
      } catch (DateTimeParseException e) {
        throw WebError.badRequest("week is a date like 2026-11-30; got: " + asked.strip());
      }
    }
    if (!b.weeks().contains(week)) {
      throw WebError.badRequest(
          "week must be one of the last "
              + Reporting.WEEKS
              + " weeks ("
              + b.weeks().get(0)
              + " to "
              + b.dueWeek()
              + "); got: "
              + week);
    }
    LocalDate w = week;
    ctx.html(
        access.views.render(
            ctx,
            "admin/admin_reporting_notice",
            Lang.of(ctx),
            new Notice(
                s.account(),
                ReportingWeeks.of(b, w),
                b,
                Supervision.notIn(b.rows(), w, Set.of(ReportStatus.ON_TIME)),
                Supervision.notIn(b.rows(), w, Set.of(ReportStatus.LATE)),
                Supervision.notIn(b.rows(), w, Set.of(ReportStatus.MISSING, ReportStatus.PENDING)),
                Supervision.notIn(b.rows(), w, Set.of(ReportStatus.EXEMPT)),
                Supervision.Rate.of(
                    b.rows().stream()
                        .flatMap(r -> r.cells().stream())
                        .filter(c -> c.week().equals(w))
                        .toList()))));
  }

  public void contacts(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    Reporting.Board b = reporting().board(s.account(), Reporting.WEEKS);
    List<String> overdue =
        Supervision.notIn(b.rows(), b.closedWeek(), Set.of(ReportStatus.MISSING)).stream()
            .map(r -> r.unit().teamId())
            .toList();
    List<String> pending =
        Supervision.notIn(b.rows(), b.dueWeek(), Set.of(ReportStatus.PENDING)).stream()
            .map(r -> r.unit().teamId())
            .toList();
    List<Reporting.Contact> all = new ArrayList<>();
    List<String> ids = new ArrayList<>(overdue);
    pending.stream().filter(id -> !overdue.contains(id)).forEach(ids::add);
    if (!ids.isEmpty()) {
      all = reporting().contacts(s.account(), ids);
    }
    ctx.html(
        access.views.render(
            ctx,
            "admin/admin_reporting_contacts",
            Lang.of(ctx),
            new Contacts(
                s.account(),
                s.csrf(),
                ReportingWeeks.of(b, b.closedWeek()),
                ReportingWeeks.of(b, b.dueWeek()),
                all.stream().filter(c -> overdue.contains(c.teamId())).toList(),
                all.stream().filter(c -> !overdue.contains(c.teamId())).toList())));
  }

  /** GET /admin/reporting/assessment.csv and .xlsx */
  public void assessment(Context ctx) throws java.io.IOException {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    boolean xlsx = ctx.path().endsWith(".xlsx");
    String name =
        "reporting-assessment-" + java.time.LocalDate.now(access.clock) + (xlsx ? ".xlsx" : ".csv");
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    ctx.contentType(
        xlsx
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=utf-8");
    reporting().assessment(s.account(), Reporting.WEEKS, xlsx, ctx.outputStream());
  }

  Reporting reporting() {
    Reporting r = access.readiness.ports().reporting();
    if (r == null) {
      throw new WebError(
          503, "Service Unavailable", "weekly reporting is not available on this server");
    }
    return r;
  }

  /** Longest run of missed weeks first, then by district and name. */
  private static List<Supervision.Row> sorted(List<Supervision.Row> rows, LocalDate closed) {
    return rows.stream()
        .sorted(
            Comparator.comparingInt((Supervision.Row r) -> -ReportingWeeks.missedRun(r, closed))
                .thenComparing(r -> r.unit().regionCode())
                .thenComparing(r -> r.unit().name()))
        .toList();
  }

  private static Supervision.Row withCellsNewestFirst(Supervision.Row row) {
    return new Supervision.Row(row.unit(), row.cells().reversed());
  }

  private List<DistrictLine> districts(Reporting.Board b) {
    Statistics stats = access.readiness.ports().statistics();
    List<Statistics.Value> values = stats == null ? List.of() : stats.table().values();
    String month = java.time.YearMonth.from(b.now()).toString();
    List<DistrictLine> out = new ArrayList<>();
    for (Supervision.DistrictRate d : Supervision.byDistrict(b.rows())) {
      out.add(
          new DistrictLine(
              d.code(),
              d.name(),
              d.units(),
              d.rate(),
              figure(values, "paired_unit_weekly", d.code(), month),
              figure(values, "weekly_activity_coverage", d.code(), month)));
    }
    return out;
  }

  private static String figure(
      List<Statistics.Value> values, String indicator, String region, String month) {
    return values.stream()
        .filter(
            v ->
                v.indicator().equals(indicator)
                    && region.equals(v.regionCode())
                    && month.equals(v.period())
                    && v.category() == null)
        .findFirst()
        .map(
            v ->
                v.status() == Statistics.Status.OK
                    ? v.value()
                        + "%（"
                        + Math.round(v.numerator())
                        + "/"
                        + Math.round(v.denominator())
                        + "）"
                    : "—")
        .orElse("—");
  }
}
