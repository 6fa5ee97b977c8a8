package org.vsmap.web;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.SearchIndex;

/** GET /api/search?q=&kind=&limit=: full-text hits over stations, teams and activities. */
final class SearchApi {
  private final Readiness readiness;

  SearchApi(Readiness readiness) {
    this.readiness = readiness;
  }

  void search(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw WebError.badRequest("q is required: the words to search for");
    }
    int limit = intParam(ctx, "limit", 20);
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (String k : ctx.queryParams("kind")) {
      for (String part : k.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          kinds.add(Kind.valueOf(part.strip().toUpperCase()));
        } catch (IllegalArgumentException e) {
          throw WebError.badRequest("kind must be station, team or activity; got: " + part);
        }
      }
    }
    SearchIndex.Query query;
    try {
      query = new SearchIndex.Query(q, kinds, limit);
    } catch (IllegalArgumentException e) {
      throw WebError.badRequest(e.getMessage());
    }
    SearchIndex.Result result = readiness.ports().search().search(query);
    List<Map<String, Object>> hits = result.hits().stream().map(SearchApi::hit).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", q);
    body.put("total", result.total());
    body.put("hits", hits);
    Json.send(ctx, body);
  }

  private static Map<String, Object> hit(SearchIndex.Hit h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", h.kind().name().toLowerCase());
    m.put("id", h.id());
    m.put("name", h.name());
    m.put("region_code", h.regionCode());
    if (h.location() != null) {
      m.put("lon", h.location().lon());
      m.put("lat", h.location().lat());
    }
    m.put("synthetic", h.synthetic());
    m.put("url", "/" + h.kind().path() + "/" + h.id());
    return m;
  }

  static int intParam(Context ctx, String name, int fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw WebError.badRequest(name + " must be a whole number; got: " + v);
    }
  }
}
