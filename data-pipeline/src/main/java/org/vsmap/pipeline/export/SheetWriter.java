package org.vsmap.pipeline.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table that is not a dataset (the 考核 table of weekly reporting) as an XLSX workbook: a data
 * sheet whose numbers are numbers and whose codes stay text, and an 说明 sheet of key/value lines.
 */
public final class SheetWriter {
  private SheetWriter() {}

  public static void xlsx(
      String sheetName,
      List<String> headers,
      List<List<Object>> rows,
      Map<String, String> about,
      OutputStream out)
      throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      Sheet data = wb.createSheet(sheetName);
      Row head = data.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        head.createCell(i).setCellValue(headers.get(i));
      }
      int r = 1;
      for (List<Object> line : rows) {
        Row row = data.createRow(r++);
        for (int i = 0; i < line.size(); i++) {
          Object v = line.get(i);
          if (v == null) {
            continue;
          }
          Cell c = row.createCell(i);
          if (v instanceof Number n) {
            c.setCellValue(n.doubleValue());
          } else {
            c.setCellValue(v.toString()); // text, never a formula, whatever it starts with
          }
        }
      }
      Sheet notes = wb.createSheet("说明 about");
      int a = 0;
      for (Map.Entry<String, String> e : about.entrySet()) {
        a = ExportWriters.line(notes, a, e.getKey(), e.getValue());
      }
      wb.write(out);
    }
  }
}
