package org.vsmap.pipeline.importer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.Joining;
import org.vsmap.geo.model.PublicContact;
import org.vsmap.geo.port.Problem;
import org.vsmap.pipeline.csv.CsvTable;

/**
 * The sign-up cells of an activity list (志愿中国项目编号, 报名链接, 报名方式, 报名截止, 联系电话), each read and checked:
 * a link that is not http(s), a deadline that is no date or falls after the activity, and a
 * personal mobile number are problems with their column.
 */
final class JoiningCells {
  private JoiningCells() {}

  /** The headers each sign-up column is read from (added to the activity list's). */
  static void headers(Map<String, List<String>> h) {
    h.put("project_id", List.of("project_id", "志愿中国项目编号", "项目编号", "全国系统项目编号"));
    h.put("signup_url", List.of("signup_url", "报名链接", "报名网址", "报名地址"));
    h.put("signup_method", List.of("signup_method", "报名方式"));
    h.put("signup_deadline", List.of("signup_deadline", "报名截止", "报名截止时间", "截止时间"));
    h.put("office_line", List.of("office_line", "联系电话", "办公电话", "咨询电话"));
  }

  /**
   * The sign-up details of a row, or null when one of them is a problem (added to {@code
   * problems}). {@code span}, {@code recurrence}: when the activity is (span null when not known).
   */
  static Joining read(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      LocalDate today,
      ReportDates.Span span,
      org.vsmap.geo.model.Recurrence recurrence,
      List<Problem> problems) {
    LocalDateTime lastEnd =
        span == null ? null : span.end().plusWeeks(recurrence.occurrences() - 1L);
    int before = problems.size();
    String project = TeamActivityImport.cell(row, c, "project_id");
    if (project != null && !Joining.PROJECT_ID.matcher(project.strip()).matches()) {
      problems.add(
          new Problem(
              file,
              row.line(),
              c.get("project_id"),
              project,
              "项目编号只能含字母、数字和“-”（最多 40 位）",
              "a project number is letters, digits and '-' (at most 40)"));
    }
    String url = TeamActivityImport.cell(row, c, "signup_url");
    try {
      Joining.link(url, "sign-up link");
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              file,
              row.line(),
              c.get("signup_url"),
              url,
              "报名链接应是以 https:// 开头的网址",
              "the sign-up link must be a web address starting with https://"));
    }
    String method = TeamActivityImport.cell(row, c, "signup_method");
    if (method != null && method.length() > 200) {
      problems.add(
          new Problem(
              file,
              row.line(),
              c.get("signup_method"),
              method.substring(0, 40) + "…",
              "报名方式不超过 200 字",
              "报名方式 is at most 200 characters"));
    }
    LocalDateTime deadline = deadline(file, row, c, today, lastEnd, problems);
    String line = TeamActivityImport.cell(row, c, "office_line");
    try {
      PublicContact.check(line, "the organiser");
    } catch (IllegalArgumentException e) {
      problems.add(contactProblem(file, row, c, "office_line", e));
    }
    if (problems.size() > before) {
      return null;
    }
    return new Joining(project, url, method, deadline, line);
  }

  private static LocalDateTime deadline(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      LocalDate today,
      LocalDateTime lastEnd,
      List<Problem> problems) {
    String text = TeamActivityImport.cell(row, c, "signup_deadline");
    if (text == null) {
      return null;
    }
    try {
      LocalDateTime at = ReportDates.parse(text, today).start();
      // a date alone closes at the end of that day
      if (text.strip().matches("[\\d年月日号/.\\-\\s]+")) {
        at = at.toLocalDate().atTime(23, 59);
      }
      if (lastEnd != null && at.isAfter(lastEnd)) {
        problems.add(
            new Problem(
                file,
                row.line(),
                c.get("signup_deadline"),
                text,
                "报名截止晚于活动结束",
                "sign-up closes after the activity has ended"));
        return null;
      }
      return at;
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      String[] parts = String.valueOf(e.getMessage()).split(" / ", 2);
      problems.add(
          new Problem(
              file,
              row.line(),
              c.get("signup_deadline"),
              text,
              "报名截止：" + parts[0],
              "sign-up deadline: " + (parts.length > 1 ? parts[1] : parts[0])));
      return null;
    }
  }

  /**
   * A team refused for its public line (a personal mobile, not a number) or its sign-up link (not
   * http(s)); a mobile number is not echoed back.
   */
  static Problem teamProblem(
      String file, CsvTable.Row row, Map<String, String> c, IllegalArgumentException e) {
    if (String.valueOf(e.getMessage()).contains("public contact")) {
      return contactProblem(file, row, c, "public_contact", e);
    }
    return new Problem(
        file,
        row.line(),
        c.get("signup_url"),
        TeamActivityImport.cell(row, c, "signup_url"),
        "加入链接应是以 https:// 开头的网址",
        "the sign-up link must be a web address starting with https://");
  }

  /** A refused telephone cell: a personal mobile (not echoed back) or not a number at all. */
  private static Problem contactProblem(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      String key,
      IllegalArgumentException e) {
    boolean mobile = String.valueOf(e.getMessage()).contains("mobile");
    return new Problem(
        file,
        row.line(),
        c.get(key),
        mobile ? "1**********" : TeamActivityImport.cell(row, c, key),
        mobile ? "只公布办公电话或服务热线，不公布个人手机号" : "联系电话不是电话号码",
        mobile
            ? "only office lines and hotlines are published, never a personal mobile"
            : "the contact is not a telephone number");
  }
}
