package org.vsmap.web.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.CareGroup;
import org.vsmap.geo.model.DatePreset;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.geo.spatial.CoordinateSystem;

/**
 * The query string shared by the map, the list and the API (see API.md): q, kind, theme, care,
 * region, type, recruiting, date, from, to, bbox, lat, lon, radius, crs, sort, limit, offset. Every
 * bad value becomes a 400 naming the parameter.
 */
public final class SearchParams {
  private SearchParams() {}

  public static SearchIndex.Request parse(Context ctx, Clock clock, int defaultLimit) {
    CoordinateSystem crs = crs(ctx);
    SearchIndex.Builder b = SearchIndex.Request.builder();
    b.text(ctx.queryParam("q"));
    b.kinds(enums(ctx, "kind", Kind.class, "station, team or activity"));
    b.themes(enums(ctx, "theme", Theme.class, "one of the 18 themes, e.g. public_health"));
    b.careGroups(enums(ctx, "care", CareGroup.class, "others, society or nature"));
    b.stationTypes(enums(ctx, "type", StationType.class, "a station type, e.g. community"));
    b.region(region(ctx));
    b.recruitingOnly(bool(ctx, "recruiting"));
    dates(ctx, clock, b);
    String bbox = ctx.queryParam("bbox");
    if (bbox != null && !bbox.isBlank()) {
      BBox box = parse("bbox", () -> BBox.parse(bbox));
      if (crs != CoordinateSystem.WGS84) {
        GeoPoint sw = crs.toWgs84(new GeoPoint(box.west(), box.south()));
        GeoPoint ne = crs.toWgs84(new GeoPoint(box.east(), box.north()));
        box = new BBox(sw.lon(), sw.lat(), ne.lon(), ne.lat());
      }
      b.bbox(box);
    }
    GeoPoint near = point(ctx, crs);
    b.near(near);
    Double radius = number(ctx, "radius", 1, 500_000);
    b.radius(radius);
    String sort = ctx.queryParam("sort");
    if (sort != null && !sort.isBlank()) {
      b.order(
          switch (sort.strip().toLowerCase()) {
            case "relevance" -> SearchIndex.Order.RELEVANCE;
            case "distance" -> SearchIndex.Order.DISTANCE;
            case "start" -> SearchIndex.Order.START;
            default ->
                throw WebError.badRequest(
                    "sort must be relevance, distance or start; got: " + sort);
          });
    } else if (near != null && ctx.queryParam("q") == null) {
      b.order(SearchIndex.Order.DISTANCE);
    }
    b.limit(SearchParams.intParam(ctx, "limit", defaultLimit));
    b.offset(SearchParams.intParam(ctx, "offset", 0));
    return parse("request", b::build);
  }

  /**
   * The region asked for: a form without script sends the county and the street both, and the
   * street (the longer code) wins.
   */
  public static String region(Context ctx) {
    return ctx.queryParams("region").stream()
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .max(java.util.Comparator.comparingInt(String::length))
        .orElse(null);
  }

  /** lat and lon together, in the request's crs, as a WGS84 point; or null. */
  public static GeoPoint point(Context ctx, CoordinateSystem crs) {
    Double lat = number(ctx, "lat", -90, 90);
    Double lon = number(ctx, "lon", -180, 180);
    if ((lat == null) != (lon == null)) {
      throw WebError.badRequest("lat and lon must be given together");
    }
    return lat == null ? null : crs.toWgs84(new GeoPoint(lon, lat));
  }

  private static void dates(Context ctx, Clock clock, SearchIndex.Builder b) {
    String date = ctx.queryParam("date");
    String from = ctx.queryParam("from");
    String to = ctx.queryParam("to");
    if (date != null && !date.isBlank()) {
      DatePreset p = DatePreset.of(date.strip());
      if (p == null) {
        throw WebError.badRequest("date must be today, week or weekend; got: " + date);
      }
      LocalDateTime[] range = p.range(LocalDate.now(clock));
      b.between(range[0], range[1]);
      return;
    }
    LocalDateTime f = time(from, "from", false);
    LocalDateTime t = time(to, "to", true);
    if (f != null || t != null) {
      b.between(f, t);
    }
  }

