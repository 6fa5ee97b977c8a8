package org.vsmap.geo.format;

import java.io.OutputStream;
import java.util.List;
import org.vsmap.geo.port.Problem;

/**
 * A check's whole report as a spreadsheet: every problem, then every warning, one row each with
 * file, row, column, value and the reason in Chinese and English. The report page and the import
 * command show the first of each kind; this file has them all.
 */
public final class ProblemsCsv {
  private ProblemsCsv() {}

  public static void write(OutputStream out, List<Problem> problems, List<Problem> warnings) {
    CsvWriter w = CsvWriter.forSpreadsheets(out);
    w.row("类别 severity", "文件 file", "行 row", "列 column", "值 value", "原因", "reason");
    for (Problem x : problems) {
      w.row("问题 problem", x.file(), x.row(), x.column(), x.value(), x.reasonZh(), x.reasonEn());
    }
    for (Problem x : warnings) {
      w.row("提示 warning", x.file(), x.row(), x.column(), x.value(), x.reasonZh(), x.reasonEn());
    }
    w.flush();
  }
}
