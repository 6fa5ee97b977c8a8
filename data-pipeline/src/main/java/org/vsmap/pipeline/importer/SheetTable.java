package org.vsmap.pipeline.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

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

  /** The non-empty rows of the first sheet, each with its Excel row number. */
  static List<Grid.Line> lines(String file, byte[] bytes) {
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      if (wb.getNumberOfSheets() == 0) {
        throw new IllegalArgumentException(file + ": the workbook has no sheet");
      }
      Sheet sheet = wb.getSheetAt(0);
      List<Grid.Line> lines = new ArrayList<>();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          String v = text(row.getCell(c));
          cells.add(v == null || v.isBlank() ? null : v);
        }
        if (cells.stream().allMatch(v -> v == null)) {
          continue;
        }
        lines.add(
            new Grid.Line(row.getRowNum() + 1, java.util.Collections.unmodifiableList(cells)));
      }
      if (lines.isEmpty()) {
        throw new IllegalArgumentException(file + ": the first sheet is empty");
      }
      return List.copyOf(lines);
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae
          && iae.getMessage() != null
          && iae.getMessage().startsWith(file)) {
        throw iae;
      }
      throw new IllegalArgumentException(
          file
              + ": not a readable XLSX workbook (damaged, protected by a password, or not an Excel"
              + " 2007+ file): open it in Excel or WPS and save it again as .xlsx or .csv");
    }
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return null;
    }
    CellType type = cell.getCellType();
    return switch (type) {
      case STRING -> cell.getStringCellValue();
      case NUMERIC ->
          DateUtil.isCellDateFormatted(cell)
              ? cell.getLocalDateTimeCellValue().toString().replace("T00:00", "")
              : plain(cell.getNumericCellValue());
      case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
      case FORMULA -> FORMULA + cell.getCellFormula();
      default -> null;
    };
  }

  private static String plain(double v) {
    String s = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    return s;
  }
}
