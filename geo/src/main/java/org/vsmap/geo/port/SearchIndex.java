package org.vsmap.geo.port;

import java.util.List;
import java.util.Set;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;

/** Full-text search over stations, teams and activities. */
public interface SearchIndex {

  /** What a person asked for; an empty kind set means every kind. */
  record Query(String text, Set<Kind> kinds, int limit) {
    public Query {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("search text is required");
      }
      if (text.length() > 200) {
        throw new IllegalArgumentException("search text is longer than 200 characters");
      }
      if (limit < 1 || limit > 100) {
        throw new IllegalArgumentException("limit must be between 1 and 100");
      }
      kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }
  }

  /** One match, with enough to list it and put it on the map. */
  record Hit(Kind kind, String id, String name, String regionCode, GeoPoint location, boolean synthetic) {}

  /** The hits, best first, and how many matched in all. */
  record Result(long total, List<Hit> hits) {}

  Result search(Query query);

  /** How many documents the index holds. */
  long size();
}
