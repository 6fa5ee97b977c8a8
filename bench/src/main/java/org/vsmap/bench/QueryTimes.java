package org.vsmap.bench;

import java.nio.file.Path;
import java.util.Arrays;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.pipeline.search.LuceneSearchIndex;

/**
 * A quick look at which queries cost what (median of 30 runs each), to guide work on the search;
 * JMH gives the real figures.
 */
public final class QueryTimes {
  public static void main(String[] args) {
    try (LuceneSearchIndex index =
        new LuceneSearchIndex(
            Path.of(args.length > 0 ? args[0] : "bench/target/national-index"),
            org.vsmap.geo.time.ChinaTime.system())) {
      String[] words = args.length > 1 ? new String[] {args[1]} : SearchBenchmarks.WORDS;
      int runs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
      for (String w : words) {
        long[] t = new long[runs];
        long total = 0;
        for (int i = 0; i < t.length; i++) {
          long t0 = System.nanoTime();
          total = index.search(SearchIndex.Request.builder().text(w).limit(20).build()).total();
          t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        System.out.printf(
            "%-12s %8d hits  median %6.1f ms  max %6.1f ms%n",
            w, total, t[runs / 2] / 1e6, t[runs - 1] / 1e6);
      }
    }
  }
}
