package org.vsmap.web;

import java.time.Clock;

/**
 * How the portal presents itself.
 *
 * @param tileUrl a basemap tile URL template ({z}/{x}/{y}), or null for none: the map then reads
 *     from the district boundaries alone
 * @param tileAttribution the credit line the basemap's terms require
 * @param clock the clock "now" is read from (China time)
 * @param rateLimitPerMinute requests per minute and client (IP address) before 429, 0 for no limit
 * @param frameAncestors who may put the public widgets (/embed, /stats/embed) in a frame: a CSP
 *     frame-ancestors source list, {@code *} (the default) for any site
 * @param publicUrl the address residents reach the portal at ({@code https://zyfw.example.gov.cn}:
 *     the portal has a host of its own), which every absolute URL it writes starts with; null to
 *     take the request's scheme and Host (a portal reached directly, not through a TLS proxy)
 */
public record WebSettings(
    String tileUrl,
    String tileAttribution,
    Clock clock,
    int rateLimitPerMinute,
    String frameAncestors,
    String publicUrl) {

  public WebSettings(
      String tileUrl,
      String tileAttribution,
      Clock clock,
      int rateLimitPerMinute,
      String frameAncestors) {
    this(tileUrl, tileAttribution, clock, rateLimitPerMinute, frameAncestors, null);
  }

  public WebSettings(String tileUrl, String tileAttribution, Clock clock, int rateLimitPerMinute) {
    this(tileUrl, tileAttribution, clock, rateLimitPerMinute, "*");
  }

  /**
   * Requests per minute one client may make by default (a person never comes near; a script gets
   * 429).
   */
  public static final int DEFAULT_RATE_LIMIT = 1200;

  public WebSettings(String tileUrl, String tileAttribution, Clock clock) {
    this(tileUrl, tileAttribution, clock, DEFAULT_RATE_LIMIT);
  }

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
    if (tileUrl != null && tileUrl.isBlank()) {
      tileUrl = null;
    }
    if (tileUrl != null
        && !(tileUrl.startsWith("https://")
            || tileUrl.startsWith("http://")
            || tileUrl.startsWith("/"))) {
      throw new IllegalArgumentException(
          "tile URL must start with https://, http:// or /: " + tileUrl);
    }
    if (tileUrl != null
        && !(tileUrl.contains("{z}") && tileUrl.contains("{x}") && tileUrl.contains("{y}"))) {
      throw new IllegalArgumentException("tile URL must contain {z}, {x} and {y}: " + tileUrl);
    }
  }

  /**
   * The CSP source for the basemap's images: the tile server's origin ({@code {s}} subdomains as
   * {@code *.}), nothing when the tiles are ours or there are none.
   */
  public String tileSource() {
    if (tileUrl == null || tileUrl.startsWith("/")) {
      return "";
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^(https?://)([^/]+)").matcher(tileUrl);
    if (!m.find()) {
      return "";
    }
    String host = m.group(2).replaceAll("^\\{[a-z]+}\\.", "*.");
    return host.contains("{") ? m.group(1).replace("//", "") : m.group(1) + host;
  }
}
