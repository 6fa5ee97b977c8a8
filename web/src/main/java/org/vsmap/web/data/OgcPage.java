package org.vsmap.web.data;

import java.util.List;
import org.vsmap.geo.port.FeatureCollections.Collection;
import org.vsmap.geo.port.FeatureCollections.Feature;

/**
 * The model of the OGC API's HTML pages (data/ogc.peb): which view, the JSON answer it shows and
 * its link, and what the collection, items and item views add (empty or null elsewhere).
 */
public record OgcPage(
    String view,
    Object body,
    String json,
    Collection collection,
    List<Feature> rows,
    List<String> columns,
    long first,
    long last,
    Feature feature) {

  /** The landing page, the conformance list or the collections. */
  static OgcPage of(String view, Object body, String json) {
    return new OgcPage(view, body, json, null, List.of(), List.of(), 0, 0, null);
  }

  static OgcPage collection(Object body, String json, Collection c) {
    return new OgcPage("collection", body, json, c, List.of(), List.of(), 0, 0, null);
  }

  static OgcPage items(
      Object body,
      String json,
      Collection c,
      List<Feature> rows,
      List<String> columns,
      long first) {
    return new OgcPage("items", body, json, c, rows, columns, first, first + rows.size() - 1, null);
  }

  static OgcPage item(Object body, String json, Collection c, Feature f) {
    return new OgcPage("item", body, json, c, List.of(), List.of(), 0, 0, f);
  }
}
