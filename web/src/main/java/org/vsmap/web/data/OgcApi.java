package org.vsmap.web.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.vsmap.geo.format.GeoJson;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.RegionCode;
import org.vsmap.geo.port.FeatureCollections;
import org.vsmap.geo.port.FeatureCollections.Collection;
import org.vsmap.geo.port.FeatureCollections.Feature;
import org.vsmap.web.Readiness;
import org.vsmap.web.http.Json;
import org.vsmap.web.http.Negotiation;
import org.vsmap.web.http.Origin;
import org.vsmap.web.http.QueryParams;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.Views;

/**
 * OGC API – Features – Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) at {@code /ogc}: landing page,
 * conformance, collections, items and single items, in JSON/GeoJSON and HTML (chosen by {@code f=}
 * or the Accept header). Every parameter is checked: an unknown or malformed one is a 400 that says
 * what was wrong. Times in the store are China time (UTC+8): a datetime with an offset is
 * converted, one without is read as China time.
 */
public final class OgcApi {
  public static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  public static final List<String> CONFORMANCE =
      List.of(
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 10_000;
  public static final String OPENAPI_TYPE = "application/vnd.oai.openapi+json;version=3.0";
  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
  private static final Set<String> COMMON = Set.of("f", "lang");

  private final Views views;
  private final Readiness readiness;

  public OgcApi(Views views, Readiness readiness) {
    this.views = views;
    this.readiness = readiness;
  }

  private FeatureCollections features() {
    FeatureCollections f = readiness.ports().features();
    if (f == null) {
      throw new WebError(
          503, "Service Unavailable", "OGC API – Features is not available on this server");
    }
    return f;
  }

  private static boolean html(Context ctx) {
    String f = ctx.queryParam("f");
    if (f != null && !Set.of("json", "html", "geojson").contains(f)) {
      throw WebError.badRequest("f must be json, geojson or html, not '" + f + "'");
    }
    return Negotiation.wantsHtml(ctx);
  }

  private static void only(Context ctx, Set<String> allowed) {
    for (String p : ctx.queryParamMap().keySet()) {
      if (!allowed.contains(p) && !COMMON.contains(p)) {
        List<String> names = new ArrayList<>(allowed);
        names.addAll(COMMON);
        throw WebError.badRequest(
            "unknown parameter '"
                + p
                + "': this resource takes "
                + names.stream().sorted().toList());
      }
    }
  }

  public static String base(Context ctx) {
    return Origin.of(ctx) + "/ogc";
  }

  private static Map<String, Object> link(String href, String rel, String type, String title) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("href", href);
    l.put("rel", rel);
    l.put("type", type);
    l.put("title", title);
    return l;
  }

  // ---- landing, conformance, API
  // -----------------------------------------------------------------

  public void landing(Context ctx) {
    only(ctx, Set.of());
    boolean html = html(ctx);
    String b = base(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "志愿服务地图 OGC API – Features / Volunteer Service Map");
    body.put(
        "description",
        "志愿服务站点、队伍、活动和行政区划，CC BY 4.0。Stations, teams, activities and regions as OGC API – Features, CC BY 4.0.");
    List<Map<String, Object>> links = new ArrayList<>();
    links.add(
        link(
            b + "?f=json",
            html ? "alternate" : "self",
            "application/json",
            "本页 JSON / this document as JSON"));
    links.add(
        link(
            b + "?f=html",
            html ? "self" : "alternate",
            "text/html",
            "本页 HTML / this document as HTML"));
    links.add(
        link(b + "/api", "service-desc", OPENAPI_TYPE, "API 定义（OpenAPI 3.0）/ the API definition"));
    links.add(
        link(
            Origin.of(ctx) + "/api/docs?doc=ogc",
            "service-doc",
            "text/html",
            "API 文档 / API documentation"));
    links.add(
        link(
            b + "/conformance", "conformance", "application/json", "符合的标准类 / conformance classes"));
    links.add(link(b + "/collections", "data", "application/json", "数据集合 / collections"));
    links.add(
        link(
            Origin.of(ctx) + "/catalog.jsonld",
            "describedby",
            "application/ld+json",
            "DCAT 目录 / DCAT catalogue"));
    links.add(
        link("https://creativecommons.org/licenses/by/4.0/", "license", "text/html", "CC BY 4.0"));
    body.put("links", links);
    if (html) {
      ctx.html(views.render("data/ogc", Lang.of(ctx), OgcPage.of("landing", body, b + "?f=json")));
      return;
    }
    Json.send(ctx, body);
  }

