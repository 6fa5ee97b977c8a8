package org.vsmap.web.map;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebPorts;
import org.vsmap.web.WebSettings;
import org.vsmap.web.http.QueryParams;
import org.vsmap.web.http.SearchParams;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.FilterFields;
import org.vsmap.web.view.Formats;
import org.vsmap.web.view.Labels;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.Views;

/**
 * GET /: the map with its results list. The list and the filters are rendered on the server from
 * the query string, so the page is usable (and shareable) without JavaScript; with it, the map and
 * the list follow each other.
 */
public final class MapPage {
  private final Views views;
  private final WebSettings settings;
  private final Readiness readiness;

  public MapPage(Views views, WebSettings settings, Readiness readiness) {
    this.views = views;
    this.settings = settings;
    this.readiness = readiness;
  }

  public void show(Context ctx) {
    ctx.html(views.render(ctx, "map/map", Lang.of(ctx), model(ctx)));
  }

  /**
   * Display options of the embedded map: not filters, so they are taken out before the search reads
   * the query.
   */
  public static final java.util.Set<String> EMBED_OPTIONS =
      java.util.Set.of("height", "search", "list", "colour");

  /**
   * GET /embed: the same map, filters and list in a page made for iframes — no site header, no
   * cookies, links open the portal in a new tab, the attribution always shown — with display
   * options: {@code height} (200–2000 px, 560 by default: the height it asks its host for; it fills
   * whatever frame it is in), {@code search=hide}, {@code list=hide}, {@code colour=dark}. It tells
   * its host its height and what a resident selects (postMessage).
   */
  public void embed(Context ctx) {
    int height =
        QueryParams.integer(
                ctx,
                "height",
                QueryParams.Blank.INVALID,
                raw -> "height must be a number of pixels, not '" + raw + "'")
            .orElse(560);
    if (height < 200 || height > 2000) {
      throw WebError.badRequest("height must be between 200 and 2000 pixels, not " + height);
    }
    for (String option : java.util.List.of("search", "list")) {
      String v = ctx.queryParam(option);
      if (v != null && !v.equals("show") && !v.equals("hide")) {
        throw WebError.badRequest(option + " must be show or hide, not '" + v + "'");
      }
    }
    String colour = ctx.queryParam("colour");
    if (colour != null && !colour.equals("light") && !colour.equals("dark")) {
      throw WebError.badRequest("colour must be light or dark, not '" + colour + "'");
    }
    StringBuilder portal = new StringBuilder("/?");
    ctx.queryParamMap()
        .forEach(
            (k, vs) -> {
              if (!EMBED_OPTIONS.contains(k)) {
                vs.forEach(
                    v ->
                        portal
                            .append(
                                java.net.URLEncoder.encode(
                                    k, java.nio.charset.StandardCharsets.UTF_8))
                            .append('=')
                            .append(
                                java.net.URLEncoder.encode(
                                    v, java.nio.charset.StandardCharsets.UTF_8))
                            .append('&'));
              }
            });
    MapView model =
        model(ctx)
            .embedded(
                height,
                !"hide".equals(ctx.queryParam("search")),
                !"hide".equals(ctx.queryParam("list")),
                "dark".equals(colour),
                portal.substring(0, portal.length() - 1),
                org.vsmap.web.http.Origin.of(ctx)
                    + "/oembed?format=json&url="
                    + java.net.URLEncoder.encode(
                        org.vsmap.web.http.Origin.of(ctx)
                            + "/embed"
                            + (ctx.queryString() == null ? "" : "?" + ctx.queryString()),
                        java.nio.charset.StandardCharsets.UTF_8));
    ctx.html(views.render(ctx, "map/embed", Lang.of(ctx), model));
  }

  /**
   * GET /embed/builder: an office picks region, kinds, theme and options, sees the widget live and
   * copies a snippet.
   */
  public void builder(Context ctx) {
    ctx.html(views.render(ctx, "map/embed_builder", Lang.of(ctx), model(ctx)));
  }

  /** The unfiltered first view and the index state and time it was made at. */
  private record Landing(long seq, long made, SearchIndex.Result result) {}

