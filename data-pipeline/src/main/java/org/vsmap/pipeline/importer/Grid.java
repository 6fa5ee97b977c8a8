package org.vsmap.pipeline.importer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.port.Problem;
import org.vsmap.pipeline.csv.CsvTable;

/**
 * An office's file as it was laid out: the non-empty lines of a CSV file (UTF-8 or GBK), of the
 * first sheet of an XLSX workbook, each with its line (Excel row) number, or the features of a
 * GeoJSON FeatureCollection as rows of their properties (see {@link GeoJsonLines}). Offices' sheets
 * often start with a title and a "填表单位" line before the header, and forms such as the 活动情况表 of seed
 * 001 are label/value cells rather than a table, so the importers look at the lines first.
 */
public record Grid(String file, String readAs, List<Line> lines, Map<String, String> mapping) {

  public Grid(String file, String readAs, List<Line> lines) {
    this(file, readAs, lines, Map.of());
  }

  /**
   * The same lines read through a column mapping (the file's header → our column name, e.g. 站名 →
   * name), as a user saved it for this source.
   */
  public Grid withMapping(Map<String, String> m) {
    return new Grid(file, readAs, lines, m == null ? Map.of() : Map.copyOf(m));
  }

  /** Parses a mapping written as {@code 站名=name,区码=region_code}. */
  public static Map<String, String> parseMapping(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return m;
    }
    for (String pair : text.split("[,，;；\\n]")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
        throw new IllegalArgumentException(
            "a column mapping is written header=column, e.g. 站名=name: '" + pair.strip() + "'");
      }
      m.put(kv[0].strip(), kv[1].strip());
    }
    return m;
  }

  /** Writes a mapping back as {@code header=column,...}. */
  public static String formatMapping(Map<String, String> m) {
    return String.join(
        ",", m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private String mapped(String cell) {
    if (cell == null) {
      return null;
    }
    String m = mapping.get(cell.strip());
    return m != null ? m : cell;
  }

  /** One non-empty line; {@code cells} are null where empty. */
  public record Line(int number, List<String> cells) {
    public String cell(int i) {
      if (i < 0 || i >= cells.size() || cells.get(i) == null || cells.get(i).isBlank()) {
        return null;
      }
      return cells.get(i).strip();
    }
  }

  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  /**
   * Reads a CSV file or an XLSX workbook (recognised by its bytes).
   *
   * @throws IllegalArgumentException when the file is neither, with the reason
   */
  public static Grid read(String file, byte[] bytes, String encoding) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException(file + ": the file is empty");
    }
    ImportLimits.checkSize(file, bytes.length);
    if (SheetTable.isZip(bytes)) {
      return new Grid(file, "XLSX", SheetTable.lines(file, bytes));
    }
    TextDecoding.Decoded text = TextDecoding.decode(bytes, encoding);
    if (text.text().stripLeading().startsWith("{")) {
      return new Grid(file, "GeoJSON", GeoJsonLines.read(file, text.text()));
    }
    List<Line> lines = new ArrayList<>();
    try (MappingIterator<List<String>> it =
        CSV.readerForListOf(String.class).readValues(new StringReader(text.text()))) {
      int n = 0;
      while (it.hasNext()) {
        List<String> cells = it.next();
        n++;
        ImportLimits.checkRows(file, lines.size() + 1);
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
          continue;
        }
        lines.add(
            new Line(
                n,
                cells.stream()
                    .map(c -> c == null || c.isBlank() ? null : c.replace("\uFEFF", ""))
                    .toList()));
      }
    } catch (ImportLimits.TooLarge e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + ": not a readable CSV file (" + plain(e) + ")");
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(file + ": the file has no rows");
    }
    return new Grid(file, text.encoding(), List.copyOf(lines));
  }

  /**
   * The lines as a table: the header is the first line holding at least two of {@code knownHeaders}
   * (compared trimmed, case-insensitively, line breaks inside a cell removed), or the first line
   * when none does; lines above it (titles, "填表单位") are left out.
   */
  public CsvTable table(Collection<String> knownHeaders) {
    int at = 0;
    for (int i = 0; i < lines.size(); i++) {
      long known =
          lines.get(i).cells().stream()
              .map(this::mapped)
              .filter(c -> c != null && knownHeaders.contains(normalise(c)))
              .count();
      if (known >= 2) {
        at = i;
        break;
      }
    }
    List<String> header =
        lines.get(at).cells().stream()
            .map(this::mapped)
            .map(c -> c == null ? "" : c.strip().replaceAll("\\s+", ""))
            .toList();
    List<CsvTable.Row> rows = new ArrayList<>();
    for (Line line : lines.subList(at + 1, lines.size())) {
      for (int i = header.size(); i < line.cells().size(); i++) {
        if (line.cell(i) != null) {
          throw new IllegalArgumentException(
              file
                  + " row "
                  + line.number()
                  + ": "
                  + (i + 1)
                  + " cells but the header has "
                  + header.size()
                  + " columns");
        }
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        values.putIfAbsent(header.get(i), i < line.cells().size() ? line.cells().get(i) : null);
      }
      rows.add(new CsvTable.Row(file, line.number(), values));
    }
    return new CsvTable(file, header, rows);
  }

  /**
   * The lines as a table whose header row is found by the synonyms of its columns (see {@link
   * #table(Collection)}).
   */
  public CsvTable table(Map<String, List<String>> synonyms) {
    return table(synonyms.values().stream().flatMap(List::stream).toList());
  }

  /**
   * Our column name → the header this file uses for it: for each header in file order, the first
   * column (in the synonyms' order) one of whose synonyms it is, unless that column has a header
   * already.
   */
  /**
   * What a reader's failure says about the file, in its first line and without the names of the
   * Java classes that failed (an office needs to know what is wrong with its file, not which
   * library noticed).
   */
  static String plain(Throwable e) {
    String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    m =
        m.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*", "")
            .replaceAll("\\b\\w*(?:Exception|Error)\\b:?\\s*", "")
            .replaceAll("`[^`]*`", "")
            .replaceAll("\\(from \\)", "")
            .strip();
    return m.isEmpty() ? "the file is damaged or not of this type" : m;
  }

  public static Map<String, String> columns(
      List<String> header, Map<String, List<String>> synonyms) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String h : header) {
      String key = normalise(h);
      synonyms.forEach(
          (column, names) -> {
            if (names.contains(key) && !out.containsKey(column)) {
              out.put(column, h);
            }
          });
    }
    return out;
  }

  /** A problem for each required column the header row lacks, naming the headers it accepts. */
  public static List<Problem> missingColumns(
      String file, Map<String, String> columns, Map<String, ?> accepted, String... required) {
    List<Problem> out = new ArrayList<>();
    for (String r : required) {
      if (!columns.containsKey(r)) {
        out.add(Problem.missingColumn(file, r, accepted.get(r)));
      }
    }
    return out;
  }

  /**
   * Every formula cell of the file, by line and column number: formulas are never evaluated, only
   * refused.
   */
  public List<Problem> formulaProblems() {
    List<Problem> out = new ArrayList<>();
    for (Line line : lines) {
      for (int i = 0; i < line.cells().size(); i++) {
        String c = line.cell(i);
        if (SheetTable.isFormula(c)) {
          out.add(
              new Problem(
                  file,
                  line.number(),
                  "#" + (i + 1),
                  SheetTable.shown(c),
                  "不接受公式，请粘贴为数值",
                  "formulas are not accepted: paste the values"));
        }
      }
    }
    return out;
  }

  /**
   * A header as compared with synonyms: trimmed, lower case, no white space (forms break
   * "负责人\n姓名").
   */
  static String normalise(String header) {
    return header.strip().replaceAll("\\s+", "").toLowerCase();
  }
}
