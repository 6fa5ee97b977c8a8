package org.vsmap.web.http;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one reader of numbers in query strings and path parts. It decides what counts as given and as
 * a number; each caller words its own 400 (those messages are part of the API, see API.md), as a
 * function of the value the client sent.
 */
public final class QueryParams {
  private QueryParams() {}

  private static final java.util.regex.Pattern BAD_ESCAPE =
      java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");

  /**
   * Refuses a query string with a broken %-escape ({@code q=%ZZ}): it would otherwise be dropped
   * silently and the request answered as if the parameter were absent.
   */
  public static void checkEncoding(Context ctx) {
    String qs = ctx.queryString();
    if (qs != null && BAD_ESCAPE.matcher(qs).find()) {
      throw WebError.badRequest(
          "the query string has a broken %-escape (a % must be followed by two hex digits; write"
              + " a literal % as %25)");
    }
  }

  /** Whether an empty value ({@code ?limit=}) means the parameter was left out, or is a mistake. */
  public enum Blank {
    ABSENT,
    INVALID
  }

  /** A whole number, or empty when the parameter is absent. */
  public static Optional<Integer> integer(
      Context ctx, String name, Blank blank, Function<String, String> bad) {
    return read(ctx, name, blank, Integer::parseInt, bad);
  }

  /** A whole number that may pass 2³¹ (offsets into large collections). */
  public static Optional<Long> longInteger(
      Context ctx, String name, Blank blank, Function<String, String> bad) {
    return read(ctx, name, blank, Long::parseLong, bad);
  }

  /** A decimal number, or empty when the parameter is absent (not checked for being finite). */
  public static Optional<Double> decimal(
      Context ctx, String name, Blank blank, Function<String, String> bad) {
    return read(ctx, name, blank, Double::parseDouble, bad);
  }

  /** A whole number from a path part or a piece of a list. */
  public static int integer(String raw, Function<String, String> bad) {
    return parse(raw, Integer::parseInt, bad);
  }

  /** A decimal number from a piece of a list (a bbox corner). */
  public static double decimal(String raw, Function<String, String> bad) {
    return parse(raw, Double::parseDouble, bad);
  }

  private static <T> Optional<T> read(
      Context ctx,
      String name,
      Blank blank,
      Function<String, T> parser,
      Function<String, String> bad) {
    String v = ctx.queryParam(name);
    if (v == null || (blank == Blank.ABSENT && v.isBlank())) {
      return Optional.empty();
    }
    return Optional.of(parse(v, parser, bad));
  }

  private static <T> T parse(String raw, Function<String, T> parser, Function<String, String> bad) {
    try {
      return parser.apply(raw.strip());
    } catch (NumberFormatException e) {
      throw WebError.badRequest(bad.apply(raw));
    }
  }
}