  public void conformance(Context ctx) {
    only(ctx, Set.of());
    boolean html = html(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("conformsTo", CONFORMANCE);
    if (html) {
      ctx.html(
          views.render(
              "data/ogc",
              Lang.of(ctx),
              OgcPage.of("conformance", body, base(ctx) + "/conformance?f=json")));
      return;
    }
    Json.send(ctx, body);
  }

  public void api(Context ctx) throws JsonProcessingException {
    only(ctx, Set.of());
    if (Negotiation.wantsHtml(ctx)) {
      ctx.redirect("/api/docs?doc=ogc");
      return;
    }
    ctx.contentType(OPENAPI_TYPE)
        .result(
            Json.MAPPER.writeValueAsBytes(
                OgcOpenApi.document(base(ctx), features().collections())));
  }

  // ---- collections
  // -------------------------------------------------------------------------------

  public void collections(Context ctx) {
    only(ctx, Set.of());
    boolean html = html(ctx);
    String b = base(ctx);
    List<Map<String, Object>> list = new ArrayList<>();
    Lang lang = Lang.of(ctx);
    for (Collection c : features().collections()) {
      list.add(describe(c, b, lang));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "links",
        List.of(
            link(
                b + "/collections?f=json", html ? "alternate" : "self", "application/json", "JSON"),
            link(b + "/collections?f=html", html ? "self" : "alternate", "text/html", "HTML")));
    body.put("collections", list);
    if (html) {
      ctx.html(
          views.render(
              "data/ogc", lang, OgcPage.of("collections", body, b + "/collections?f=json")));
      return;
    }
    Json.send(ctx, body);
  }

  public void collection(Context ctx) {
    only(ctx, Set.of());
    boolean html = html(ctx);
    Collection c = find(ctx.pathParam("collection"));
    String b = base(ctx);
    Lang lang = Lang.of(ctx);
    Map<String, Object> body = describe(c, b, lang);
    if (html) {
      ctx.html(
          views.render(
              "data/ogc",
              lang,
              OgcPage.collection(body, b + "/collections/" + c.id() + "?f=json", c)));
      return;
    }
    Json.send(ctx, body);
  }

  private Collection find(String id) {
    return features().collections().stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                WebError.notFound(
                    "no collection " + id + ": stations, teams, activities or regions"));
  }

