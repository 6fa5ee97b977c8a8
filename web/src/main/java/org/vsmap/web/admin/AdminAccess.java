package org.vsmap.web.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.vsmap.geo.port.Offices;
import org.vsmap.web.Readiness;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.Views;

/**
 * Signing in and out of /admin, the session every admin page needs, its CSRF token and the home
 * page. Sessions are an HttpOnly, Secure, SameSite=Strict cookie; every form carries the session's
 * CSRF token (the sign-in form a double-submit token of its own); every answer is {@code no-store}.
 * While the database cannot be reached every admin page answers 503 at once.
 */
public final class AdminAccess {
  public static final String SESSION_COOKIE = "vsmap_session";

  public static final String LOGIN_COOKIE = "vsmap_login";

  /** Between the right password and the right code of an account with a second factor. */
  public static final String CODE_COOKIE = "vsmap_code";

  private static final SecureRandom RANDOM = new SecureRandom();

  public final Views views;
  public final Readiness readiness;
  public final SignInGuard guard;

  /** The portal's clock (China time): what "today" and "has ended" mean in the forms. */
  public final java.time.Clock clock;

  public AdminAccess(Views views, Readiness readiness, java.time.Clock clock) {
    this.views = views;
    this.readiness = readiness;
    this.clock = clock.withZone(org.vsmap.geo.time.ChinaTime.ZONE);
    this.guard =
        new SignInGuard(
            java.time.Clock.systemUTC(),
            (action, detail) -> offices().recordSecurityEvent(action, detail));
  }

  public void before(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Frame-Options", "DENY");
    if (readiness.isReady() && readiness.storeProblem() != null) {
      // sessions, forms and changes all live in the database: say so at once instead of timing out
      ctx.header("Retry-After", "30");
      throw new WebError(
          503,
          "数据库暂时无法连接 / Database unreachable",
          "the database cannot be reached, so signing in and changes are paused; nothing was changed. The public map and search "
              + "keep working. Try again in a few minutes.");
    }
  }

  public Offices offices() {
    Offices o = readiness.ports().offices();
    if (o == null) {
      throw new WebError(
          503, "Service Unavailable", "the admin pages are not available on this server");
    }
    return o;
  }

  public void loginForm(Context ctx) {
    renderLogin(ctx, 200, null);
  }

  private void renderLogin(Context ctx, int status, String error) {
    String token = random();
    setCookie(ctx, LOGIN_COOKIE, token, 600);
    ctx.status(status)
        .html(
            views.render(
                ctx, "admin/admin_login", Lang.of(ctx), new AdminViews.LoginPage(token, error)));
  }

  public void login(Context ctx) {
    String expected = ctx.cookie(LOGIN_COOKIE);
    if (expected == null || !same(expected, ctx.formParam("csrf"))) {
      throw new WebError(
          403,
          "Forbidden",
          "the sign-in form expired or came from another site: reload it and try again");
    }
    String address = ctx.ip();
    String name = ctx.formParam("username");
    if (guard.check(address, name) instanceof SignInGuard.Verdict.Wait wait) {
      ctx.header("Retry-After", Long.toString(wait.seconds()));
      renderLogin(
          ctx,
          429,
          "尝试次数过多，请 "
              + wait.seconds()
              + " 秒后再试 / Too many attempts: try again in "
              + wait.seconds()
              + " seconds");
      return;
    }
    Offices.SignIn result;
    try {
      result =
          guard.checking(address, name, () -> offices().signIn(name, ctx.formParam("password")));
    } catch (SignInGuard.Busy busy) {
      ctx.header("Retry-After", "5");
      renderLogin(
          ctx, 503, "登录的人太多，请几秒后再试 / Too many sign-ins at once: try again in a few seconds");
      return;
    }
    switch (result) {
      case Offices.SignIn.Ok ok -> {
        if (offices().hasSecondFactor(ok.account())) {
          awaitCode(ctx, address, ok.account());
        } else {
          signedIn(ctx, address, ok.account());
        }
      }
      case Offices.SignIn.Refused refused -> {
        guard.failed(address, name);
        renderLogin(ctx, 401, "用户名或密码不对 / Wrong user name or password");
      }
    }
  }

  /** The session cookie, the address remembered as the name's usual one, and on to /admin. */
  private void signedIn(Context ctx, String address, Offices.Account account) {
    guard.succeeded(address, account.username());
    Offices.Session s = offices().openSession(account);
    setCookie(ctx, SESSION_COOKIE, s.token(), 8 * 3600);
    setCookie(ctx, LOGIN_COOKIE, "", 0);
    ctx.redirect("/admin");
  }

  /** A right password of an account with a second factor: who, from where, the form's token. */
  private record CodeAwaited(
      Offices.Account account, String address, String csrf, AtomicInteger wrong) {}

