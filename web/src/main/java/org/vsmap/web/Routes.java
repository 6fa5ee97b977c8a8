package org.vsmap.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;

/**
 * Every URL the portal answers, in one place (see API.md for the public contract). Handlers are
 * thin: check the request, call a port, render a view.
 */
public final class Routes {
  /**
   * Scripts, styles and data only from this server, no inline script or style markup (Leaflet
   * positions elements through the CSSOM, which CSP allows); images also from the configured
   * basemap tile server. Swagger UI (/api/docs) and ECharts (the statistics pages) write style
   * attributes, so only there styles may be inline ({@link #inlineStyles}); scripts never are.
   */
  static String csp(WebSettings settings, boolean inlineStyles) {
    String tiles = settings.tileSource();
    return "default-src 'self'; script-src 'self'; style-src 'self'" + (inlineStyles ? " 'unsafe-inline'" : "")
        + "; img-src 'self' data:" + (tiles.isEmpty() ? "" : " " + tiles)
        + "; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
  }

  /** The largest body a request other than a file upload may carry (the edit forms need a few KB). */
  static final int MAX_FORM_BYTES = 64 * 1024;

  /**
   * Requests at work at once, eight per core: enough to keep the cores busy while some wait on the
   * database or the client, few enough that under overload each finishes quickly and the rest wait
   * in line (see {@link #MAX_QUEUED}) instead of all slowing down together.
   */
  static final int MAX_CONCURRENT = Math.max(16, 8 * Runtime.getRuntime().availableProcessors());
  /** Requests that may wait for a free slot (at most 2 s each) before further ones get 503 at once. */
  static final int MAX_QUEUED = 1024;
  /** How long in-flight requests may take to finish once the server is asked to stop. */
  public static final int STOP_SECONDS = 20;
  /** A connection that sends nothing for this long is closed (slow or stalled clients). */
  static final int IDLE_MILLIS = 20_000;

  /** The pages whose libraries write style attributes (Swagger UI, ECharts). */
  static boolean inlineStyles(String path) {
    return path.equals("/api/docs") || path.equals("/stats") || path.startsWith("/stats/embed/");
  }

  /** A year of HTTPS only, sent only on answers that came over HTTPS (directly or through a proxy that says so). */
  static final String HSTS = "max-age=31536000";

  /** The webjar path of Swagger UI, from the version the build packed. */
  static final String SWAGGER_UI = "/webjars/swagger-ui/" + webjarVersion("swagger-ui");

  private Routes() {}

  private static String webjarVersion(String artifact) {
    try (java.io.InputStream in = Routes.class.getResourceAsStream("/META-INF/maven/org.webjars/" + artifact + "/pom.properties")) {
      java.util.Properties p = new java.util.Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("the " + artifact + " webjar is missing from the build", e);
    }
  }

