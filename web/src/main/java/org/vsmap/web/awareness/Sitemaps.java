package org.vsmap.web.awareness;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.vsmap.geo.port.FeatureCollections;
import org.vsmap.web.Readiness;
import org.vsmap.web.http.ConditionalGet;
import org.vsmap.web.http.Origin;
import org.vsmap.web.http.WebError;

/**
 * For search engines, so residents find a station or activity from Baidu or Bing as well as from
 * the map: {@code /robots.txt} (what is for crawlers and what is not: the admin, the APIs, tiles
 * and share cards; where the sitemap is) and the sitemaps (sitemaps.org 0.9) — {@code
 * /sitemap.xml}, an index of {@code /sitemaps/pages.xml} (the portal's own pages) and {@code
 * /sitemaps/{stations|teams|activities}-{n}.xml}, {@value #PER_FILE} record pages a file, ordered
 * by id. Synthetic demo records are never listed (and their pages say {@code noindex}): a demo
 * deployment does not put made-up stations into search results. Written with the JDK's StAX writer;
 * kept per host and index state, so a crawler walking a national sitemap reads each file from the
 * store once per change.
 */
public final class Sitemaps {
  /**
   * Record pages in one sitemap file (the protocol allows 50,000; smaller files are cheaper to make
   * and fetch).
   */
  public static final int PER_FILE = 10_000;

  public static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

  /** Record kinds with pages, as collection → page path. */
  private static final Map<String, String> KINDS = kinds();

  /** The portal's own pages, listed in pages.xml. */
  private static final List<String> PAGES =
      List.of(
          "/",
          "/activities",
          "/honours",
          "/data",
          "/stats",
          "/stats/method",
          "/api/docs",
          "/embed/builder");

  private final Readiness readiness;
  private final Cache<String, String> kept = Caffeine.newBuilder().maximumSize(16).build();

  public Sitemaps(Readiness readiness) {
    this.readiness = readiness;
  }

  private static Map<String, String> kinds() {
    Map<String, String> m = new LinkedHashMap<>(); // a fixed order: the index lists them so
    m.put("stations", "/stations/");
    m.put("teams", "/teams/");
    m.put("activities", "/activities/");
    return m;
  }

  /** GET /robots.txt */
  public void robots(Context ctx) {
    noParameters(ctx);
    String text =
        """
        # 志愿服务地图 · Volunteer Service Map
        # Pages are for everyone; the admin, the APIs (use /data and /ogc for bulk), tiles and share images are not for crawlers.
        User-agent: *
        Disallow: /admin
        Disallow: /api/
        Disallow: /ogc/
        Disallow: /tiles/
        Disallow: /share/
        Disallow: /embed
        Allow: /embed/builder
        Allow: /

        Sitemap: %s/sitemap.xml
        """
            .formatted(origin(ctx));
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType("text/plain; charset=utf-8").result(text);
  }

  /** GET /sitemap.xml: the index of the sitemap files. */
  public void index(Context ctx) {
    noParameters(ctx);
    send(
        ctx,
        "index",
        () -> {
          String origin = origin(ctx);
          List<String> files = new ArrayList<>();
          files.add(origin + "/sitemaps/pages.xml");
          for (String collection : KINDS.keySet()) {
            long files1 = (count(collection) + PER_FILE - 1) / PER_FILE;
            for (long n = 1; n <= files1; n++) {
              files.add(origin + "/sitemaps/" + collection + "-" + n + ".xml");
            }
          }
          return xml("sitemapindex", "sitemap", files);
        });
  }

