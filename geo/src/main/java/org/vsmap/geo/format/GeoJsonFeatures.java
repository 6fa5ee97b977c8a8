package org.vsmap.geo.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;

/**
 * Stations and regions as RFC 7946 FeatureCollections (through {@link GeoJson}). When any feature
 * is synthetic the collection carries a {@code notice} member saying so, in Chinese and English.
 */
public final class GeoJsonFeatures {
  public static final String SYNTHETIC_NOTICE =
      "含合成演示数据，非真实站点 / Contains synthetic demo data, not real places";

  private GeoJsonFeatures() {}

  /** A station's properties in the map's GeoJSON. */
  public record StationProperties(
      String id,
      String name,
      String type,
      @JsonProperty("type_zh") String typeZh,
      @JsonProperty("type_en") String typeEn,
      @JsonProperty("region_code") String regionCode,
      @JsonProperty("county_code") String countyCode,
      String address,
      @JsonProperty("five_has_met") int fiveHasMet,
      boolean synthetic,
      @JsonProperty("approximate_location") boolean approximateLocation,
      String url) {
    static StationProperties of(Station s) {
      return new StationProperties(
          s.id(),
          s.name(),
          s.type().name(),
          s.type().zh(),
          s.type().en(),
          s.regionCode(),
          s.countyCode(),
          s.address(),
          s.fiveHas().met(),
          s.synthetic(),
          s.approximate(),
          "/stations/" + s.id());
    }
  }

  /** A region's properties; the population only where it is known. */
  public record RegionProperties(
      String code,
      String name,
      String level,
      @JsonProperty("parent_code") String parentCode,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long population) {}

  public static void writeStations(List<Station> stations, OutputStream out) {
    boolean synthetic = stations.stream().anyMatch(Station::synthetic);
    try (GeoJson.Collection c =
        GeoJson.collection(out, synthetic ? Map.of("notice", SYNTHETIC_NOTICE) : Map.of())) {
      for (Station s : stations) {
        c.add(new GeoJson.Feature(s.id(), s.location(), StationProperties.of(s)));
      }
    }
  }

  public static void writeRegions(List<Region> regions, OutputStream out) {
    try (GeoJson.Collection c = GeoJson.collection(out, Map.of())) {
      for (Region r : regions) {
        Object geometry = r.boundary() != null ? r.boundary() : r.centroid();
        c.add(
            new GeoJson.Feature(
                r.code(),
                geometry,
                new RegionProperties(
                    r.code(), r.name(), r.level().name(), r.parentCode(), r.population())));
      }
    }
  }
}
