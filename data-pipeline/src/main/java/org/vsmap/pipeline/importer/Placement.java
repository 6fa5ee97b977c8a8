package org.vsmap.pipeline.importer;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;

/**
 * Where a row without coordinates goes: at a station its place names (exact name, or the longest
 * station name the place text contains), else at the centroid of the region its place names or its
 * region code give — or, when that region has no point of its own, at a town of the GeoNames
 * gazetteer the text names, else walking up to the nearest region whose centroid is known.
 * Anything placed by a centroid or a town is flagged approximate and shown so.
 */
final class Placement {
  /** A point, the station it is at (or null), whether it is approximate, and how it was found (zh, en). */
  record Place(GeoPoint point, String stationId, boolean approximate, String howZh, String howEn) {}

  private Placement() {}

  /** At a known station named in {@code placeText}, or null. */
  static Place atStation(String placeText, List<Station> stations) {
    if (placeText == null) {
      return null;
    }
    String text = placeText.replaceAll("\\s", "");
    return stations.stream()
        .filter(s -> text.equals(s.name()) || text.contains(s.name().replaceAll("\\s", "")))
        .max(Comparator.comparingInt((Station s) -> s.name().length()).thenComparing(Station::id, Comparator.reverseOrder()))
        .map(s -> new Place(s.location(), s.id(), s.approximate(), "站点“" + s.name() + "”", "station " + s.id()))
        .orElse(null);
  }

  /**
   * A place {@code placeText} itself names under {@code regionCode}: a region (its centroid, or a
   * town of the gazetteer, or a centroid further up) or a gazetteer town; null when it names none.
   */
  static Place named(String regionCode, String placeText, Map<String, Region> regions) {
    if (placeText == null || regionCode == null) {
      return null;
    }
    String text = placeText.replaceAll("\\s", "");
    boolean namesRegion = regions.values().stream()
        .anyMatch(r -> r.code().startsWith(regionCode) && r.code().length() > regionCode.length() && text.contains(r.name()));
    if (namesRegion) {
      return atRegion(regionCode, placeText, regions);
    }
    Gazetteer.Town town = Gazetteer.find(placeText, regionCode);
    return town == null ? null : new Place(town.point(), null, true, "地名“" + town.name() + "”（GeoNames）",
        "GeoNames town " + town.name() + " in " + regionCode);
  }

  /**
   * The centroid of the most specific region under {@code regionCode} named in {@code placeText}
   * (or of {@code regionCode} itself), or null when no region up the chain has a known centroid.
   */
  static Place atRegion(String regionCode, String placeText, Map<String, Region> regions) {
    Region best = regions.get(regionCode);
    if (placeText != null && regionCode != null) {
      String text = placeText.replaceAll("\\s", "");
      for (Region r : regions.values()) {
        if (r.code().startsWith(regionCode) && text.contains(r.name())
            && (best == null || r.code().length() > best.code().length())) {
          best = r;
        }
      }
    }
    if (best != null && (best.centroid() == null || best.code().length() <= 6)) {
      // a town the text names is closer than a county's (or a walked-up) centroid
      Gazetteer.Town town = Gazetteer.find(placeText, best.code());
      if (town != null) {
        return new Place(town.point(), null, true, "地名“" + town.name() + "”（GeoNames）",
            "GeoNames town " + town.name() + " in " + best.code() + " " + best.name());
      }
    }
    for (Region r = best; r != null; r = r.parentCode() == null ? null : regions.get(r.parentCode())) {
      if (r.centroid() != null) {
        return new Place(r.centroid(), null, true, "“" + best.name() + "”的区域中心（" + r.name() + "）",
            "centroid of " + best.code() + " " + best.name() + (r == best ? "" : " (that of " + r.code() + ")"));
      }
    }
    return null;
  }
}
