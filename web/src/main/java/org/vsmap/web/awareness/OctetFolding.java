package org.vsmap.web.awareness;

import java.nio.charset.StandardCharsets;

/**
 * Folds iCalendar content lines as RFC 5545 §3.1 says: no line longer than 75 octets of UTF-8
 * (ical4j counts characters, so a line of Chinese came out at up to 225 octets), a continuation
 * line starting with one space, and never inside a character.
 */
final class OctetFolding {
  static final int MAX_OCTETS = 75;

  private OctetFolding() {}

  /** The calendar text, each CRLF line folded. */
  static String fold(String unfolded) {
    StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
    int start = 0;
    while (start < unfolded.length()) {
      int end = unfolded.indexOf("\r\n", start);
      String line = end < 0 ? unfolded.substring(start) : unfolded.substring(start, end);
      foldLine(line, out);
      if (end < 0) {
        break;
      }
      out.append("\r\n");
      start = end + 2;
    }
    return out.toString();
  }

  private static void foldLine(String line, StringBuilder out) {
    int octets = 0;
    int limit = MAX_OCTETS;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 1; // the space
        limit = MAX_OCTETS;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
  }
}
