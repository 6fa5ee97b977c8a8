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

  /** A link that opens a place in a map app. */
  public record MapApp(String label, String url) {}

  /**
   * Links that open the point in the map apps residents use. AMap and Tencent take GCJ-02, Baidu
   * BD-09; a {@code geo:} URI (WGS84) opens whatever the phone offers.
   */
  public static List<MapApp> mapApps(String name, GeoPoint wgs, Lang lang) {
    GeoPoint gcj = ChinaOffsets.wgs84ToGcj02(wgs);
    GeoPoint bd = ChinaOffsets.gcj02ToBd09(gcj);
    String n = URLEncoder.encode(name, StandardCharsets.UTF_8);
    boolean zh = lang == Lang.ZH;
    return List.of(
        new MapApp(
            zh ? "高德地图" : "AMap",
            "https://uri.amap.com/marker?position="
                + fmt(gcj.lon())
                + ","
                + fmt(gcj.lat())
                + "&name="
                + n
                + "&coordinate=gaode&callnative=1"),
        new MapApp(
            zh ? "百度地图" : "Baidu Maps",
            "https://api.map.baidu.com/marker?location="
                + fmt(bd.lat())
                + ","
                + fmt(bd.lon())
                + "&title="
                + n
                + "&content="
                + n
                + "&output=html&coord_type=bd09ll&src=vsmap"),
        new MapApp(
            zh ? "腾讯地图" : "Tencent Maps",
            "https://apis.map.qq.com/uri/v1/marker?marker=coord:"
                + fmt(gcj.lat())
                + ","
                + fmt(gcj.lon())
                + ";title:"
                + n
                + "&referer=vsmap"),
        new MapApp(
            zh ? "其他地图应用" : "Other map apps",
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
