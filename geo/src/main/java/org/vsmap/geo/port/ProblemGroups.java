package org.vsmap.geo.port;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's problems as a person reads them: grouped by kind (the column and the reason, with the
 * row numbers and values in the reason left out), each kind with its count and its first few rows.
 * A file with 100,000 copies of one mistake gives one group of 100,000 and a page of 20 rows; the
 * full list goes out as a CSV file.
 */
public record ProblemGroups(List<Group> groups, int total) {

  /** How many rows of each kind a report shows. */
  public static final int SHOWN_PER_KIND = 20;

  /** One kind of problem: where it is, why, how often, and its first rows in file order. */
  public record Group(
      String column, String reasonZh, String reasonEn, int count, List<Problem> first) {
    public int more() {
      return count - first.size();
    }
  }

  /**
   * The problems grouped, kinds in the order their first row appears, at most {@code shown} each.
   */
  public static ProblemGroups of(List<Problem> problems, int shown) {
    Map<String, List<Problem>> first = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Problem p : problems) {
      String key = kind(p);
      counts.merge(key, 1, Integer::sum);
      List<Problem> rows = first.computeIfAbsent(key, k -> new ArrayList<>());
      if (rows.size() < shown) {
        rows.add(p);
      }
    }
    List<Group> groups = new ArrayList<>();
    first.forEach(
        (key, rows) -> {
          Problem p = rows.getFirst();
          groups.add(
              new Group(
                  p.column(),
                  general(p.reasonZh()),
                  general(p.reasonEn()),
                  counts.get(key),
                  List.copyOf(rows)));
        });
    return new ProblemGroups(List.copyOf(groups), problems.size());
  }

  public static ProblemGroups of(List<Problem> problems) {
    return of(problems, SHOWN_PER_KIND);
  }

  /** True when every problem is shown (no group was cut). */
  public boolean complete() {
    return groups.stream().allMatch(g -> g.more() == 0);
  }

  /**
   * The column and the English reason up to its first varying part: "likely duplicate of ST-12 某站"
   * and "likely duplicate of ST-40 另一站" are one kind.
   */
  private static String kind(Problem p) {
    String reason = general(p.reasonEn());
    int cut = reason.indexOf('…');
    return (p.column() == null ? "" : p.column())
        + "\u0000"
        + (cut < 0 ? reason : reason.substring(0, cut + 1));
  }

  /**
   * A reason without what changes from row to row: numbers become "…", quoted values and
   * parentheses are dropped ("duplicates row 12" and "duplicates row 40" are one kind).
   */
  static String general(String reason) {
    if (reason == null) {
      return "";
    }
    return reason
        .replaceAll("'[^']*'|‘[^’]*’|“[^”]*”|\"[^\"]*\"", "…")
        .replaceAll("\\([^)]*\\)|（[^）]*）", "")
        .replaceAll("\\d+(?:[.,]\\d+)*", "…")
        .replaceAll("(…\\s*)+", "… ")
        .strip();
  }
}
