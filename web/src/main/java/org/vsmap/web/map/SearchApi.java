package org.vsmap.web.map;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebPorts;
import org.vsmap.web.http.Json;
import org.vsmap.web.http.SearchParams;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.HonourBadges;
import org.vsmap.web.view.Labels;
import org.vsmap.web.view.Lang;

/** /api/search, /api/suggest and /api/nearby: the resident's search as JSON. */
public final class SearchApi {
  private final Readiness readiness;
  private final Clock clock;

  public SearchApi(Readiness readiness, Clock clock) {
    this.readiness = readiness;
    this.clock = clock;
  }

  public void search(Context ctx) {
    Lang lang = Lang.of(ctx);
    SearchIndex.Request request = SearchParams.parse(ctx, clock, 20);
    WebPorts ports = readiness.ports();
    SearchIndex.Result result = ports.search().search(request);
    CoordinateSystem crs = SearchParams.crs(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", request.text());
    body.put("total", result.total());
    body.put("offset", request.offset());
    body.put("limit", request.limit());
    body.put("crs", crs.name().toLowerCase());
    HonourBadges badges = HonourBadges.of(ports, lang);
    body.put(
        "hits",
        result.hits().stream()
            .map(
                h -> {
                  Map<String, Object> m = hit(h, lang, crs);
                  badges.addTo(m);
                  return m;
                })
            .toList());
    body.put("facets", facets(result.facets(), lang, readiness.regionNames()));
    if (result.hits().stream().anyMatch(SearchIndex.Hit::synthetic)) {
      body.put("notice", "含合成演示数据 / Contains synthetic demo data");
    }
    Json.send(ctx, body);
  }

  public void suggest(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw WebError.badRequest("q is required: the beginning of a name");
    }
    int limit = SearchParams.intParam(ctx, "limit", 8);
    if (limit < 1 || limit > 20) {
      throw WebError.badRequest("limit must be between 1 and 20");
    }
    List<SearchIndex.Suggestion> suggestions;
    try {
      suggestions = readiness.ports().search().suggest(q, limit);
    } catch (IllegalArgumentException e) {
      throw WebError.badRequest(e.getMessage());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", q);
    body.put(
        "suggestions",
        suggestions.stream()
            .map(
                s ->
                    Map.of(
                        "kind",
                        s.kind().name().toLowerCase(),
                        "id",
                        s.id(),
                        "name",
                        s.name(),
                        "url",
                        "/" + s.kind().path() + "/" + s.id()))
            .toList());
    Json.send(ctx, body);
  }

  public void nearby(Context ctx) {
    Lang lang = Lang.of(ctx);
    CoordinateSystem crs = SearchParams.crs(ctx);
    GeoPoint p = SearchParams.point(ctx, crs);
    if (p == null) {
      throw WebError.badRequest("lat and lon are required");
    }
    Set<Kind> kinds = SearchParams.enums(ctx, "kind", Kind.class, "station, team or activity");
    int limit = SearchParams.intParam(ctx, "limit", 10);
    if (limit < 1 || limit > 100) {
      throw WebError.badRequest("limit must be between 1 and 100");
    }
    List<SearchIndex.Hit> hits = readiness.ports().search().nearest(p, kinds, limit);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("crs", crs.name().toLowerCase());
    HonourBadges badges = HonourBadges.of(readiness.ports(), lang);
    body.put(
        "hits",
        hits.stream()
            .map(
                h -> {
                  Map<String, Object> m = hit(h, lang, crs);
                  badges.addTo(m);
                  return m;
                })
            .toList());
    Json.send(ctx, body);
  }

  public static Map<String, Object> hit(SearchIndex.Hit h, Lang lang, CoordinateSystem crs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", h.kind().name().toLowerCase());
    m.put("id", h.id());
    m.put("name", h.name());
    m.put("name_html", h.nameHtml());
    if (h.snippetHtml() != null) {
      m.put("snippet_html", h.snippetHtml());
    }
    m.put("detail", Labels.detail(h.kind(), h.detail(), lang));
    m.put("region_code", h.regionCode());
    if (h.location() != null) {
      GeoPoint p = crs.fromWgs84(h.location());
      m.put("lon", Json.coordinate(p.lon()));
      m.put("lat", Json.coordinate(p.lat()));
    }
    if (h.distanceMetres() != null) {
      m.put("distance_m", Math.round(h.distanceMetres()));
    }
    if (h.start() != null) {
      m.put("start", h.start().toString());
    }
    m.put("synthetic", h.synthetic());
    m.put("approximate_location", h.approximate());
    m.put("url", "/" + h.kind().path() + "/" + h.id());
    return m;
  }

  public static Map<String, List<Map<String, Object>>> facets(
      Map<String, List<SearchIndex.Count>> facets, Lang lang, Labels.RegionNames regions) {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    facets.forEach(
        (dim, counts) -> {
          List<Map<String, Object>> values = new ArrayList<>();
          for (SearchIndex.Count c : counts) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put(
                "value",
                dim.equals("county")
                        || dim.equals("street")
                        || dim.equals("date")
                        || dim.equals("recruiting")
                    ? c.value()
                    : c.value().toLowerCase());
            v.put("label", Labels.facet(dim, c.value(), lang, regions));
            v.put("count", c.count());
            if (dim.equals("theme")) {
              v.put("care", Theme.valueOf(c.value()).group().name().toLowerCase());
            }
            values.add(v);
          }
          out.put(dim, values);
        });
    return out;
  }
}
