package org.vsmap.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** GET /: the full-screen map; the view (lat, lon, z) comes from the query string so it can be shared. */
final class MapPage {
  private final Views views;
  private final WebSettings settings;
  private final Readiness readiness;

  MapPage(Views views, WebSettings settings, Readiness readiness) {
    this.views = views;
    this.settings = settings;
    this.readiness = readiness;
  }

  void show(Context ctx) {
    Lang lang = Lang.of(ctx);
    readiness.ports();
    Map<String, Object> model = new HashMap<>();
    Double lat = number(ctx, "lat", -90, 90);
    Double lon = number(ctx, "lon", -180, 180);
    Double z = number(ctx, "z", 1, 19);
    if ((lat == null) != (lon == null)) {
      throw WebError.badRequest("lat and lon must be given together");
    }
    model.put("lat", lat);
    model.put("lon", lon);
    model.put("z", z);
    model.put("tileUrl", settings.tileUrl());
    model.put("tileAttribution", settings.tileAttribution());
    ctx.html(views.render("map", lang, model));
  }

  static Double number(Context ctx, String name, double min, double max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    double d;
    try {
      d = Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw WebError.badRequest(name + " must be a number; got: " + v);
    }
    if (!Double.isFinite(d) || d < min || d > max) {
      throw WebError.badRequest(name + " must be between " + (int) min + " and " + (int) max + "; got: " + v);
    }
    return d;
  }
}