  /** Builds the server; it serves 503 until {@code readiness} is given the ports. */
  public static Javalin create(WebSettings settings, Readiness readiness) {
    Views views = new Views();
    HealthHandler health = new HealthHandler(readiness);
    MapPage map = new MapPage(views, settings, readiness);
    StationPage station = new StationPage(views, settings, readiness);
    TeamPage team = new TeamPage(views, settings, readiness);
    ActivityPage activity = new ActivityPage(views, settings, readiness);
    ActivityCalendar calendar = new ActivityCalendar(readiness, settings);
    ActivitiesPage activities = new ActivitiesPage(views, settings, readiness);
    ActivityFeed feed = new ActivityFeed(readiness);
    Sitemaps sitemaps = new Sitemaps(readiness);
    PhotoPages photos = new PhotoPages(views, readiness);
    HonoursPage honours = new HonoursPage(views, readiness);
    ShareCards cards = new ShareCards(readiness);
    PosterPage posters = new PosterPage(views, settings, readiness);
    GeoJsonApi geojson = new GeoJsonApi(readiness);
    SearchApi search = new SearchApi(readiness, settings.clock());
    MapApi mapApi = new MapApi(readiness, settings.clock());
    ErrorMapping errors = new ErrorMapping(views);
    AdminPages admin = new AdminPages(views, readiness);
    RateLimit limit = new RateLimit(settings.rateLimitPerMinute());
    DataCatalogue catalogue = new DataCatalogue(views, readiness, settings);
    DataDownloads data = new DataDownloads(readiness, catalogue);
    OgcApi ogc = new OgcApi(views, readiness);
    StatsApi stats = new StatsApi(readiness);
    TilesApi tiles = new TilesApi(readiness);
    StatsPages statsPages = new StatsPages(views, stats, settings);
    String strict = csp(settings, false);
    String withInlineStyles = csp(settings, true);
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.generateEtags = false; // hashing every dynamic answer costs more than it saves; downloads and tiles set their own ETags
      // a 2,000-character Chinese query is 18 KB of URL: let it reach the handler for a clear 400
      config.jetty.modifyHttpConfiguration(http -> {
        http.setRequestHeaderSize(32 * 1024);
        http.setSendServerVersion(false); // no "Server: Jetty(…)" for scanners to match against
        http.setSendXPoweredBy(false);
      });
      config.jetty.modifyServer(server -> {
        // overload: at most MAX_CONCURRENT requests at work, up to MAX_QUEUED more wait ≤ 2 s, the rest get 503 at once
        org.eclipse.jetty.server.handler.QoSHandler qos = new org.eclipse.jetty.server.handler.QoSHandler();
        qos.setMaxRequestCount(MAX_CONCURRENT);
        qos.setMaxSuspendedRequestCount(MAX_QUEUED);
        qos.setMaxSuspend(java.time.Duration.ofSeconds(2));
        qos.setRejectStatusCode(503);
        qos.excludePath("/health");
        // shutdown: new requests are refused, the ones in flight have STOP_SECONDS to finish
        server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler(qos));
        server.setStopTimeout(STOP_SECONDS * 1000L);
        // the connector is made once the server starts; a stalled client is then dropped after IDLE_MILLIS
        server.addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
          @Override
          public void lifeCycleStarted(org.eclipse.jetty.util.component.LifeCycle event) {
            for (org.eclipse.jetty.server.Connector c : server.getConnectors()) {
              if (c instanceof org.eclipse.jetty.server.AbstractConnector a) {
                a.setIdleTimeout(IDLE_MILLIS);
              }
            }
          }
        });
      });
      config.jetty.multipartConfig.maxFileSize(AdminPages.MAX_UPLOAD + 1, io.javalin.config.SizeUnit.BYTES);
      config.jetty.multipartConfig.maxTotalRequestSize(AdminPages.MAX_UPLOAD + 64 * 1024, io.javalin.config.SizeUnit.BYTES);
      config.staticFiles.enableWebjars();
      config.staticFiles.add(files -> {
        files.hostedPath = "/static";
        files.directory = "/static";
        files.location = Location.CLASSPATH;
      });
      config.routes.get("/health", health::health);
      config.routes.get("/", map::show);
      config.routes.get("/embed", map::embed);
      config.routes.get("/embed/builder", map::builder);
      config.routes.get("/oembed", ctx -> OEmbed.answer(ctx));
      config.routes.get("/stations/{id}", station::show);
      config.routes.get("/teams/{id}", team::show);
      config.routes.get("/stations/{id}/photos", photos::stationGallery);
      config.routes.get("/teams/{id}/photos", photos::teamGallery);
      config.routes.get("/photos/{id}/{file}", photos::image);
      config.routes.get("/share/stats.png", cards::stats);
      config.routes.get("/share/{kind}/{file}", cards::card);
      config.routes.get("/stations/{id}/poster", posters::station);
      config.routes.get("/activities/{id}/poster", posters::activity);
      config.routes.get("/activities", activities::show);
      config.routes.get("/honours", honours::show);
      config.routes.get("/activities.ics", calendar::feed);
      config.routes.get("/activities.atom", feed::feed);
      config.routes.get("/robots.txt", sitemaps::robots);
      config.routes.get("/sitemap.xml", sitemaps::index);
      config.routes.get("/sitemaps/{file}", sitemaps::file);
      config.routes.get("/activities/{id}", ctx -> {
        String id = ctx.pathParam("id");
        if (id.endsWith(".ics")) {
          calendar.one(ctx, id.substring(0, id.length() - ".ics".length()));
        } else {
          activity.show(ctx);
        }
      });
      config.routes.get("/api/openapi.json", ctx -> {
        try (java.io.InputStream in = Routes.class.getResourceAsStream("/openapi/api.json")) {
          ctx.contentType("application/json; charset=utf-8").result(in.readAllBytes());
        }
      });
      config.routes.get("/api/docs", ctx -> {
        String doc = ctx.queryParam("doc");
        if (doc != null && !doc.equals("ogc") && !doc.equals("api")) {
          throw WebError.badRequest("doc must be api or ogc, not '" + doc + "'");
        }
        ctx.html(views.render("api_docs", Lang.of(ctx), java.util.Map.of("swaggerUi", SWAGGER_UI)));
      });
      config.routes.get("/api/search", search::search);
      config.routes.get("/api/suggest", search::suggest);
      config.routes.get("/api/nearby", search::nearby);
      config.routes.get("/api/clusters", mapApi::clusters);
      config.routes.get("/api/regions", mapApi::regions);
      config.routes.get("/api/stations.geojson", geojson::stations);
      config.routes.get("/api/regions.geojson", geojson::regions);
      config.routes.get("/data", catalogue::index);
      config.routes.get("/data/{file}", data::download);
      config.routes.get("/data/{dataset}/versions", data::versions);
      config.routes.get("/data/{dataset}/versions/{file}", data::snapshot);
      config.routes.head("/data/{dataset}/versions/{file}", data::snapshot);
      config.routes.get("/catalog.jsonld", catalogue::catalog);
      config.routes.get("/stats", statsPages::page);
      config.routes.get("/stats/method", statsPages::method);
      config.routes.get("/stats/embed/{chart}", statsPages::embed);
      config.routes.get("/api/stats", stats::index);
      config.routes.get("/api/stats/{indicator}", stats::values);
      config.routes.get("/tiles/{file}", tiles::tileJson);
      config.routes.get("/tiles/{layer}/{z}/{x}/{file}", tiles::tile);
      config.routes.get("/ogc", ogc::landing);
      config.routes.get("/ogc/", ogc::landing);
      config.routes.get("/ogc/conformance", ogc::conformance);
      config.routes.get("/ogc/api", ogc::api);
      config.routes.get("/ogc/collections", ogc::collections);
      config.routes.get("/ogc/collections/{collection}", ogc::collection);
      config.routes.get("/ogc/collections/{collection}/items", ogc::items);
      config.routes.get("/ogc/collections/{collection}/items/{feature}", ogc::item);
      config.routes.before(ctx -> {
        // first of the before-handlers, so that every answer carries these, also a 429, 413, 401 or 403 made by the ones after it;
        Origin.set(ctx, settings);
        // defence in depth behind the escaping: no inline or foreign script can run on our pages;
        // the widgets may be framed by the sites allowed, the admin pages never, the rest only by us
        String path = ctx.path();
        String ancestors = path.equals("/embed") || path.startsWith("/stats/embed/") ? settings.frameAncestors()
            : path.startsWith("/admin") ? "'none'" : "'self'";
        ctx.header("Content-Security-Policy", (inlineStyles(path) ? withInlineStyles : strict) + "; frame-ancestors " + ancestors);
        if ("https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))) {
          ctx.header("Strict-Transport-Security", HSTS);
        }
        if (path.startsWith("/admin")) {
          ctx.header("X-Frame-Options", "DENY");
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
      });
      config.routes.before(limit::before);
      config.routes.before(ctx -> {
        // forms are small; only the admin upload (multipart, checked against its own limit) carries files
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        long length = ctx.contentLength();
        if (!type.startsWith("multipart/form-data") && length > MAX_FORM_BYTES) {
          throw new WebError(413, "Content Too Large", "a request body may be at most " + MAX_FORM_BYTES / 1024 + " KB; this one is "
              + length / 1024 + " KB");
        }
      });
      config.routes.before("/ogc*", ctx -> ctx.header("Access-Control-Allow-Origin", "*"));
      config.routes.before("/api/*", ctx -> {
        // the public read-only API may be called from any site; nothing under /admin ever gets this
        ctx.header("Access-Control-Allow-Origin", "*");
      });
      config.routes.before("/admin*", admin::before);
      config.routes.get("/admin", admin::home);
      config.routes.get("/admin/login", admin::loginForm);
      config.routes.post("/admin/login", admin::login);
      config.routes.post("/admin/logout", admin::logout);
      config.routes.post("/admin/upload", admin::upload);
      config.routes.post("/admin/publish", admin::publish);
      config.routes.post("/admin/upload/{id}/confirm", admin::confirm);
      config.routes.get("/admin/stations/{id}", admin::editStation);
      config.routes.post("/admin/stations/{id}", admin::saveStation);
      config.routes.get("/admin/teams/{id}", admin::editTeam);
      config.routes.post("/admin/teams/{id}", admin::saveTeam);
      config.routes.get("/admin/activities/{id}", admin::editActivity);
      config.routes.post("/admin/activities/{id}", admin::saveActivity);
      config.routes.post("/admin/stations/{id}/photos", ctx -> admin.addPhoto(ctx, org.vsmap.geo.model.Kind.STATION));
      config.routes.post("/admin/activities/{id}/photos", ctx -> admin.addPhoto(ctx, org.vsmap.geo.model.Kind.ACTIVITY));
      config.routes.post("/admin/photos/upload", admin::uploadPhotos);
      config.routes.post("/admin/photos/{id}/retire", admin::retirePhoto);
      config.routes.get("/admin/honours", admin::honours);
      config.routes.get("/admin/honours/{id}", admin::editHonour);
      config.routes.post("/admin/honours/{id}", admin::saveHonour);
      config.routes.get("/admin/audit", admin::audit);
      config.routes.get("/admin/audit.csv", admin::auditCsv);
      config.routes.get("/admin/contacts", admin::contacts);
      config.routes.get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg"));
      errors.register(config.routes);
    });
  }
}
