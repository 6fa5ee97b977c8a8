package org.vsmap.geo.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The one CSV writer (RFC 4180: a value with a comma, quote or line break is quoted). Files for
 * people ({@link #forSpreadsheets}) start with a UTF-8 BOM so Excel reads Chinese, end lines with
 * CRLF, and neutralise text a spreadsheet would run: a value starting with {@code = + - @}, a tab
 * or a carriage return gets a leading apostrophe. Files for programs ({@link #forMachines}, the
 * seed tables) are plain UTF-8 with LF. Numbers are written as they are (a {@code Double} to at
 * most six decimals), never neutralised.
 */
public final class CsvWriter {
  private final Writer out;
  private final String lineEnd;
  private final boolean guard;

  private CsvWriter(Writer out, String lineEnd, boolean guard) {
    this.out = out;
    this.lineEnd = lineEnd;
    this.guard = guard;
  }

  /** A download for Excel, LibreOffice or WPS: BOM, CRLF, the formula guard. */
  public static CsvWriter forSpreadsheets(OutputStream out) {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    try {
      w.write('\uFEFF');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CsvWriter(w, "\r\n", true);
  }

  /** A table read back by a program: no BOM, LF, every text kept exactly. */
  public static CsvWriter forMachines(Writer out) {
    return new CsvWriter(out, "\n", false);
  }

  public CsvWriter row(Object... cells) {
    return row(Arrays.asList(cells));
  }

  public CsvWriter row(List<?> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(cell(cells.get(i), guard));
      }
      out.write(lineEnd);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes what is buffered; the stream stays open. */
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One cell as a spreadsheet file writes it (empty for null). */
  public static String cell(Object v) {
    return cell(v, true);
  }

  private static String cell(Object v, boolean guard) {
    return switch (v) {
      case null -> "";
      case Double d ->
          BigDecimal.valueOf(d)
              .setScale(6, RoundingMode.HALF_UP)
              .stripTrailingZeros()
              .toPlainString();
      case BigDecimal b -> b.toPlainString();
      case Number n -> n.toString();
      case Boolean b -> b.toString();
      default -> text(v.toString(), guard);
    };
  }

  private static String text(String v, boolean guard) {
    String s = guard && !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
