package org.vsmap.pipeline.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * A GeoJSON FeatureCollection as lines of a table, so that every importer reads it like a sheet:
 * the header is every property name in order of appearance, then {@code lon}, {@code lat} (of a
 * Point) and {@code geometry} (other geometries as WKT). Feature n is line n + 1 (the header is
 * line 1), so problems point at "row n + 1" as in a CSV export of the same features.
 */
final class GeoJsonLines {
  static final String GEOMETRY = "geometry";

  private GeoJsonLines() {}

  static List<Grid.Line> read(String file, String text) {
    JsonNode root = tree(file, text);
    if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
      throw new IllegalArgumentException(file + ": a GeoJSON file must be a FeatureCollection");
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode f : root.path("features")) {
      f.path("properties").fieldNames().forEachRemaining(names::add);
    }
    names.remove("lon");
    names.remove("lat");
    names.remove(GEOMETRY);
    List<String> header = new ArrayList<>(names);
    header.addAll(List.of("lon", "lat", GEOMETRY));
    List<Grid.Line> lines = new ArrayList<>();
    lines.add(new Grid.Line(1, List.copyOf(header)));
    GeoJsonReader reader = new GeoJsonReader();
    ImportLimits.checkRows(file, root.path("features").size());
    int n = 1;
    for (JsonNode f : root.path("features")) {
      n++;
      List<String> cells = new ArrayList<>();
      for (String name : names) {
        JsonNode v = f.path("properties").path(name);
        cells.add(
            v.isMissingNode() || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
      }
      JsonNode g = f.get("geometry");
      if (g == null || g.isNull()) {
        cells.add(null);
        cells.add(null);
        cells.add(null);
      } else {
        Geometry geom;
        try {
          geom = reader.read(g.toString());
        } catch (ParseException | RuntimeException e) {
          throw new IllegalArgumentException(
              file
                  + " feature "
                  + (n - 1)
                  + ": the geometry cannot be read ("
                  + Grid.plain(e)
                  + ")");
        }
        if (geom instanceof Point p) {
          cells.add(Double.toString(p.getX()));
          cells.add(Double.toString(p.getY()));
          cells.add(null);
        } else {
          cells.add(null);
          cells.add(null);
          cells.add(new WKTWriter().write(geom));
        }
      }
      lines.add(new Grid.Line(n, java.util.Collections.unmodifiableList(cells)));
    }
    if (lines.size() == 1) {
      throw new IllegalArgumentException(file + ": the FeatureCollection has no features");
    }
    return List.copyOf(lines);
  }

  /** The file as a JSON tree, or a message naming where it stops being JSON. */
  private static JsonNode tree(String file, String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      String where =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                  && j.getLocation() != null
              ? " at line "
                  + j.getLocation().getLineNr()
                  + ", column "
                  + j.getLocation().getColumnNr()
              : "";
      throw new IllegalArgumentException(
          file
              + ": not valid JSON"
              + where
              + (String.valueOf(e.getMessage()).contains("exceeds the maximum")
                  ? " (a value in it is too long)"
                  : ""));
    }
  }
}
