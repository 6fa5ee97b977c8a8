package org.vsmap.web.map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.geo.time.ChinaTime;
import org.vsmap.geo.time.OpeningHours;
import org.vsmap.web.http.Json;
import org.vsmap.web.view.HonourBadges;
import org.vsmap.web.view.Labels;
import org.vsmap.web.view.Lang;

/** The JSON answers of /api/search, /api/suggest and /api/nearby (docs/API.md). */
public final class SearchAnswers {
  private SearchAnswers() {}

  static final String SYNTHETIC_NOTICE = "含合成演示数据 / Contains synthetic demo data";

  /** /api/search: a page of hits, the total and the facet counts. */
  public record Search(
      String query,
      long total,
      int offset,
      int limit,
      String crs,
      List<Hit> hits,
      Map<String, List<FacetValue>> facets,
      @JsonInclude(Include.NON_NULL) String notice) {}

  /** /api/suggest: names that begin with what was typed. */
  public record Suggest(String query, List<Suggestion> suggestions) {}

  /** /api/nearby: the nearest records, nearest first. */
  public record Nearby(String crs, List<Hit> hits) {}

  /**
   * One suggested name with the page it leads to, a word to search for (kind "word"), or a district
   * or street (kind "place", id its region code, with the district it lies in and its box).
   */
  public record Suggestion(
      String kind,
      @JsonInclude(Include.NON_NULL) String id,
      String name,
      @JsonInclude(Include.NON_NULL) String url,
      @JsonInclude(Include.NON_NULL) String within,
      @JsonInclude(Include.NON_NULL) List<Double> bbox) {
    static Suggestion of(SearchIndex.Suggestion s) {
      if (s.kind() == null) {
        return new Suggestion("word", null, s.name(), null, null, null);
      }
      return new Suggestion(
          s.kind().name().toLowerCase(),
          s.id(),
          s.name(),
          "/" + s.kind().path() + "/" + s.id(),
          null,
          null);
    }

    static Suggestion of(org.vsmap.web.view.RegionPlaces.Place p, String langQuery) {
      String url =
          "/?region=" + p.code() + (langQuery.isEmpty() ? "" : "&" + langQuery.substring(1));
      return new Suggestion("place", p.code(), p.name(), url, p.within(), p.bbox());
    }
  }

  /** One found station, team or activity, in the coordinate system asked for. */
  public record Hit(
      String kind,
      String id,
      String name,
      @JsonProperty("name_html") String nameHtml,
      @JsonProperty("snippet_html") @JsonInclude(Include.NON_NULL) String snippetHtml,
      String detail,
      @JsonProperty("region_code") String regionCode,
      @JsonInclude(Include.NON_NULL) String place,
      @JsonInclude(Include.NON_NULL) Double lon,
      @JsonInclude(Include.NON_NULL) Double lat,
      @JsonProperty("distance_m") @JsonInclude(Include.NON_NULL) Long distanceM,
      @JsonInclude(Include.NON_NULL) String start,
      @JsonInclude(Include.NON_NULL) String hours,
      @JsonProperty("open_now") @JsonInclude(Include.NON_NULL) Boolean openNow,
      boolean synthetic,
      @JsonProperty("approximate_location") boolean approximateLocation,
      String url,
      @JsonInclude(Include.NON_EMPTY) List<String> honours) {}

  /**
   * Writes the index's hits as the API answers them: in a language and coordinate system, with
   * their honours' labels, their district and street, and whether a station is open now (China
   * time).
   */
  public record HitWriter(
      Lang lang,
      CoordinateSystem crs,
      HonourBadges badges,
      Labels.RegionNames regions,
      LocalDateTime now) {

    /** The writer for one request: its language, its coordinate system, the time now. */
    public static HitWriter of(
        org.vsmap.web.Readiness readiness, Lang lang, CoordinateSystem crs, java.time.Clock clock) {
      return new HitWriter(
          lang,
          crs,
          HonourBadges.of(readiness.ports(), lang),
          readiness.regionNames(),
          LocalDateTime.now(clock.withZone(ChinaTime.ZONE)));
    }

    public Hit hit(SearchIndex.Hit h) {
      GeoPoint p = h.location() == null ? null : crs.fromWgs84(h.location());
      Optional<OpeningHours> hours = OpeningHours.parse(h.openingHours());
      return new Hit(
          h.kind().name().toLowerCase(),
          h.id(),
          h.name(),
          h.nameHtml(),
          h.snippetHtml(),
          Labels.detail(h.kind(), h.detail(), lang),
          h.regionCode(),
          place(h.regionCode()),
          p == null ? null : Json.coordinate(p.lon()),
          p == null ? null : Json.coordinate(p.lat()),
          h.distanceMetres() == null ? null : Math.round(h.distanceMetres()),
          h.start() == null ? null : h.start().toString(),
          h.openingHours() == null
              ? null
              : lang == Lang.EN
                  ? hours.map(OpeningHours::english).orElse(h.openingHours())
                  : h.openingHours(),
          hours.map(o -> o.openAt(now)).orElse(null),
          h.synthetic(),
          h.approximate(),
          "/" + h.kind().path() + "/" + h.id(),
          badges.labels(h.kind(), h.id()));
    }

    /** The district and street a record is in ("东胜区 · 交通街道"), as far as they are known. */
    private String place(String code) {
      if (code == null || regions == null) {
        return null;
      }
      List<String> chain = regions.chain(code, lang);
      return chain.isEmpty()
          ? null
          : String.join(" · ", chain.subList(0, Math.min(2, chain.size())));
    }
  }

  /** One value of a facet: what to send back, how to show it, how many match. */
  public record FacetValue(
      String value, String label, long count, @JsonInclude(Include.NON_NULL) String care) {}

  /** The index's facet counts, labelled in the page's language. */
  public static Map<String, List<FacetValue>> facets(
      Map<String, List<SearchIndex.Count>> facets, Lang lang, Labels.RegionNames regions) {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    facets.forEach(
        (dim, counts) -> {
          boolean asIs =
              dim.equals("county")
                  || dim.equals("street")
                  || dim.equals("date")
                  || dim.equals("recruiting");
          List<FacetValue> values = new ArrayList<>();
          for (SearchIndex.Count c : counts) {
            values.add(
                new FacetValue(
                    asIs ? c.value() : c.value().toLowerCase(),
                    Labels.facet(dim, c.value(), lang, regions),
                    c.count(),
                    dim.equals("theme")
                        ? Theme.valueOf(c.value()).group().name().toLowerCase()
                        : null));
          }
          out.put(dim, values);
        });
    return out;
  }
}
