package org.vsmap.web.map;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebPorts;
import org.vsmap.web.http.Json;
import org.vsmap.web.http.SearchParams;
import org.vsmap.web.http.WebError;
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
    SearchAnswers.HitWriter writer = SearchAnswers.HitWriter.of(readiness, lang, crs, clock);
    List<SearchAnswers.Hit> hits = result.hits().stream().map(writer::hit).toList();
    boolean synthetic = result.hits().stream().anyMatch(SearchIndex.Hit::synthetic);
    Json.send(
        ctx,
        new SearchAnswers.Search(
            request.text(),
            result.total(),
            request.offset(),
            request.limit(),
            crs.name().toLowerCase(),
            hits,
            SearchAnswers.facets(result.facets(), lang, readiness.regionNames()),
            synthetic ? SearchAnswers.SYNTHETIC_NOTICE : null));
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
    // words first (services, needs, themes), then districts and streets, then names
    Lang lang = Lang.of(ctx);
    List<SearchAnswers.Suggestion> out = new java.util.ArrayList<>();
    suggestions.stream()
        .filter(s -> s.kind() == null)
        .map(SearchAnswers.Suggestion::of)
        .forEach(out::add);
    readiness.regionNames().places().matching(q, lang, Math.min(3, limit)).stream()
        .map(p -> SearchAnswers.Suggestion.of(p, lang.query()))
        .forEach(out::add);
    suggestions.stream()
        .filter(s -> s.kind() != null)
        .map(SearchAnswers.Suggestion::of)
        .forEach(out::add);
    Json.send(ctx, new SearchAnswers.Suggest(q, out.stream().limit(limit).toList()));
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
    SearchAnswers.HitWriter writer = SearchAnswers.HitWriter.of(readiness, lang, crs, clock);
    Json.send(
        ctx,
        new SearchAnswers.Nearby(
            crs.name().toLowerCase(), hits.stream().map(writer::hit).toList()));
  }
}
