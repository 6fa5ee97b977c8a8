package org.vsmap.web.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.port.FeatureCollections.Collection;
import org.vsmap.geo.port.FeatureCollections.Queryable;

/**
 * The OpenAPI 3.0 document of {@code /ogc}, made from the collections themselves so that every
 * queryable a collection accepts is declared, with its type and allowed values. Built from maps on
 * purpose: an OpenAPI document is open-ended JSON (paths, schemas, $ref keys) in another spec's
 * vocabulary.
 */
public final class OgcOpenApi {
  private OgcOpenApi() {}

  /** The document (an OpenAPI document is a JSON tree by nature: maps and lists). */
  public static Map<String, Object> document(String base, List<Collection> collections) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put("info", info());
    doc.put("servers", List.of(Map.of("url", base)));
    doc.put("paths", paths(collections));
    doc.put("components", Map.of("parameters", parameters()));
    return doc;
  }

  private static Map<String, Object> info() {
    return Map.of(
        "title",
        "志愿服务地图 OGC API – Features / Volunteer Service Map",
        "version",
        "1.0.0",
        "description",
        "OGC API – Features – Part 1: Core, GeoJSON, HTML, OpenAPI 3.0. Data CC BY 4.0.",
        "license",
        Map.of("name", "CC BY 4.0 (data)", "url", "https://creativecommons.org/licenses/by/4.0/"));
  }

  private static Map<String, Object> paths(List<Collection> collections) {
    Map<String, Object> paths = new LinkedHashMap<>();
    paths.put(
        "/",
        get(
            "landingPage",
            "登录页 / landing page",
            List.of(ref("f")),
            json("the landing page", false)));
    paths.put(
        "/conformance",
        get(
            "getConformance",
            "符合的标准类 / conformance classes",
            List.of(ref("f")),
            json("conformance classes", false)));
    paths.put(
        "/api",
        get(
            "getApi",
            "本文档 / this document",
            List.of(),
            Map.of(
                "200",
                Map.of(
                    "description",
                    "the OpenAPI document",
                    "content",
                    Map.of(OgcApi.OPENAPI_TYPE, Map.of("schema", Map.of("type", "object")))))));
    paths.put(
        "/collections",
        get(
            "getCollections",
            "数据集合 / collections",
            List.of(ref("f")),
            json("the collections", false)));
    for (Collection c : collections) {
      paths.putAll(collectionPaths(c));
    }
    return paths;
  }

  /** A collection's description, its items (with every queryable) and one item. */
  private static Map<String, Object> collectionPaths(Collection c) {
    Map<String, Object> paths = new LinkedHashMap<>();
    String p = "/collections/" + c.id();
    paths.put(
        p,
        get(
            "describe_" + c.id(),
            c.titleZh() + " / " + c.titleEn(),
            List.of(ref("f")),
            json("the collection", false)));
    List<Object> params =
        new ArrayList<>(
            List.of(
                ref("f"),
                ref("limit"),
                ref("offset"),
                ref("bbox"),
                ref("datetime"),
                ref("region")));
    for (Queryable q : c.queryables()) {
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("type", q.type());
      if (q.values() != null) {
        schema.put("enum", q.values());
      }
      params.add(
          Map.of(
              "name",
              q.name(),
              "in",
              "query",
              "required",
              false,
              "style",
              "form",
              "explode",
              false,
              "description",
              q.zh() + " / " + q.en() + " (equals)",
              "schema",
              schema));
    }
    paths.put(
        p + "/items",
        get(
            "getFeatures_" + c.id(),
            c.titleZh() + "：要素 / " + c.titleEn() + ": features",
            params,
            json("a page of features", true)));
    paths.put(
        p + "/items/{featureId}",
        get(
            "getFeature_" + c.id(),
            c.titleZh() + "：单个要素 / one feature",
            List.of(ref("featureId"), ref("f")),
            json("one feature", true)));
    return paths;
  }

  private static Map<String, Object> parameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put(
        "f",
        query(
            "f",
            "表示形式 / representation",
            false,
            Map.of("type", "string", "enum", List.of("json", "geojson", "html"))));
    parameters.put(
        "limit",
        query(
            "limit",
            "每页要素数（超过上限按上限）/ features per page (above the maximum: the maximum)",
            true,
            Map.of(
                "type",
                "integer",
                "minimum",
                1,
                "maximum",
                OgcApi.MAX_LIMIT,
                "default",
                OgcApi.DEFAULT_LIMIT)));
    parameters.put(
        "offset",
        query(
            "offset",
            "跳过的要素数 / features to skip",
            false,
            Map.of("type", "integer", "minimum", 0, "default", 0)));
    parameters.put(
        "bbox",
        query(
            "bbox",
            "minLon,minLat,maxLon,maxLat (CRS84); minLon > maxLon crosses the antimeridian",
            true,
            Map.of(
                "type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number"))));
    parameters.put(
        "datetime",
        query(
            "datetime",
            "RFC 3339 instant, date or interval (a/b, ../b, a/..); activities only, other collections have no time",
            true,
            Map.of("type", "string")));
    parameters.put(
        "region",
        query(
            "region",
            "区划代码前缀（2、4、6、9 或 12 位）/ region code prefix",
            false,
            Map.of("type", "string", "pattern", "^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$")));
    parameters.put(
        "featureId",
        Map.of(
            "name",
            "featureId",
            "in",
            "path",
            "required",
            true,
            "schema",
            Map.of("type", "string")));
    return parameters;
  }

  /** An optional query parameter; {@code form}: a list is sent comma-separated in one value. */
  private static Map<String, Object> query(
      String name, String description, boolean form, Map<String, Object> schema) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("in", "query");
    p.put("required", false);
    if (form) {
      p.put("style", "form");
      p.put("explode", false);
    }
    p.put("description", description);
    p.put("schema", schema);
    return p;
  }

  private static Map<String, Object> ref(String name) {
    return Map.of("$ref", "#/components/parameters/" + name);
  }

  private static Map<String, Object> get(
      String id, String summary, List<Object> params, Map<String, Object> responses) {
    return Map.of(
        "get",
        Map.of(
            "operationId", id, "summary", summary, "parameters", params, "responses", responses));
  }

  private static Map<String, Object> json(String what, boolean geo) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put(
        geo ? "application/geo+json" : "application/json",
        Map.of("schema", Map.of("type", "object")));
    content.put("text/html", Map.of("schema", Map.of("type", "string")));
    return Map.of(
        "200",
        Map.of("description", what, "content", content),
        "400",
        Map.of("description", "a parameter is unknown or invalid"),
        "404",
        Map.of("description", "no such collection or feature"));
  }
}