  /** Right passwords waiting for their code: five minutes, three wrong codes at most. */
  private final Cache<String, CodeAwaited> awaiting =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5)).maximumSize(10_000).build();

  private void awaitCode(Context ctx, String address, Offices.Account account) {
    String token = random();
    CodeAwaited w = new CodeAwaited(account, address, random(), new AtomicInteger());
    awaiting.put(token, w);
    setCookie(ctx, CODE_COOKIE, token, 300);
    setCookie(ctx, LOGIN_COOKIE, "", 0);
    renderCode(ctx, 200, w.csrf(), null);
  }

  private void renderCode(Context ctx, int status, String csrf, String error) {
    ctx.status(status)
        .html(
            views.render(
                ctx, "admin/admin_code", Lang.of(ctx), new AdminViews.CodePage(csrf, error)));
  }

  /**
   * POST /admin/login/code: the six digits from the authenticator app, after the right password.
   * The code counts as an attempt for the throttles; three wrong ones start the sign-in over.
   */
  public void code(Context ctx) {
    String token = ctx.cookie(CODE_COOKIE);
    CodeAwaited w = token == null ? null : awaiting.getIfPresent(token);
    String address = ctx.ip();
    if (w == null || !same(w.csrf(), ctx.formParam("csrf")) || !address.equals(w.address())) {
      throw new WebError(
          403, "Forbidden", "the code form expired or came from elsewhere: sign in again");
    }
    String name = w.account().username();
    if (guard.check(address, name) instanceof SignInGuard.Verdict.Wait wait) {
      ctx.header("Retry-After", Long.toString(wait.seconds()));
      renderCode(ctx, 429, w.csrf(), "尝试次数过多，请 " + wait.seconds() + " 秒后再试 / Too many attempts");
      return;
    }
    if (offices().checkSecondFactor(w.account(), ctx.formParam("code"))) {
      awaiting.invalidate(token);
      setCookie(ctx, CODE_COOKIE, "", 0);
      signedIn(ctx, address, w.account());
      return;
    }
    guard.failed(address, name);
    if (w.wrong().incrementAndGet() >= 3) {
      awaiting.invalidate(token);
      setCookie(ctx, CODE_COOKIE, "", 0);
      renderLogin(ctx, 401, "验证码三次不对，请重新登录 / Three wrong codes: sign in again");
      return;
    }
    renderCode(
        ctx,
        401,
        w.csrf(),
        "验证码不对或已用过，请输入应用里现在的 6 位数 / Wrong or used code: type the app's current six digits");
  }

  public void logout(Context ctx) {
    Offices.Session s = session(ctx);
    csrf(ctx, s);
    offices().closeSession(s.token());
    setCookie(ctx, SESSION_COOKIE, "", 0);
    ctx.redirect("/admin/login");
  }

  /** The signed-in session; 401 without one (GET pages use {@link #page} to redirect instead). */
  public Offices.Session session(Context ctx) {
    return offices()
        .session(ctx.cookie(SESSION_COOKIE))
        .orElseThrow(() -> new WebError(401, "Unauthorized", "sign in first: /admin/login"));
  }

  /** The signed-in session, or null after redirecting to the sign-in page. */
  public Offices.Session page(Context ctx) {
    Offices.Session s = offices().session(ctx.cookie(SESSION_COOKIE)).orElse(null);
    if (s == null) {
      ctx.redirect("/admin/login");
    }
    return s;
  }

  public static void csrf(Context ctx, Offices.Session s) {
    if (!same(s.csrf(), ctx.formParam("csrf"))) {
      throw new WebError(
          403,
          "Forbidden",
          "the form's CSRF token is missing or wrong: reload the page and submit again");
    }
  }

  public void home(Context ctx) {
    Offices.Session s = page(ctx);
    if (s == null) {
      return;
    }
    String published =
        "started".equals(ctx.queryParam("published"))
            ? "已开始发布，完成后新版本会出现在各数据集页面。/ Publishing has started; the new versions appear on the dataset pages when done."
            : null;
    HomePage page =
        new HomePage(s.account(), s.csrf(), offices().audit(s.account(), 20), published);
    ctx.html(views.render(ctx, "admin/admin_home", Lang.of(ctx), page));
  }

  /** The office's start page (admin/admin_home.peb): its latest changes, and a publishing note. */
  public record HomePage(
      Offices.Account account, String csrf, List<Offices.AuditEntry> audit, String published) {}

  public static String text(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  public static String required(Context ctx, String name) {
    String v = text(ctx, name);
    if (v == null) {
      throw new IllegalArgumentException(name + " 为必填项 / " + name + " is required");
    }
    return v;
  }

  public static double number(Context ctx, String name) {
    try {
      return Double.parseDouble(required(ctx, name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " 不是数字 / " + name + " is not a number: " + ctx.formParam(name));
    }
  }

  static void setCookie(Context ctx, String name, String value, int maxAge) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Path=/admin; Max-Age="
                + maxAge
                + "; HttpOnly; Secure; SameSite=Strict");
  }

  static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
