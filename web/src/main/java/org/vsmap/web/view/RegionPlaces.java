package org.vsmap.web.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Envelope;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;

/**
 * Districts and streets as places to search by (东胜 → 东胜区, jiaot → 交通街道): what the search box
 * suggests besides names and words, with the box to frame the map on. Built once from the regions.
 */
public final class RegionPlaces {

  /**
   * A district or street suggested as a place.
   *
   * @param within the district a street lies in (null for a district)
   * @param bbox west, south, east, north (WGS84), or null when no boundary is known
   */
  public record Place(String code, String name, String within, List<Double> bbox) {}

  private record Entry(Region region, String latin) {}

  private final List<Entry> entries = new ArrayList<>();
  private final UnaryOperator<String> nameOfCode;

  /** {@code regions}: the counties and streets; {@code nameOfCode}: a region's Chinese name. */
  RegionPlaces(List<Region> regions, UnaryOperator<String> nameOfCode) {
    this.nameOfCode = nameOfCode;
    for (Region r : regions) {
      if ((r.level() == RegionLevel.COUNTY || r.level() == RegionLevel.STREET)
          && !r.name().contains("虚拟")) {
        entries.add(new Entry(r, PlaceNames.pinyin(r.name()).toLowerCase(Locale.ROOT)));
      }
    }
    // districts before streets, then by code: the order a resident reads them in
    entries.sort(
        Comparator.comparing((Entry e) -> e.region().level())
            .thenComparing(e -> e.region().code()));
  }

  /**
   * Up to {@code limit} districts and streets whose name begins with {@code typed} (or contains it,
   * from two characters), or whose pinyin begins with the Latin letters typed.
   */
  public List<Place> matching(String typed, Lang lang, int limit) {
    String t = typed == null ? "" : typed.strip();
    if (t.isEmpty() || limit <= 0) {
      return List.of();
    }
    String latin = t.matches("[A-Za-z ]{2,}") ? t.replace(" ", "").toLowerCase(Locale.ROOT) : null;
    List<Entry> starts = new ArrayList<>();
    List<Entry> contains = new ArrayList<>();
    for (Entry e : entries) {
      String name = e.region().name();
      if (name.startsWith(t) || (latin != null && e.latin().startsWith(latin))) {
        starts.add(e);
      } else if (latin == null && t.codePointCount(0, t.length()) >= 2 && name.contains(t)) {
        contains.add(e);
      }
    }
    starts.addAll(contains);
    return starts.stream().limit(limit).map(e -> place(e.region(), lang)).toList();
  }

  private Place place(Region r, Lang lang) {
    String within = r.level() == RegionLevel.STREET ? nameOf(r.code().substring(0, 6), lang) : null;
    List<Double> bbox = null;
    if (r.boundary() != null) {
      Envelope e = r.boundary().getEnvelopeInternal();
      bbox = List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }
    return new Place(r.code(), nameOf(r.code(), r.name(), lang), within, bbox);
  }

  private String nameOf(String code, Lang lang) {
    return nameOf(code, nameOfCode.apply(code), lang);
  }

  private static String nameOf(String code, String zh, Lang lang) {
    return lang == Lang.ZH ? zh : PlaceNames.english(code, zh);
  }
}
