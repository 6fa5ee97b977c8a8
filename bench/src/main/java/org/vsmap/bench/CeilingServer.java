package org.vsmap.bench;

import io.javalin.Javalin;

/**
 * The ceiling for the HTTP benchmark (issue 8): a trivial Javalin endpoint ({@code GET /ping} → a
 * short JSON) on the same Javalin and Jetty as the portal, with Javalin's defaults. What {@code
 * /api/nearby} achieves is reported as a share of what this achieves on the same machine. Usage:
 * {@code CeilingServer <port>}.
 */
public final class CeilingServer {
  private CeilingServer() {}

  public static Javalin start(int port) {
    return Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.routes.get(
                  "/ping", ctx -> ctx.contentType("application/json").result("{\"ok\":true}"));
            })
        .start("127.0.0.1", port);
  }

  public static void main(String[] args) {
    start(args.length > 0 ? Integer.parseInt(args[0]) : 7094);
  }
}
