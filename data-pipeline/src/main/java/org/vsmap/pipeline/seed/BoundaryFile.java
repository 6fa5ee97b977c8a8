package org.vsmap.pipeline.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.vsmap.geo.model.GeoPoint;

/** Reads a GeoJSON FeatureCollection of region boundaries keyed by the property {@code adcode}. */
public final class BoundaryFile {

  /**
   * One boundary and the seat point the source gives for it (GCJ-02 in the AMap source), if any.
   */
  public record Boundary(String code, String name, Geometry geometry, GeoPoint seatGcj02) {}

  private BoundaryFile() {}

  public static Map<String, Boundary> read(String source, InputStream in) {
    try (in) {
      JsonNode root = new ObjectMapper().readTree(in);
      if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
        throw new IllegalArgumentException(source + ": not a GeoJSON FeatureCollection");
      }
      GeoJsonReader reader = new GeoJsonReader();
      Map<String, Boundary> byCode = new LinkedHashMap<>();
      int i = 0;
      for (JsonNode f : root.path("features")) {
        i++;
        String code = f.at("/properties/adcode").asText(null);
        if (code == null) {
          throw new IllegalArgumentException(
              source + " feature " + i + ": property adcode is missing");
        }
        Geometry g = reader.read(f.get("geometry").toString());
        g.setSRID(4326);
        if (!g.isValid()) {
          g = g.buffer(0);
        }
        JsonNode c = f.at("/properties/center_gcj02");
        GeoPoint seat =
            c.isArray() && c.size() == 2
                ? new GeoPoint(c.get(0).asDouble(), c.get(1).asDouble())
                : null;
        byCode.put(code, new Boundary(code, f.at("/properties/name").asText(code), g, seat));
      }
      return byCode;
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          source + ": geometry cannot be read: " + e.getMessage(), e);
    }
  }
}
