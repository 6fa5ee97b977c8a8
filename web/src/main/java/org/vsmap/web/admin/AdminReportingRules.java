package org.vsmap.web.admin;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.port.Offices;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.port.Reporting;
import org.vsmap.geo.reporting.Deadline;
import org.vsmap.geo.reporting.Supervision;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Lang;

/**
 * /admin/reporting/rules: who must report and when — the reporting units (added by tier, paired
 * units, or a list of names), the weeks marked as not due (holidays) and the deadline. Offices read
 * it; only administrators (the city office) change it, and every change is audited.
 */
public final class AdminReportingRules {
  static final int MAX_LIST_BYTES = 1024 * 1024;

  private final AdminAccess access;
  private final AdminReporting reporting;

  public AdminReportingRules(AdminAccess access, AdminReporting reporting) {
    this.access = access;
    this.reporting = reporting;
  }

  /** The page: the rule, the holiday weeks, the units; the forms for administrators. */
  public record Page(
      Offices.Account account,
      String csrf,
      Reporting.Board board,
      List<ReportingWeeks.Week> holidays,
      List<Supervision.Unit> units,
      List<TeamLevel> levels,
      String message,
      String error,
      List<Problem> problems) {}

  public void page(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    render(ctx, 200, s, done(ctx.queryParam("done")), null, List.of());
  }

  /** POST /admin/reporting/units: every team of the chosen tiers in a region (or paired ones). */
  public void addSelection(Context ctx) {
    Offices.Session s = writer(ctx);
    List<TeamLevel> levels = new ArrayList<>();
    for (String l : ctx.formParams("level")) {
      try {
        levels.add(TeamLevel.valueOf(l));
      } catch (IllegalArgumentException e) {
        throw WebError.badRequest("level must be a team tier such as SQUAD; got: " + l);
      }
    }
    LocalDate since = since(ctx);
    Reporting.Selection sel =
        new Reporting.Selection(
            AdminAccess.text(ctx, "region"), levels, "on".equals(ctx.formParam("paired")));
    change(ctx, s, () -> reporting.reporting().addUnits(s.account(), sel, since));
  }

  /** POST /admin/reporting/units/list: names typed one per line, or a CSV/XLSX list. */
  public void addList(Context ctx) {
    Offices.Session s = writer(ctx);
    UploadedFile file = ctx.uploadedFile("file");
    String name = "名单.csv";
    byte[] bytes;
    if (file != null && file.size() > 0) {
      name = file.filename();
      try (InputStream in = file.content()) {
        bytes = in.readNBytes(MAX_LIST_BYTES + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (bytes.length > MAX_LIST_BYTES) {
        throw new WebError(413, "Payload Too Large", "a list of units may be at most 1 MB");
      }
    } else {
      String typed = ctx.formParam("names");
      bytes = (typed == null ? "" : typed).getBytes(StandardCharsets.UTF_8);
    }
    LocalDate since = since(ctx);
    String file2 = name;
    byte[] list = bytes;
    change(ctx, s, () -> reporting.reporting().addUnitsByName(s.account(), file2, list, since));
  }

  /** POST /admin/reporting/units/{id}/remove */
  public void remove(Context ctx) {
    Offices.Session s = writer(ctx);
    change(
        ctx,
        s,
        () -> {
          reporting.reporting().removeUnit(s.account(), ctx.pathParam("id"));
        },
        "removed");
  }

  /** POST /admin/reporting/holidays: a week not due, with why. */
  public void holiday(Context ctx) {
    Offices.Session s = writer(ctx);
    LocalDate week = date(AdminAccess.required(ctx, "week"), "week");
    String reason = AdminAccess.text(ctx, "reason");
    change(
        ctx,
        s,
        () -> {
          reporting.reporting().setExempt(s.account(), week, reason);
        },
        "holiday");
  }

  /** POST /admin/reporting/holidays/{week}/clear */
  public void clearHoliday(Context ctx) {
    Offices.Session s = writer(ctx);
    LocalDate week = date(ctx.pathParam("week"), "week");
    change(
        ctx,
        s,
        () -> {
          reporting.reporting().clearExempt(s.account(), week);
        },
        "due");
  }

  /** POST /admin/reporting/deadline: day (1–7 or MONDAY…) and time (HH:mm). */
  public void deadline(Context ctx) {
    Offices.Session s = writer(ctx);
    change(
        ctx,
        s,
        () -> {
          reporting
              .reporting()
              .setDeadline(
                  s.account(),
                  Deadline.parse(
                      AdminAccess.required(ctx, "day") + " " + AdminAccess.required(ctx, "time")));
        },
        "deadline");
  }

  private Offices.Session writer(Context ctx) {
    Offices.Session s = access.session(ctx);
    AdminAccess.csrf(ctx, s);
    if (s.account().role() != Offices.Role.ADMIN) {
      throw new WebError(
          403, "Forbidden", "only the city office (an administrator) keeps the reporting rules");
    }
    return s;
  }

  private static LocalDate since(Context ctx) {
    String text = AdminAccess.text(ctx, "since");
    return text == null ? null : date(text, "since");
  }

  private static LocalDate date(String text, String field) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw WebError.badRequest(field + " is a date like 2026-11-30; got: " + text.strip());
    }
  }