  /** GET /sitemaps/{file}: pages.xml, or one file of a kind's record pages. */
  public void file(Context ctx) {
    noParameters(ctx);
    String file = ctx.pathParam("file");
    if (file.equals("pages.xml")) {
      send(
          ctx,
          file,
          () -> {
            String origin = origin(ctx);
            List<String> urls = new ArrayList<>();
            for (String p : PAGES) {
              urls.add(origin + p);
            }
            for (org.vsmap.geo.port.Downloads.Dataset ds : downloads().datasets()) {
              urls.add(origin + "/data/" + ds.id());
            }
            return xml("urlset", "url", urls);
          });
      return;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([a-z]+)-([1-9][0-9]{0,6})\\.xml").matcher(file);
    if (!m.matches() || !KINDS.containsKey(m.group(1))) {
      throw WebError.notFound(
          "no sitemap "
              + file
              + ": the files are pages.xml and {stations|teams|activities}-{n}.xml, listed in /sitemap.xml");
    }
    String collection = m.group(1);
    long n = Long.parseLong(m.group(2));
    send(
        ctx,
        file,
        () -> {
          FeatureCollections.Page page =
              features()
                  .items(
                      collection,
                      new FeatureCollections.Query(
                          null,
                          null,
                          null,
                          null,
                          Map.of("synthetic", "false"),
                          PER_FILE,
                          (n - 1) * PER_FILE));
          if (page.features().isEmpty()) {
            throw WebError.notFound(
                "no sitemap "
                    + file
                    + ": "
                    + collection
                    + " has "
                    + page.numberMatched()
                    + " public records, "
                    + PER_FILE
                    + " a file");
          }
          String origin = origin(ctx);
          List<String> urls = new ArrayList<>(page.features().size());
          for (FeatureCollections.Feature f : page.features()) {
            urls.add(origin + KINDS.get(collection) + f.id());
          }
          return xml("urlset", "url", urls);
        });
  }

  private long count(String collection) {
    return features()
        .items(
            collection,
            new FeatureCollections.Query(
                null, null, null, null, Map.of("synthetic", "false"), 1, 0))
        .numberMatched();
  }

  private FeatureCollections features() {
    FeatureCollections f = readiness.ports().features();
    if (f == null) {
      throw new WebError(
          503, "Service Unavailable", "the sitemaps are not available on this server");
    }
    return f;
  }

  private org.vsmap.geo.port.Downloads downloads() {
    org.vsmap.geo.port.Downloads d = readiness.ports().downloads();
    if (d == null) {
      throw new WebError(
          503, "Service Unavailable", "the sitemaps are not available on this server");
    }
    return d;
  }

  /** Sends the file, made once per host, file and index state. */
  private void send(Context ctx, String file, java.util.function.Supplier<String> make) {
    String state = Long.toString(readiness.ports().search().storeSequence());
    String key = origin(ctx) + "|" + file + "|" + state;
    String body = kept.getIfPresent(key);
    if (body == null) {
      body = make.get(); // outside the map's lock: one file being made holds up no other
      kept.put(key, body);
    }
    String etag = "\"sm-" + Integer.toHexString(key.hashCode()) + "-" + state + "\"";
    ctx.header("Cache-Control", "public, max-age=3600");
    if (ConditionalGet.notModified(ctx, etag)) {
      return;
    }
    ctx.contentType("application/xml; charset=utf-8").result(body);
  }

  private static void noParameters(Context ctx) {
    if (!ctx.queryParamMap().isEmpty()) {
      throw WebError.badRequest(
          "unknown parameter '"
              + ctx.queryParamMap().keySet().iterator().next()
              + "': "
              + ctx.path()
              + " takes none");
    }
  }

  private static String origin(Context ctx) {
    return Origin.of(ctx);
  }

  private static String xml(String root, String entry, List<String> locations) {
    try {
      StringWriter out = new StringWriter(64 + locations.size() * 80);
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement(root);
      w.writeDefaultNamespace(NS);
      for (String loc : locations) {
        w.writeCharacters("\n");
        w.writeStartElement(entry);
        w.writeStartElement("loc");
        w.writeCharacters(loc);
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("a sitemap could not be written: " + e.getMessage(), e);
    }
  }
}
