package org.vsmap.web.admin;

import io.javalin.http.Context;
import java.util.List;
import org.vsmap.geo.format.CsvWriter;
import org.vsmap.geo.port.Offices;
import org.vsmap.web.Readiness;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.Views;

/** What an office reads back: the audit log (page and CSV) and its region's restricted contacts. */
public final class AdminRecords {
  private final AdminAccess access;
  private final Views views;
  private final Readiness readiness;

  public AdminRecords(AdminAccess access) {
    this.access = access;
    this.views = access.views;
    this.readiness = access.readiness;
  }

  public void audit(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    var page =
        new AdminViews.AuditPage(s.account(), s.csrf(), access.offices().audit(s.account(), 500));
    ctx.html(views.render(ctx, "admin/admin_audit", Lang.of(ctx), page));
  }

  public void auditCsv(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    ctx.header("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
    ctx.contentType("text/csv; charset=utf-8");
    CsvWriter w = CsvWriter.forSpreadsheets(ctx.outputStream());
    w.row("seq", "at", "username", "action", "kind", "record_id", "detail");
    for (Offices.AuditEntry e : access.offices().audit(s.account(), 100_000)) {
      w.row(
          e.seq(),
          e.at().toString(),
          e.username(),
          e.action(),
          e.kind() == null ? null : e.kind().name(),
          e.recordId(),
          e.detail());
    }
    w.flush();
  }

  public void contacts(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    var ports = readiness.ports();
    List<AdminViews.ContactRow> rows = new java.util.ArrayList<>();
    for (org.vsmap.geo.model.RestrictedContact c : access.offices().contacts(s.account())) {
      java.util.Optional<String> name =
          switch (c.kind()) {
            case STATION -> ports.stations().stationById(c.recordId()).map(x -> x.name());
            case TEAM -> ports.teams().teamById(c.recordId()).map(x -> x.name());
            case ACTIVITY -> ports.activities().activityById(c.recordId()).map(x -> x.title());
          };
      rows.add(
          new AdminViews.ContactRow(
              c,
              name.orElse(c.recordId()),
              String.join(" ", readiness.regionNames().chain(c.regionCode())),
              "/admin/" + c.kind().path() + "/" + c.recordId()));
    }
    var page = new AdminViews.ContactsPage(s.account(), s.csrf(), rows);
    ctx.html(views.render(ctx, "admin/admin_contacts", Lang.of(ctx), page));
  }

  /** GET /admin/throttles (administrators): the sign-in throttles in force, each to clear. */
  public void throttles(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    adminOnly(s);
    var page = new AdminViews.ThrottlesPage(s.account(), s.csrf(), access.guard.throttles());
    ctx.html(views.render(ctx, "admin/admin_throttles", Lang.of(ctx), page));
  }

  /** POST /admin/throttles/clear: lifts one throttle (audited). */
  public void clearThrottle(Context ctx) {
    Offices.Session s = access.session(ctx);
    AdminAccess.csrf(ctx, s);
    adminOnly(s);
    String kind = AdminAccess.required(ctx, "kind");
    if (!kind.equals("address") && !kind.equals("name")) {
      throw org.vsmap.web.http.WebError.badRequest("kind is address or name");
    }
    access.guard.clear(kind, AdminAccess.required(ctx, "key"), s.account().username());
    ctx.redirect("/admin/throttles");
  }

  private static void adminOnly(Offices.Session s) {
    if (s.account().role() != Offices.Role.ADMIN) {
      throw new org.vsmap.web.http.WebError(
          403, "Forbidden", "only an administrator may see and clear sign-in throttles");
    }
  }
}
