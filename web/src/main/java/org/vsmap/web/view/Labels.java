package org.vsmap.web.view;

import org.vsmap.geo.model.CareGroup;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.RegionStore;

/** Display names of codes (kinds, themes, types, regions) in the page language. */
public final class Labels {
  private Labels() {}

  public static String kind(Kind k, Lang lang) {
    return lang == Lang.ZH ? k.zh() : k.en();
  }

  /** The label of a facet value of a dimension; region codes are looked up. */
  public static String facet(String dim, String value, Lang lang, RegionNames regions) {
    boolean zh = lang == Lang.ZH;
    try {
      return switch (dim) {
        case "kind" -> kind(Kind.valueOf(value), lang);
        case "theme" -> zh ? Theme.valueOf(value).zh() : Theme.valueOf(value).en();
        case "care" -> zh ? CareGroup.valueOf(value).zh() : CareGroup.valueOf(value).en();
        case "type" -> zh ? StationType.valueOf(value).zh() : StationType.valueOf(value).en();
        case "recruiting" ->
            value.equals("yes") ? (zh ? "招募中" : "Recruiting") : (zh ? "已满员" : "Full");
        case "date" ->
            switch (value) {
              case "today" -> zh ? "今天" : "Today";
              case "week" -> zh ? "本周" : "This week";
              default -> zh ? "本周末" : "This weekend";
            };
        case "county", "street" -> regions.name(value, lang);
        default -> value;
      };
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  /** The detail code of a hit (station type, team level or theme) as a label. */
  public static String detail(Kind kind, String code, Lang lang) {
    boolean zh = lang == Lang.ZH;
    try {
      return switch (kind) {
        case STATION -> zh ? StationType.valueOf(code).zh() : StationType.valueOf(code).en();
        case TEAM -> zh ? TeamLevel.valueOf(code).zh() : TeamLevel.valueOf(code).en();
        case ACTIVITY -> zh ? Theme.valueOf(code).zh() : Theme.valueOf(code).en();
      };
    } catch (IllegalArgumentException | NullPointerException e) {
      return code;
    }
  }

  /** A region in a chooser: its code and name. */
  public record RegionOption(String code, String name) {}

  /** Names of counties and streets, read once (they change only with an import of regions). */
  public static final class RegionNames {
    private final java.util.Map<String, String> names =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final RegionStore store;

    private final java.util.List<RegionOption> counties;
    private final RegionPlaces places;

    public RegionNames(RegionStore store) {
      this.store = store;
      java.util.List<RegionOption> countyList = new java.util.ArrayList<>();
      java.util.List<org.vsmap.geo.model.Region> placeList = new java.util.ArrayList<>();
      for (RegionLevel level :
          new RegionLevel[] {RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.STREET}) {
        for (var r : store.regionsAtLevel(level)) {
          names.put(r.code(), r.name());
          placeList.add(r);
          if (level == RegionLevel.COUNTY) {
            countyList.add(new RegionOption(r.code(), r.name()));
          }
        }
      }
      this.counties = java.util.List.copyOf(countyList);
      this.places = new RegionPlaces(placeList, this::name);
    }

    /** Districts and streets to suggest as places (东胜 → 东胜区). */
    public RegionPlaces places() {
      return places;
    }

    /** The counties as code and name, for the district chooser (read once, not per page). */
    public java.util.List<RegionOption> counties() {
      return counties;
    }

    /** The counties named in a language (English: their English names). */
    public java.util.List<RegionOption> counties(Lang lang) {
      return lang == Lang.ZH
          ? counties
          : counties.stream()
              .map(c -> new RegionOption(c.code(), PlaceNames.english(c.code(), c.name())))
              .toList();
    }

    /** {@link #chain(String)} in a language (English: names in use, else pinyin). */
    public java.util.List<String> chain(String code, Lang lang) {
      if (lang == Lang.ZH) {
        return chain(code);
      }
      java.util.List<String> out = new java.util.ArrayList<>();
      for (int len : new int[] {6, 9, 12}) {
        if (code.length() >= len) {
          String c = code.substring(0, len);
          String name = name(c);
          if (!name.equals(c) && !name.contains("虚拟")) {
            out.add(PlaceNames.english(c, name));
          }
        }
      }
      return out;
    }

    /** A region's name in a language. */
    public String name(String code, Lang lang) {
      String zh = name(code);
      return lang == Lang.ZH || zh.equals(code) ? zh : PlaceNames.english(code, zh);
    }

    /**
     * The names of the county, street and community above a region code, as far as they are known
     * (a 虚拟社区 is left out).
     */
    public java.util.List<String> chain(String code) {
      java.util.List<String> out = new java.util.ArrayList<>();
      for (int len : new int[] {6, 9, 12}) {
        if (code.length() >= len) {
          String name = name(code.substring(0, len));
          // a 虚拟社区 is a statistical placeholder of a development zone, not a place to name
          if (!name.equals(code.substring(0, len)) && !name.contains("虚拟")) {
            out.add(name);
          }
        }
      }
      return out;
    }

    public String name(String code) {
      return names.computeIfAbsent(code, c -> store.regionByCode(c).map(r -> r.name()).orElse(c));
    }
  }
}
