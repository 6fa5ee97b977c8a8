package org.vsmap.pipeline.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.format.CsvWriter;

/**
 * A CSV file read as rows of header → value, with the 1-based line of each row kept so that every
 * problem can be reported by file, row and column. Writing goes through the same Jackson CSV
 * engine, quoting only where needed and ending lines with LF, so output is byte-for-byte
 * repeatable.
 */
public record CsvTable(String source, List<String> header, List<Row> rows) {

  /** One data row; {@code line} counts the header as line 1. */
  public record Row(String source, int line, Map<String, String> values) {
    /** The trimmed value, or null when the cell is empty. */
    public String get(String column) {
      String v = values.get(column);
      return v == null || v.isBlank() ? null : v.strip();
    }

    public String require(String column) {
      String v = get(column);
      if (v == null) {
        throw new RowException(this, column, "is required");
      }
      return v;
    }
  }

  /** A problem in one cell: which file, which row, which column, and why. */
  public static final class RowException extends IllegalArgumentException {
    public RowException(Row row, String column, String reason) {
      super(
          row.source()
              + " row "
              + row.line()
              + " column "
              + column
              + ": "
              + (row.values().get(column) == null ? "" : "'" + row.values().get(column) + "' ")
              + reason);
    }
  }

  private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  public static CsvTable read(String source, InputStream in) {
    try (Reader reader =
        new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
      return read(source, reader);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
  }

  public static CsvTable read(String source, Reader reader) {
    try (MappingIterator<List<String>> it =
        MAPPER.readerForListOf(String.class).readValues(reader)) {
      if (!it.hasNext()) {
        throw new IllegalArgumentException(
            source + ": the file is empty, a header row is required");
      }
      List<String> header = new ArrayList<>();
      for (String h : it.next()) {
        header.add(h.replace("\uFEFF", "").strip());
      }
      List<Row> rows = new ArrayList<>();
      int line = 1;
      while (it.hasNext()) {
        List<String> cells = it.next();
        line++;
        if (cells.size() == 1 && cells.get(0).isBlank()) {
          continue;
        }
        if (cells.size() > header.size()) {
          throw new IllegalArgumentException(
              source
                  + " row "
                  + line
                  + ": "
                  + cells.size()
                  + " cells but the header has "
                  + header.size()
                  + " columns");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          values.put(header.get(i), i < cells.size() ? cells.get(i) : null);
        }
        rows.add(new Row(source, line, values));
      }
      return new CsvTable(source, List.copyOf(header), List.copyOf(rows));
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
  }

  /** Writes a header and rows of cells as CSV text. */
  public static String write(List<String> header, List<List<String>> rows) {
    StringWriter out = new StringWriter();
    write(header, rows, out);
    return out.toString();
  }

  public static void write(List<String> header, List<List<String>> rows, Writer out) {
    CsvWriter w = CsvWriter.forMachines(out);
    w.row(header);
    rows.forEach(w::row);
    w.flush();
  }
}
