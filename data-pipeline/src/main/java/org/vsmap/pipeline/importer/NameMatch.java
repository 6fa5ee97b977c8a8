package org.vsmap.pipeline.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.vsmap.pipeline.search.Pinyin;

/**
 * How a name typed in an office's sheet is matched against the names in the store, with the
 * tolerance real spreadsheets need:
 *
 * <ul>
 *   <li><b>the same name</b> when only spacing, full- or half-width forms, punctuation or case
 *       differ ("东胜区 蓝天救援志愿服务队", "ＡＢＣ志愿队" for "ABC志愿队"): the record is found;
 *   <li><b>a near miss</b> when the names sound the same (the same pinyin: a wrong homophone, or
 *       the traditional characters of the simplified name) or differ by one character in six (a
 *       typo, a missing or doubled character): the file gets a problem "您是不是指 …？" naming up to
 *       three candidates, unless the row or the upload says to create a new record.
 * </ul>
 */
public final class NameMatch {
  private NameMatch() {}

  /** A match: the record and how close (0 the same name, 1 the same sound, 2+ edits). */
  public record Near<T>(T record, String name, int distance) {}

  /**
   * A name as compared: NFKC (full-width letters and digits become half-width), lower case, without
   * white space or punctuation.
   */
  public static String normal(String name) {
    if (name == null) {
      return "";
    }
    return Normalizer.normalize(name, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s\\p{P}\\p{S}]", "");
  }

  /** The record whose name is the same as {@code name} but for spacing, width or punctuation. */
  public static <T> Optional<T> same(String name, Collection<T> known, Function<T, String> nameOf) {
    String n = normal(name);
    return known.stream().filter(t -> normal(nameOf.apply(t)).equals(n)).findFirst();
  }

  /**
   * Up to three records whose names are near {@code name} (the same sound, or at most one edit in
   * six characters), closest first; empty when none is.
   */
  public static <T> List<Near<T>> near(
      String name, Collection<T> known, Function<T, String> nameOf) {
    String n = normal(name);
    if (n.isEmpty()) {
      return List.of();
    }
    String sound = sound(n);
    int allowed = Math.max(1, n.length() / 6);
    List<Near<T>> out = new ArrayList<>();
    for (T t : known) {
      String other = normal(nameOf.apply(t));
      if (other.equals(n)) {
        out.add(new Near<>(t, nameOf.apply(t), 0));
      } else if (!sound.isEmpty() && sound.equals(sound(other))) {
        out.add(new Near<>(t, nameOf.apply(t), 1));
      } else if (Math.abs(other.length() - n.length()) <= allowed) {
        int d = distance(n, other, allowed);
        if (d <= allowed) {
          out.add(new Near<>(t, nameOf.apply(t), 1 + d));
        }
      }
    }
    out.sort(Comparator.comparingInt((Near<T> x) -> x.distance()).thenComparing(Near::name));
    return List.copyOf(out.subList(0, Math.min(3, out.size())));
  }

  /** The name's pinyin, syllables joined ("" when a character has none). */
  private static String sound(String normal) {
    StringBuilder b = new StringBuilder();
    for (String s : Pinyin.syllables(normal)) {
      if (s == null) {
        return "";
      }
      b.append(s).append(' ');
    }
    return b.toString();
  }

  /**
   * Edit distance (insertions, deletions, substitutions, swaps of neighbours), given up once it
   * passes {@code max}.
   */
  static int distance(String a, String b, int max) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return max + 1;
      }
    }
    return d[a.length()][b.length()];
  }
}
