package org.vsmap.pipeline.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The groups of words residents use for the same need (敬老, 养老, 老人 … for 助老), kept as data in {@code
 * search/related-words.txt}. For a query holding one word of a group, {@link #alternatives} gives
 * the query with that word replaced by each other word of its group.
 */
final class RelatedWords {
  /** At most this many alternatives per query: each is one more clause to score. */
  static final int MAX_ALTERNATIVES = 16;

  private final List<List<String>> groups;

  RelatedWords(List<List<String>> groups) {
    this.groups =
        groups.stream()
            .map(
                g -> g.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList())
            .toList();
  }

  /** The shipped vocabulary. */
  static RelatedWords shipped() {
    try (InputStream in = RelatedWords.class.getResourceAsStream("/search/related-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("search/related-words.txt is missing from the jar");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RelatedWords parse(BufferedReader text) throws IOException {
    List<List<String>> groups = new ArrayList<>();
    for (String line = text.readLine(); line != null; line = text.readLine()) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      List<String> words = Arrays.stream(l.split("\\s+")).distinct().toList();
      if (words.size() > 1) {
        groups.add(words);
      }
    }
    return new RelatedWords(groups);
  }

  /** The words of every group that begin with the text, shortest first (敬 → 敬老, 敬老院). */
  List<String> startingWith(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (List<String> group : groups) {
      for (String word : group) {
        if (word.startsWith(text) && !word.equals(text)) {
          out.add(word);
        }
      }
    }
    return out.stream().sorted(java.util.Comparator.comparingInt(String::length)).toList();
  }

  /**
   * The text with the longest word of a group it holds replaced by each other word of that group,
   * for every group (社区敬老 → 社区助老, 社区老人 …); empty when it holds none.
   */
  List<String> alternatives(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (List<String> group : groups) {
      for (String word : group) {
        if (text.contains(word)) {
          for (String other : group) {
            if (!other.equals(word)) {
              out.add(text.replace(word, other));
            }
          }
          break; // the longest word of the group in the text
        }
      }
    }
    out.remove(text);
    return out.stream().limit(MAX_ALTERNATIVES).toList();
  }
}
