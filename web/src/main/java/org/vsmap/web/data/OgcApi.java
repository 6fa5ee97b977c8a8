package org.vsmap.web.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  static OgcAnswers.Link link(String href, String rel, String type, String title) {
    return new OgcAnswers.Link(href, rel, type, title);
  }

  // ---- landing, conformance, API
  // -----------------------------------------------------------------

  public void landing(Context ctx) {
    only(ctx, Set.of());
    boolean html = html(ctx);
    String b = base(ctx);
    List<OgcAnswers.Link> links = new ArrayList<>();
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
    OgcAnswers.Landing body =
        new OgcAnswers.Landing(
            "志愿服务地图 OGC API – Features / Volunteer Service Map",
            "志愿服务站点、队伍、活动和行政区划，CC BY 4.0。Stations, teams, activities and regions as OGC API – Features, CC BY 4.0.",
            links);
    if (html) {
      ctx.html(
          views.render(ctx, "data/ogc", Lang.of(ctx), OgcPage.of("landing", body, b + "?f=json")));
      return;
    }
    Json.send(ctx, body);
  }

  public void conformance(Context ctx) {
    only(ctx, Set.of());
    boolean html = html(ctx);
    OgcAnswers.Conformance body = new OgcAnswers.Conformance(CONFORMANCE);
    if (html) {
      ctx.html(
          views.render(
              ctx,
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
    List<OgcAnswers.CollectionInfo> list = new ArrayList<>();
    Lang lang = Lang.of(ctx);
    for (Collection c : features().collections()) {
      list.add(describe(c, b, lang));
    }
    OgcAnswers.Collections body =
        new OgcAnswers.Collections(
            List.of(
                link(
                    b + "/collections?f=json",
                    html ? "alternate" : "self",
                    "application/json",
                    "JSON"),
                link(b + "/collections?f=html", html ? "self" : "alternate", "text/html", "HTML")),
            list);
    if (html) {
      ctx.html(
          views.render(
              ctx, "data/ogc", lang, OgcPage.of("collections", body, b + "/collections?f=json")));
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
    OgcAnswers.CollectionInfo body = describe(c, b, lang);
    if (html) {
      ctx.html(
          views.render(
              ctx,
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

  private static OgcAnswers.CollectionInfo describe(Collection c, String b, Lang lang) {
    String u = b + "/collections/" + c.id();
    List<OgcAnswers.Link> links =
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
                "数据说明与字段 / dataset page and dictionary"));
    BBox e = c.extent();
    OgcAnswers.Spatial spatial =
        new OgcAnswers.Spatial(
            e == null
                ? List.of(List.of(-180, -90, 180, 90))
                : List.of(List.of(e.west(), e.south(), e.east(), e.north())),
            CRS84);
    OgcAnswers.Temporal temporal = null;
    if (c.temporal()) {
      List<String> iv = new ArrayList<>();
      for (LocalDateTime t : c.interval()) {
        // RFC 3339 wants the seconds, which OffsetDateTime.toString() drops when they are 0
        iv.add(
            t == null
                ? null
                : t.withNano(0)
                    .atOffset(CHINA)
                    .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      }
      temporal =
          new OgcAnswers.Temporal(
              List.of(iv), "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
    }
    return new OgcAnswers.CollectionInfo(
        c.id(),
        lang == Lang.ZH ? c.titleZh() + " / " + c.titleEn() : c.titleEn() + " / " + c.titleZh(),
        lang == Lang.ZH
            ? c.descriptionZh() + " " + c.descriptionEn()
            : c.descriptionEn() + " " + c.descriptionZh(),
        links,
        new OgcAnswers.Extent(spatial, temporal),
        "feature",
        List.of(CRS84));
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
    int limit = OgcParams.limit(ctx);
    long offset = OgcParams.offset(ctx);
    List<BBox> boxes = OgcParams.boxes(ctx.queryParam("bbox"));
    LocalDateTime[] time = OgcParams.datetime(ctx.queryParam("datetime"));
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
    List<GeoJson.Feature> feats = new ArrayList<>();
    boolean synthetic = false;
    for (Feature f : page.features()) {
      feats.add(geojson(f, null));
      synthetic |= Boolean.TRUE.equals(f.properties().get("synthetic"));
    }
    ItemsAnswer body =
        new ItemsAnswer(
            "FeatureCollection",
            "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
            synthetic ? "含合成演示数据，非真实记录 / Contains synthetic demo data, not real records" : null,
            feats,
            OgcLinks.page(ctx, c, b, html, offset, limit, page),
            OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString(),
            page.numberMatched(),
            page.features().size());
    if (html) {
      List<String> columns =
          c.fields().stream()
              .map(f -> f.name())
              .filter(n -> !n.equals("lon") && !n.equals("lat"))
              .toList();
      OgcPage model =
          OgcPage.items(
              body,
              OgcLinks.url(ctx, b, "json", offset, limit),
              c,
              page.features(),
              columns,
              offset + 1);
      ctx.html(views.render(ctx, "data/ogc", Lang.of(ctx), model));
      return;
    }
    Json.send(ctx, body);
    ctx.contentType("application/geo+json; charset=utf-8");
  }

  /** A page of a collection's items: a GeoJSON FeatureCollection with the OGC API's members. */
  @JsonPropertyOrder({
    "type",
    "license",
    "notice",
    "features",
    "links",
    "timeStamp",
    "numberMatched",
    "numberReturned"
  })
  public record ItemsAnswer(
      String type,
      String license,
      @JsonInclude(JsonInclude.Include.NON_NULL) String notice,
      List<GeoJson.Feature> features,
      List<OgcAnswers.Link> links,
      String timeStamp,
      long numberMatched,
      int numberReturned) {}

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
    List<OgcAnswers.Link> links =
        List.of(
            link(u + "?f=json", html ? "alternate" : "self", "application/geo+json", "GeoJSON"),
            link(u + "?f=html", html ? "self" : "alternate", "text/html", "HTML"),
            link(
                base(ctx) + "/collections/" + c.id(),
                "collection",
                "application/json",
                "本集合 / the collection"));
    GeoJson.Feature body = geojson(f, links);
    if (html) {
      ctx.html(
          views.render(ctx, "data/ogc", Lang.of(ctx), OgcPage.item(body, u + "?f=json", c, f)));
      return;
    }
    Json.send(ctx, body);
    ctx.contentType("application/geo+json; charset=utf-8");
  }

  private static GeoJson.Feature geojson(Feature f, List<OgcAnswers.Link> links) {
    return new GeoJson.Feature(f.id(), f.point(), f.properties(), links);
  }
}
