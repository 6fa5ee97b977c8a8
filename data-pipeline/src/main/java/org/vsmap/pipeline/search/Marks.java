package org.vsmap.pipeline.search;

/**
 * HTML-escaped text with chosen character ranges wrapped in {@code <mark>}: safe to insert as HTML.
 */
final class Marks {
  private Marks() {}

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    appendEscaped(sb, s, 0, s.length());
    return sb.toString();
  }

  /** Marks every occurrence of each needle (case-insensitive) in the text. */
  static String mark(String text, Iterable<String> needles, int[] extraRange) {
    boolean[] on = new boolean[text.length()];
    String lower = text.toLowerCase();
    for (String n : needles) {
      if (n == null || n.isBlank()) {
        continue;
      }
      String ln = n.toLowerCase();
      for (int i = lower.indexOf(ln); i >= 0; i = lower.indexOf(ln, i + 1)) {
        for (int k = i; k < i + ln.length() && k < on.length; k++) {
          on[k] = true;
        }
      }
    }
    if (extraRange != null) {
      for (int k = extraRange[0]; k < extraRange[1] && k < on.length; k++) {
        on[k] = true;
      }
    }
    StringBuilder sb = new StringBuilder(text.length() + 32);
    int i = 0;
    while (i < text.length()) {
      int j = i;
      while (j < text.length() && on[j] == on[i]) {
        j++;
      }
      if (on[i]) {
        sb.append("<mark>");
        appendEscaped(sb, text, i, j);
        sb.append("</mark>");
      } else {
        appendEscaped(sb, text, i, j);
      }
      i = j;
    }
    return sb.toString();
  }

  private static void appendEscaped(StringBuilder sb, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
  }
}