  private void change(
      Context ctx, Offices.Session s, java.util.function.Supplier<Reporting.Added> c) {
    change(ctx, s, c, null);
  }

  /** A change that adds no units: the page again saying {@code done}, or what was wrong. */
  private void change(Context ctx, Offices.Session s, Runnable c, String done) {
    change(
        ctx,
        s,
        () -> {
          c.run();
          return new Reporting.Added(List.of(), 0, List.of());
        },
        done);
  }

  /** Runs a change: back to the page saying what was done, or the page with what was wrong. */
  private void change(
      Context ctx, Offices.Session s, java.util.function.Supplier<Reporting.Added> c, String done) {
    Reporting.Added added;
    try {
      added = c.get();
    } catch (IllegalArgumentException e) {
      render(ctx, 400, s, null, e.getMessage(), List.of());
      return;
    }
    if (!added.problems().isEmpty()) {
      render(
          ctx,
          400,
          s,
          null,
          "名单中有名称无法对应到队伍，未添加任何单位 / some names match no team; nothing was added",
          added.problems());
      return;
    }
    String what = done != null ? done : "added-" + added.added().size() + "-" + added.already();
    ctx.redirect("/admin/reporting/rules?done=" + what, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void render(
      Context ctx,
      int status,
      Offices.Session s,
      String message,
      String error,
      List<Problem> problems) {
    Reporting.Board b = reporting.reporting().board(s.account(), Reporting.WEEKS);
    ctx.status(status)
        .html(
            access.views.render(
                ctx,
                "admin/admin_reporting_rules",
                Lang.of(ctx),
                new Page(
                    s.account(),
                    s.csrf(),
                    b,
                    b.exempt().stream().map(e -> ReportingWeeks.of(b, e.week())).toList(),
                    b.rows().stream().map(Supervision.Row::unit).toList(),
                    List.of(TeamLevel.values()),
                    message,
                    error,
                    problems)));
  }

  private static String done(String what) {
    if (what == null) {
      return null;
    }
    if (what.matches("added-\\d+-\\d+")) {
      String[] n = what.split("-");
      return "已添加 "
          + n[1]
          + " 个报送单位（"
          + n[2]
          + " 个原已在名单中）/ "
          + n[1]
          + " units added, "
          + n[2]
          + " were listed already";
    }
    return switch (what) {
      case "removed" -> "已移出报送名单，历史记录保留 / Taken off the list; its history stays";
      case "holiday" -> "该周已标为无需报送 / The week is marked as not due";
      case "due" -> "该周恢复为应报 / The week is due again";
      case "deadline" -> "截止时间已更新，所有状态按新规则重新计算 / Deadline changed; every status follows it";
      default -> null;
    };
  }
}
