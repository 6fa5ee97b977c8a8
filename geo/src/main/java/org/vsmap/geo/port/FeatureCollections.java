package org.vsmap.geo.port;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.GeoPoint;

/**
 * The datasets as OGC API – Features collections: pages of features chosen by boxes, time and
 * property values, with how many matched in all. Properties are the dataset's fields (the same
 * dictionary as the downloads).
 */
public interface FeatureCollections {

  /**
   * A property one may filter on with {@code name=value}: its type and, for codes, the values
   * allowed.
   */
  record Queryable(String name, String type, String zh, String en, List<String> values) {}

  /**
   * A collection: id, titles, descriptions, its spatial extent (west, south, east, north; null when
   * empty), its temporal extent (null when it has no time), its fields and queryables.
   */
  record Collection(
      String id,
      String titleZh,
      String titleEn,
      String descriptionZh,
      String descriptionEn,
      BBox extent,
      LocalDateTime[] interval,
      List<Downloads.Field> fields,
      List<Queryable> queryables) {
    public boolean temporal() {
      return interval != null;
    }
  }

  /**
   * What to return: features inside any of the boxes (none = anywhere; a box across the
   * antimeridian comes as two), whose time overlaps [from, to) (China time; null = open), whose
   * region code starts with {@code region}, whose queryables equal the values given; {@code limit}
   * of them from {@code offset}, ordered by id.
   */
  record Query(
      List<BBox> boxes,
      LocalDateTime from,
      LocalDateTime to,
      String region,
      Map<String, String> properties,
      int limit,
      long offset) {
    public Query {
      boxes = boxes == null ? List.of() : List.copyOf(boxes);
      properties = properties == null ? Map.of() : Map.copyOf(properties);
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1");
      }
      if (offset < 0) {
        throw new IllegalArgumentException("offset must not be negative");
      }
    }
  }

  /**
   * One feature: its id, its point (null when it has none) and its properties in dictionary order.
   */
  record Feature(String id, GeoPoint point, Map<String, Object> properties) {}

  /** A page of features and how many match the query in all. */
  record Page(long numberMatched, List<Feature> features) {}

  List<Collection> collections();

  /**
   * @throws IllegalArgumentException for an unknown collection or a queryable value of the wrong
   *     type
   */
  Page items(String collection, Query query);

  Optional<Feature> item(String collection, String id);
}
