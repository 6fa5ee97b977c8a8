package org.vsmap.geo.fake;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.port.Downloads;
import org.vsmap.geo.port.FeatureCollections;

/**
 * The stations of an {@link InMemoryStores} as one OGC API collection, {@code stations}: filtered
 * by boxes, region prefix and the {@code type} queryable, ordered by id, paged.
 */
public final class InMemoryFeatureCollections implements FeatureCollections {
  private final InMemoryStores stores;

  public InMemoryFeatureCollections(InMemoryStores stores) {
    this.stores = stores;
  }

  @Override
  public List<Collection> collections() {
    List<Station> all = stores.stations;
    BBox extent =
        all.isEmpty()
            ? null
            : new BBox(
                all.stream().mapToDouble(s -> s.location().lon()).min().orElseThrow(),
                all.stream().mapToDouble(s -> s.location().lat()).min().orElseThrow(),
                all.stream().mapToDouble(s -> s.location().lon()).max().orElseThrow(),
                all.stream().mapToDouble(s -> s.location().lat()).max().orElseThrow());
    return List.of(
        new Collection(
            "stations",
            "志愿服务站点",
            "Volunteer stations",
            "站点",
            "stations",
            extent,
            null,
            List.of(
                new Downloads.Field("id", "string", null, "编号", "id", "st-1"),
                new Downloads.Field("name", "string", null, "名称", "name", "锦秀社区志愿服务站"),
                new Downloads.Field("type", "string", null, "类型", "type", "COMMUNITY"),
                new Downloads.Field("region_code", "string", null, "区划代码", "region code", "150602"),
                new Downloads.Field("synthetic", "boolean", null, "合成", "synthetic", "true")),
            List.of(
                new Queryable(
                    "type",
                    "string",
                    "类型",
                    "type",
                    Arrays.stream(StationType.values()).map(Enum::name).toList()))));
  }

  @Override
  public Page items(String collection, Query query) {
    known(collection);
    String type = query.properties().get("type");
    if (type != null && Arrays.stream(StationType.values()).noneMatch(t -> t.name().equals(type))) {
      throw new IllegalArgumentException(
          "type must be one of the station types, not '" + type + "'");
    }
    List<Station> matched =
        stores.stations.stream()
            .filter(
                s ->
                    query.boxes().isEmpty()
                        || query.boxes().stream().anyMatch(b -> b.contains(s.location())))
            .filter(s -> query.region() == null || s.regionCode().startsWith(query.region()))
            .filter(s -> type == null || s.type().name().equals(type))
            .sorted(Comparator.comparing(Station::id))
            .toList();
    List<Feature> page =
        matched.stream()
            .skip(query.offset())
            .limit(query.limit())
            .map(InMemoryFeatureCollections::feature)
            .toList();
    return new Page(matched.size(), page);
  }

  @Override
  public Optional<Feature> item(String collection, String id) {
    known(collection);
    return stores.stations.stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .map(InMemoryFeatureCollections::feature);
  }

  private static void known(String collection) {
    if (!collection.equals("stations")) {
      throw new IllegalArgumentException("no collection " + collection);
    }
  }

  private static Feature feature(Station s) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", s.id());
    p.put("name", s.name());
    p.put("type", s.type().name());
    p.put("region_code", s.regionCode());
    p.put("synthetic", s.synthetic());
    return new Feature(s.id(), s.location(), p);
  }
}
