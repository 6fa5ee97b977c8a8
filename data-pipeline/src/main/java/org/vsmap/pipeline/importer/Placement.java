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
 * region code give — walking up to the nearest region whose centroid is known. Anything placed by
 * a region centroid is flagged approximate and shown so.
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
    for (Region r = best; r != null; r = r.parentCode() == null ? null : regions.get(r.parentCode())) {
      if (r.centroid() != null) {
        return new Place(r.centroid(), null, true, "“" + best.name() + "”的区域中心（" + r.name() + "）",
            "centroid of " + best.code() + " " + best.name() + (r == best ? "" : " (that of " + r.code() + ")"));
      }
    }
    return null;
  }
}
