package org.vsmap.pipeline.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.port.Problem;

/** Stations that are probably already there under another id, or twice in one file. */
public final class LikelyDuplicates {
  private LikelyDuplicates() {}

  /**
   * A likely duplicate: same region, a similar name, less than this many metres apart, another id.
   */
  static final double DUPLICATE_METRES = 100;

  /**
   * Warns about stations that are probably already there under another id (or twice in the file):
   * same region code, names equal once the common suffixes are dropped (or one contains the other),
   * and less than 100 m apart.
   */
  public static List<Problem> find(String file, List<Station> incoming, List<Station> existing) {
    Map<String, List<Station>> byRegion = new HashMap<>();
    for (Station s : existing) {
      byRegion.computeIfAbsent(s.regionCode(), k -> new ArrayList<>()).add(s);
    }
    List<Problem> warnings = new ArrayList<>();
    Map<String, List<Station>> seen = new HashMap<>();
    for (Station s : incoming) {
      List<Station> candidates = new ArrayList<>(byRegion.getOrDefault(s.regionCode(), List.of()));
      candidates.addAll(seen.getOrDefault(s.regionCode(), List.of()));
      for (Station o : candidates) {
        if (!o.id().equals(s.id())
            && similar(s.name(), o.name())
            && org.vsmap.geo.spatial.Geodesy.metres(s.location(), o.location())
                < DUPLICATE_METRES) {
          long m = Math.round(org.vsmap.geo.spatial.Geodesy.metres(s.location(), o.location()));
          warnings.add(
              new Problem(
                  file,
                  0,
                  "name",
                  s.name(),
                  "可能与已有站点重复：" + o.name() + "（" + o.id() + "，相距 " + m + " 米）",
                  "likely duplicate of " + o.id() + " " + o.name() + " (" + m + " m apart)"));
          break;
        }
      }
      seen.computeIfAbsent(s.regionCode(), k -> new ArrayList<>()).add(s);
    }
    return warnings;
  }

  static boolean similar(String a, String b) {
    String x = stem(a);
    String y = stem(b);
    return !x.isEmpty() && !y.isEmpty() && (x.equals(y) || x.contains(y) || y.contains(x));
  }

  private static String stem(String name) {
    String n = name.replaceAll("\\s", "");
    for (String suffix :
        new String[] {
          "志愿服务示范站点",
          "志愿服务示范站",
          "便民志愿服务点",
          "志愿服务站点",
          "志愿服务站",
          "志愿服务点",
          "服务站",
          "服务点",
          "驿站",
          "站点",
          "站"
        }) {
      if (n.endsWith(suffix)) {
        return n.substring(0, n.length() - suffix.length());
      }
    }
    return n;
  }

  /** The canonical columns and the headers offices use for them (as printed in their sheets). */
}
