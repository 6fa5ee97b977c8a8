package org.vsmap.app;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.vsmap.pipeline.seed.SeedSource;
import org.vsmap.web.Readiness;
import org.vsmap.web.Routes;
import org.vsmap.web.WebSettings;

/**
 * Jazzer target: every public URL with fuzzed path segments and query parameters (the known names
 * and made-up ones, values of any text), against a portal serving the demo set in this process. A
 * 5xx answer, or an HTML page that repeats a value holding "<" unescaped, is a finding. Run by
 * {@link FuzzIT}.
 */
public final class ParamsFuzz {
  private static final String[] PATHS = {
    "/",
    "/embed",
    "/embed/builder",
    "/data",
    "/data/stations",
    "/data/stations.csv",
    "/data/activities.geojson",
    "/data/stations/versions",
    "/stats",
    "/stats/method",
    "/stats/embed/volunteers",
    "/api/search",
    "/api/suggest",
    "/api/nearby",
    "/api/clusters",
    "/api/regions",
    "/api/stations.geojson",
    "/api/regions.geojson",
    "/api/stats",
    "/api/stats/registered_volunteers",
    "/ogc",
    "/ogc/collections",
    "/ogc/collections/stations",
    "/ogc/collections/stations/items",
    "/ogc/collections/activities/items",
    "/oembed",
    "/catalog.jsonld",
    "/tiles/stations.json",
    "/api/docs",
    "/admin/login",
    "/activities.ics",
    "/activities",
    "/activities.atom",
    "/honours",
    "/share/stats.png",
    "/stations/st-150602-library/photos",
    "/robots.txt",
    "/sitemap.xml",
    "/sitemaps/pages.xml",
    "/sitemaps/stations-1.xml"
  };
  private static final String[] TEMPLATES = {
    "/stations/",
    "/teams/",
    "/activities/",
    "/data/",
    "/data/stations/versions/",
    "/ogc/collections/",
    "/stats/embed/",
    "/tiles/",
    "/api/stats/",
    "/activities/",
    "/sitemaps/"
  };
  private static final String[] PARAMS = {
    "q",
    "text",
    "kind",
    "theme",
    "care",
    "region",
    "type",
    "date",
    "from",
    "to",
    "recruiting",
    "lat",
    "lon",
    "z",
    "bbox",
    "limit",
    "offset",
    "sort",
    "lang",
    "crs",
    "near",
    "radius",
    "height",
    "search",
    "list",
    "colour",
    "url",
    "format",
    "doc",
    "parent",
    "datetime",
    "period",
    "level",
    "f",
    "bbox-crs",
    "indicator",
    "maxwidth",
    "maxheight",
    "team",
    "station"
  };
  private static HttpClient http;
  private static String base;

  private ParamsFuzz() {}

  public static void fuzzerInitialize() throws Exception {
    Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
    StoreOptions store = new StoreOptions();
    store.dataDir = Files.createTempDirectory("vsmap-fuzz-params-").resolve("data");
    Portal portal =
        Portal.open(DataDirectory.open(store.dataDir), store, SeedSource.classpath(), clock, 5);
    Readiness readiness = new Readiness();
    readiness.ready(portal.ports());
    var server = Routes.create(new WebSettings(clock, 0), readiness).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public static void fuzzerTestOneInput(FuzzedDataProvider data) throws Exception {
    StringBuilder url = new StringBuilder();
    if (data.consumeBoolean()) {
      url.append(data.pickValue(PATHS));
    } else {
      url.append(data.pickValue(TEMPLATES)).append(enc(data.consumeString(40)));
      if (url.toString().startsWith("/tiles/") && data.consumeBoolean()) {
        url.append('/')
            .append(data.consumeInt(-2, 25))
            .append('/')
            .append(data.consumeInt(-5, 70_000))
            .append('/')
            .append(data.consumeInt(-5, 70_000))
            .append(data.consumeBoolean() ? ".mvt" : enc(data.consumeString(8)));
      }
    }
    List<String> values = new ArrayList<>();
    int n = data.consumeInt(0, 4);
    for (int i = 0; i < n; i++) {
      String name = data.consumeBoolean() ? data.pickValue(PARAMS) : data.consumeString(12);
      String value = data.consumeString(200);
      values.add(value);
      url.append(i == 0 ? '?' : '&').append(enc(name)).append('=').append(enc(value));
    }
    HttpResponse<String> r;
    try {
      r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + url))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException notAUri) {
      return; // the client refuses to send it; nothing reached the server
    }
    if (r.statusCode() >= 500) {
      throw new AssertionError(
          r.statusCode() + " for " + url + ": " + r.body().lines().findFirst().orElse(""));
    }
    if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
      for (String v : values) {
        if (v.contains("<") && v.length() >= 3 && r.body().contains(v)) {
          throw new AssertionError("HTML repeats an unescaped value for " + url + ": " + v);
        }
      }
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
