package org.vsmap.pipeline.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.pipeline.csv.CsvTable;
import org.vsmap.pipeline.search.Pinyin;

/**
 * Towns of China with WGS84 points (GeoNames, CC BY 4.0, shipped in {@code seeds/gazetteer/}): a
 * place written in Chinese is found by its pinyin among the towns of the record's city, so
 * "在树林召镇开展…" lands at Shulinzhao rather than at the county's centre. Names are pinyin only, so a
 * match is a run of two to six Chinese characters whose pinyin equals a town's name.
 */
final class Gazetteer {
  /** A town: its pinyin key (lower case, letters only), GeoNames name, point. */
  record Town(String key, String name, GeoPoint point) {}

  private static final String FILE = "seeds/gazetteer/geonames_cities_CN.csv";

  private static final class Holder {
    static final Map<String, List<Town>> BY_CITY = load();
  }

  private Gazetteer() {}

  private static Map<String, List<Town>> load() {
    Map<String, List<Town>> out = new HashMap<>();
    try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(FILE)) {
      if (in == null) {
        return out;
      }
      for (CsvTable.Row row : CsvTable.read(FILE, in).rows()) {
        String city = row.get("admin2");
        String name = row.get("name");
        if (city == null || name == null) {
          continue;
        }
        String key = key(name);
        if (key.length() >= 4) {
          out.computeIfAbsent(city, k -> new ArrayList<>())
              .add(
                  new Town(
                      key,
                      name,
                      new GeoPoint(
                          Double.parseDouble(row.require("lng")),
                          Double.parseDouble(row.require("lat")))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static String key(String latin) {
    return latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }

  /**
   * The town of city {@code cityCode} (4 digits) that {@code text} names, longest match first, or
   * null.
   */
  static Town find(String text, String cityCode) {
    if (text == null || cityCode == null || cityCode.length() < 4) {
      return null;
    }
    List<Town> towns = Holder.BY_CITY.getOrDefault(cityCode.substring(0, 4), List.of());
    if (towns.isEmpty()) {
      return null;
    }
    String[] syllables = Pinyin.syllables(text);
    Town best = null;
    int bestLength = 0;
    for (int i = 0; i < text.length(); i++) {
      StringBuilder run = new StringBuilder();
      for (int j = i; j < Math.min(text.length(), i + 6); j++) {
        char c = text.charAt(j);
        if (c < 0x4E00 || c > 0x9FFF || syllables[j] == null) {
          break;
        }
        run.append(syllables[j]);
        int length = j - i + 1;
        if (length >= 2 && length > bestLength) {
          String k = run.toString();
          for (Town t : towns) {
            if (t.key().equals(k)) {
              best = t;
              bestLength = length;
            }
          }
        }
      }
    }
    return best;
  }
}
