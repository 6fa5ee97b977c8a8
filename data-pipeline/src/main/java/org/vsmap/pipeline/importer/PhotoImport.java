package org.vsmap.pipeline.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.RegionCode;
import org.vsmap.geo.port.Photos;
import org.vsmap.geo.port.Problem;
import org.vsmap.pipeline.csv.CsvTable;
import org.vsmap.pipeline.photos.PhotoAttach;
import org.vsmap.pipeline.photos.PhotoIntake;

/**
 * Photos that come with an office's files: a list (CSV or XLSX) naming, per row, the station or
 * activity, the photo file (beside the list) and what it shows. An activity is named by its id, or
 * — as an office knows the activities of its own 活动情况表, not the ids the portal gave them — by its
 * title and date (活动名称 + 活动日期: the day it was held, or one of a weekly activity's weeks). Every row
 * is checked — the record exists, the file is there and inside the list's folder, the photo passes
 * the {@link PhotoIntake} — and reported by row and column; the caller stores them all or none
 * ({@code JdbiPhotoAttach.store}).
 */
public final class PhotoImport {
  static final Map<String, List<String>> HEADERS =
      Map.of(
          "kind", List.of("kind", "对象类型", "类型"),
          "subject_id", List.of("subject_id", "对象编号", "站点编号", "活动编号", "编号"),
          "file", List.of("file", "文件", "照片文件", "照片"),
          "alt", List.of("alt", "照片说明", "说明", "照片内容"),
          "title", List.of("title", "活动名称", "名称"),
          "date", List.of("date", "活动日期", "日期"));
  private static final java.util.regex.Pattern DATE =
      java.util.regex.Pattern.compile(
          "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:\\s+.*)?");

  /** What a photo list may name, as the store has it. */
  public interface Subjects {
    /** The region of a station or activity, or null when there is none with this id. */
    String region(Kind kind, String id);

    /**
     * The ids of the activities with this title that take place on this day (a weekly one on any of
     * its weeks), with their regions.
     */
    Map<String, String> activitiesOn(String title, java.time.LocalDate day);
  }

  public record Result(List<PhotoAttach.Checked> photos, List<Problem> problems) {}

  private PhotoImport() {}

