package org.vsmap.web.data;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.vsmap.geo.model.BBox;
import org.vsmap.web.http.QueryParams;
import org.vsmap.web.http.WebError;

/**
 * The OGC API's own query parameters: {@code bbox} (with the antimeridian) and {@code datetime}.
 */
final class OgcParams {
  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  private OgcParams() {}

  /** {@code limit}: 1 or more; larger asks get the maximum, as the standard recommends. */
  static int limit(Context ctx) {
    int limit =
        QueryParams.integer(
                ctx,
                "limit",
                QueryParams.Blank.INVALID,
                raw ->
                    "limit must be a whole number between 1 and "
                        + OgcApi.MAX_LIMIT
                        + ", not '"
                        + raw
                        + "'")
            .orElse(OgcApi.DEFAULT_LIMIT);
    if (limit < 1) {
      throw WebError.badRequest("limit must be at least 1, not " + limit);
    }
    return Math.min(limit, OgcApi.MAX_LIMIT);
  }

  /** {@code offset}: 0 or more. */
  static long offset(Context ctx) {
    long offset =
        QueryParams.longInteger(
                ctx,
                "offset",
                QueryParams.Blank.INVALID,
                raw -> "offset must be a whole number of 0 or more, not '" + raw + "'")
            .orElse(0L);
    if (offset < 0) {
      throw WebError.badRequest("offset must be 0 or more, not " + offset);
    }
    return offset;
  }

  /**
   * bbox=minLon,minLat,maxLon,maxLat (or six numbers with heights); west > east crosses the
   * antimeridian: two boxes.
   */
  public static List<BBox> boxes(String text) {
    if (text == null) {
      return List.of();
    }
    String[] parts = text.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw WebError.badRequest(
          "bbox needs 4 numbers (minLon,minLat,maxLon,maxLat) or 6 with heights, not '"
              + text
              + "'");
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      int n = i + 1;
      v[i] =
          QueryParams.decimal(
              parts[i], raw -> "bbox value " + n + " is not a number: '" + raw + "'");
      if (!Double.isFinite(v[i])) {
        throw WebError.badRequest("bbox value " + (i + 1) + " is not a finite number");
      }
    }
    double w = v[0];
    double s = v[1];
    double e = parts.length == 4 ? v[2] : v[3];
    double n = parts.length == 4 ? v[3] : v[4];
    if (w < -180 || w > 180 || e < -180 || e > 180) {
      throw WebError.badRequest("bbox longitudes must be between -180 and 180");
    }
    if (s < -90 || s > 90 || n < -90 || n > 90) {
      throw WebError.badRequest("bbox latitudes must be between -90 and 90");
    }
    if (s > n) {
      throw WebError.badRequest("bbox minimum latitude " + s + " is above its maximum " + n);
    }
    if (w > e) {
      return List.of(new BBox(w, s, 180, n), new BBox(-180, s, e, n));
    }
    return List.of(new BBox(w, s, e, n));
  }

  /**
   * datetime as RFC 3339: an instant, a date (the whole day), or an interval {@code a/b} with
   * {@code ..} or nothing for an open end; returns [from, to] in China time, either null.
   */
  public static LocalDateTime[] datetime(String text) {
    if (text == null) {
      return new LocalDateTime[2];
    }
    String t = text.strip();
    if (t.contains("/")) {
      String[] p = t.split("/", -1);
      if (p.length != 2) {
        throw WebError.badRequest("datetime interval must be start/end, not '" + text + "'");
      }
      LocalDateTime from = open(p[0]) ? null : instant(p[0], false);
      LocalDateTime to = open(p[1]) ? null : instant(p[1], true);
      if (from == null && to == null) {
        throw WebError.badRequest("datetime interval must have at least one end");
      }
      if (from != null && to != null && to.isBefore(from)) {
        throw WebError.badRequest("datetime interval ends before it starts: '" + text + "'");
      }
      return new LocalDateTime[] {from, to};
    }
    return new LocalDateTime[] {instant(t, false), instant(t, true)};
  }

  private static boolean open(String s) {
    return s.isEmpty() || s.equals("..");
  }

  private static LocalDateTime instant(String s, boolean end) {
    try {
      if (s.length() == 10) {
        LocalDate d = LocalDate.parse(s);
        return end ? d.atTime(23, 59, 59, 999_000_000) : d.atStartOfDay();
      }
      String u = s.toUpperCase(Locale.ROOT);
      if (u.endsWith("Z") || u.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(u).withOffsetSameInstant(CHINA).toLocalDateTime();
      }
      return LocalDateTime.parse(u);
    } catch (DateTimeParseException e) {
      throw WebError.badRequest(
          "datetime must be RFC 3339 (2026-12-05T09:00:00Z, 2026-12-05, or an interval a/b with .. for an open "
              + "end), not '"
              + s
              + "'");
    }
  }
}