  private volatile Landing landing;
  private final java.util.concurrent.atomic.AtomicBoolean refreshing =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * The search behind the page. Most visitors open it without filters, and on a national index that
   * search (every document, with all facets) costs a few hundred milliseconds: it is made once and
   * shared. Once the index has changed or a minute has passed ("this weekend" moves with the clock)
   * the next visitor still gets the kept one while a single background thread makes the new one, so
   * no visitor waits for it.
   */
  private SearchIndex.Result search(Context ctx, SearchIndex.Request request, SearchIndex index) {
    boolean plain =
        ctx.queryParamMap().keySet().stream()
            .allMatch(p -> p.equals("lang") || EMBED_OPTIONS.contains(p));
    long seq = index.storeSequence();
    if (!plain || seq < 0) {
      return index.search(request);
    }
    long now = settings.clock().millis();
    Landing l = landing;
    if (l == null) {
      SearchIndex.Result r = index.search(request);
      landing = new Landing(seq, now, r);
      return r;
    }
    if ((l.seq() != seq || now - l.made() > 60_000) && refreshing.compareAndSet(false, true)) {
      Thread.ofVirtual()
          .name("landing-refresh")
          .start(
              () -> {
                try {
                  landing =
                      new Landing(
                          index.storeSequence(), settings.clock().millis(), index.search(request));
                } finally {
                  refreshing.set(false);
                }
              });
    }
    return l.result();
  }

  /** One item of the server-rendered result list: the API's hit, its kind and time as shown. */
  public record ListItem(SearchAnswers.Hit hit, String kindLabel, String when) {}

  /**
   * The map page, the widget and the widget builder (map/map.peb, embed.peb, embed_builder.peb):
   * where the map opens, the search and its filters, the first results; for the widget ({@code
   * embedded}) its display options and the portal page it links to.
   */
  public record MapView(
      Double lat,
      Double lon,
      Double z,
      String q,
      String basemap,
      List<KindOption> kinds,
      FilterFields filters,
      String selectedDate,
      long total,
      List<ListItem> hits,
      boolean embedded,
      int height,
      boolean showSearch,
      boolean showList,
      boolean dark,
      String portalUrl,
      String oembedUrl) {
    MapView embedded(
        int height,
        boolean showSearch,
        boolean showList,
        boolean dark,
        String portalUrl,
        String oembedUrl) {
      return new MapView(
          lat,
          lon,
          z,
          q,
          basemap,
          kinds,
          filters,
          selectedDate,
          total,
          hits,
          true,
          height,
          showSearch,
          showList,
          dark,
          portalUrl,
          oembedUrl);
    }
  }

  /** A kind to search for, with how many of it the search found. */
  public record KindOption(String value, String label, boolean checked, long count) {}

  private MapView model(Context ctx) {
    Lang lang = Lang.of(ctx);
    WebPorts ports = readiness.ports();
    Double z = SearchParams.number(ctx, "z", 1, 19);
    SearchIndex.Request request = SearchParams.parse(ctx, settings.clock(), 20);
    SearchIndex.Result result = search(ctx, request, ports.search());
    Set<Kind> kinds = request.kinds().isEmpty() ? EnumSet.allOf(Kind.class) : request.kinds();
    Map<String, Long> kindCounts = new HashMap<>();
    result
        .facets()
        .getOrDefault("kind", List.of())
        .forEach(c -> kindCounts.put(c.value(), c.count()));
    List<KindOption> kindOptions = new ArrayList<>();
    for (Kind k : Kind.values()) {
      kindOptions.add(
          new KindOption(
              k.name().toLowerCase(),
              Labels.kind(k, lang),
              kinds.contains(k),
              kindCounts.getOrDefault(k.name(), 0L)));
    }
    List<ListItem> hits = new ArrayList<>();
    SearchAnswers.HitWriter writer =
        SearchAnswers.HitWriter.of(readiness, lang, CoordinateSystem.WGS84, settings.clock());
    for (SearchIndex.Hit h : result.hits()) {
      hits.add(
          new ListItem(
              writer.hit(h),
              Labels.kind(h.kind(), lang),
              h.start() == null ? null : Formats.WHEN.format(h.start())));
    }
    return new MapView(
        request.near() == null ? null : request.near().lat(),
        request.near() == null ? null : request.near().lon(),
        z,
        request.text(),
        settings.basemapJson(),
        kindOptions,
        FilterFields.of(request, lang, readiness),
        ctx.queryParam("date") == null ? "" : ctx.queryParam("date"),
        result.total(),
        hits,
        false,
        480,
        true,
        true,
        false,
        null,
        null);
  }
}
