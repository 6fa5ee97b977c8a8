package org.vsmap.pipeline.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the XLSX versions of the sample reports in {@code seeds/samples} the way an office's Excel
 * holds them: the same cells, and the 类别 cell of the summary merged down over its rows. Run once
 * after changing a sample CSV: {@code SampleWorkbooks.main(seeds/samples)}.
 */
public final class SampleWorkbooks {
  private SampleWorkbooks() {}

  /**
   * The workbook bytes for a CSV file's lines; merges a first-column cell over the empty ones below
   * it in the table.
   */
  static byte[] workbook(Grid grid, boolean mergeFirstColumn) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("Sheet1");
      int r = 0;
      Integer mergeFrom = null;
      for (Grid.Line line : grid.lines()) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < line.cells().size(); c++) {
          if (line.cells().get(c) != null) {
            row.createCell(c).setCellValue(line.cells().get(c));
          }
        }
        if (mergeFirstColumn && r >= 3) {
          if (line.cell(0) != null) {
            if (mergeFrom != null && r - 1 > mergeFrom) {
              sheet.addMergedRegion(new CellRangeAddress(mergeFrom, r - 1, 0, 0));
            }
            mergeFrom = r;
          }
        }
        r++;
      }
      if (mergeFirstColumn && mergeFrom != null && r - 1 > mergeFrom) {
        sheet.addMergedRegion(new CellRangeAddress(mergeFrom, r - 1, 0, 0));
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "seeds/samples");
    for (String name : new String[] {"汇总表-东胜区-样例", "情况表-东胜区蓝天救援-样例"}) {
      Grid grid = Grid.read(name + ".csv", Files.readAllBytes(dir.resolve(name + ".csv")), null);
      Files.write(dir.resolve(name + ".xlsx"), workbook(grid, name.startsWith("汇总表")));
    }
  }
}
