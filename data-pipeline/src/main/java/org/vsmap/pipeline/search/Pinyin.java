package org.vsmap.pipeline.search;

import java.util.LinkedHashSet;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin of names, for search by Latin input: "jinxiu" and "jx" both find 锦秀. Each character is
 * read with its most common reading (pinyin4j's first); Latin letters and digits stand for
 * themselves, other characters are skipped.
 */
public final class Pinyin {
  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
  private static final int MAX_KEY = 48;

  static {
    FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
  }

  private Pinyin() {}

  /** One syllable per character of the name (null where a character has no reading). */
  public static String[] syllables(String name) {
    String[] out = new String[name.length()];
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128) {
        out[i] = String.valueOf(Character.toLowerCase(c));
        continue;
      }
      String reading = READINGS[c];
      if (reading == null) {
        reading = reading(c);
        READINGS[c] = reading;
      }
      out[i] = reading.isEmpty() ? null : reading;
    }
    return out;
  }

  /**
   * The first reading of every character looked up so far ("" for none): pinyin4j formats each
   * lookup anew, slowly.
   */
  private static final String[] READINGS = new String[Character.MAX_VALUE + 1];

  private static String reading(char c) {
    try {
      String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
      return readings == null || readings.length == 0 ? "" : readings[0];
    } catch (BadHanyuPinyinOutputFormatCombination e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Keys for prefix search: from every character position, the full pinyin and the initials of the
   * rest of the name (capped), so "jinxiu", "xiushequ", "jx" and "sq" all find 锦秀社区.
   */
  static Set<String> prefixKeys(String name) {
    String[] syl = syllables(name);
    Set<String> keys = new LinkedHashSet<>();
    for (int i = 0; i < syl.length; i++) {
      if (syl[i] == null) {
        continue;
      }
      StringBuilder full = new StringBuilder();
      StringBuilder initials = new StringBuilder();
      for (int j = i; j < syl.length && full.length() < MAX_KEY; j++) {
        if (syl[j] != null) {
          full.append(syl[j]);
          initials.append(syl[j].charAt(0));
        }
      }
      keys.add(full.toString());
      keys.add(initials.toString());
    }
    return keys;
  }

  /**
   * The pinyin of every run of two to four characters of the name, for typo-tolerant matching
   * ("jinxou" is one edit from "jinxiu", the run 锦秀).
   */
  static Set<String> windows(String name) {
    String[] syl = syllables(name);
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < syl.length; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = i; j < syl.length && j < i + 4 && syl[j] != null; j++) {
        sb.append(syl[j]);
        if (j > i) {
          out.add(sb.toString());
        }
      }
    }
    return out;
  }

  /**
   * The characters of {@code name} that a Latin query matched by full pinyin or initials, as
   * [start, end), or null.
   */
  static int[] matchedRange(String name, String latin) {
    String[] syl = syllables(name);
    for (int i = 0; i < syl.length; i++) {
      if (syl[i] == null) {
        continue;
      }
      int end = consume(syl, i, latin, false);
      if (end < 0) {
        end = consume(syl, i, latin, true);
      }
      if (end > i) {
        return new int[] {i, end};
      }
    }
    return null;
  }

  private static int consume(String[] syl, int from, String latin, boolean initials) {
    int pos = 0;
    int j = from;
    while (pos < latin.length() && j < syl.length) {
      if (syl[j] == null) {
        j++;
        continue;
      }
      String part = initials ? syl[j].substring(0, 1) : syl[j];
      String rest = latin.substring(pos);
      if (rest.startsWith(part)) {
        pos += part.length();
        j++;
      } else if (!initials && part.startsWith(rest)) {
        return j + 1;
      } else {
        return -1;
      }
    }
    return pos == latin.length() ? j : -1;
  }
}
