package org.vsmap.web.admin;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.vsmap.geo.port.Offices;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.QrCode;

/**
 * /admin/second-factor: an account turns on a second factor (codes from an authenticator app such
 * such as Microsoft Authenticator or Google Authenticator: any TOTP app) by scanning the QR code of
 * a new secret and typing the code it shows; it turns it off with a current code. Recommended for
 * administrators; a lost phone is handled on the server with {@code vsmap account second-factor-off
 * NAME}.
 */
public final class AdminSecondFactor {
  private final AdminAccess access;

  public AdminSecondFactor(AdminAccess access) {
    this.access = access;
  }

  public void page(Context ctx) {
    Offices.Session s = access.page(ctx);
    if (s == null) {
      return;
    }
    String message =
        switch (String.valueOf(ctx.queryParam("done"))) {
          case "on" ->
              "两步验证已开启：以后登录时输入密码后还需输入应用里的 6 位数。/ Turned on: after the password, sign-in asks for the app's code.";
          case "off" -> "两步验证已关闭。/ The second factor is off.";
          default -> null;
        };
    render(ctx, 200, s, message, null, null);
  }

  /** POST /admin/second-factor/on: the new secret and the code the app shows for it. */
  public void turnOn(Context ctx) {
    Offices.Session s = access.session(ctx);
    AdminAccess.csrf(ctx, s);
    String secret = AdminAccess.text(ctx, "secret");
    if (secret != null && access.offices().enableSecondFactor(s.account(), secret, code(ctx))) {
      ctx.redirect("/admin/second-factor?done=on", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    render(
        ctx,
        400,
        s,
        null,
        "验证码不对：请用应用扫描下面的二维码，再输入它现在显示的 6 位数 / Wrong code: scan the QR code below, then type"
            + " the six digits the app shows now",
        secret);
  }

  /** POST /admin/second-factor/off: a current code. */
  public void turnOff(Context ctx) {
    Offices.Session s = access.session(ctx);
    AdminAccess.csrf(ctx, s);
    if (access.offices().disableSecondFactor(s.account(), code(ctx))) {
      ctx.redirect("/admin/second-factor?done=off", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    render(ctx, 400, s, null, "验证码不对或已用过 / Wrong or used code", null);
  }

  private static String code(Context ctx) {
    String c = AdminAccess.text(ctx, "code");
    return c == null ? "" : c;
  }

  private void render(
      Context ctx, int status, Offices.Session s, String message, String error, String secret) {
    boolean on = access.offices().hasSecondFactor(s.account());
    String shown = on ? null : secret != null ? secret : access.offices().newSecondFactorSecret();
    String link = shown == null ? null : otpauth(s.account().username(), shown);
    QrCode qr = link == null ? null : QrCode.of(link);
    ctx.status(status)
        .html(
            access.views.render(
                ctx,
                "admin/admin_second_factor",
                Lang.of(ctx),
                new AdminViews.SecondFactorPage(
                    s.account(),
                    s.csrf(),
                    on,
                    shown,
                    // in groups of four, easier to type by hand (apps ignore the spaces)
                    shown == null ? null : shown.replaceAll("(.{4})(?!$)", "$1 "),
                    link,
                    qr,
                    message,
                    error)));
  }

  /** The address authenticator apps read from the QR code (Key Uri Format). */
  static String otpauth(String username, String secret) {
    String issuer = "志愿服务地图";
    return "otpauth://totp/"
        + enc(issuer)
        + ":"
        + enc(username)
        + "?secret="
        + secret
        + "&issuer="
        + enc(issuer)
        + "&algorithm=SHA1&digits=6&period=30";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
