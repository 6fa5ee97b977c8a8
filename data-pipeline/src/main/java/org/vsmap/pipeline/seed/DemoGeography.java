package org.vsmap.pipeline.seed;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.spatial.ChinaOffsets;
import org.vsmap.pipeline.csv.CsvTable;

/** The demo's regions and county outlines, and where in them a generated point may lie. */
final class DemoGeography {
  private static final GeometryFactory GF = new GeometryFactory();

  /** A region of the source's region list. */
  record Place(String code, String name, String parent, String level) {}

  private final Map<String, Place> regions = new LinkedHashMap<>();
  private final Map<String, BoundaryFile.Boundary> counties;
  private final Map<String, PreparedGeometry> prepared = new LinkedHashMap<>();
  private final Map<String, Geometry> outlines = new LinkedHashMap<>();

  DemoGeography(SeedSource source) {
    for (CsvTable.Row r :
        CsvTable.read(SeedSource.REGIONS, source.open(SeedSource.REGIONS)).rows()) {
      regions.put(
          r.require("code"),
          new Place(
              r.require("code"), r.require("name"), r.get("parent_code"), r.require("level")));
    }
    counties =
        BoundaryFile.read(SeedSource.COUNTY_BOUNDARIES, source.open(SeedSource.COUNTY_BOUNDARIES));
    counties.forEach(
        (code, b) -> {
          prepared.put(code, PreparedGeometryFactory.prepare(b.geometry()));
          outlines.put(code, b.geometry().getBoundary());
        });
  }

  /** The region of a code, or null. */
  Place place(String code) {
    return regions.get(code);
  }

  /** The seat of a county: the source's seat point converted from GCJ-02, or an interior point. */
  GeoPoint seat(String county) {
    BoundaryFile.Boundary b = counties.get(county);
    if (b == null) {
      throw new IllegalStateException("no boundary for county " + county);
    }
    if (b.seatGcj02() != null) {
      GeoPoint wgs = ChinaOffsets.gcj02ToWgs84(b.seatGcj02());
      if (inside(county, wgs)) {
        return wgs;
      }
    }
    Coordinate c = InteriorPointArea.getInteriorPoint(b.geometry());
    return new GeoPoint(c.x, c.y);
  }

  /** A point within {@code km} of {@code centre} and inside the county, or the centre itself. */
  GeoPoint jitter(SplittableRandom rnd, GeoPoint centre, double km, String county) {
    for (int i = 0; i < 200; i++) {
      double r = km * Math.sqrt(rnd.nextDouble());
      double theta = rnd.nextDouble() * 2 * Math.PI;
      double lon =
          centre.lon() + r * Math.cos(theta) / (111.32 * Math.cos(Math.toRadians(centre.lat())));
      double lat = centre.lat() + r * Math.sin(theta) / 110.57;
      GeoPoint p = new GeoPoint(lon, lat);
      if (inside(county, p)) {
        return p;
      }
    }
    return centre;
  }

  GeoPoint anywhereIn(SplittableRandom rnd, String county) {
    Envelope e = counties.get(county).geometry().getEnvelopeInternal();
    for (int i = 0; i < 1000; i++) {
      GeoPoint p =
          new GeoPoint(
              e.getMinX() + rnd.nextDouble() * e.getWidth(),
              e.getMinY() + rnd.nextDouble() * e.getHeight());
      if (inside(county, p)) {
        return p;
      }
    }
    throw new IllegalStateException("could not place a point inside county " + county);
  }

  private boolean inside(String county, GeoPoint p) {
    // stay a little inside: points are rounded to 6 decimals when written
    var point = GF.createPoint(new Coordinate(p.lon(), p.lat()));
    return prepared.get(county).contains(point) && outlines.get(county).distance(point) > 1e-4;
  }

  List<Place> byLevel(String level) {
    return regions.values().stream()
        .filter(p -> p.level().equals(level))
        .sorted(Comparator.comparing(Place::code))
        .toList();
  }
}
