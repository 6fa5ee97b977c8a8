package org.vsmap.web.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/**
 * The JSON documents of OGC API – Features besides the items: landing, conformance, collections.
 */
final class OgcAnswers {
  private OgcAnswers() {}

  /** A link of any OGC API document. */
  record Link(String href, String rel, String type, String title) {}

  /** The landing page: what the service is and where its parts are. */
  record Landing(String title, String description, List<Link> links) {}

  /** The conformance classes the service implements. */
  record Conformance(List<String> conformsTo) {}

  /** The collections document. */
  record Collections(List<Link> links, List<CollectionInfo> collections) {}

  /** One collection: its title, description, links, extent, item type and CRS. */
  record CollectionInfo(
      String id,
      String title,
      String description,
      List<Link> links,
      Extent extent,
      String itemType,
      List<String> crs) {}

  /** Where and, for activities, when a collection's features lie. */
  record Extent(Spatial spatial, @JsonInclude(Include.NON_NULL) Temporal temporal) {}

  /** The collection's box in CRS84 (the whole world, in integers, when it has no features). */
  record Spatial(List<List<Number>> bbox, String crs) {}

  /** The first and last time of the collection's features (null for open ends). */
  record Temporal(List<List<String>> interval, String trs) {}
}