  /** yyyy-MM-dd (a whole day; {@code to} includes it) or yyyy-MM-ddTHH:mm. */
  private static LocalDateTime time(String v, String name, boolean endOfDay) {
    if (v == null || v.isBlank()) {
      return null;
    }
    String s = v.strip();
    try {
      if (s.length() == 10) {
        LocalDate d = LocalDate.parse(s);
        return endOfDay ? d.plusDays(1).atStartOfDay() : d.atStartOfDay();
      }
      return LocalDateTime.parse(s);
    } catch (DateTimeParseException e) {
      throw WebError.badRequest(
          name + " must be a date like 2026-12-05 or 2026-12-05T09:00; got: " + v);
    }
  }

  public static boolean bool(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return false;
    }
    return switch (v.strip().toLowerCase()) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw WebError.badRequest(name + " must be true or false; got: " + v);
    };
  }

  public static <E extends Enum<E>> Set<E> enums(
      Context ctx, String name, Class<E> type, String hint) {
    Set<E> out = EnumSet.noneOf(type);
    for (String raw : ctx.queryParams(name)) {
      for (String part : raw.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          out.add(Enum.valueOf(type, part.strip().toUpperCase()));
        } catch (IllegalArgumentException e) {
          throw WebError.badRequest(name + " must be " + hint + "; got: " + part.strip());
        }
      }
    }
    return out;
  }

  /** The query string of a request with its view state, for links that keep the state. */
  public static List<String> stateKeys() {
    return List.of(
        "q",
        "kind",
        "theme",
        "care",
        "region",
        "type",
        "recruiting",
        "date",
        "from",
        "to",
        "lat",
        "lon",
        "z",
        "lang",
        "text");
  }

  private static <T> T parse(String what, java.util.function.Supplier<T> f) {
    try {
      return f.get();
    } catch (IllegalArgumentException e) {
      throw WebError.badRequest(e.getMessage());
    }
  }

  /**
   * A number parameter within [min, max], or null when absent; anything else is a 400 naming it.
   */
  public static Double number(Context ctx, String name, double min, double max) {
    String v = ctx.queryParam(name);
    Double d =
        QueryParams.decimal(
                ctx, name, QueryParams.Blank.ABSENT, raw -> name + " must be a number; got: " + raw)
            .orElse(null);
    if (d == null) {
      return null;
    }
    if (!Double.isFinite(d) || d < min || d > max) {
      throw WebError.badRequest(
          name + " must be between " + (long) min + " and " + (long) max + "; got: " + v);
    }
    return d;
  }

  /**
   * The coordinate system a client speaks ({@code crs=}: wgs84 by default, gcj02 for AMap and
   * Tencent, bd09 for Baidu); everything is stored and indexed in WGS84.
   */
  public static CoordinateSystem crs(Context ctx) {
    String v = ctx.queryParam("crs");
    if (v == null || v.isBlank()) {
      return CoordinateSystem.WGS84;
    }
    return switch (v.strip().toLowerCase()) {
      case "wgs84", "epsg:4326" -> CoordinateSystem.WGS84;
      case "gcj02", "gcj-02" -> CoordinateSystem.GCJ02;
      case "bd09", "bd-09" -> CoordinateSystem.BD09;
      default -> throw WebError.badRequest("crs must be wgs84, gcj02 or bd09; got: " + v);
    };
  }

  public static int intParam(Context ctx, String name, int fallback) {
    return QueryParams.integer(
            ctx,
            name,
            QueryParams.Blank.ABSENT,
            raw -> name + " must be a whole number; got: " + raw)
        .orElse(fallback);
  }
}
