package org.vsmap.pipeline.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;

/**
 * Where a row without coordinates goes: at a station its place names (exact name, or the longest
 * station name the place text contains), else at the centroid of the region its place names or its
 * region code give — or, when that region has no point of its own, at a town of the GeoNames
 * gazetteer the text names, else walking up to the nearest region whose centroid is known. Anything
 * placed by a centroid or a town is flagged approximate and shown so.
 */
final class Placement {
  /**
   * A point, the station it is at (or null), whether it is approximate, and how it was found (zh,
   * en).
   */
  record Place(GeoPoint point, String stationId, boolean approximate, String howZh, String howEn) {}

  private final Map<String, Region> regions;
  private final Map<String, List<Region>> children = new HashMap<>();
  private final Map<String, org.locationtech.jts.geom.prep.PreparedGeometry> prepared =
      new HashMap<>();
  private static final org.locationtech.jts.geom.GeometryFactory GF =
      new org.locationtech.jts.geom.GeometryFactory();

  /**
   * The county of {@code region} when {@code p} lies outside its boundary, else null (also when the
   * boundary is not known). Each boundary is prepared (indexed) once per file: a point test then
   * costs microseconds instead of building the polygon's graph for every row.
   */
  Region countyNotHolding(String region, GeoPoint p) {
    Region county = regions.get(region.length() >= 6 ? region.substring(0, 6) : region);
    if (county == null || county.boundary() == null) {
      return null;
    }
    var boundary =
        prepared.computeIfAbsent(
            county.code(),
            c -> org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(county.boundary()));
    return boundary.contains(
            GF.createPoint(new org.locationtech.jts.geom.Coordinate(p.lon(), p.lat())))
        ? null
        : county;
  }

  /**
   * Indexes the region tree once per file, so finding the regions a row names walks only below its
   * region.
   */
  Placement(Map<String, Region> regions) {
    this.regions = regions;
    for (Region r : regions.values()) {
      if (r.parentCode() != null) {
        children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
      }
    }
  }

  /**
   * The most specific region strictly below {@code code} whose name the text contains (longest
   * code, then smallest), or null.
   */
  private Region namedBelow(String code, String text) {
    Region best = null;
    Deque<String> todo = new ArrayDeque<>(List.of(code));
    while (!todo.isEmpty()) {
      for (Region r : children.getOrDefault(todo.pop(), List.of())) {
        if (text.contains(r.name())
            && (best == null
                || r.code().length() > best.code().length()
                || r.code().length() == best.code().length()
                    && r.code().compareTo(best.code()) < 0)) {
          best = r;
        }
        todo.push(r.code());
      }
    }
    return best;
  }

  /** At a known station named in {@code placeText}, or null. */
  static Place atStation(String placeText, List<Station> stations) {
    if (placeText == null) {
      return null;
    }
    String text = placeText.replaceAll("\\s", "");
    return stations.stream()
        .filter(s -> text.equals(s.name()) || text.contains(s.name().replaceAll("\\s", "")))
        .max(
            Comparator.comparingInt((Station s) -> s.name().length())
                .thenComparing(Station::id, Comparator.reverseOrder()))
        .map(
            s ->
                new Place(
                    s.location(),
                    s.id(),
                    s.approximate(),
                    "站点“" + s.name() + "”",
                    "station " + s.id()))
        .orElse(null);
  }

  /**
   * A place {@code placeText} itself names under {@code regionCode}: a region (its centroid, or a
   * town of the gazetteer, or a centroid further up) or a gazetteer town; null when it names none.
   */
  Place named(String regionCode, String placeText) {
    if (placeText == null || regionCode == null) {
      return null;
    }
    if (namedBelow(regionCode, placeText.replaceAll("\\s", "")) != null) {
      return atRegion(regionCode, placeText);
    }
    Gazetteer.Town town = Gazetteer.find(placeText, regionCode);
    return town == null
        ? null
        : new Place(
            town.point(),
            null,
            true,
            "地名“" + town.name() + "”（GeoNames）",
            "GeoNames town " + town.name() + " in " + regionCode);
  }

  /**
   * The centroid of the most specific region under {@code regionCode} named in {@code placeText}
   * (or of {@code regionCode} itself), or null when no region up the chain has a known centroid.
   */
  Place atRegion(String regionCode, String placeText) {
    Region best = regions.get(regionCode);
    if (placeText != null && regionCode != null) {
      String text = placeText.replaceAll("\\s", "");
      Region below = namedBelow(regionCode, text);
      if (below != null) {
        best = below;
      }
    }
    if (best != null && (best.centroid() == null || best.code().length() <= 6)) {
      // a town the text names is closer than a county's (or a walked-up) centroid
      Gazetteer.Town town = Gazetteer.find(placeText, best.code());
      if (town != null) {
        return new Place(
            town.point(),
            null,
            true,
            "地名“" + town.name() + "”（GeoNames）",
            "GeoNames town " + town.name() + " in " + best.name());
      }
    }
    for (Region r = best;
        r != null;
        r = r.parentCode() == null ? null : regions.get(r.parentCode())) {
      if (r.centroid() != null) {
        return new Place(
            r.centroid(),
            null,
            true,
            "“" + best.name() + "”的区域中心（" + r.name() + "）",
            "the middle of " + best.name() + (r == best ? "" : " (that of " + r.name() + ")"));
      }
    }
    return null;
  }
}
