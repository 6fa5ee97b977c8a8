package org.vsmap.app;

import io.javalin.Javalin;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vsmap.pipeline.seed.SeedSource;
import org.vsmap.web.Basemap;
import org.vsmap.web.Footer;
import org.vsmap.web.Readiness;
import org.vsmap.web.Routes;
import org.vsmap.web.WebSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code serve}: start the portal. Listens first, answers 503 until the store and index are ready.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Start the portal: the map, the pages and the API. An empty store is filled from the seeds.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Option(
      names = "--port",
      defaultValue = "${env:VSMAP_PORT:-7070}",
      paramLabel = "PORT",
      description = "HTTP port (env VSMAP_PORT, default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "${env:VSMAP_HOST:-0.0.0.0}",
      paramLabel = "ADDRESS",
      description = "Address to listen on (env VSMAP_HOST, default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--basemap",
      defaultValue = "${env:VSMAP_BASEMAP}",
      paramLabel = "PRESET",
      description =
          "What the maps draw under the records: osm (OpenStreetMap's tiles, the default without a 天地图 key), "
              + "tianditu or tianditu-imagery (need --tianditu-key; the default with one), amap or tencent (GCJ-02 tiles; "
              + "markers are shifted for display only), xyz:TEMPLATE (with --tile-crs), pmtiles:FILE (an offline Protomaps "
              + "extract; relative to the data directory) or none (env VSMAP_BASEMAP).")
  String basemap;

  @Option(
      names = "--tianditu-key",
      defaultValue = "${env:VSMAP_TIANDITU_KEY}",
      paramLabel = "KEY",
      description = "The 天地图 key (tk) for the tianditu presets (env VSMAP_TIANDITU_KEY).")
  String tiandituKey;

  @Option(
      names = "--tile-crs",
      defaultValue = "${env:VSMAP_TILE_CRS}",
      paramLabel = "wgs84|gcj02",
      description = "The coordinate system of xyz: tiles, wgs84 by default (env VSMAP_TILE_CRS).")
  String tileCrs;

  @Option(
      names = "--basemap-credit",
      defaultValue = "${env:VSMAP_BASEMAP_CREDIT}",
      paramLabel = "TEXT",
      description =
          "The credit line the basemap's terms require, replacing the preset's (e.g. with the 审图号 of the "
              + "provider's current map); xyz: basemaps should set it (env VSMAP_BASEMAP_CREDIT).")
  String basemapCredit;

  @Option(
      names = "--rate-limit",
      defaultValue = "${env:VSMAP_RATE_LIMIT:-1200}",
      paramLabel = "N",
      description =
          "Requests per minute one client (IP address) may make before 429; 0 for no limit (env VSMAP_RATE_LIMIT, "
              + "default ${DEFAULT-VALUE}).")
  int rateLimit;

  @Option(
      names = "--frame-ancestors",
      defaultValue = "${env:VSMAP_FRAME_ANCESTORS:-*}",
      paramLabel = "SOURCES",
      description =
          "Sites that may put the public widgets (/embed, /stats/embed) in a frame: * (default) or a space-separated list "
              + "such as \"https://www.example.gov.cn 'self'\" (env VSMAP_FRAME_ANCESTORS). Admin pages are never framable.")
  String frameAncestors;

  @Option(
      names = "--public-url",
      defaultValue = "${env:VSMAP_PUBLIC_URL}",
      paramLabel = "URL",
      description =
          "The address residents reach the portal at, e.g. https://zyfw.example.gov.cn: every absolute URL it writes "
              + "(feeds, sitemaps, share metadata, OGC links, posters' QR codes) starts with it. Set it behind a TLS proxy; "
              + "without it the request's scheme and Host are used (env VSMAP_PUBLIC_URL).")
  String publicUrl;

  @Option(
      names = "--site-host",
      defaultValue = "${env:VSMAP_SITE_HOST}",
      paramLabel = "NAME",
      description = "主办单位, said at the foot of every page, e.g. 鄂尔多斯市文明办 (env VSMAP_SITE_HOST).")
  String siteHost;

  @Option(
      names = "--contact",
      defaultValue = "${env:VSMAP_CONTACT}",
      paramLabel = "TEL|EMAIL|URL",
      description =
          "联系我们 at the foot of every page and in the accessibility statement (env VSMAP_CONTACT).")
  String contact;

  @Option(
      names = "--icp",
      defaultValue = "${env:VSMAP_ICP}",
      paramLabel = "NUMBER",
      description =
          "The ICP 备案 number shown at the foot of every page, linked to beian.miit.gov.cn (env VSMAP_ICP).")
  String icp;

  @Option(
      names = "--police-beian",
      defaultValue = "${env:VSMAP_POLICE_BEIAN}",
      paramLabel = "NUMBER",
      description =
          "The 公安备案 number shown at the foot of every page, linked to beian.mps.gov.cn (env VSMAP_POLICE_BEIAN).")
  String policeBeian;

  @Option(
      names = "--suppress-below",
      defaultValue = "${env:VSMAP_SUPPRESS_BELOW:-5}",
      paramLabel = "N",
      description =
          "Published statistics withhold counts of people from 1 to N-1 (and the cells that would give them away); "
              + "env VSMAP_SUPPRESS_BELOW, default ${DEFAULT-VALUE}.")
  int suppressBelow;

  @Option(
      names = "--seeds",
      defaultValue = "${env:VSMAP_SEEDS}",
      paramLabel = "DIR",
      description =
          "Fill an empty store from this seeds folder instead of the copy inside the jar (env VSMAP_SEEDS).")
  Path seeds;

  @Mixin StoreOptions store;

  /** The web settings of the options, each mistake named by its option. */
  private WebSettings settings(Clock clock) {
    Basemap tiles;
    try {
      tiles = Basemap.of(basemap, tiandituKey, tileCrs, basemapCredit, store.dataDir);
    } catch (IllegalArgumentException e) {
      throw new Failure("--basemap: " + e.getMessage());
    }
    try {
      return new WebSettings(
          tiles,
          clock,
          rateLimit,
          frameAncestors,
          publicUrl,
          new Footer(siteHost, contact, icp, policeBeian));
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new Failure(
          (m.startsWith("frame ancestors")
                  ? "--frame-ancestors: "
                  : m.startsWith("footer")
                      ? "--site-host/--contact/--icp/--police-beian: "
                      : "--public-url: ")
              + m);
    }
  }

  @Override
  public Integer call() {
    if (port < 1 || port > 65535) {
      throw new Failure("--port must be between 1 and 65535, got " + port);
    }
    if (suppressBelow < 2 || suppressBelow > 1000) {
      throw new Failure("--suppress-below must be between 2 and 1000, got " + suppressBelow);
    }
    Clock clock = Clocks.portal();
    WebSettings settings = settings(clock);
    DataDirectory dir = DataDirectory.open(store.dataDir);
    Readiness readiness = new Readiness();
    Javalin server = Routes.create(settings, readiness);
    try {
      server.start(host, port);
    } catch (RuntimeException e) {
      server.stop();
      if (isBindFailure(e)) {
        throw new Failure(
            "port "
                + port
                + " on "
                + host
                + " is already in use; stop the other program or choose another with --port");
      }
      throw new Failure("cannot listen on " + host + ":" + port + ": " + Failure.describe(e), e);
    }
    Portal portal;
    try {
      portal =
          Portal.open(
              dir,
              store,
              seeds == null ? SeedSource.classpath() : SeedSource.directory(seeds),
              clock,
              suppressBelow,
              readiness::starting);
    } catch (RuntimeException | Error e) {
      // stop listening, or the server's threads would keep a half-started portal alive
      readiness.failed(Failure.describe(e));
      server.stop();
      throw e;
    }
    readiness.ready(portal.ports());
    portal.onStoreHealth(readiness::storeProblem);
    portal.verifyIndexInBackground(readiness::indexProblem);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // new connections are refused, requests in flight get up to Routes.STOP_SECONDS
                  // to finish;
                  // then the index follower stops and the index is committed and closed
                  LOG.info("stopping: finishing the requests in flight");
                  server.stop();
                  portal.close();
                  LOG.info("stopped; the search index is committed");
                },
                "vsmap-shutdown"));
    LOG.info(
        "ready: http://localhost:{}/ ({}, {} documents indexed, data in {})",
        port,
        store.describe(),
        portal.ports().search().size(),
        dir.root());
    return 0;
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException
          || (t.getMessage() != null && t.getMessage().contains("already in use"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
