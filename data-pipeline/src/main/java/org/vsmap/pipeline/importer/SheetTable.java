package org.vsmap.pipeline.importer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an XLSX workbook as lines of cells ({@link Grid}), each row keeping its Excel
 * row number. Formulas are never evaluated: a formula cell is reported by the caller, never read as
 * data. Numbers are written out in full (a 12-digit region code stays 150602001002, not
 * 1.50602E11).
 */
final class SheetTable {
  static final String FORMULA = "\u0000formula:";

  private SheetTable() {}

  /**
   * Whether a cell holds a formula (an XLSX formula, or text a spreadsheet would run: = or @
   * first).
   */
  static boolean isFormula(String v) {
    return v != null && (v.startsWith(FORMULA) || v.startsWith("=") || v.startsWith("@"));
  }

  /** A formula cell as the office sees it, for the report. */
  static String shown(String v) {
    return v.replace(FORMULA, "=");
  }

  static boolean isZip(byte[] bytes) {
    return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
  }

  /**
   * The non-empty rows of the first sheet, each with its Excel row number, read as a stream (SAX):
   * the sheet is never held as a document, and reading stops once the rows pass {@link
   * ImportLimits#MAX_ROWS}.
   */
  static List<Grid.Line> lines(String file, byte[] bytes) {
    // from a file, not the bytes: the package is then read part by part (a 64 MB workbook can
    // hold a gigabyte of sheet XML), never unpacked whole into the heap
    java.nio.file.Path tmp = null;
    try {
      tmp = java.nio.file.Files.createTempFile("vsmap-sheet-", ".xlsx");
      java.nio.file.Files.write(tmp, bytes);
      return lines(file, tmp);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          java.nio.file.Files.deleteIfExists(tmp);
        } catch (IOException e) {
          tmp.toFile().deleteOnExit();
        }
      }
    }
  }

  private static List<Grid.Line> lines(String file, java.nio.file.Path path) {
    OPCPackage pkg = null;
    try {
      pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
      XSSFReader reader = new XSSFReader(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new IllegalArgumentException(file + ": the workbook has no sheet");
      }
      SheetRows rows =
          new SheetRows(file, new ReadOnlySharedStringsTable(pkg), reader.getStylesTable());
      try (InputStream sheet = sheets.next()) {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(rows);
        xml.parse(new InputSource(sheet));
      }
      if (rows.lines.isEmpty()) {
        throw new IllegalArgumentException(file + ": the first sheet is empty");
      }
      return List.copyOf(rows.lines);
    } catch (ImportLimits.TooLarge e) {
      throw e;
    } catch (IOException
        | OpenXML4JException
        | SAXException
        | javax.xml.parsers.ParserConfigurationException
        | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae
          && iae.getMessage() != null
          && iae.getMessage().startsWith(file)) {
        throw iae;
      }
      throw new IllegalArgumentException(
          file
              + ": not a readable XLSX workbook (damaged, protected by a password, or not an Excel"
              + " 2007+ file): open it in Excel or WPS and save it again as .xlsx or .csv");
    } finally {
      if (pkg != null) {
        pkg.revert(); // opened to read: closed without saving
      }
    }
  }

  /**
   * The rows of a sheet's XML ({@code <row r><c r t s><f/><v/><is><t/></is></c></row>}) as lines:
   * shared and inline strings as text, numbers written out in full, date-formatted numbers as ISO
   * dates, formulas marked (never evaluated).
   */
  private static final class SheetRows extends DefaultHandler {
    private final String file;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    final List<Grid.Line> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private List<String> cells = new ArrayList<>();
    private int row;
    private int column;
    private String type;
    private String style;
    private String formula;
    private String value;
    private boolean inText;

    SheetRows(String file, ReadOnlySharedStringsTable strings, StylesTable styles) {
      this.file = file;
      this.strings = strings;
      this.styles = styles;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes a) {
      switch (local) {
        case "row" -> {
          String r = a.getValue("r");
          row = r != null ? Integer.parseInt(r) : row + 1;
          cells = new ArrayList<>();
        }
        case "c" -> {
          String ref = a.getValue("r");
          column = ref != null ? new CellReference(ref).getCol() : cells.size();
          type = a.getValue("t");
          style = a.getValue("s");
          formula = null;
          value = null;
        }
        case "v", "f", "t" -> {
          text.setLength(0);
          inText = true;
        }
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inText) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      switch (local) {
        case "f" -> formula = text.toString();
        case "v" -> value = text.toString();
        case "t" -> value = value == null ? text.toString() : value + text;
        case "c" -> cell();
        case "row" -> endRow();
        default -> {}
      }
      if (local.equals("v") || local.equals("f") || local.equals("t")) {
        inText = false;
      }
    }

    private void cell() {
      String v = formula != null && !formula.isEmpty() ? FORMULA + formula : text(type, value);
      while (cells.size() < column) {
        cells.add(null);
      }
      cells.add(v == null || v.isBlank() ? null : v);
    }

    private String text(String t, String v) {
      if (v == null) {
        return null;
      }
      return switch (t == null ? "n" : t) {
        case "s" -> strings.getItemAt(Integer.parseInt(v.strip())).getString();
        case "inlineStr", "str" -> v;
        case "b" -> Boolean.toString("1".equals(v.strip()));
        case "e" -> null;
        case "d" -> v.replace("T00:00:00", "").replace("T00:00", "");
        default -> number(Double.parseDouble(v.strip()));
      };
    }

    private String number(double d) {
      if (style != null && !style.isBlank()) {
        XSSFCellStyle cs = styles.getStyleAt(Integer.parseInt(style));
        if (cs != null
            && DateUtil.isADateFormat(cs.getDataFormat(), cs.getDataFormatString())
            && DateUtil.isValidExcelDate(d)) {
          return DateUtil.getLocalDateTime(d).toString().replace("T00:00", "");
        }
      }
      return plain(d);
    }

    private void endRow() {
      if (cells.stream().allMatch(v -> v == null)) {
        return;
      }
      ImportLimits.checkRows(file, lines.size() + 1);
      lines.add(new Grid.Line(row, java.util.Collections.unmodifiableList(cells)));
    }
  }

  private static String plain(double v) {
    String s = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    return s;
  }
}
