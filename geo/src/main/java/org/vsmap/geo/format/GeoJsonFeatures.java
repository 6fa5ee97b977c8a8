package org.vsmap.geo.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;

/**
 * Streams stations and regions as RFC 7946 GeoJSON FeatureCollections (WGS84, lon/lat). Points are
 * written to six decimals (about 0.1 m). When any feature is synthetic the collection carries a
 * {@code notice} member saying so, in Chinese and English.
 */
public final class GeoJsonFeatures {
  public static final String SYNTHETIC_NOTICE =
      "含合成演示数据，非真实站点 / Contains synthetic demo data, not real places";
  private static final JsonFactory JSON =
      new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private GeoJsonFeatures() {}

  public static void writeStations(List<Station> stations, OutputStream out) {
    boolean synthetic = stations.stream().anyMatch(Station::synthetic);
    write(
        out,
        synthetic,
        g -> {
          for (Station s : stations) {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeStringField("id", s.id());
            writePoint(g, s.location());
            g.writeObjectFieldStart("properties");
            g.writeStringField("id", s.id());
            g.writeStringField("name", s.name());
            g.writeStringField("type", s.type().name());
            g.writeStringField("type_zh", s.type().zh());
            g.writeStringField("type_en", s.type().en());
            g.writeStringField("region_code", s.regionCode());
            g.writeStringField("county_code", s.countyCode());
            g.writeStringField("address", s.address());
            g.writeNumberField("five_has_met", s.fiveHas().met());
            g.writeBooleanField("synthetic", s.synthetic());
            g.writeBooleanField("approximate_location", s.approximate());
            g.writeStringField("url", "/stations/" + s.id());
            g.writeEndObject();
            g.writeEndObject();
          }
        });
  }

  public static void writeRegions(List<Region> regions, OutputStream out) {
    GeoJsonWriter geometryWriter = new GeoJsonWriter(6);
    geometryWriter.setEncodeCRS(false);
    write(
        out,
        false,
        g -> {
          for (Region r : regions) {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeStringField("id", r.code());
            g.writeFieldName("geometry");
            Geometry boundary = r.boundary();
            if (boundary != null) {
              g.writeRawValue(geometryWriter.write(boundary));
            } else if (r.centroid() != null) {
              g.writeStartObject();
              writePointBody(g, r.centroid());
              g.writeEndObject();
            } else {
              g.writeNull();
            }
            g.writeObjectFieldStart("properties");
            g.writeStringField("code", r.code());
            g.writeStringField("name", r.name());
            g.writeStringField("level", r.level().name());
            g.writeStringField("parent_code", r.parentCode());
            if (r.population() != null) {
              g.writeNumberField("population", r.population());
            }
            g.writeEndObject();
            g.writeEndObject();
          }
        });
  }

  private interface Body {
    void features(JsonGenerator g) throws IOException;
  }

  private static void write(OutputStream out, boolean synthetic, Body body) {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      if (synthetic) {
        g.writeStringField("notice", SYNTHETIC_NOTICE);
      }
      g.writeArrayFieldStart("features");
      body.features(g);
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writePoint(JsonGenerator g, GeoPoint p) throws IOException {
    g.writeObjectFieldStart("geometry");
    writePointBody(g, p);
    g.writeEndObject();
  }

  private static void writePointBody(JsonGenerator g, GeoPoint p) throws IOException {
    g.writeStringField("type", "Point");
    g.writeArrayFieldStart("coordinates");
    g.writeNumber(round6(p.lon()));
    g.writeNumber(round6(p.lat()));
    g.writeEndArray();
  }

  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
