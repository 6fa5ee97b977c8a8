package org.vsmap.geo.format;

/**
 * Text for a CSV cell that spreadsheets open safely: a value starting with {@code = + - @}, a tab
 * or a carriage return gets a leading apostrophe (so Excel shows it instead of running it), and a
 * value with a comma, quote or line break is quoted per RFC 4180.
 */
public final class CsvCells {
  private CsvCells() {}

  public static String text(String v) {
    if (v == null) {
      return "";
    }
    String s = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
