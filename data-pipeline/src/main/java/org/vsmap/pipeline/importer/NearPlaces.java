package org.vsmap.pipeline.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;

/**
 * A report's 地点 that names no station and no region but is near the name of one (a typo, a
 * homophone, traditional characters: "锦绣社区" for 锦秀社区): placed at a region's middle it would quietly
 * land in the wrong spot, so it is a problem naming the candidates — unless the row says the place
 * is something else by writing （非站点） after it.
 */
final class NearPlaces {
  private static final Pattern NOT_LISTED =
      Pattern.compile("[（(]\\s*(?:非站点|not a station)\\s*[)）]\\s*$", Pattern.CASE_INSENSITIVE);

  private NearPlaces() {}

  /** Whether the row marks the place as not a station or community of the store. */
  static boolean marked(String place) {
    return place != null && NOT_LISTED.matcher(place).find();
  }

  /** The place as written, without the mark. */
  static String unmarked(String place) {
    return place == null ? null : NOT_LISTED.matcher(place).replaceAll("").strip();
  }

  /** Up to three station or region names near {@code place}, closest first. */
  static List<String> near(String place, List<Station> stations, List<Region> regions) {
    List<NameMatch.Near<String>> all = new ArrayList<>();
    NameMatch.near(place, stations, Station::name)
        .forEach(n -> all.add(new NameMatch.Near<>(n.name(), n.name(), n.distance())));
    NameMatch.near(place, regions, Region::name)
        .forEach(n -> all.add(new NameMatch.Near<>(n.name(), n.name(), n.distance())));
    all.sort(java.util.Comparator.comparingInt((NameMatch.Near<String> n) -> n.distance()));
    return all.stream().map(NameMatch.Near::name).distinct().limit(3).toList();
  }
}
