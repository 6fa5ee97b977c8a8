package org.vsmap.web.map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.format.GeoJson;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.geo.spatial.WebMercator;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebPorts;
import org.vsmap.web.http.Json;
import org.vsmap.web.http.SearchParams;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.HonourBadges;
import org.vsmap.web.view.Lang;

/**
 * /api/clusters (the map's points and clusters per viewport and zoom) and /api/regions (the
 * district chooser).
 */
public final class MapApi {
  /**
   * The widest and tallest viewport /api/clusters answers, in screen pixels at the asked zoom
   * (twice an 8K screen).
   */
  public static final int MAX_PIXELS = 16_384;

  private final Readiness readiness;
  private final Clock clock;

  public MapApi(Readiness readiness, Clock clock) {
    this.readiness = readiness;
    this.clock = clock;
  }

  public void clusters(Context ctx) {
    if (ctx.queryParam("bbox") == null) {
      throw WebError.badRequest("bbox is required: west,south,east,north of the viewport");
    }
    int z = SearchParams.intParam(ctx, "z", -1);
    if (z < 0 || z > 20) {
      throw WebError.badRequest("z must be a zoom level between 0 and 20");
    }
    SearchIndex.Request request = SearchParams.parse(ctx, clock, 1);
    double width =
        WebMercator.x(request.bbox().east(), z) - WebMercator.x(request.bbox().west(), z);
    double height =
        WebMercator.y(request.bbox().south(), z) - WebMercator.y(request.bbox().north(), z);
    if (width > MAX_PIXELS || height > MAX_PIXELS) {
      // a box far bigger than any screen at its zoom would ask for a cluster per point of a
      // province
      throw WebError.badRequest(
          String.format(
              java.util.Locale.ROOT,
              "bbox spans %.0f × %.0f pixels at zoom %d; at most %d × %d: send the viewport's box, or a lower zoom",
              width,
              height,
              z,
              MAX_PIXELS,
              MAX_PIXELS));
    }
    CoordinateSystem crs = SearchParams.crs(ctx);
    List<SearchIndex.Cluster> clusters = readiness.ports().search().clusters(request, z);
    HonourBadges badges = HonourBadges.of(readiness.ports(), Lang.of(ctx));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (GeoJson.Collection out = GeoJson.collection(body, Map.of("zoom", z))) {
      for (SearchIndex.Cluster c : clusters) {
        out.add(new GeoJson.Feature(null, crs.fromWgs84(c.point()), ClusterPoint.of(c, badges)));
      }
    }
    ctx.contentType("application/geo+json; charset=utf-8").result(body.toByteArray());
  }

  /** A cluster's properties: its kind and count; a single record's id, name, page and honours. */
  public record ClusterPoint(
      String kind,
      long count,
      @JsonInclude(Include.NON_NULL) String id,
      @JsonInclude(Include.NON_NULL) String name,
      @JsonInclude(Include.NON_NULL) String url,
      @JsonInclude(Include.NON_EMPTY) List<String> honours) {
    static ClusterPoint of(SearchIndex.Cluster c, HonourBadges badges) {
      String kind = c.kind().name().toLowerCase();
      return c.id() == null
          ? new ClusterPoint(kind, c.count(), null, null, null, List.of())
          : new ClusterPoint(
              kind,
              c.count(),
              c.id(),
              c.name(),
              "/" + c.kind().path() + "/" + c.id(),
              badges.labels(c.kind(), c.id()));
    }
  }

  /** One region of /api/regions: its code, name and level; its centre and box when known. */
  public record RegionItem(
      String code,
      String name,
      String level,
      @JsonInclude(Include.NON_NULL) Double lon,
      @JsonInclude(Include.NON_NULL) Double lat,
      @JsonInclude(Include.NON_NULL) List<Double> bbox) {
    static RegionItem of(Region r, Lang lang) {
      var e = r.boundary() == null ? null : r.boundary().getEnvelopeInternal();
      return new RegionItem(
          r.code(),
          lang == Lang.ZH ? r.name() : org.vsmap.web.view.PlaceNames.english(r.code(), r.name()),
          r.level().name().toLowerCase(),
          r.centroid() == null ? null : r.centroid().lon(),
          r.centroid() == null ? null : r.centroid().lat(),
          e == null ? null : List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
    }
  }

  /** The answer of /api/regions. */
  public record Regions(List<RegionItem> regions) {}

  /**
   * GET /api/regions?parent=code[&lang=en]: the children of a region (default: the counties), for
   * choosers; English names with lang=en.
   */
  public void regions(Context ctx) {
    String parent = ctx.queryParam("parent");
    WebPorts ports = readiness.ports();
    List<Region> regions;
    if (parent == null || parent.isBlank()) {
      regions = ports.regions().regionsAtLevel(RegionLevel.COUNTY);
    } else {
      String code = parent.strip();
      RegionLevel level;
      try {
        level = RegionLevel.ofCode(code);
      } catch (IllegalArgumentException e) {
        throw WebError.badRequest("parent must be a region code; got: " + parent);
      }
      if (ports.regions().regionByCode(code).isEmpty()) {
        throw WebError.notFound("no region with code " + code);
      }
      regions = level == RegionLevel.COMMUNITY ? List.of() : ports.regions().regionsUnder(code);
    }
    Lang lang = Lang.of(ctx);
    Json.send(ctx, new Regions(regions.stream().map(r -> RegionItem.of(r, lang)).toList()));
  }
}
