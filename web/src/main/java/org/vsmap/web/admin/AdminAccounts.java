package org.vsmap.web.admin;

import io.javalin.http.Context;
import java.util.List;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.port.Offices;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Lang;

/**
 * /admin/accounts: administrators create office accounts, set a new password, move an office to
 * another region and disable or enable an account — while the portal runs (the command line needs
 * the embedded database to itself). Every change is audited; an office account never sees this
 * page.
 */
public final class AdminAccounts {
  private final AdminAccess access;

  public AdminAccounts(AdminAccess access) {
    this.access = access;
  }

  /** One account as the table shows it: its region by name. */
  public record Row(Offices.AccountEntry entry, String regionName, boolean self) {}

  /** The page: every account, the form for a new one, what was done or what was wrong. */
  public record Page(
      Offices.Account account, String csrf, List<Row> rows, String message, String error) {}

  public void page(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    render(ctx, 200, s, done(ctx.queryParam("done")), null);
  }

  /** POST /admin/accounts: a new account. */
  public void create(Context ctx) {
    Offices.Session s = writer(ctx);
    String role = AdminAccess.text(ctx, "role");
    change(
        ctx,
        s,
        "created",
        () ->
            access
                .offices()
                .createAccount(
                    s.account(),
                    AdminAccess.required(ctx, "username"),
                    "admin".equals(role) ? Offices.Role.ADMIN : Offices.Role.OFFICE,
                    AdminAccess.text(ctx, "region"),
                    AdminAccess.required(ctx, "password")));
  }

  /** POST /admin/accounts/{name}/password */
  public void password(Context ctx) {
    Offices.Session s = writer(ctx);
    change(
        ctx,
        s,
        "password",
        () ->
            access
                .offices()
                .resetPassword(
                    s.account(), ctx.pathParam("name"), AdminAccess.required(ctx, "password")));
  }

  /** POST /admin/accounts/{name}/disabled: {@code disabled=on} disables, anything else enables. */
  public void disabled(Context ctx) {
    Offices.Session s = writer(ctx);
    boolean disable = "on".equals(ctx.formParam("disabled"));
    change(
        ctx,
        s,
        disable ? "disabled" : "enabled",
        () -> access.offices().setDisabled(s.account(), ctx.pathParam("name"), disable));
  }

  /** POST /admin/accounts/{name}/region */
  public void region(Context ctx) {
    Offices.Session s = writer(ctx);
    change(
        ctx,
        s,
        "region",
        () ->
            access
                .offices()
                .setRegion(
                    s.account(), ctx.pathParam("name"), AdminAccess.required(ctx, "region")));
  }

  /** The session of an administrator's form: 401, 403 (token), 403 (an office). */
  private Offices.Session writer(Context ctx) {
    Offices.Session s = access.session(ctx);
    AdminAccess.csrf(ctx, s);
    if (s.account().role() != Offices.Role.ADMIN) {
      throw new WebError(403, "Forbidden", "only an administrator manages accounts");
    }
    return s;
  }

  /** Runs a change: back to the page saying so, or the page again with what was wrong (400). */
  private void change(Context ctx, Offices.Session s, String done, Runnable change) {
    try {
      change.run();
    } catch (IllegalArgumentException e) {
      render(ctx, 400, s, null, e.getMessage());
      return;
    }
    ctx.redirect("/admin/accounts?done=" + done, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, int status, Offices.Session s, String message, String error) {
    if (s.account().role() != Offices.Role.ADMIN) {
      throw new WebError(403, "Forbidden", "only an administrator manages accounts");
    }
    var regions = access.readiness.ports().regions();
    List<Row> rows =
        access.offices().accounts(s.account()).stream()
            .map(
                e ->
                    new Row(
                        e,
                        e.regionCode() == null
                            ? null
                            : regions.regionByCode(e.regionCode()).map(Region::name).orElse(null),
                        e.username().equals(s.account().username())))
            .toList();
    ctx.status(status)
        .html(
            access.views.render(
                ctx,
                "admin/admin_accounts",
                Lang.of(ctx),
                new Page(s.account(), s.csrf(), rows, message, error)));
  }

  private static String done(String what) {
    return switch (String.valueOf(what)) {
      case "created" -> "账号已创建 / Account created";
      case "password" -> "密码已更新，该账号需重新登录 / Password set; the account signs in again";
      case "disabled" -> "账号已停用，已退出登录 / Account disabled and signed out";
      case "enabled" -> "账号已启用 / Account enabled";
      case "region" -> "所属区域已更新，该账号需重新登录 / Region changed; the account signs in again";
      default -> null;
    };
  }
}
