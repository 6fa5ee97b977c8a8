package org.vsmap.pipeline.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.port.Statistics.Status;

/**
 * Disclosure control for counts of people published along the region tree (a city, its districts,
 * their streets, their communities), where a parent's count is the sum of its children's:
 *
 * <ol>
 *   <li>primary: a count from 1 to threshold − 1 is SUPPRESSED (0 is shown: it singles no one out);
 *   <li>secondary, repeated until nothing changes: where a shown parent has exactly one withheld
 *       child, the smallest shown sibling is PROTECTED too (if there is none, the parent is), so no
 *       subtraction from the total gives a withheld count; and where a withheld parent has every
 *       child shown, its smallest child is PROTECTED, so the parent cannot be rebuilt as a sum and
 *       then subtracted from its own parent.
 * </ol>
 *
 * Each withheld cell is then one of at least two unknowns in every sum it is part of; the test
 * checks on crafted data, by linear algebra over everything published, that none is determined.
 */
public final class Disclosure {
  private Disclosure() {}

  /**
   * @param counts the count of each region that has one
   * @param parentOf each region's parent code (regions without one are roots)
   */
  public static Map<String, Status> protect(
      Map<String, Long> counts, Map<String, String> parentOf, int threshold) {
    Map<String, Status> status = new LinkedHashMap<>();
    counts.forEach(
        (code, n) ->
            status.put(code, n != null && n > 0 && n < threshold ? Status.SUPPRESSED : Status.OK));
    Map<String, List<String>> children = new HashMap<>();
    for (String code : counts.keySet()) {
      String parent = parentOf.get(code);
      if (parent != null && counts.containsKey(parent)) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(code);
      }
    }
    Comparator<String> smallest =
        Comparator.comparing((String c) -> counts.get(c)).thenComparing(c -> c);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, List<String>> e : children.entrySet()) {
        String parent = e.getKey();
        List<String> kids = e.getValue();
        List<String> shown =
            kids.stream().filter(c -> status.get(c) == Status.OK).sorted(smallest).toList();
        int withheld = kids.size() - shown.size();
        if (status.get(parent) == Status.OK && withheld == 1) {
          if (shown.isEmpty()) {
            status.put(parent, Status.PROTECTED);
          } else {
            status.put(shown.get(0), Status.PROTECTED);
          }
          changed = true;
        } else if (status.get(parent) != Status.OK && withheld == 0 && !shown.isEmpty()) {
          status.put(shown.get(0), Status.PROTECTED);
          changed = true;
        }
      }
    }
    return status;
  }
}
