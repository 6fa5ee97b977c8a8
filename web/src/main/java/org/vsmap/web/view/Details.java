package org.vsmap.web.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.spatial.ChinaOffsets;
import org.vsmap.geo.spatial.Geodesy;
import org.vsmap.web.http.Json;
import org.vsmap.web.http.SearchParams;

/**
 * What every detail page adds: distance from the reader, map-app links, JSON-LD, registration link.
 */
public final class Details {
  /** The national volunteer service information system, where volunteers register and sign up. */
  public static final String REGISTRATION_URL = "https://chinavolunteer.mca.gov.cn/";

  private Details() {}

  /**
   * Where a record is and how to get there (a detail page's 到这里去): the distance from the reader
   * when known, walking routes, the mini-map's point and basemap, and 在地图上查看.
   */
  public record Place(
      String distance,
      List<MapApp> routes,
      String mapLink,
      String kind,
      double lat,
      double lon,
      String basemap) {}

  /** The place of a record at {@code p}, or null when it has no point. */
  public static Place place(
      Context ctx,
      org.vsmap.geo.model.Kind kind,
      String id,
      String name,
      GeoPoint p,
      Lang lang,
      String basemapJson) {
    if (p == null) {
      return null;
    }
    return new Place(
        distance(ctx, p),
        routes(ctx, name, p, lang),
        onMap(kind, id, p, lang),
        kind.name().toLowerCase(),
        p.lat(),
        p.lon(),
        basemapJson);
  }

  /** A public telephone number as a {@code tel:} link target, null when it is not one. */
  public static String tel(String contact) {
    if (contact == null || !contact.strip().matches("[0-9 ()+-]{5,}")) {
      return null;
    }
    return "tel:" + contact.replaceAll("[^0-9+]", "");
  }

  /** "1.2 km" from the reader's lat/lon in the query string, or null when none was given. */
  public static String distance(Context ctx, GeoPoint p) {
    GeoPoint from = SearchParams.point(ctx, SearchParams.crs(ctx));
    if (from == null || p == null) {
      return null;
    }
    double m = Geodesy.metres(from, p);
    return m < 1000
        ? Math.round(m) + " m"
        : String.format(java.util.Locale.ROOT, "%.1f km", m / 1000);
  }

  /** 在地图上查看: the map at street level around the record, with the record chosen (its popup open). */
  public static String onMap(org.vsmap.geo.model.Kind kind, String id, GeoPoint p, Lang lang) {
    return "/?lat="
        + fmt(p.lat())
        + "&lon="
        + fmt(p.lon())
        + "&z=17&select="
        + kind.name().toLowerCase()
        + ":"
        + URLEncoder.encode(id, StandardCharsets.UTF_8)
        + (lang == Lang.EN ? "&lang=en" : "");
  }

  /** A link that opens a place in a map app. */
  public record MapApp(String label, String url) {}

  /**
   * 到这里去: walking routes to the place in the map apps residents use, each in its own coordinate
   * system — 高德 and 腾讯 take GCJ-02, 百度 BD-09, the phone's own map app a {@code geo:} URI (WGS84).
   * The start is the reader's position when the page was opened from 附近 ({@code lat}/{@code lon}),
   * else the app's own 我的位置.
   */
  public static List<MapApp> routes(Context ctx, String name, GeoPoint wgs, Lang lang) {
    if (wgs == null) {
      return null;
    }
    GeoPoint from = SearchParams.point(ctx, SearchParams.crs(ctx));
    GeoPoint gcj = ChinaOffsets.wgs84ToGcj02(wgs);
    GeoPoint bd = ChinaOffsets.gcj02ToBd09(gcj);
    String n = URLEncoder.encode(name, StandardCharsets.UTF_8);
    boolean zh = lang == Lang.ZH;
    String me = URLEncoder.encode(zh ? "我的位置" : "My location", StandardCharsets.UTF_8);
    GeoPoint fromGcj = from == null ? null : ChinaOffsets.wgs84ToGcj02(from);
    GeoPoint fromBd = fromGcj == null ? null : ChinaOffsets.gcj02ToBd09(fromGcj);
    return List.of(
        new MapApp(
            zh ? "高德地图" : "AMap",
            "https://uri.amap.com/navigation?"
                + (fromGcj == null
                    ? ""
                    : "from=" + fmt(fromGcj.lon()) + "," + fmt(fromGcj.lat()) + "," + me + "&")
                + "to="
                + fmt(gcj.lon())
                + ","
                + fmt(gcj.lat())
                + ","
                + n
                + "&mode=walk&coordinate=gaode&callnative=1"),
        new MapApp(
            zh ? "百度地图" : "Baidu Maps",
            fromBd == null
                ? "https://api.map.baidu.com/marker?location="
                    + fmt(bd.lat())
                    + ","
                    + fmt(bd.lon())
                    + "&title="
                    + n
                    + "&content="
                    + n
                    + "&output=html&coord_type=bd09ll&src=vsmap"
                : "https://api.map.baidu.com/direction?origin=latlng:"
                    + fmt(fromBd.lat())
                    + ","
                    + fmt(fromBd.lon())
                    + "|name:"
                    + me
                    + "&destination=latlng:"
                    + fmt(bd.lat())
                    + ","
                    + fmt(bd.lon())
                    + "|name:"
                    + n
                    + "&mode=walking&coord_type=bd09ll&output=html&src=vsmap"),
        new MapApp(
            zh ? "腾讯地图" : "Tencent Maps",
            "https://apis.map.qq.com/uri/v1/routeplan?type=walk"
                + (fromGcj == null
                    ? ""
                    : "&from=" + me + "&fromcoord=" + fmt(fromGcj.lat()) + "," + fmt(fromGcj.lon()))
                + "&to="
                + n
                + "&tocoord="
                + fmt(gcj.lat())
                + ","
                + fmt(gcj.lon())
                + "&referer=vsmap"),
        new MapApp(
            zh ? "手机自带地图" : "Phone's map app",
            "geo:"
                + fmt(wgs.lat())
                + ","
                + fmt(wgs.lon())
                + "?q="
                + fmt(wgs.lat())
                + ","
                + fmt(wgs.lon())
                + "("
                + n
                + ")"));
  }

  /**
   * schema.org JSON-LD, safe to place inside a script element (no "<", ">" or "&" survive). A map:
   * JSON-LD is open-ended (@context, @type keys, any schema.org property).
   */
  public static String jsonLd(Map<String, Object> thing) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("@context", "https://schema.org");
    all.putAll(thing);
    try {
      return Json.MAPPER
          .writeValueAsString(all)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, Object> geo(GeoPoint p) {
    return Map.of("@type", "GeoCoordinates", "latitude", p.lat(), "longitude", p.lon());
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.6f", v);
  }
}