  /**
   * @param folder where the list is: photo files are read from it (and nowhere else)
   * @param subjects the stations and activities as stored
   * @param scope an office's region (rows outside it are problems), or null
   */
  public static Result read(Grid grid, Path folder, Subjects subjects, String scope) {
    List<Problem> problems = new ArrayList<>(grid.formulaProblems());
    CsvTable table = grid.table(HEADERS);
    Map<String, String> columns = Grid.columns(table.header(), HEADERS);
    problems.addAll(Grid.missingColumns(grid.file(), columns, HEADERS, "kind", "file", "alt"));
    if (!columns.containsKey("subject_id")
        && !(columns.containsKey("title") && columns.containsKey("date"))) {
      problems.add(noSubjectColumn(grid));
    }
    if (!problems.isEmpty()) {
      return new Result(List.of(), problems);
    }
    Path base = folder.toAbsolutePath().normalize();
    List<PhotoAttach.Checked> out = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      String kindText = row.get(columns.get("kind"));
      String id = columns.containsKey("subject_id") ? row.get(columns.get("subject_id")) : null;
      String file = row.get(columns.get("file"));
      String alt = row.get(columns.get("alt"));
      Kind kind = kind(kindText);
      if (kind == null) {
        problems.add(
            new Problem(
                grid.file(),
                row.line(),
                columns.get("kind"),
                kindText,
                "对象类型应为 站点 或 活动",
                "the kind must be station or activity"));
        continue;
      }
      if ((id == null || id.isBlank())
          && kind == Kind.ACTIVITY
          && columns.containsKey("title")
          && columns.containsKey("date")) {
        Named named = byTitle(grid, row, columns, subjects, scope);
        if (named.problem() != null) {
          problems.add(named.problem());
          continue;
        }
        id = named.id();
      }
      String region = id == null || id.isBlank() ? null : subjects.region(kind, id.strip());
      String idColumn =
          columns.containsKey("subject_id") ? columns.get("subject_id") : columns.get("title");
      Problem where = where(grid, row, idColumn, id, kind, region, scope);
      if (where != null) {
        problems.add(where);
        continue;
      }
      FileRead read = readFile(grid, row, columns, base, file);
      if (read.problem() != null) {
        problems.add(read.problem());
        continue;
      }
      try {
        out.add(
            PhotoAttach.check(
                new PhotoAttach.Item(
                    kind,
                    id.strip(),
                    region,
                    new Photos.Upload(read.path().getFileName().toString(), read.bytes(), alt))));
      } catch (PhotoIntake.Rejected r) {
        problems.add(
            new Problem(grid.file(), row.line(), columns.get("file"), file, r.zh(), r.en()));
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                grid.file(),
                row.line(),
                columns.get("alt"),
                alt,
                "请用一句话描述照片内容（1–300 字）",
                "describe the photo in a sentence (1–300 characters)"));
      }
    }
    return new Result(out, problems);
  }

  private static Problem noSubjectColumn(Grid grid) {
    return new Problem(
        grid.file(),
        1,
        "subject_id",
        null,
        "缺少对象编号列，或活动名称与活动日期两列（可用表头：" + HEADERS.get("subject_id") + "）",
        "required column missing: the subject's id, or an activity's title and date (headers accepted: "
            + HEADERS.get("subject_id")
            + ")");
  }

  private static Kind kind(String text) {
    return text == null
        ? null
        : switch (text.strip().toUpperCase()) {
          case "STATION", "站点", "志愿服务站" -> Kind.STATION;
          case "ACTIVITY", "活动", "项目" -> Kind.ACTIVITY;
          default -> null;
        };
  }

  /** Why a row's station or activity cannot take a photo from this office: unknown, or outside. */
  private static Problem where(
      Grid grid,
      CsvTable.Row row,
      String idColumn,
      String id,
      Kind kind,
      String region,
      String scope) {
    if (region == null) {
      return new Problem(
          grid.file(),
          row.line(),
          idColumn,
          id,
          "没有这个" + (kind == Kind.STATION ? "站点" : "活动") + "编号",
          "no " + kind.name().toLowerCase() + " with this id");
    }
    if (scope != null && !RegionCode.within(region, scope)) {
      return new Problem(
          grid.file(),
          row.line(),
          idColumn,
          id,
          "不在本账号负责的区域（" + scope + "）内",
          "outside this account's region " + scope);
    }
    return null;
  }

  /** A photo's file read from the list's folder, or why it cannot be. */
  private record FileRead(Path path, byte[] bytes, Problem problem) {}

  private static FileRead readFile(
      Grid grid, CsvTable.Row row, Map<String, String> columns, Path base, String file) {
    if (file == null) {
      return new FileRead(
          null,
          null,
          new Problem(
              grid.file(),
              row.line(),
              columns.get("file"),
              null,
              "照片文件为必填项",
              "the photo file is required"));
    }
    Path path = base.resolve(file.strip()).normalize();
    if (!path.startsWith(base)) {
      return new FileRead(
          null,
          null,
          new Problem(
              grid.file(),
              row.line(),
              columns.get("file"),
              file,
              "照片文件必须在名单所在的文件夹内",
              "the photo must be in the list's folder"));
    }
    try {
      if (Files.size(path) > PhotoIntake.MAX_BYTES) {
        return new FileRead(
            null,
            null,
            new Problem(
                grid.file(),
                row.line(),
                columns.get("file"),
                file,
                "文件超过 15 MB",
                "the file is larger than 15 MB"));
      }
      return new FileRead(path, Files.readAllBytes(path), null);
    } catch (IOException e) {
      return new FileRead(
          null,
          null,
          new Problem(
              grid.file(),
              row.line(),
              columns.get("file"),
              file,
              "找不到或无法读取该文件",
              "no such file, or it cannot be read"));
    }
  }

  /** An activity found by title and date: its id, or why there is none. */
  private record Named(String id, Problem problem) {}

  private static Named byTitle(
      Grid grid, CsvTable.Row row, Map<String, String> columns, Subjects subjects, String scope) {
    String title = row.get(columns.get("title"));
    String dateText = row.get(columns.get("date"));
    java.util.regex.Matcher d = dateText == null ? null : DATE.matcher(dateText.strip());
    java.time.LocalDate day;
    try {
      day =
          d != null && d.matches()
              ? java.time.LocalDate.of(
                  Integer.parseInt(d.group(1)),
                  Integer.parseInt(d.group(2)),
                  Integer.parseInt(d.group(3)))
              : null;
    } catch (java.time.DateTimeException e) {
      day = null;
    }
    if (title == null || title.isBlank()) {
      return new Named(
          null,
          new Problem(
              grid.file(),
              row.line(),
              columns.get("title"),
              null,
              "请填写活动编号，或活动名称与活动日期",
              "give the activity's id, or its title and date"));
    }
    if (day == null) {
      return new Named(
          null,
          new Problem(
              grid.file(),
              row.line(),
              columns.get("date"),
              dateText,
              "活动日期应为 2026-11-23 这样的日期",
              "the activity's date must be a date such as 2026-11-23"));
    }
    Map<String, String> found = new java.util.TreeMap<>(subjects.activitiesOn(title.strip(), day));
    if (scope != null) {
      found.values().removeIf(r -> !RegionCode.within(r, scope));
    }
    if (found.size() == 1) {
      return new Named(found.keySet().iterator().next(), null);
    }
    return new Named(
        null,
        found.isEmpty()
            ? new Problem(
                grid.file(),
                row.line(),
                columns.get("title"),
                title,
                "没有 " + day + " 的这项活动" + (scope == null ? "" : "（在本账号负责的区域 " + scope + " 内）"),
                "no activity with this title on "
                    + day
                    + (scope == null ? "" : " in this account's region " + scope))
            : new Problem(
                grid.file(),
                row.line(),
                columns.get("title"),
                title,
                "这一天有 " + found.size() + " 项同名活动（" + String.join("、", found.keySet()) + "），请填写活动编号",
                found.size()
                    + " activities have this title that day ("
                    + String.join(", ", found.keySet())
                    + "): give the activity's id"));
  }
}
