package org.vsmap.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.port.Statistics.Status;

/**
 * The suppression rule against an attacker who knows every published count and that each parent is
 * the sum of its children: no withheld count may follow from them (checked by linear algebra, not
 * by trusting the rule).
 */
class DisclosureTest {

  /** Which withheld cells the published counts and the sums determine exactly. */
  static List<String> determined(
      Map<String, Long> counts, Map<String, String> parentOf, Map<String, Status> status) {
    List<String> unknown =
        counts.keySet().stream().filter(c -> status.get(c) != Status.OK).toList();
    List<double[]> rows = new ArrayList<>();
    Map<String, List<String>> children = new LinkedHashMap<>();
    counts
        .keySet()
        .forEach(
            c -> {
              String p = parentOf.get(c);
              if (p != null && counts.containsKey(p)) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(c);
              }
            });
    children.forEach(
        (p, kids) -> {
          double[] row = new double[unknown.size()];
          int i = unknown.indexOf(p);
          if (i >= 0) {
            row[i] -= 1;
          }
          for (String k : kids) {
            int j = unknown.indexOf(k);
            if (j >= 0) {
              row[j] += 1;
            }
          }
          rows.add(row);
        });
    int base = rank(rows, unknown.size());
    List<String> out = new ArrayList<>();
    for (int u = 0; u < unknown.size(); u++) {
      List<double[]> with = new ArrayList<>(rows);
      double[] e = new double[unknown.size()];
      e[u] = 1;
      with.add(e);
      if (rank(with, unknown.size()) == base) {
        out.add(unknown.get(u));
      }
    }
    return out;
  }

  static int rank(List<double[]> rows, int cols) {
    double[][] m = rows.stream().map(double[]::clone).toArray(double[][]::new);
    int rank = 0;
    for (int c = 0; c < cols && rank < m.length; c++) {
      int pivot = -1;
      for (int r = rank; r < m.length; r++) {
        if (Math.abs(m[r][c]) > 1e-9) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      double[] t = m[rank];
      m[rank] = m[pivot];
      m[pivot] = t;
      for (int r = 0; r < m.length; r++) {
        if (r != rank && Math.abs(m[r][c]) > 1e-9) {
          double f = m[r][c] / m[rank][c];
          for (int k = c; k < cols; k++) {
            m[r][k] -= f * m[rank][k];
          }
        }
      }
      rank++;
    }
    return rank;
  }

  @Test
  void naivePublicationWouldRevealTheSmallDistrictButTheRuleDoesNot() {
    // city 100 = districts A 3 + B 47 + C 50; B = streets b1 20 + b2 27; C = streets c1 25 + c2 25
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("city", 100L);
    counts.put("A", 3L);
    counts.put("B", 47L);
    counts.put("C", 50L);
    counts.put("b1", 20L);
    counts.put("b2", 27L);
    counts.put("c1", 25L);
    counts.put("c2", 25L);
    Map<String, String> parent =
        Map.of("A", "city", "B", "city", "C", "city", "b1", "B", "b2", "B", "c1", "C", "c2", "C");

    Map<String, Status> naive = new LinkedHashMap<>();
    counts.forEach((c, n) -> naive.put(c, n < 5 ? Status.SUPPRESSED : Status.OK));
    assertThat(determined(counts, parent, naive))
        .as("100 − 47 − 50 gives A away")
        .containsExactly("A");

    Map<String, Status> s = Disclosure.protect(counts, parent, 5);
    assertThat(s.get("A")).isEqualTo(Status.SUPPRESSED);
    assertThat(s.get("B"))
        .as("the smallest sibling is withheld with it")
        .isEqualTo(Status.PROTECTED);
    assertThat(s.get("b1"))
        .as("and B cannot be rebuilt from its streets")
        .isEqualTo(Status.PROTECTED);
    assertThat(s.get("C")).isEqualTo(Status.OK);
    assertThat(s.get("city")).isEqualTo(Status.OK);
    assertThat(determined(counts, parent, s)).isEmpty();
  }

  @Test
  void zeroIsShownAndAnOnlyChildTakesItsParentWithIt() {
    Map<String, Long> counts = new LinkedHashMap<>(Map.of("p", 2L, "q", 2L, "r", 0L));
    Map<String, String> parent = Map.of("q", "p");
    Map<String, Status> s = Disclosure.protect(counts, parent, 5);
    assertThat(s.get("r")).isEqualTo(Status.OK);
    assertThat(s.get("p")).isEqualTo(Status.SUPPRESSED);
    assertThat(s.get("q")).isEqualTo(Status.SUPPRESSED);
  }

  @Test
  void onRandomTreesNoWithheldCountFollowsFromWhatIsPublished() {
    SplittableRandom rnd = new SplittableRandom(7);
    int naiveLeaks = 0;
    for (int trial = 0; trial < 300; trial++) {
      Map<String, Long> counts = new LinkedHashMap<>();
      Map<String, String> parent = new LinkedHashMap<>();
      long root = build("r", 0, rnd, counts, parent);
      counts.put("r", root);
      int threshold = 3 + rnd.nextInt(8);
      Map<String, Status> s = Disclosure.protect(counts, parent, threshold);
      counts.forEach(
          (c, n) -> {
            if (n > 0 && n < threshold) {
              assertThat(s.get(c)).isEqualTo(Status.SUPPRESSED);
            }
          });
      assertThat(determined(counts, parent, s)).as("trial %d: %s %s", trial, counts, s).isEmpty();
      Map<String, Status> naive = new LinkedHashMap<>();
      counts.forEach(
          (c, n) -> naive.put(c, n > 0 && n < threshold ? Status.SUPPRESSED : Status.OK));
      naiveLeaks += determined(counts, parent, naive).isEmpty() ? 0 : 1;
    }
    assertThat(naiveLeaks)
        .as("trials where primary suppression alone would leak")
        .isGreaterThan(50);
  }

  /**
   * A random subtree under {@code code}; returns its total (a leaf's own count, or the sum of its
   * children).
   */
  private static long build(
      String code,
      int depth,
      SplittableRandom rnd,
      Map<String, Long> counts,
      Map<String, String> parent) {
    if (depth == 3 || (depth > 0 && rnd.nextDouble() < 0.2)) {
      long n = rnd.nextDouble() < 0.3 ? rnd.nextInt(6) : rnd.nextInt(200);
      counts.put(code, n);
      return n;
    }
    int kids = 1 + rnd.nextInt(5);
    long sum = 0;
    for (int i = 0; i < kids; i++) {
      String child = code + "." + i;
      parent.put(child, code);
      sum += build(child, depth + 1, rnd, counts, parent);
    }
    counts.put(code, sum);
    return sum;
  }
}
