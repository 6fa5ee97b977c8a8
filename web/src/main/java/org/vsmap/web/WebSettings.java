package org.vsmap.web;

import java.time.Clock;

/**
 * How the portal presents itself.
 *
 * @param tileUrl a basemap tile URL template ({z}/{x}/{y}), or null for none: the map then reads
 *     from the district boundaries alone
 * @param tileAttribution the credit line the basemap's terms require
 * @param clock the clock "now" is read from (China time)
 */
public record WebSettings(String tileUrl, String tileAttribution, Clock clock) {
  public WebSettings {
    if (tileUrl != null && tileUrl.isBlank()) {
      tileUrl = null;
    }
    if (tileUrl != null && !(tileUrl.startsWith("https://") || tileUrl.startsWith("http://") || tileUrl.startsWith("/"))) {
      throw new IllegalArgumentException("tile URL must start with https://, http:// or /: " + tileUrl);
    }
    if (tileUrl != null && !(tileUrl.contains("{z}") && tileUrl.contains("{x}") && tileUrl.contains("{y}"))) {
      throw new IllegalArgumentException("tile URL must contain {z}, {x} and {y}: " + tileUrl);
    }
  }
}
