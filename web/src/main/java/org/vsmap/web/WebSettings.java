package org.vsmap.web;

import java.time.Clock;

/**
 * How the portal presents itself.
 *
 * @param basemap what the maps draw under the records ({@link Basemap#none()} for the district
 *     boundaries alone)
 * @param clock the clock "now" is read from (China time)
 * @param rateLimitPerMinute requests per minute and client (IP address) before 429, 0 for no limit
 * @param frameAncestors who may put the public widgets (/embed, /stats/embed) in a frame: a CSP
 *     frame-ancestors source list, {@code *} (the default) for any site
 * @param publicUrl the address residents reach the portal at ({@code https://zyfw.example.gov.cn}:
 *     the portal has a host of its own), which every absolute URL it writes starts with; null to
 *     take the request's scheme and Host (a portal reached directly, not through a TLS proxy)
 * @param footer who runs the portal, said at the foot of every page
 */
public record WebSettings(
    Basemap basemap,
    Clock clock,
    int rateLimitPerMinute,
    String frameAncestors,
    String publicUrl,
    Footer footer) {

  /** Settings of a portal without a basemap, for any site, at its request's address. */
  public WebSettings(Clock clock, int rateLimitPerMinute) {
    this(Basemap.none(), clock, rateLimitPerMinute, "*", null);
  }

  public WebSettings(
      Basemap basemap,
      Clock clock,
      int rateLimitPerMinute,
      String frameAncestors,
      String publicUrl) {
    this(basemap, clock, rateLimitPerMinute, frameAncestors, publicUrl, Footer.none());
  }

  /**
   * Requests per minute one client may make by default (a person never comes near; a script gets
   * 429).
   */
  public static final int DEFAULT_RATE_LIMIT = 1200;

  public WebSettings {
    frameAncestors =
        frameAncestors == null || frameAncestors.isBlank() ? "*" : frameAncestors.strip();
    for (String source : frameAncestors.split("\\s+")) {
      if (!source.matches("\\*|'self'|'none'|https?://[A-Za-z0-9.*-]+(:\\d+)?|https?:")) {
        throw new IllegalArgumentException(
            "frame ancestors must be *, 'self', 'none' or origins like https://www.example.gov.cn, not "
                + source);
      }
    }
    if (publicUrl != null && publicUrl.isBlank()) {
      publicUrl = null;
    }
    if (publicUrl != null) {
      publicUrl = publicUrl.strip().replaceAll("/+$", "");
      // no path: the pages link from the root (/stations/…), so the portal has a host of its own
      if (!publicUrl.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
        throw new IllegalArgumentException(
            "the public URL must be like https://zyfw.example.gov.cn (a scheme, a host and an "
                + "optional port; no path or query), not "
                + publicUrl);
      }
    }
    if (rateLimitPerMinute < 0) {
      throw new IllegalArgumentException(
          "the rate limit is a number of requests per minute, 0 for none: " + rateLimitPerMinute);
    }
    if (basemap == null) {
      basemap = Basemap.none();
    }
    if (footer == null) {
      footer = Footer.none();
    }
  }

  /** The basemap as the pages' scripts read it (static/basemap.js). */
  public String basemapJson() {
    return org.vsmap.web.http.Json.write(basemap);
  }
}
