package org.vsmap.geo.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The 考核 table: one row per reporting unit with its counts over the weeks and each week's status,
 * as the CSV and XLSX downloads give it. Cells are text, whole numbers or a percentage (null:
 * none).
 */
public final class Assessment {
  private static final DateTimeFormatter MD = DateTimeFormatter.ofPattern("M月d日");

  private Assessment() {}

  /** The header row. */
  public static List<String> headers(List<LocalDate> weeks) {
    List<String> out =
        new ArrayList<>(
            List.of(
                "区（县）",
                "区划代码",
                "所在区划",
                "报送单位",
                "类别",
                "应报周数",
                "按时",
                "逾期",
                "未报",
                "无需报送",
                "按时报送率(%)"));
    for (LocalDate w : weeks) {
      out.add(MD.format(w) + "–" + MD.format(w.plusDays(6)) + " 周");
    }
    return out;
  }

  /** The units' rows, in the order given; each week as 按时 / 逾期 1 天 2 小时 / 未报 / 待报 / 无需. */
  public static List<List<Object>> rows(List<Supervision.Row> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (Supervision.Row r : rows) {
      Supervision.Rate rate = r.rate();
      List<Object> line = new ArrayList<>();
      line.add(r.unit().districtName());
      line.add(r.unit().regionCode());
      line.add(r.unit().regionName());
      line.add(r.unit().name());
      line.add(r.unit().kind());
      line.add(rate.due());
      line.add(rate.onTime());
      line.add(rate.late());
      line.add(rate.missing());
      line.add(rate.exempt());
      line.add(rate.onTimePercent());
      for (Supervision.Cell c : r.cells()) {
        line.add(
            c.status() == ReportStatus.LATE ? c.status().zh() + " " + c.lateZh() : c.status().zh());
      }
      out.add(line);
    }
    return out;
  }
}
