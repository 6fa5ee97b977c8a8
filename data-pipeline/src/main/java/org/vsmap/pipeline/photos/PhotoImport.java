package org.vsmap.pipeline.photos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.Photos;
import org.vsmap.pipeline.csv.CsvTable;
import org.vsmap.pipeline.importer.Grid;
import org.vsmap.pipeline.importer.Problem;

/**
 * Photos that come with an office's files: a list (CSV or XLSX) naming, per row, the station or
 * activity, the photo file (beside the list) and what it shows. Every row is checked — the record
 * exists, the file is there and inside the list's folder, the photo passes the {@link PhotoIntake}
 * — and reported by row and column; the caller stores them all or none ({@link PhotoAttach#store}).
 */
public final class PhotoImport {
  static final Map<String, List<String>> HEADERS = Map.of(
      "kind", List.of("kind", "对象类型", "类型"),
      "subject_id", List.of("subject_id", "对象编号", "站点编号", "活动编号", "编号"),
      "file", List.of("file", "文件", "照片文件", "照片"),
      "alt", List.of("alt", "照片说明", "说明", "照片内容"));

  public record Result(List<PhotoAttach.Checked> photos, List<Problem> problems) {}

  private PhotoImport() {}

  /** The region of a station ("STATION id") or activity ("ACTIVITY id") as the store has it, or null. */
  public static Function<String, String> regionsIn(org.jdbi.v3.core.Jdbi jdbi) {
    var stations = new org.vsmap.pipeline.store.JdbiStationStore(jdbi);
    var activities = new org.vsmap.pipeline.store.JdbiActivityStore(jdbi);
    return key -> {
      String id = key.substring(key.indexOf(' ') + 1);
      return key.startsWith("STATION ") ? stations.stationById(id).map(org.vsmap.geo.model.Station::regionCode).orElse(null)
          : activities.activityById(id).map(org.vsmap.geo.model.Activity::regionCode).orElse(null);
    };
  }

  /**
   * @param folder where the list is: photo files are read from it (and nowhere else)
   * @param regionOf the region of a station ("STATION id") or activity ("ACTIVITY id") as stored, or null
   * @param scope an office's region (rows outside it are problems), or null
   */
  public static Result read(Grid grid, Path folder, Function<String, String> regionOf, String scope) {
    List<Problem> problems = new ArrayList<>(grid.formulaProblems());
    CsvTable table = grid.table(HEADERS);
    Map<String, String> columns = Grid.columns(table.header(), HEADERS);
    for (String required : List.of("kind", "subject_id", "file", "alt")) {
      if (!columns.containsKey(required)) {
        problems.add(new Problem(grid.file(), 1, required, null, "缺少必填列（可用表头：" + HEADERS.get(required) + "）",
            "required column missing (headers accepted: " + HEADERS.get(required) + ")"));
      }
    }
    if (!problems.isEmpty()) {
      return new Result(List.of(), problems);
    }
    Path base = folder.toAbsolutePath().normalize();
    List<PhotoAttach.Checked> out = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      String kindText = row.get(columns.get("kind"));
      String id = row.get(columns.get("subject_id"));
      String file = row.get(columns.get("file"));
      String alt = row.get(columns.get("alt"));
      Kind kind = kindText == null ? null : switch (kindText.strip().toUpperCase()) {
        case "STATION", "站点", "志愿服务站" -> Kind.STATION;
        case "ACTIVITY", "活动", "项目" -> Kind.ACTIVITY;
        default -> null;
      };
      if (kind == null) {
        problems.add(new Problem(grid.file(), row.line(), columns.get("kind"), kindText, "对象类型应为 站点 或 活动",
            "the kind must be station or activity"));
        continue;
      }
      String region = id == null ? null : regionOf.apply(kind.name() + " " + id.strip());
      if (region == null) {
        problems.add(new Problem(grid.file(), row.line(), columns.get("subject_id"), id, "没有这个" + (kind == Kind.STATION ? "站点" : "活动")
            + "编号", "no " + kind.name().toLowerCase() + " with this id"));
        continue;
      }
      if (scope != null && !region.startsWith(scope)) {
        problems.add(new Problem(grid.file(), row.line(), columns.get("subject_id"), id, "不在本账号负责的区域（" + scope + "）内",
            "outside this account's region " + scope));
        continue;
      }
      if (file == null) {
        problems.add(new Problem(grid.file(), row.line(), columns.get("file"), null, "照片文件为必填项", "the photo file is required"));
        continue;
      }
      Path path = base.resolve(file.strip()).normalize();
      if (!path.startsWith(base)) {
        problems.add(new Problem(grid.file(), row.line(), columns.get("file"), file, "照片文件必须在名单所在的文件夹内",
            "the photo must be in the list's folder"));
        continue;
      }
      byte[] bytes;
      try {
        if (Files.size(path) > PhotoIntake.MAX_BYTES) {
          problems.add(new Problem(grid.file(), row.line(), columns.get("file"), file, "文件超过 15 MB", "the file is larger than 15 MB"));
          continue;
        }
        bytes = Files.readAllBytes(path);
      } catch (IOException e) {
        problems.add(new Problem(grid.file(), row.line(), columns.get("file"), file, "找不到或无法读取该文件", "no such file, or it cannot be read"));
        continue;
      }
      try {
        out.add(PhotoAttach.check(new PhotoAttach.Item(kind, id.strip(), region,
            new Photos.Upload(path.getFileName().toString(), bytes, alt))));
      } catch (PhotoIntake.Rejected r) {
        problems.add(new Problem(grid.file(), row.line(), columns.get("file"), file, r.zh(), r.en()));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(grid.file(), row.line(), columns.get("alt"), alt, "请用一句话描述照片内容（1–300 字）",
            "describe the photo in a sentence (1–300 characters)"));
      }
    }
    return new Result(out, problems);
  }
}
