package org.vsmap.geo.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.vsmap.geo.model.GeoPoint;

/**
 * The one GeoJSON writer (RFC 7946: WGS84 longitude, latitude; point coordinates to six decimals,
 * about 0.1 m, always written out: 109.980000). A {@link Feature} is a record Jackson writes inside
 * any answer (an OGC API page, the map's clusters); {@link #collection} streams a FeatureCollection
 * of any length (downloads).
 */
public final class GeoJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private GeoJson() {}

  /**
   * A Feature. {@code geometry} is a {@link GeoPoint}, a JTS {@link Geometry} or null (written as
   * {@code null}); {@code properties} a record or a map, written by Jackson with its nulls; {@code
   * id} and {@code links} (OGC API) are left out when null.
   */
  @JsonPropertyOrder({"type", "id", "geometry", "properties", "links"})
  public record Feature(
      @JsonInclude(JsonInclude.Include.NON_NULL) String id,
      @JsonSerialize(using = GeometryJson.class) Object geometry,
      Object properties,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<?> links) {
    public Feature(String id, Object geometry, Object properties) {
      this(id, geometry, properties, null);
    }

    @JsonProperty("type")
    public String type() {
      return "Feature";
    }
  }

  /**
   * Starts a FeatureCollection on {@code out}: its {@code type}, then the given foreign members
   * (name, licence, notice …, in order), then the features added one by one; {@link
   * Collection#close()} ends it (the stream stays open).
   */
  public static Collection collection(OutputStream out, Map<String, ?> members) {
    try {
      JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      for (Map.Entry<String, ?> m : members.entrySet()) {
        g.writeObjectField(m.getKey(), m.getValue());
      }
      g.writeArrayFieldStart("features");
      return new Collection(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A FeatureCollection being written. */
  public static final class Collection implements AutoCloseable {
    private final JsonGenerator g;

    private Collection(JsonGenerator g) {
      this.g = g;
    }

    public void add(Feature f) {
      try {
        g.writeObject(f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        g.writeEndArray();
        g.writeEndObject();
        g.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A coordinate rounded to six decimals, for JSON answers that are not GeoJSON (lon, lat). */
  public static double coordinate(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  /** Six decimals always written, as GDAL writes them: 109.980000. */
  private static BigDecimal fixed(double v) {
    return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP);
  }

  /** Writes a point or a JTS geometry as a GeoJSON geometry object. */
  static final class GeometryJson extends JsonSerializer<Object> {
    @Override
    public void serialize(Object value, JsonGenerator g, SerializerProvider serializers)
        throws IOException {
      switch (value) {
        case GeoPoint p -> {
          g.writeStartObject();
          g.writeStringField("type", "Point");
          g.writeArrayFieldStart("coordinates");
          g.writeNumber(fixed(p.lon()));
          g.writeNumber(fixed(p.lat()));
          g.writeEndArray();
          g.writeEndObject();
        }
        case Geometry geometry -> {
          GeoJsonWriter writer = new GeoJsonWriter(6);
          writer.setEncodeCRS(false);
          g.writeRawValue(writer.write(geometry));
        }
        default ->
            throw new IllegalArgumentException(
                "a GeoJSON geometry is a GeoPoint or a JTS Geometry, not " + value.getClass());
      }
    }
  }
}
