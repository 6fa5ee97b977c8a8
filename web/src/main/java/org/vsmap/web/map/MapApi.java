package org.vsmap.web.map;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.format.GeoJson;
import org.vsmap.geo.model.GeoPoint;
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
    List<GeoJson.Feature> features = new ArrayList<>(clusters.size());
    HonourBadges badges = HonourBadges.of(readiness.ports(), Lang.of(ctx));
    for (SearchIndex.Cluster c : clusters) {
      GeoPoint p = crs.fromWgs84(c.point());
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("kind", c.kind().name().toLowerCase());
      props.put("count", c.count());
      if (c.id() != null) {
        props.put("id", c.id());
        props.put("name", c.name());
        props.put("url", "/" + c.kind().path() + "/" + c.id());
        badges.addTo(props);
      }
      features.add(new GeoJson.Feature(null, p, props));
    }
    ctx.contentType("application/geo+json; charset=utf-8");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "FeatureCollection");
    body.put("zoom", z);
    body.put("features", features);
    Json.send(ctx, body);
    ctx.contentType("application/geo+json; charset=utf-8");
  }

  /**
   * GET /api/regions?parent=code: the children of a region (default: the counties), for choosers.
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
    List<Map<String, Object>> out = new ArrayList<>();
    for (Region r : regions) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", r.code());
      m.put("name", r.name());
      m.put("level", r.level().name().toLowerCase());
      if (r.centroid() != null) {
        m.put("lon", r.centroid().lon());
        m.put("lat", r.centroid().lat());
      }
      if (r.boundary() != null) {
        var e = r.boundary().getEnvelopeInternal();
        m.put("bbox", List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
      }
      out.add(m);
    }
    Json.send(ctx, Map.of("regions", out));
  }
}
