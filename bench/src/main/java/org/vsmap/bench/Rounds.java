package org.vsmap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/** Timed rounds of two queries interleaved, their percentiles, and the process's memory. */
final class Rounds {
  private Rounds() {}

  static int warmUp(int rounds) {
    return Math.max(10, rounds / 4);
  }

  @FunctionalInterface
  interface Query {
    int run(int i) throws SQLException;
  }

  /**
   * Longest a query's timed rounds may take in all (ours + PostGIS), after which fewer rounds are
   * reported.
   */
  static final long BUDGET_NANOS = 60_000_000_000L;

  /**
   * Warm-up then timed rounds, ours and PostGIS interleaved round by round (same input, same
   * moment); {@code rounds} of them, or as many as fit in 60 s (at least 20) for slow queries — the
   * row says how many.
   */
  static SideBySide.Row time(int rounds, String name, Query ours, Query pg, String agreement)
      throws SQLException {
    int warm = warmUp(rounds);
    long[] a = new long[rounds];
    long[] b = new long[rounds];
    long sink = 0;
    long start = System.nanoTime();
    int n = 0;
    for (int i = 0; i < warm + rounds; i++) {
      if (i == warm) {
        start = System.nanoTime();
      }
      long t0 = System.nanoTime();
      sink += ours.run(i);
      long t1 = System.nanoTime();
      sink += pg.run(i);
      long t2 = System.nanoTime();
      if (i >= warm) {
        a[n] = t1 - t0;
        b[n] = t2 - t1;
        n++;
        if (n >= 20 && t2 - start > BUDGET_NANOS) {
          break;
        }
      } else if (t2 - start > BUDGET_NANOS / 4) {
        i = warm - 1; // warm-up cut short too
      }
    }
    if (sink == Long.MIN_VALUE) {
      System.out.print(""); // keeps the answers alive
    }
    a = Arrays.copyOf(a, n);
    b = Arrays.copyOf(b, n);
    return new SideBySide.Row(
        name + (n < rounds ? " (" + n + " rounds)" : ""),
        pct(a, 50),
        pct(a, 99),
        pct(b, 50),
        pct(b, 99),
        agreement);
  }

  static double pct(long[] nanos, int p) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    IntUnaryOperator at = q -> Math.min(s.length - 1, (int) Math.ceil(q / 100.0 * s.length) - 1);
    return s[Math.max(0, at.applyAsInt(p))] / 1e6;
  }

  static String rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return (Long.parseLong(line.replaceAll("\\D", "")) >> 10) + " MB";
        }
      }
    } catch (Exception e) {
      return "unknown";
    }
    return "unknown";
  }
}
