package org.vsmap.web.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Conditional GET (RFC 9110 §13) in one place: every answer with a validator sets it here and asks
 * whether the client's copy is still current. {@code If-None-Match} is compared weakly (a {@code
 * W/} prefix on either side does not matter) against each tag of its list, or {@code *}; when it is
 * absent, {@code If-Modified-Since} is compared with the last modification, to the second.
 */
public final class ConditionalGet {
  /** IMF-fixdate, the one date format HTTP writes: {@code Mon, 07 Dec 2026 02:00:00 GMT}. */
  public static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private ConditionalGet() {}

  /**
   * Sets {@code ETag} and answers whether the client already has this representation; when it does,
   * the status is set to 304 and the handler returns without a body.
   */
  public static boolean notModified(Context ctx, String etag) {
    return notModified(ctx, etag, null);
  }

  /**
   * The same, also setting {@code Last-Modified} (when not null) and honouring {@code
   * If-Modified-Since}.
   */
  public static boolean notModified(Context ctx, String etag, Instant lastModified) {
    ctx.header("ETag", etag);
    if (lastModified != null) {
      ctx.header("Last-Modified", IMF_FIXDATE.format(lastModified));
    }
    boolean current =
        isCurrent(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), etag, lastModified);
    if (current) {
      ctx.status(304);
    }
    return current;
  }

  /**
   * Whether the conditions a client sent say its copy of ({@code etag}, {@code lastModified}) is
   * current.
   */
  public static boolean isCurrent(
      String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
    if (ifNoneMatch != null) {
      return anyMatches(ifNoneMatch, etag);
    }
    if (ifModifiedSince == null || lastModified == null) {
      return false;
    }
    Instant since = parseDate(ifModifiedSince);
    return since != null && !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
  }

  /**
   * Weak comparison of {@code etag} with each entity tag of an {@code If-None-Match} list, or
   * {@code *}.
   */
  public static boolean anyMatches(String ifNoneMatch, String etag) {
    String mine = opaque(etag);
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || (!t.isEmpty() && opaque(t).equals(mine))) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  /**
   * An HTTP date (IMF-fixdate, as RFC 1123 reads it), or null: the obsolete forms are ignored,
   * which costs a full answer.
   */
  public static Instant parseDate(String text) {
    try {
      return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null; // a date we cannot read is ignored, as RFC 9110 says
    }
  }
}