  private static Map<String, Object> describe(Collection c, String b, Lang lang) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put(
        "title",
        lang == Lang.ZH ? c.titleZh() + " / " + c.titleEn() : c.titleEn() + " / " + c.titleZh());
    m.put(
        "description",
        lang == Lang.ZH
            ? c.descriptionZh() + " " + c.descriptionEn()
            : c.descriptionEn() + " " + c.descriptionZh());
    String u = b + "/collections/" + c.id();
    m.put(
        "links",
        List.of(
            link(u + "?f=json", "self", "application/json", "本集合 / this collection"),
            link(u + "?f=html", "alternate", "text/html", "HTML"),
            link(
                u + "/items?f=json",
                "items",
                "application/geo+json",
                "要素 GeoJSON / items as GeoJSON"),
            link(u + "/items?f=html", "items", "text/html", "要素 HTML / items as HTML"),
            link(
                "https://creativecommons.org/licenses/by/4.0/",
                "license",
                "text/html",
                "CC BY 4.0"),
            link(
                b.replaceFirst("/ogc$", "") + "/data/" + c.id(),
                "describedby",
                "text/html",
                "数据说明与字段 / dataset page and dictionary")));
    Map<String, Object> extent = new LinkedHashMap<>();
    BBox e = c.extent();
    extent.put(
        "spatial",
        Map.of(
            "bbox",
            e == null
                ? List.of(List.of(-180, -90, 180, 90))
                : List.of(List.of(e.west(), e.south(), e.east(), e.north())),
            "crs",
            CRS84));
    if (c.temporal()) {
      List<String> iv = new ArrayList<>();
      for (LocalDateTime t : c.interval()) {
        iv.add(t == null ? null : t.atOffset(CHINA).toString());
      }
      extent.put(
          "temporal",
          Map.of(
              "interval",
              List.of(iv),
              "trs",
              "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
    }
    m.put("extent", extent);
    m.put("itemType", "feature");
    m.put("crs", List.of(CRS84));
    return m;
  }

  // ---- items
  // -------------------------------------------------------------------------------------

  public void items(Context ctx) {
    Collection c = find(ctx.pathParam("collection"));
    Set<String> allowed =
        new java.util.HashSet<>(Set.of("limit", "offset", "bbox", "datetime", "region"));
    c.queryables().forEach(q -> allowed.add(q.name()));
    only(ctx, allowed);
    boolean html = html(ctx);
    int limit =
        QueryParams.integer(
                ctx,
                "limit",
                QueryParams.Blank.INVALID,
                raw ->
                    "limit must be a whole number between 1 and "
                        + MAX_LIMIT
                        + ", not '"
                        + raw
                        + "'")
            .orElse(DEFAULT_LIMIT);
    if (limit < 1) {
      throw WebError.badRequest("limit must be at least 1, not " + limit);
    }
    limit = Math.min(limit, MAX_LIMIT); // larger asks get the maximum, as the standard recommends
    long offset =
        QueryParams.longInteger(
                ctx,
                "offset",
                QueryParams.Blank.INVALID,
                raw -> "offset must be a whole number of 0 or more, not '" + raw + "'")
            .orElse(0L);
    if (offset < 0) {
      throw WebError.badRequest("offset must be 0 or more, not " + offset);
    }
    List<BBox> boxes = boxes(ctx.queryParam("bbox"));
    LocalDateTime[] time = datetime(ctx.queryParam("datetime"));
    String region = ctx.queryParam("region");
    if (region != null && !RegionCode.isValid(region)) {
      throw WebError.badRequest(
          "region must be an official code of 2, 4, 6, 9 or 12 digits, not '" + region + "'");
    }
    Map<String, String> props = new LinkedHashMap<>();
    for (FeatureCollections.Queryable q : c.queryables()) {
      String v = ctx.queryParam(q.name());
      if (v != null) {
        props.put(q.name(), v);
      }
    }
    FeatureCollections.Page page;
    try {
      page =
          features()
              .items(
                  c.id(),
                  new FeatureCollections.Query(
                      boxes, time[0], time[1], region, props, limit, offset));
    } catch (IllegalArgumentException ex) {
      throw WebError.badRequest(ex.getMessage());
    }
    String b = base(ctx) + "/collections/" + c.id() + "/items";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "FeatureCollection");
    body.put("license", "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)");
    List<GeoJson.Feature> feats = new ArrayList<>();
    boolean synthetic = false;
    for (Feature f : page.features()) {
      feats.add(geojson(f, null));
      synthetic |= Boolean.TRUE.equals(f.properties().get("synthetic"));
    }
    if (synthetic) {
      body.put("notice", "含合成演示数据，非真实记录 / Contains synthetic demo data, not real records");
    }
    body.put("features", feats);
    List<Map<String, Object>> links = new ArrayList<>();
    links.add(
        link(
            url(ctx, b, "json", offset, limit),
            html ? "alternate" : "self",
            "application/geo+json",
            "本页 GeoJSON / this page as GeoJSON"));
    links.add(
        link(
            url(ctx, b, "html", offset, limit),
            html ? "self" : "alternate",
            "text/html",
            "本页 HTML / this page as HTML"));
    if (offset + page.features().size() < page.numberMatched()) {
      links.add(
          link(
              url(ctx, b, html ? "html" : "json", offset + limit, limit),
              "next",
              html ? "text/html" : "application/geo+json",
              "下一页 / next page"));
    }
    if (offset > 0) {
      links.add(
          link(
              url(ctx, b, html ? "html" : "json", Math.max(0, offset - limit), limit),
              "prev",
              html ? "text/html" : "application/geo+json",
              "上一页 / previous page"));
    }
    links.add(
        link(
            base(ctx) + "/collections/" + c.id(),
            "collection",
            "application/json",
            "本集合 / the collection"));
    body.put("links", links);
    body.put("timeStamp", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
    body.put("numberMatched", page.numberMatched());
    body.put("numberReturned", page.features().size());
    ctx.header("Access-Control-Allow-Origin", "*");
    if (html) {
      List<String> columns =
          c.fields().stream()
              .map(f -> f.name())
              .filter(n -> !n.equals("lon") && !n.equals("lat"))
              .toList();
      OgcPage model =
          OgcPage.items(
              body, url(ctx, b, "json", offset, limit), c, page.features(), columns, offset + 1);
      ctx.html(views.render("data/ogc", Lang.of(ctx), model));
      return;
    }
    Json.send(ctx, body);
    ctx.contentType("application/geo+json; charset=utf-8");
  }

  public void item(Context ctx) {
    Collection c = find(ctx.pathParam("collection"));
    only(ctx, Set.of());
    boolean html = html(ctx);
    String id = ctx.pathParam("feature");
    Feature f =
        features()
            .item(c.id(), id)
            .orElseThrow(() -> WebError.notFound("no feature " + id + " in " + c.id()));
    String u =
        base(ctx)
            + "/collections/"
            + c.id()
            + "/items/"
            + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    List<Map<String, Object>> links =
        List.of(
            link(u + "?f=json", html ? "alternate" : "self", "application/geo+json", "GeoJSON"),
            link(u + "?f=html", html ? "self" : "alternate", "text/html", "HTML"),
            link(
                base(ctx) + "/collections/" + c.id(),
                "collection",
                "application/json",
                "本集合 / the collection"));
    GeoJson.Feature body = geojson(f, links);
    ctx.header("Access-Control-Allow-Origin", "*");
    if (html) {
      ctx.html(views.render("data/ogc", Lang.of(ctx), OgcPage.item(body, u + "?f=json", c, f)));
      return;
    }
    Json.send(ctx, body);
    ctx.contentType("application/geo+json; charset=utf-8");
  }

  private static GeoJson.Feature geojson(Feature f, List<Map<String, Object>> links) {
    return new GeoJson.Feature(f.id(), f.point(), f.properties(), links);
  }

  /** This page's URL with another format and offset, keeping every other parameter. */
  private static String url(Context ctx, String base, String f, long offset, int limit) {
    Map<String, String> q = new LinkedHashMap<>();
    ctx.queryParamMap()
        .forEach(
            (k, v) -> {
              if (!k.equals("f") && !k.equals("offset") && !k.equals("limit") && !v.isEmpty()) {
                q.put(k, v.get(0));
              }
            });
    q.put("limit", String.valueOf(limit));
    if (offset > 0) {
      q.put("offset", String.valueOf(offset));
    }
    q.put("f", f);
    return base
        + "?"
        + q.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + "="
                        + java.net.URLEncoder.encode(
                            e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  /**
   * bbox=minLon,minLat,maxLon,maxLat (or six numbers with heights); west > east crosses the
   * antimeridian: two boxes.
   */
  public static List<BBox> boxes(String text) {
    if (text == null) {
      return List.of();
    }
    String[] parts = text.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw WebError.badRequest(
          "bbox needs 4 numbers (minLon,minLat,maxLon,maxLat) or 6 with heights, not '"
              + text
              + "'");
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      int n = i + 1;
      v[i] =
          QueryParams.decimal(
              parts[i], raw -> "bbox value " + n + " is not a number: '" + raw + "'");
      if (!Double.isFinite(v[i])) {
        throw WebError.badRequest("bbox value " + (i + 1) + " is not a finite number");
      }
    }
    double w = v[0];
    double s = v[1];
    double e = parts.length == 4 ? v[2] : v[3];
    double n = parts.length == 4 ? v[3] : v[4];
    if (w < -180 || w > 180 || e < -180 || e > 180) {
      throw WebError.badRequest("bbox longitudes must be between -180 and 180");
    }
    if (s < -90 || s > 90 || n < -90 || n > 90) {
      throw WebError.badRequest("bbox latitudes must be between -90 and 90");
    }
    if (s > n) {
      throw WebError.badRequest("bbox minimum latitude " + s + " is above its maximum " + n);
    }
    if (w > e) {
      return List.of(new BBox(w, s, 180, n), new BBox(-180, s, e, n));
    }
    return List.of(new BBox(w, s, e, n));
  }

  /**
   * datetime as RFC 3339: an instant, a date (the whole day), or an interval {@code a/b} with
   * {@code ..} or nothing for an open end; returns [from, to] in China time, either null.
   */
  public static LocalDateTime[] datetime(String text) {
    if (text == null) {
      return new LocalDateTime[2];
    }
    String t = text.strip();
    if (t.contains("/")) {
      String[] p = t.split("/", -1);
      if (p.length != 2) {
        throw WebError.badRequest("datetime interval must be start/end, not '" + text + "'");
      }
      LocalDateTime from = open(p[0]) ? null : instant(p[0], false);
      LocalDateTime to = open(p[1]) ? null : instant(p[1], true);
      if (from == null && to == null) {
        throw WebError.badRequest("datetime interval must have at least one end");
      }
      if (from != null && to != null && to.isBefore(from)) {
        throw WebError.badRequest("datetime interval ends before it starts: '" + text + "'");
      }
      return new LocalDateTime[] {from, to};
    }
    return new LocalDateTime[] {instant(t, false), instant(t, true)};
  }

  private static boolean open(String s) {
    return s.isEmpty() || s.equals("..");
  }

  private static LocalDateTime instant(String s, boolean end) {
    try {
      if (s.length() == 10) {
        LocalDate d = LocalDate.parse(s);
        return end ? d.atTime(23, 59, 59, 999_000_000) : d.atStartOfDay();
      }
      String u = s.toUpperCase(Locale.ROOT);
      if (u.endsWith("Z") || u.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(u).withOffsetSameInstant(CHINA).toLocalDateTime();
      }
      return LocalDateTime.parse(u);
    } catch (DateTimeParseException e) {
      throw WebError.badRequest(
          "datetime must be RFC 3339 (2026-12-05T09:00:00Z, 2026-12-05, or an interval a/b with .. for an open "
              + "end), not '"
              + s
              + "'");
    }
  }
}
