package org.vsmap.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The queries of the relevance set ({@code search/relevance-set.tsv} in data-pipeline): 70 everyday
 * resident queries — names, pinyin, same-reading typos, residents' words that the vocabulary
 * expands (敬老 → 助老, 养老, …) — for timing what residents actually type.
 */
final class ResidentQueries {
  private ResidentQueries() {}

  static String[] all() {
    try (InputStream in = ResidentQueries.class.getResourceAsStream("/search/relevance-set.tsv")) {
      if (in == null) {
        throw new IllegalStateException("search/relevance-set.tsv is not on the classpath");
      }
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.split("\t")[0]);
        }
      }
      return out.toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
