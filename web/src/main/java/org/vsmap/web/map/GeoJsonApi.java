package org.vsmap.web.map;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.vsmap.geo.format.GeoJsonFeatures;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.model.Station;
import org.vsmap.web.Readiness;
import org.vsmap.web.http.WebError;

/** GeoJSON for the map: stations (optionally in a box) and region boundaries by level. */
public final class GeoJsonApi {
  private static final String GEOJSON = "application/geo+json; charset=utf-8";
  private final Readiness readiness;

  public GeoJsonApi(Readiness readiness) {
    this.readiness = readiness;
  }

  public void stations(Context ctx) {
    String bbox = ctx.queryParam("bbox");
    List<Station> stations;
    if (bbox == null) {
      stations = readiness.ports().stations().stations();
    } else {
      try {
        stations = readiness.ports().stations().stationsWithin(BBox.parse(bbox));
      } catch (IllegalArgumentException e) {
        throw WebError.badRequest(e.getMessage());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GeoJsonFeatures.writeStations(stations, out);
    ctx.contentType(GEOJSON).result(out.toByteArray());
  }

  public void regions(Context ctx) {
    String level = ctx.queryParam("level");
    RegionLevel l;
    try {
      l = level == null ? RegionLevel.COUNTY : RegionLevel.valueOf(level.toUpperCase());
    } catch (IllegalArgumentException e) {
      throw WebError.badRequest(
          "level must be one of province, city, county, street, community; got: " + level);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    var regions = readiness.ports().regions().regionsAtLevel(l);
    if (org.vsmap.web.view.Lang.of(ctx) == org.vsmap.web.view.Lang.EN) {
      // the map's district labels on English pages
      regions =
          regions.stream()
              .map(
                  r ->
                      new org.vsmap.geo.model.Region(
                          r.code(),
                          org.vsmap.web.view.PlaceNames.english(r.code(), r.name()),
                          r.level(),
                          r.parentCode(),
                          r.population(),
                          r.boundary(),
                          r.centroid()))
              .toList();
    }
    GeoJsonFeatures.writeRegions(regions, out);
    ctx.contentType(GEOJSON).result(out.toByteArray());
  }
}
