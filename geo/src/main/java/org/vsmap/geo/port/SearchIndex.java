package org.vsmap.geo.port;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.CareGroup;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.RegionCode;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Theme;

/** Full-text, faceted and spatial search over stations, teams and activities. */
public interface SearchIndex {

  /** How hits are ordered. */
  enum Order {
    RELEVANCE,
    DISTANCE,
    START
  }

  /**
   * What a person asked for. Every field is optional except limit; empty sets mean "any". A date
   * range keeps only activities that take place in it; a point ({@code near}) adds distances and,
   * with {@link Order#RELEVANCE}, blends nearness into the ranking.
   */
  record Request(
      String text,
      Set<Kind> kinds,
      Set<Theme> themes,
      Set<CareGroup> careGroups,
      String regionCode,
      Set<StationType> stationTypes,
      boolean recruitingOnly,
      LocalDateTime from,
      LocalDateTime to,
      BBox bbox,
      GeoPoint near,
      Double radiusMetres,
      Order order,
      int limit,
      int offset) {

    public static final int MAX_TEXT = 200;

    public Request {
      if (text != null && text.isBlank()) {
        text = null;
      }
      if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT) {
        throw new IllegalArgumentException("q is longer than " + MAX_TEXT + " characters");
      }
      kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(kinds);
      themes = themes == null ? Set.of() : Set.copyOf(themes);
      careGroups = careGroups == null ? Set.of() : Set.copyOf(careGroups);
      stationTypes = stationTypes == null ? Set.of() : Set.copyOf(stationTypes);
      if (regionCode != null && !RegionCode.isValid(regionCode)) {
        throw new IllegalArgumentException(
            "region must be an official code of 2, 4, 6, 9 or 12 digits; got: " + regionCode);
      }
      if (from != null && to != null && to.isBefore(from)) {
        throw new IllegalArgumentException("to must not be before from");
      }
      if (radiusMetres != null) {
        if (near == null) {
          throw new IllegalArgumentException("radius needs lat and lon");
        }
        if (!(radiusMetres >= 1 && radiusMetres <= 500_000)) {
          throw new IllegalArgumentException("radius must be between 1 and 500000 metres");
        }
      }
      order = order == null ? Order.RELEVANCE : order;
      if (order == Order.DISTANCE && near == null) {
        throw new IllegalArgumentException("sort=distance needs lat and lon");
      }
      if (limit < 1 || limit > 100) {
        throw new IllegalArgumentException("limit must be between 1 and 100");
      }
      if (offset < 0 || offset > 10_000) {
        throw new IllegalArgumentException("offset must be between 0 and 10000");
      }
    }

    public static Builder builder() {
      return new Builder();
    }

    /** True when nothing but kinds and the box narrows the request (precomputed clusters apply). */
    public boolean onlyKindsAndBox() {
      return text == null
          && themes.isEmpty()
          && careGroups.isEmpty()
          && regionCode == null
          && stationTypes.isEmpty()
          && !recruitingOnly
          && from == null
          && to == null
          && near == null;
    }

    /** The kinds asked for, all three when none were named. */
    public Set<Kind> kindsOrAll() {
      return kinds.isEmpty() ? EnumSet.allOf(Kind.class) : kinds;
    }
  }

  /** Builds a {@link Request} step by step; validation happens in {@link #build()}. */
  final class Builder {
    private String text;
    private Set<Kind> kinds = Set.of();
    private Set<Theme> themes = Set.of();
    private Set<CareGroup> careGroups = Set.of();
    private String regionCode;
    private Set<StationType> stationTypes = Set.of();
    private boolean recruitingOnly;
    private LocalDateTime from;
    private LocalDateTime to;
    private BBox bbox;
    private GeoPoint near;
    private Double radiusMetres;
    private Order order = Order.RELEVANCE;
    private int limit = 20;
    private int offset;

    public Builder text(String v) {
      text = v;
      return this;
    }

    public Builder kinds(Set<Kind> v) {
      kinds = v;
      return this;
    }

    public Builder themes(Set<Theme> v) {
      themes = v;
      return this;
    }

    public Builder careGroups(Set<CareGroup> v) {
      careGroups = v;
      return this;
    }

    public Builder region(String v) {
      regionCode = v;
      return this;
    }

    public Builder stationTypes(Set<StationType> v) {
      stationTypes = v;
      return this;
    }

    public Builder recruitingOnly(boolean v) {
      recruitingOnly = v;
      return this;
    }

    public Builder between(LocalDateTime f, LocalDateTime t) {
      from = f;
      to = t;
      return this;
    }

    public Builder bbox(BBox v) {
      bbox = v;
      return this;
    }

    public Builder near(GeoPoint v) {
      near = v;
      return this;
    }

    public Builder radius(Double v) {
      radiusMetres = v;
      return this;
    }

    public Builder order(Order v) {
      order = v;
      return this;
    }

    public Builder limit(int v) {
      limit = v;
      return this;
    }

    public Builder offset(int v) {
      offset = v;
      return this;
    }

    public Request build() {
      return new Request(
          text,
          kinds,
          themes,
          careGroups,
          regionCode,
          stationTypes,
          recruitingOnly,
          from,
          to,
          bbox,
          near,
          radiusMetres,
          order,
          limit,
          offset);
    }
  }

  /**
   * One match. {@code nameHtml} and {@code snippetHtml} are HTML-escaped text with the matched
   * parts in {@code <mark>}; {@code detail} is the station type or the activity theme; {@code
   * approximate}: the location is a region centroid, not the record's own point; {@code
   * openingHours}: a station's hours as written, null for the other kinds.
   */
  record Hit(
      Kind kind,
      String id,
      String name,
      String nameHtml,
      String snippetHtml,
      String regionCode,
      GeoPoint location,
      Double distanceMetres,
      boolean synthetic,
      String detail,
      LocalDateTime start,
      boolean approximate,
      String openingHours) {}

  /** A facet value and how many hits have it. */
  record Count(String value, long count) {}

  /** The page of hits, how many matched in all, and the facet counts by dimension. */
  record Result(long total, List<Hit> hits, Map<String, List<Count>> facets) {}

  /**
   * A completion for what is being typed: a record's name, or (kind and id null) a word of the
   * vocabulary — a service, a need, a theme — to search for.
   */
  record Suggestion(Kind kind, String id, String name) {}

  /**
   * A group of nearby things of one kind on the map; id, name and code (station type, team tier or
   * activity theme) are set when it holds one, and recruiting for a single activity.
   */
  record Cluster(
      Kind kind,
      GeoPoint point,
      int count,
      String id,
      String name,
      String code,
      Boolean recruiting) {
    public Cluster(Kind kind, GeoPoint point, int count, String id, String name) {
      this(kind, point, count, id, name, null, null);
    }
  }

  Result search(Request request);

  List<Suggestion> suggest(String prefix, int limit);

  /** The nearest things to a point, nearest first, with their distance. */
  List<Hit> nearest(GeoPoint point, Set<Kind> kinds, int limit);

  /** The clusters of the request's box at a zoom, per kind; the request's filters apply. */
  List<Cluster> clusters(Request request, int zoom);

  /** How many documents the index holds. */
  long size();

  /**
   * The store change the index reflects (-1 when it does not say): answers made from it change only
   * when this does.
   */
  default long storeSequence() {
    return -1;
  }

  /**
   * How many documents match a request's filters and text — no hits, no facets, no ranking
   * (/health, viewport counts).
   */
  default long count(Request request) {
    return search(request).total();
  }
}
