package org.vsmap.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import org.vsmap.web.admin.AdminAccess;
import org.vsmap.web.admin.AdminAccounts;
import org.vsmap.web.admin.AdminEdits;
import org.vsmap.web.admin.AdminRecords;
import org.vsmap.web.admin.AdminSecondFactor;
import org.vsmap.web.admin.AdminUploads;
import org.vsmap.web.awareness.ActivitiesPage;
import org.vsmap.web.awareness.ActivityCalendar;
import org.vsmap.web.awareness.ActivityFeed;
import org.vsmap.web.awareness.HonoursPage;
import org.vsmap.web.awareness.Sitemaps;
import org.vsmap.web.data.DataCatalogue;
import org.vsmap.web.data.DataDownloads;
import org.vsmap.web.data.OgcApi;
import org.vsmap.web.data.TilesApi;
import org.vsmap.web.detail.ActivityPage;
import org.vsmap.web.detail.PhotoPages;
import org.vsmap.web.detail.PosterPage;
import org.vsmap.web.detail.ShareCards;
import org.vsmap.web.detail.StationPage;
import org.vsmap.web.detail.TeamPage;
import org.vsmap.web.http.ErrorMapping;
import org.vsmap.web.http.Origin;
import org.vsmap.web.http.QueryParams;
import org.vsmap.web.http.RateLimit;
import org.vsmap.web.http.WebError;
import org.vsmap.web.map.GeoJsonApi;
import org.vsmap.web.map.MapApi;
import org.vsmap.web.map.MapPage;
import org.vsmap.web.map.OEmbed;
import org.vsmap.web.map.SearchApi;
import org.vsmap.web.stats.StatsApi;
import org.vsmap.web.stats.StatsPages;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.Views;

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
  public static String csp(WebSettings settings, boolean inlineStyles) {
    String tiles = settings.basemap().imageSources();
    return "default-src 'self'; script-src 'self'; style-src 'self'"
        + (inlineStyles ? " 'unsafe-inline'" : "")
        + "; img-src 'self' data:"
        + (tiles.isEmpty() ? "" : " " + tiles)
        + "; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
  }

  /**
   * The largest body a request other than a file upload may carry (the edit forms need a few KB).
   */
  public static final int MAX_FORM_BYTES = 64 * 1024;

  /**
   * Requests at work at once, eight per core: enough to keep the cores busy while some wait on the
   * database or the client, few enough that under overload each finishes quickly and the rest wait
   * in line (see {@link #MAX_QUEUED}) instead of all slowing down together.
   */
  public static final int MAX_CONCURRENT =
      Math.max(16, 8 * Runtime.getRuntime().availableProcessors());

  /**
   * Requests that may wait for a free slot (at most 2 s each) before further ones get 503 at once.
   */
  public static final int MAX_QUEUED = 1024;

  /** How long in-flight requests may take to finish once the server is asked to stop. */
  public static final int STOP_SECONDS = 20;

  /** A connection that sends nothing for this long is closed (slow or stalled clients). */
  public static final int IDLE_MILLIS = 20_000;

  /** The pages whose libraries write style attributes (Swagger UI, ECharts). */
  public static boolean inlineStyles(String path) {
    return path.equals("/api/docs") || path.equals("/stats") || path.startsWith("/stats/embed/");
  }

  /**
   * A year of HTTPS only, sent only on answers that came over HTTPS (directly or through a proxy
   * that says so).
   */
  public static final String HSTS = "max-age=31536000";

  /** The webjar path of Swagger UI, from the version the build packed. */
  public static final String SWAGGER_UI = "/webjars/swagger-ui/" + webjarVersion("swagger-ui");

  private Routes() {}

  private static String webjarVersion(String artifact) {
    try (java.io.InputStream in =
        Routes.class.getResourceAsStream(
            "/META-INF/maven/org.webjars/" + artifact + "/pom.properties")) {
      java.util.Properties p = new java.util.Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("the " + artifact + " webjar is missing from the build", e);
    }
  }

  /**
   * The offline basemap file, read in ranges by the page's PMTiles reader; it may be replaced while
   * the portal runs, so it is revalidated by its size and time.
   */
  private static void offlineBasemap(io.javalin.http.Context ctx, Basemap basemap)
      throws java.io.IOException {
    java.nio.file.Path file = basemap.pmtilesFile();
    long size = java.nio.file.Files.size(file);
    java.time.Instant modified = java.nio.file.Files.getLastModifiedTime(file).toInstant();
    String etag = "\"pmtiles-" + size + "-" + modified.toEpochMilli() + "\"";
    ctx.header("Cache-Control", "public, max-age=3600");
    if (org.vsmap.web.http.ConditionalGet.notModified(ctx, etag, modified)) {
      return;
    }
    ctx.contentType("application/vnd.pmtiles");
    org.vsmap.web.http.FileRanges.send(ctx, file, size, etag);
  }

  /** The accessibility statement's page model: the page is all text. */
  private record Statement() {}

  /** Builds the server; it serves 503 until {@code readiness} is given the ports. */
  public static Javalin create(WebSettings settings, Readiness readiness) {
    Views views = new Views(settings.footer());
    return Javalin.create(
        config -> {
          server(config);
          RoutesConfig r = config.routes;
          r.get("/health", new HealthHandler(readiness)::health);
          mapAndSearch(r, views, settings, readiness);
          detailPages(r, views, settings, readiness);
          awareness(r, views, settings, readiness);
          openData(r, views, settings, readiness);
          statistics(r, views, settings, readiness);
          guards(r, settings);
          admin(r, views, readiness, settings.clock());
          r.get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg"));
          new ErrorMapping(views).register(r);
        });
  }

  /**
   * Jetty: header sizes, overload protection, graceful stop, idle connections, uploads, static
   * files.
   */
  private static void server(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.generateEtags =
        false; // hashing every dynamic answer costs more than it saves; downloads and tiles set
    // their own ETags
    // a 2,000-character Chinese query is 18 KB of URL: let it reach the handler for a clear 400
    config.jetty.modifyHttpConfiguration(
        http -> {
          http.setRequestHeaderSize(32 * 1024);
          http.setSendServerVersion(false); // no "Server: Jetty(…)" for scanners to match against
          http.setSendXPoweredBy(false);
        });
    config.jetty.modifyServer(
        server -> {
          // overload: at most MAX_CONCURRENT requests at work, up to MAX_QUEUED more wait ≤ 2 s,
          // the rest get 503 at once
          org.eclipse.jetty.server.handler.QoSHandler qos =
              new org.eclipse.jetty.server.handler.QoSHandler();
          qos.setMaxRequestCount(MAX_CONCURRENT);
          qos.setMaxSuspendedRequestCount(MAX_QUEUED);
          qos.setMaxSuspend(java.time.Duration.ofSeconds(2));
          qos.setRejectStatusCode(503);
          qos.excludePath("/health");
          // shutdown: new requests are refused, the ones in flight have STOP_SECONDS to finish
          server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler(qos));
          // refused before the portal sees them (bad path encoding, 414, 431): still our answer
          server.setErrorHandler(new org.vsmap.web.http.BareErrors());
          server.setStopTimeout(STOP_SECONDS * 1000L);
          // the connector is made once the server starts; a stalled client is then dropped after
          // IDLE_MILLIS
          server.addEventListener(
              new org.eclipse.jetty.util.component.LifeCycle.Listener() {
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
    config.jetty.multipartConfig.maxFileSize(
        AdminUploads.MAX_UPLOAD + 1, io.javalin.config.SizeUnit.BYTES);
    config.jetty.multipartConfig.maxTotalRequestSize(
        AdminUploads.MAX_UPLOAD + 64 * 1024, io.javalin.config.SizeUnit.BYTES);
    // HEAD, CORS, OPTIONS and Vary the same way for every URL, before any handler
    config.jetty.modifyServletContextHandler(
        h ->
            h.addFilter(
                org.vsmap.web.http.HttpSemantics.class,
                "/*",
                java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
    config.staticFiles.enableWebjars();
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/static";
          files.directory = "/static";
          files.location = Location.CLASSPATH;
        });
  }

  /**
   * What every request passes before its handler, in this order: the security headers and the
   * public origin (first, so that a 429, 413, 401 or 403 made after them carries them too), the
   * rate limit, the body size, CORS for the public APIs. The admin's session check comes with its
   * routes.
   */
  private static void guards(RoutesConfig r, WebSettings settings) {
    String strict = csp(settings, false);
    String withInlineStyles = csp(settings, true);
    r.before(
        ctx -> {
          Origin.set(ctx, settings);
          if (settings.publicUrl() == null) {
            // absolute URLs come from the Host header: a shared cache must keep one answer per
            // host, or one request with a made-up Host could poison the sitemap and feeds for all
            ctx.res().addHeader("Vary", "Host");
          }
          // defence in depth behind the escaping: no inline or foreign script can run on our pages;
          // the widgets may be framed by the sites allowed, the admin pages never, the rest only by
          // us
          String path = ctx.path();
          String ancestors =
              path.equals("/embed") || path.startsWith("/stats/embed/")
                  ? settings.frameAncestors()
                  : path.startsWith("/admin") ? "'none'" : "'self'";
          ctx.header(
              "Content-Security-Policy",
              (inlineStyles(path) ? withInlineStyles : strict) + "; frame-ancestors " + ancestors);
          if ("https".equals(ctx.scheme())
              || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))) {
            ctx.header("Strict-Transport-Security", HSTS);
          }
          if (path.startsWith("/admin")) {
            ctx.header("X-Frame-Options", "DENY");
          }
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        });
    r.before(new RateLimit(settings.rateLimitPerMinute())::before);
    r.before(QueryParams::checkEncoding);
    // every page says its charset in the header too, not only in its <meta>
    r.after(
        ctx -> {
          if ("text/html".equals(ctx.res().getContentType())) {
            ctx.contentType("text/html; charset=utf-8");
          }
        });
    r.before(
        ctx -> {
          // forms are small; only the admin upload (multipart, checked against its own limit)
          // carries files
          String type = ctx.contentType() == null ? "" : ctx.contentType();
          long length = ctx.contentLength();
          if (!type.startsWith("multipart/form-data") && length > MAX_FORM_BYTES) {
            throw new WebError(
                413,
                "Content Too Large",
                "a request body may be at most "
                    + MAX_FORM_BYTES / 1024
                    + " KB; this one is "
                    + length / 1024
                    + " KB");
          }
        });
  }

  /** The map, the widget and the search API. */
  private static void mapAndSearch(
      RoutesConfig r, Views views, WebSettings settings, Readiness readiness) {
    MapPage map = new MapPage(views, settings, readiness);
    SearchApi search = new SearchApi(readiness, settings.clock());
    MapApi mapApi = new MapApi(readiness, settings.clock());
    GeoJsonApi geojson = new GeoJsonApi(readiness);
    r.get("/", map::show);
    r.get("/embed", map::embed);
    r.get("/embed/builder", map::builder);
    r.get("/oembed", OEmbed::answer);
    r.get("/api/search", search::search);
    r.get("/api/suggest", search::suggest);
    r.get("/api/nearby", search::nearby);
    r.get("/api/clusters", mapApi::clusters);
    r.get("/api/regions", mapApi::regions);
    r.get("/api/stations.geojson", geojson::stations);
    r.get("/api/regions.geojson", geojson::regions);
    r.get(
        "/api/openapi.json",
        ctx -> {
          try (java.io.InputStream in = Routes.class.getResourceAsStream("/openapi/api.json")) {
            ctx.contentType("application/json; charset=utf-8").result(in.readAllBytes());
          }
        });
    r.get(
        "/api/docs",
        ctx -> {
          String doc = ctx.queryParam("doc");
          if (doc != null && !doc.equals("ogc") && !doc.equals("api")) {
            throw WebError.badRequest("doc must be api or ogc, not '" + doc + "'");
          }
          ctx.html(views.render(ctx, "map/api_docs", Lang.of(ctx), new ApiDocs(SWAGGER_UI)));
        });
  }

  /** The API reference page (map/api_docs.peb): where Swagger UI is served from. */
  public record ApiDocs(String swaggerUi) {}

  /** A station's, team's and activity's own pages, their photos, share cards and posters. */
  private static void detailPages(
      RoutesConfig r, Views views, WebSettings settings, Readiness readiness) {
    StationPage station = new StationPage(views, settings, readiness);
    TeamPage team = new TeamPage(views, settings, readiness);
    ActivityPage activity = new ActivityPage(views, settings, readiness);
    ActivityCalendar calendar = new ActivityCalendar(readiness, settings);
    PhotoPages photos = new PhotoPages(views, readiness);
    ShareCards cards = new ShareCards(readiness);
    PosterPage posters = new PosterPage(views, settings, readiness);
    r.get("/stations/{id}", station::show);
    r.get("/teams/{id}", team::show);
    r.get("/stations/{id}/photos", photos::stationGallery);
    r.get("/teams/{id}/photos", photos::teamGallery);
    r.get("/photos/{id}/{file}", photos::image);
    r.get("/share/stats.png", cards::stats);
    r.get("/share/{kind}/{file}", cards::card);
    r.get("/stations/{id}/poster", posters::station);
    r.get("/activities/{id}/poster", posters::activity);
    r.get("/activities.ics", calendar::feed);
    r.get(
        "/activities/{id}",
        ctx -> {
          String id = ctx.pathParam("id");
          if (id.endsWith(".ics")) {
            calendar.one(ctx, id.substring(0, id.length() - ".ics".length()));
          } else {
            activity.show(ctx);
          }
        });
  }

  /**
   * Public awareness: the calendar, the feed of new activities, honours, and what search engines
   * read.
   */
  private static void awareness(
      RoutesConfig r, Views views, WebSettings settings, Readiness readiness) {
    ActivitiesPage activities = new ActivitiesPage(views, settings, readiness);
    ActivityFeed feed = new ActivityFeed(readiness);
    HonoursPage honours = new HonoursPage(views, readiness);
    Sitemaps sitemaps = new Sitemaps(readiness);
    r.get("/activities", activities::show);
    r.get("/honours", honours::show);
    r.get(
        "/accessibility",
        ctx ->
            ctx.html(views.render(ctx, "awareness/accessibility", Lang.of(ctx), new Statement())));
    r.get("/activities.atom", feed::feed);
    r.get("/robots.txt", sitemaps::robots);
    r.get("/sitemap.xml", sitemaps::index);
    r.get("/sitemaps/{file}", sitemaps::file);
  }

  /** Open data: the catalogue, downloads and versions, OGC API – Features, vector tiles. */
  private static void openData(
      RoutesConfig r, Views views, WebSettings settings, Readiness readiness) {
    DataCatalogue catalogue = new DataCatalogue(views, readiness, settings);
    DataDownloads data = new DataDownloads(readiness, catalogue);
    OgcApi ogc = new OgcApi(views, readiness);
    TilesApi tiles = new TilesApi(readiness);
    r.get("/data", catalogue::index);
    r.get("/data/{file}", data::download);
    r.get("/data/{dataset}/versions", data::versions);
    r.get("/data/{dataset}/versions/{file}", data::snapshot);
    if (settings.basemap().pmtilesFile() != null) {
      r.get(Basemap.PMTILES_PATH, ctx -> offlineBasemap(ctx, settings.basemap()));
    }
    r.get("/catalog.jsonld", catalogue::catalog);
    r.get("/tiles/{file}", tiles::tileJson);
    r.get("/tiles/{layer}/{z}/{x}/{file}", tiles::tile);
    r.get("/ogc", ogc::landing);
    r.get("/ogc/", ogc::landing);
    r.get("/ogc/conformance", ogc::conformance);
    r.get("/ogc/api", ogc::api);
    r.get("/ogc/collections", ogc::collections);
    r.get("/ogc/collections/{collection}", ogc::collection);
    r.get("/ogc/collections/{collection}/items", ogc::items);
    r.get("/ogc/collections/{collection}/items/{feature}", ogc::item);
  }

  /** The indicators: pages, embeddable charts and their figures as JSON/CSV. */
  private static void statistics(
      RoutesConfig r, Views views, WebSettings settings, Readiness readiness) {
    StatsApi stats = new StatsApi(readiness);
    StatsPages statsPages = new StatsPages(views, stats, settings);
    r.get("/stats", statsPages::page);
    r.get("/stats/method", statsPages::method);
    r.get("/stats/embed/{chart}", statsPages::embed);
    r.get("/api/stats", stats::index);
    r.get("/api/stats/{indicator}", stats::values);
  }

  /** /admin/reporting: weekly reporting supervision and its rules. */
  private static void reporting(RoutesConfig r, AdminAccess admin) {
    org.vsmap.web.admin.AdminReporting reporting = new org.vsmap.web.admin.AdminReporting(admin);
    org.vsmap.web.admin.AdminReportingRules rules =
        new org.vsmap.web.admin.AdminReportingRules(admin, reporting);
    r.get("/admin/reporting", reporting::overview);
    r.get("/admin/reporting/weeks", reporting::grid);
    r.get("/admin/reporting/units/{id}", reporting::unit);
    r.get("/admin/reporting/notice", reporting::notice);
    r.get("/admin/reporting/contacts", reporting::contacts);
    r.get("/admin/reporting/assessment.csv", reporting::assessment);
    r.get("/admin/reporting/assessment.xlsx", reporting::assessment);
    r.get("/admin/reporting/feed.atom", new org.vsmap.web.admin.ReportingFeed(reporting)::feed);
    r.get("/admin/reporting/rules", rules::page);
    r.post("/admin/reporting/units", rules::addSelection);
    r.post("/admin/reporting/units/list", rules::addList);
    r.post("/admin/reporting/units/{id}/remove", rules::remove);
    r.post("/admin/reporting/holidays", rules::holiday);
    r.post("/admin/reporting/holidays/{week}/clear", rules::clearHoliday);
    r.post("/admin/reporting/deadline", rules::deadline);
  }

  /** The offices' pages, every one behind the session check registered first. */
  private static void admin(
      RoutesConfig r, Views views, Readiness readiness, java.time.Clock clock) {
    AdminAccess admin = new AdminAccess(views, readiness, clock);
    AdminUploads uploads = new AdminUploads(admin);
    AdminEdits edits = new AdminEdits(admin);
    AdminRecords records = new AdminRecords(admin);
    r.before("/admin*", admin::before);
    r.get("/admin", admin::home);
    r.get("/admin/login", admin::loginForm);
    r.post("/admin/login", admin::login);
    r.post("/admin/login/code", admin::code);
    r.post("/admin/logout", admin::logout);
    AdminAccounts accounts = new AdminAccounts(admin);
    r.get("/admin/accounts", accounts::page);
    r.post("/admin/accounts", accounts::create);
    r.post("/admin/accounts/{name}/password", accounts::password);
    r.post("/admin/accounts/{name}/disabled", accounts::disabled);
    r.post("/admin/accounts/{name}/region", accounts::region);
    AdminSecondFactor secondFactor = new AdminSecondFactor(admin);
    r.get("/admin/second-factor", secondFactor::page);
    r.post("/admin/second-factor/on", secondFactor::turnOn);
    r.post("/admin/second-factor/off", secondFactor::turnOff);
    r.post("/admin/upload", uploads::upload);
    r.post("/admin/publish", uploads::publish);
    r.post("/admin/upload/{id}/confirm", uploads::confirm);
    r.get("/admin/upload/{id}/problems.csv", uploads::problemsCsv);
    r.get("/admin/upload/{id}/changes.csv", uploads::changesCsv);
    r.get("/admin/stations/{id}", edits::editStation);
    r.post("/admin/stations/{id}", edits::saveStation);
    r.get("/admin/teams/{id}", edits::editTeam);
    r.post("/admin/teams/{id}", edits::saveTeam);
    r.get("/admin/activities/{id}", edits::editActivity);
    r.post("/admin/activities/{id}", edits::saveActivity);
    r.post(
        "/admin/stations/{id}/photos",
        ctx -> edits.addPhoto(ctx, org.vsmap.geo.model.Kind.STATION));
    r.post(
        "/admin/activities/{id}/photos",
        ctx -> edits.addPhoto(ctx, org.vsmap.geo.model.Kind.ACTIVITY));
    r.post("/admin/photos/upload", uploads::uploadPhotos);
    r.post("/admin/photos/{id}/retire", edits::retirePhoto);
    r.get("/admin/honours", edits::honours);
    r.get("/admin/honours/{id}", edits::editHonour);
    r.post("/admin/honours/{id}", edits::saveHonour);
    r.get("/admin/audit", records::audit);
    r.get("/admin/audit.csv", records::auditCsv);
    r.get("/admin/contacts", records::contacts);
    r.get("/admin/throttles", records::throttles);
    reporting(r, admin);
    r.post("/admin/throttles/clear", records::clearThrottle);
  }
}
