package org.vsmap.pipeline.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vsmap.geo.port.Problem;
import org.vsmap.pipeline.importer.Grid;
import org.vsmap.pipeline.importer.NameMatch;

/**
 * A list of reporting units as an office keeps it — typed one per line, or a CSV/XLSX with a
 * 志愿服务组织名称 (or 队伍名称, 名称) column — matched to stored teams by {@link NameMatch}.
 */
final class ReportingNames {
  private static final Set<String> HEADERS = Set.of("志愿服务组织名称", "队伍名称", "名称", "name");

  private ReportingNames() {}

  /** A name and the line it is on. */
  record Named(int line, String name) {}

  /** A stored team. */
  record Known(String id, String name) {}

  static List<Named> read(String file, byte[] bytes) {
    Grid grid = Grid.read(file == null || file.isBlank() ? "units.csv" : file, bytes, null);
    int column = 0;
    List<Named> out = new ArrayList<>();
    boolean first = true;
    for (Grid.Line line : grid.lines()) {
      if (first) {
        first = false;
        int header = headerColumn(line);
        if (header >= 0) {
          column = header;
          continue;
        }
      }
      String name = line.cell(column);
      if (name != null) {
        out.add(new Named(line.number(), name));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "名单是空的：每行一个志愿服务组织名称 / the list is empty: one organisation name per line");
    }
    return out;
  }

  private static int headerColumn(Grid.Line line) {
    for (int i = 0; i < line.cells().size(); i++) {
      String c = line.cell(i);
      if (c != null && HEADERS.contains(NameMatch.normal(c))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The team of each name (the same but for spacing, width or punctuation); a name near others, or
   * near none, is a problem and gives no team.
   */
  static List<String> match(
      String file, List<Named> names, List<Known> teams, List<Problem> problems) {
    List<String> ids = new ArrayList<>();
    for (Named n : names) {
      Optional<Known> same = NameMatch.same(n.name(), teams, Known::name);
      if (same.isPresent()) {
        ids.add(same.get().id());
        continue;
      }
      List<NameMatch.Near<Known>> near = NameMatch.near(n.name(), teams, Known::name);
      if (near.isEmpty()) {
        problems.add(
            new Problem(
                file,
                n.line(),
                "志愿服务组织名称",
                n.name(),
                "没有这个名称的队伍：请先导入或新建该队伍",
                "no team of this name: import or create the team first"));
      } else {
        List<String> candidates = near.stream().map(NameMatch.Near::name).toList();
        problems.add(
            new Problem(
                file,
                n.line(),
                "志愿服务组织名称",
                n.name(),
                "您是不是指 " + String.join("、", candidates) + "？",
                "did you mean " + String.join(" or ", candidates) + "?"));
      }
    }
    return ids;
  }
}
