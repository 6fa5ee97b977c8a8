package org.vsmap.pipeline.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * One office file is at most 64 MB and 300,000 rows, whatever its format; past either it is refused
 * with a message naming the limit, before (bytes) or while (rows) it is read, and the workbook is
 * read as a stream so its size in memory follows its rows, not its XML.
 */
class ImportLimitsTest {

  @Test
  void aFileOverTheByteLimitIsRefusedBeforeAnyOfItIsParsed() {
    byte[] big = new byte[(int) ImportLimits.MAX_BYTES + 1];
    Arrays.fill(big, (byte) 'a'); // not even CSV: the size is all that is looked at
    assertThatThrownBy(() -> Grid.read("big.csv", big, null))
        .isInstanceOf(ImportLimits.TooLarge.class)
        .hasMessageContaining("big.csv: the file is 64 MB, more than the 64 MB a file may have")
        .hasMessageContaining("300,000 rows")
        .hasMessageContaining("超过每个文件 64 MB 的上限");
    assertThatThrownBy(() -> ImportLimits.checkSize("huge.csv", 200L * 1024 * 1024))
        .hasMessageContaining("huge.csv: the file is 200 MB");
  }

  @Test
  void aCsvFileStopsBeingReadAtTheRowAfterTheLimit() {
    StringBuilder csv = new StringBuilder("站点名称,行政区划代码\n");
    for (int i = 1; i < ImportLimits.MAX_ROWS; i++) {
      csv.append("站").append(i).append(",150602\n");
    }
    byte[] atLimit = csv.toString().getBytes(StandardCharsets.UTF_8);
    // the header and 299,999 rows: every line is one of the 300,000
    assertThat(Grid.read("ok.csv", atLimit, null).lines()).hasSize(ImportLimits.MAX_ROWS);
    byte[] over = (csv + "再一行,150602\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Grid.read("over.csv", over, null))
        .isInstanceOf(ImportLimits.TooLarge.class)
        .hasMessage(
            "over.csv: more than 300,000 rows, the most a file may have: split it (the rows of one"
                + " source may come in several files) / 超过每个文件 300000 行的上限：请拆分为多个文件");
  }

  @Test
  void aWorkbookIsStreamedAndStopsAtTheLimitToo() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
      var sheet = wb.createSheet("站点");
      sheet.createRow(0).createCell(0).setCellValue("站点名称");
      for (int i = 1; i <= ImportLimits.MAX_ROWS; i++) { // the header and 300,000 rows
        sheet.createRow(i).createCell(0).setCellValue("站" + i);
      }
      wb.write(out);
    }
    byte[] bytes = out.toByteArray();
    assertThatThrownBy(() -> Grid.read("big.xlsx", bytes, null))
        .isInstanceOf(ImportLimits.TooLarge.class)
        .hasMessageStartingWith("big.xlsx: more than 300,000 rows");
  }

  @Test
  void theStreamedSheetKeepsRowNumbersGapsCodesDatesAndFormulas() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      var sheet = wb.createSheet("活动");
      var h = sheet.createRow(0);
      h.createCell(0).setCellValue("活动名称");
      h.createCell(1).setCellValue("行政区划代码");
      h.createCell(3).setCellValue("日期");
      var row = sheet.createRow(4); // Excel row 5, after three empty rows
      row.createCell(0).setCellValue("助老");
      row.createCell(1).setCellValue(150602001002d);
      var date = row.createCell(3);
      date.setCellValue(LocalDate.of(2026, 12, 12));
      var style = wb.createCellStyle();
      style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      date.setCellStyle(style);
      var formula = sheet.createRow(5);
      formula.createCell(0).setCellFormula("1+1");
      formula.createCell(1).setCellValue(true);
      wb.write(out);
    }
    Grid g = Grid.read("活动.xlsx", out.toByteArray(), null);
    assertThat(g.readAs()).isEqualTo("XLSX");
    assertThat(g.lines()).extracting(Grid.Line::number).containsExactly(1, 5, 6);
    assertThat(g.lines().get(0).cells()).containsExactly("活动名称", "行政区划代码", null, "日期");
    assertThat(g.lines().get(1).cells()).containsExactly("助老", "150602001002", null, "2026-12-12");
    assertThat(SheetTable.isFormula(g.lines().get(2).cell(0))).isTrue();
    assertThat(SheetTable.shown(g.lines().get(2).cell(0))).isEqualTo("=1+1");
    assertThat(g.lines().get(2).cell(1)).isEqualTo("true");
  }
}
