package org.vsmap.pipeline.export;

import static org.vsmap.pipeline.export.DatasetExports.*;
import static org.vsmap.pipeline.export.DatasetSpecs.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.vsmap.geo.model.GeoPoint;

/**
 * The download formats written row by row from a {@link DatasetExports.Source}: CSV, XLSX (POI's
 * streaming workbook), KML, GeoJSON, and the spatial table GeoPackage and FlatGeobuf are made from.
 */
final class ExportWriters {
  private ExportWriters() {}

  /**
   * The dataset as the file-based spatial writers see it: attributes without lon/lat, description
   * with the terms.
   */
  static <T> SpatialTable spatial(Spec<T> spec, Source<T> source, boolean synthetic) {
    List<Column<T>> attributes =
        spec.columns().stream()
            .filter(c -> !c.field().name().equals("lon") && !c.field().name().equals("lat"))
            .toList();
    String description =
        spec.dataset().titleZh()
            + " / "
            + spec.dataset().titleEn()
            + ". "
            + LICENCE
            + ". "
            + ATTRIBUTION
            + (synthetic ? ". " + SYNTHETIC_NOTICE : "");
    return new SpatialTable(
        spec.dataset().id(),
        spec.dataset().titleZh() + " / " + spec.dataset().titleEn(),
        description,
        attributes.stream().map(Column::field).toList(),
        sink ->
            source.each(
                r -> {
                  Object[] values = new Object[attributes.size()];
                  for (int i = 0; i < values.length; i++) {
                    values[i] = attributes.get(i).value().apply(r);
                  }
                  sink.accept(
                      String.valueOf(spec.columns().get(0).value().apply(r)),
                      spec.point().apply(r),
                      values);
                }));
  }

  static <T> void csv(Spec<T> spec, OutputStream out, Source<T> source) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    w.write('\uFEFF');
    List<String> header = spec.columns().stream().map(c -> c.field().name()).toList();
    w.write(String.join(",", header));
    w.write("\r\n");
    source.each(
        r -> {
          try {
            for (int i = 0; i < spec.columns().size(); i++) {
              if (i > 0) {
                w.write(',');
              }
              w.write(csvCell(spec.columns().get(i).value().apply(r)));
            }
            w.write("\r\n");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    w.flush();
  }

  /**
   * One CSV cell: numbers as they are, text neutralised when a spreadsheet would run it, quoted per
   * RFC 4180 when needed.
   */
  static String csvCell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Number n) {
      return number(n);
    }
    return org.vsmap.geo.format.CsvCells.text(v.toString());
  }

  static String number(Number n) {
    if (n instanceof Double d) {
      return BigDecimal.valueOf(d)
          .setScale(6, RoundingMode.HALF_UP)
          .stripTrailingZeros()
          .toPlainString();
    }
    return n.toString();
  }

