package org.vsmap.web.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.Views;

/**
 * Every error answer is made here: JSON {"status","error","detail"} for machine URLs, an HTML page
 * for pages. Nothing a client sends yields a 500; an unexpected failure is logged and answered with
 * a 500 that reveals no internals.
 */
public final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  private static final String HANDLED = "vsmap.error.handled";

  private final Views views;

  public ErrorMapping(Views views) {
    this.views = views;
  }

  public void register(RoutesConfig routes) {
    routes.exception(
        WebError.class, (e, ctx) -> answer(ctx, e.status(), e.title(), e.getMessage()));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          Integer client = clientMistake(e);
          if (client != null) {
            // a body that cannot be read (broken multipart, cut off, over the limit) is the
            // client's mistake: one line in the log, no stack trace, a 4xx saying so
            LOG.info(
                "{} {}: {} unreadable request body ({})",
                ctx.method(),
                ctx.path(),
                client,
                causes(e));
            answer(
                ctx,
                client,
                client == 413 ? "Content Too Large" : "Bad Request",
                client == 413
                    ? "请求体超过上限 / the request body is larger than this address accepts"
                    : "请求体无法读取（表单或 multipart 格式有误）/ the request body cannot be read (malformed"
                        + " form or multipart data)");
            return;
          }
          if (databaseUnreachable(e)) {
            LOG.warn(
                "{} {}: no database connection (the database is down or every connection busy)",
                ctx.method(),
                ctx.path());
            ctx.header("Retry-After", "30");
            answer(
                ctx,
                503,
                "Service Unavailable",
                "the database cannot be reached or is too busy just now, so this page cannot be "
                    + "shown; the map and search keep working. Try again shortly.");
            return;
          }
          LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          answer(
              ctx,
              500,
              "Internal Server Error",
              "an unexpected error occurred; it has been logged");
        });
    routes.error(
        404,
        ctx -> {
          if (ctx.attribute(HANDLED) == null) {
            answer(ctx, 404, "Not Found", "no page or resource at " + ctx.path());
          }
        });
  }

  /**
   * The status of a request body the server could not read (Jetty's BadMessageException: a broken
   * multipart, a body over the limit; a body cut off), found among the causes; null otherwise.
   */
  /** The chain of causes in one line: class names and messages, no stack. */
  static String causes(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      b.append(b.isEmpty() ? "" : " ← ")
          .append(t.getClass().getSimpleName())
          .append(
              t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse(""));
    }
    return b.toString();
  }

  static Integer clientMistake(Throwable e) {
    // over a size limit anywhere in the chain: Jetty wraps "max file size exceeded" of a chunked
    // multipart body in a 400 "bad multipart"
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if ((t instanceof IllegalStateException && (m.contains("exceed")))
          || (t instanceof org.eclipse.jetty.http.BadMessageException bad
              && bad.getCode() == 413)) {
        return 413;
      }
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.eclipse.jetty.http.BadMessageException
          || t instanceof org.eclipse.jetty.io.EofException) {
        return 400;
      }
    }
    return null;
  }

  /**
   * A lost or refused database connection somewhere in the causes (SQLSTATE class 08, 57P0x, or the
   * pool's timeout).
   */
  public static boolean databaseUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.net.ConnectException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
    }
    return false;
  }

  /** A JSON error: the status, its name and what was wrong. */
  public record ErrorBody(
      int status,
      String error,
      String detail,
      @JsonInclude(Include.NON_NULL) String code,
      @JsonInclude(Include.NON_NULL) String description) {}

  private void answer(Context ctx, int status, String title, String detail) {
    ctx.attribute(HANDLED, true);
    ctx.status(status);
    if (wantsJson(ctx)) {
      // on /ogc also the OGC API exception shape (code, description), beside ours
      boolean ogc = ctx.path().startsWith("/ogc");
      Json.send(
          ctx,
          new ErrorBody(
              status,
              title,
              detail,
              ogc ? (status == 400 ? "InvalidParameterValue" : title) : null,
              ogc ? detail : null));
      return;
    }
    Lang lang;
    try {
      lang = Lang.of(ctx);
    } catch (WebError e) {
      lang = Lang.ZH;
    }
    ctx.html(views.render(ctx, "shared/error", lang, new ErrorPage(status, title, detail)));
  }

  /** The error page a person sees (shared/error.peb): the status, its name and what was wrong. */
  public record ErrorPage(int status, String title, String detail) {}

  private static boolean wantsJson(Context ctx) {
    String path = ctx.path();
    if (path.equals("/ogc") || path.startsWith("/ogc/")) {
      return !Negotiation.wantsHtml(ctx);
    }
    if (path.startsWith("/api/")
        || path.equals("/health")
        || path.equals("/oembed")
        || path.endsWith(".json")
        || path.endsWith(".geojson")) {
      return true;
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }
}
