package org.vsmap.web.data;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vsmap.geo.port.FeatureCollections;
import org.vsmap.geo.port.FeatureCollections.Collection;

/** The links of an OGC API page of items: formats, next and previous, the collection. */
final class OgcLinks {
  private OgcLinks() {}

  /** This page in both formats, the next and previous pages when there are, the collection. */
  static List<OgcAnswers.Link> page(
      Context ctx,
      Collection c,
      String b,
      boolean html,
      long offset,
      int limit,
      FeatureCollections.Page page) {
    List<OgcAnswers.Link> links = new ArrayList<>();
    links.add(
        OgcApi.link(
            url(ctx, b, "json", offset, limit),
            html ? "alternate" : "self",
            "application/geo+json",
            "本页 GeoJSON / this page as GeoJSON"));
    links.add(
        OgcApi.link(
            url(ctx, b, "html", offset, limit),
            html ? "self" : "alternate",
            "text/html",
            "本页 HTML / this page as HTML"));
    if (offset + page.features().size() < page.numberMatched()) {
      links.add(
          OgcApi.link(
              url(ctx, b, html ? "html" : "json", offset + limit, limit),
              "next",
              html ? "text/html" : "application/geo+json",
              "下一页 / next page"));
    }
    if (offset > 0) {
      links.add(
          OgcApi.link(
              url(ctx, b, html ? "html" : "json", Math.max(0, offset - limit), limit),
              "prev",
              html ? "text/html" : "application/geo+json",
              "上一页 / previous page"));
    }
    links.add(
        OgcApi.link(
            OgcApi.base(ctx) + "/collections/" + c.id(),
            "collection",
            "application/json",
            "本集合 / the collection"));
    return links;
  }

  /** This page's URL with another format and offset, keeping every other parameter. */
  static String url(Context ctx, String base, String f, long offset, int limit) {
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
}