  /**
   * A streaming workbook; beyond Excel's row limit the records go on in sheets "data 2", "data 3"…,
   * each with the header (a national activities file has 2,000,000 rows).
   */
  static <T> void xlsx(
      Spec<T> spec, OutputStream out, Source<T> source, boolean synthetic, int rowsPerSheet)
      throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(200);
    wb.setCompressTempFiles(true);
    try {
      Sheet[] data = {dataSheet(wb, spec, "data")};
      int[] r = {1};
      int[] sheets = {1};
      source.each(
          rec -> {
            if (r[0] > rowsPerSheet) {
              data[0] = dataSheet(wb, spec, "data " + ++sheets[0]);
              r[0] = 1;
            }
            Row row = data[0].createRow(r[0]++);
            for (int i = 0; i < spec.columns().size(); i++) {
              Object v = spec.columns().get(i).value().apply(rec);
              if (v == null) {
                continue;
              }
              Cell c = row.createCell(i);
              if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
              } else if (v instanceof Boolean b) {
                c.setCellValue(b);
              } else {
                c.setCellValue(
                    v.toString()); // a text cell, never a formula, whatever it starts with
              }
            }
          });
      Sheet about = wb.createSheet("about");
      int a = 0;
      a =
          line(
              about,
              a,
              "dataset",
              spec.dataset().id()
                  + " — "
                  + spec.dataset().titleZh()
                  + " / "
                  + spec.dataset().titleEn());
      a = line(about, a, "licence", LICENCE);
      a = line(about, a, "attribution", ATTRIBUTION);
      if (synthetic) {
        a = line(about, a, "notice", SYNTHETIC_NOTICE);
      }
      a++;
      Row h = about.createRow(a++);
      String[] cols = {"field", "type", "unit", "含义", "meaning", "example"};
      for (int i = 0; i < cols.length; i++) {
        h.createCell(i).setCellValue(cols[i]);
      }
      for (Field fd : spec.dataset().fields()) {
        Row row = about.createRow(a++);
        String[] v = {fd.name(), fd.type(), fd.unit(), fd.zh(), fd.en(), fd.example()};
        for (int i = 0; i < v.length; i++) {
          row.createCell(i).setCellValue(v[i]);
        }
      }
      wb.write(out);
    } finally {
      wb.close();
    }
  }

  static Sheet dataSheet(SXSSFWorkbook wb, Spec<?> spec, String name) {
    Sheet sheet = wb.createSheet(name);
    Row head = sheet.createRow(0);
    for (int i = 0; i < spec.columns().size(); i++) {
      head.createCell(i).setCellValue(spec.columns().get(i).field().name());
    }
    return sheet;
  }

  static int line(Sheet s, int r, String key, String value) {
    Row row = s.createRow(r);
    row.createCell(0).setCellValue(key);
    row.createCell(1).setCellValue(value);
    return r + 1;
  }

  /**
   * KML 2.2: one Placemark per record (name, ExtendedData of every field, Point), written with StAX
   * so every value is escaped.
   */
  static <T> void kml(Spec<T> spec, OutputStream out, Source<T> source, boolean synthetic)
      throws IOException {
    try {
      java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
      javax.xml.stream.XMLStreamWriter x =
          javax.xml.stream.XMLOutputFactory.newFactory().createXMLStreamWriter(buffered, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("kml");
      x.writeDefaultNamespace("http://www.opengis.net/kml/2.2");
      x.writeStartElement("Document");
      element(x, "name", spec.dataset().titleZh() + " / " + spec.dataset().titleEn());
      element(
          x,
          "description",
          LICENCE + " · " + ATTRIBUTION + (synthetic ? " · " + SYNTHETIC_NOTICE : ""));
      String nameField = spec.columns().get(1).field().name();
      source.each(
          r -> {
            try {
              x.writeStartElement("Placemark");
              x.writeAttribute("id", String.valueOf(spec.columns().get(0).value().apply(r)));
              element(
                  x,
                  "name",
                  String.valueOf(
                      spec.columns().stream()
                          .filter(c -> c.field().name().equals(nameField))
                          .findFirst()
                          .orElseThrow()
                          .value()
                          .apply(r)));
              x.writeStartElement("ExtendedData");
              for (Column<T> c : spec.columns()) {
                Object v = c.value().apply(r);
                x.writeStartElement("Data");
                x.writeAttribute("name", c.field().name());
                element(
                    x, "value", v == null ? "" : v instanceof Double d ? number(d) : v.toString());
                x.writeEndElement();
              }
              x.writeEndElement();
              GeoPoint p = spec.point().apply(r);
              if (p != null) {
                x.writeStartElement("Point");
                element(x, "coordinates", number(p.lon()) + "," + number(p.lat()));
                x.writeEndElement();
              }
              x.writeEndElement();
            } catch (javax.xml.stream.XMLStreamException e) {
              throw new UncheckedIOException(new IOException(e));
            }
          });
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
      buffered.flush();
    } catch (javax.xml.stream.XMLStreamException e) {
      throw new IOException(e);
    }
  }

  static void element(javax.xml.stream.XMLStreamWriter x, String name, String text)
      throws javax.xml.stream.XMLStreamException {
    x.writeStartElement(name);
    // XML 1.0 cannot carry most control characters at all: drop them rather than write a broken
    // file
    x.writeCharacters(text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
    x.writeEndElement();
  }

  static final JsonFactory JSON =
      new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  static <T> void geojson(Spec<T> spec, OutputStream out, Source<T> source, boolean synthetic)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeStringField("name", spec.dataset().id());
      g.writeStringField("license", LICENCE);
      g.writeStringField("attribution", ATTRIBUTION);
      if (synthetic) {
        g.writeStringField("notice", SYNTHETIC_NOTICE);
      }
      g.writeArrayFieldStart("features");
      source.each(
          r -> {
            try {
              g.writeStartObject();
              g.writeStringField("type", "Feature");
              g.writeStringField("id", spec.columns().get(0).value().apply(r).toString());
              GeoPoint p = spec.point().apply(r);
              if (p == null) {
                g.writeNullField("geometry");
              } else {
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "Point");
                g.writeArrayFieldStart("coordinates");
                g.writeNumber(BigDecimal.valueOf(p.lon()).setScale(6, RoundingMode.HALF_UP));
                g.writeNumber(BigDecimal.valueOf(p.lat()).setScale(6, RoundingMode.HALF_UP));
                g.writeEndArray();
                g.writeEndObject();
              }
              g.writeObjectFieldStart("properties");
              for (Column<T> c : spec.columns()) {
                String name = c.field().name();
                if (name.equals("lon") || name.equals("lat")) {
                  continue;
                }
                Object v = c.value().apply(r);
                if (v == null) {
                  g.writeNullField(name);
                } else if (v instanceof Number n) {
                  g.writeNumberField(name, n.longValue());
                } else if (v instanceof Boolean b) {
                  g.writeBooleanField(name, b);
                } else {
                  g.writeStringField(name, v.toString());
                }
              }
              g.writeEndObject();
              g.writeEndObject();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      g.writeEndArray();
      g.writeEndObject();
    }
  }
}
