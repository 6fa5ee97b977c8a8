package org.vsmap.web.view;

import io.javalin.http.Context;
import org.vsmap.web.http.Origin;

/** The Open Graph / Twitter-card metadata of a page, pointing at its share card. */
public final class OpenGraph {
  /** The share card's size in pixels. */
  public static final int WIDTH = 1200;

  public static final int HEIGHT = 630;

  private OpenGraph() {}

  /**
   * The Open Graph and Twitter card metadata of a page (layout.peb writes it): title, description,
   * the page's URL and its card, absolute as the protocols require.
   */
  public static Card of(Context ctx, String title, String description, String path, String image) {
    String base = Origin.of(ctx);
    // each language's page is its own canonical one; the two name each other (hreflang), Chinese
    // first
    return new Card(
        title,
        description.length() > 200 ? description.substring(0, 199) + "…" : description,
        base + path + Lang.of(ctx).query(),
        base + path,
        base + path + Lang.EN.query(),
        base + image,
        WIDTH,
        HEIGHT,
        Lang.of(ctx) == Lang.ZH ? "zh_CN" : "en_GB");
  }

  /** What layout.peb writes into a page's head: its card, canonical URL and language versions. */
  public record Card(
      String title,
      String description,
      String url,
      String zh,
      String en,
      String image,
      int width,
      int height,
      String locale) {}
}
