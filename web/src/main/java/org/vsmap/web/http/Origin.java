package org.vsmap.web.http;

import io.javalin.http.Context;
import org.vsmap.web.WebSettings;

/**
 * The origin ({@code https://host[:port]}) every absolute URL the portal writes starts with —
 * feeds, sitemaps, Open Graph, oEmbed, OGC links, tile specs, posters' QR codes. With {@code
 * --public-url} it is that, whatever the request says (behind a TLS proxy the request arrives as
 * plain HTTP, and a Host header is the client's to choose); without it, the request's scheme and
 * Host, as for a portal reached directly.
 */
public final class Origin {
  private static final String ATTRIBUTE = "vsmap.origin";

  private Origin() {}

  /** Set once per request by the first before-handler. */
  public static void set(Context ctx, WebSettings settings) {
    ctx.attribute(
        ATTRIBUTE,
        settings.publicUrl() != null ? settings.publicUrl() : ctx.scheme() + "://" + ctx.host());
  }

  public static String of(Context ctx) {
    String origin = ctx.attribute(ATTRIBUTE);
    return origin != null ? origin : ctx.scheme() + "://" + ctx.host();
  }
}
