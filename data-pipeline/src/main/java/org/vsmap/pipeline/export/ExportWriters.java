package org.vsmap.pipeline.export;

import static org.vsmap.pipeline.export.DatasetExports.*;
import static org.vsmap.pipeline.export.DatasetSpecs.*;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.vsmap.geo.format.CsvWriter;
import org.vsmap.geo.format.GeoJson;
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

  static <T> void csv(Spec<T> spec, OutputStream out, Source<T> source) {
    CsvWriter w = CsvWriter.forSpreadsheets(out);
    w.row(spec.columns().stream().map(c -> c.field().name()).toList());
    List<Object> cells = new ArrayList<>(spec.columns().size());
    source.each(
        r -> {
          cells.clear();
          spec.columns().forEach(c -> cells.add(c.value().apply(r)));
          w.row(cells);
        });
    w.flush();
  }

  /** A number in KML text: a double to at most six decimals. */
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

  static <T> void geojson(Spec<T> spec, OutputStream out, Source<T> source, boolean synthetic)
      throws IOException {
    Map<String, String> members = new LinkedHashMap<>();
    members.put("name", spec.dataset().id());
    members.put("license", LICENCE);
    members.put("attribution", ATTRIBUTION);
    if (synthetic) {
      members.put("notice", SYNTHETIC_NOTICE);
    }
    try (GeoJson.Collection c = GeoJson.collection(out, members)) {
      source.each(
          r -> {
            // the columns are the dataset's own (DatasetSpecs), so the properties are a map
            Map<String, Object> properties = new LinkedHashMap<>();
            for (Column<T> col : spec.columns()) {
              String name = col.field().name();
              if (name.equals("lon") || name.equals("lat")) {
                continue;
              }
              Object v = col.value().apply(r);
              properties.put(
                  name,
                  v == null || v instanceof Boolean
                      ? v
                      : v instanceof Number n ? n.longValue() : v.toString());
            }
            String id = spec.columns().get(0).value().apply(r).toString();
            c.add(new GeoJson.Feature(id, spec.point().apply(r), properties));
          });
    }
  }
}
