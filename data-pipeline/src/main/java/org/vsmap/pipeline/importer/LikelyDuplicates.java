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
    Nearby index = new Nearby();
    existing.forEach(index::add);
    List<Problem> warnings = new ArrayList<>();
    for (Station s : incoming) {
      Station o = index.match(s);
      if (o != null) {
        long m = Math.round(org.vsmap.geo.spatial.Geodesy.metres(s.location(), o.location()));
        warnings.add(
            new Problem(
                file,
                0,
                "name",
                s.name(),
                "可能与已有站点重复：" + o.name() + "（" + o.id() + "，相距 " + m + " 米）",
                "likely duplicate of " + o.id() + " " + o.name() + " (" + m + " m apart)"));
      }
      index.add(s);
    }
    return warnings;
  }

  /**
   * Stations by region and cell of about 100 m (0.001° of latitude × 0.0015° of longitude, at least
   * 100 m wide anywhere in China), so a station is compared only with those in its own and the
   * eight cells around it: linear in the rows however many share a community. Equal names are found
   * by hash; a name containing another is checked against the first {@value #CONTAINMENT_CHECKS}
   * stations of each cell, which bounds a file of thousands of stations at one point.
   */
  private static final class Nearby {
    static final int CONTAINMENT_CHECKS = 16;

    private record Stemmed(Station station, String stem) {}

    private record Cell(Map<String, Station> byStem, List<Stemmed> first) {}

    private final Map<String, Cell> cells = new HashMap<>();

    private static String key(String region, long x, long y) {
      return region + "|" + x + "|" + y;
    }

    private static long x(Station s) {
      return (long) Math.floor(s.location().lon() / 0.0015);
    }

    private static long y(Station s) {
      return (long) Math.floor(s.location().lat() / 0.001);
    }

    void add(Station s) {
      Cell c =
          cells.computeIfAbsent(
              key(s.regionCode(), x(s), y(s)), k -> new Cell(new HashMap<>(), new ArrayList<>()));
      String stem = stem(s.name());
      if (!stem.isEmpty()) {
        c.byStem().putIfAbsent(stem, s);
      }
      if (c.first().size() < CONTAINMENT_CHECKS && !stem.isEmpty()) {
        c.first().add(new Stemmed(s, stem));
      }
    }

    Station match(Station s) {
      String stem = stem(s.name());
      Station contained = null;
      for (long dx = -1; dx <= 1; dx++) {
        for (long dy = -1; dy <= 1; dy++) {
          Cell c = cells.get(key(s.regionCode(), x(s) + dx, y(s) + dy));
          if (c == null) {
            continue;
          }
          Station same = stem.isEmpty() ? null : c.byStem().get(stem);
          if (same != null && close(s, same)) {
            return same;
          }
          if (contained == null && !stem.isEmpty()) {
            for (Stemmed o : c.first()) {
              if (stemsSimilar(stem, o.stem()) && close(s, o.station())) {
                contained = o.station();
                break;
              }
            }
          }
        }
      }
      return contained;
    }

    private static boolean close(Station s, Station o) {
      return !o.id().equals(s.id())
          && org.vsmap.geo.spatial.Geodesy.metres(s.location(), o.location()) < DUPLICATE_METRES;
    }
  }

  /** Names alike once their common suffixes are dropped: equal, or one containing the other. */
  private static boolean stemsSimilar(String x, String y) {
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
