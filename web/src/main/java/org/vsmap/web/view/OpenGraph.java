package org.vsmap.web.view;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
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
  public static Map<String, Object> of(
      Context ctx, String title, String description, String path, String image) {
    String base = Origin.of(ctx);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put(
        "description",
        description.length() > 200 ? description.substring(0, 199) + "…" : description);
    // each language's page is its own canonical one; the two name each other (hreflang), Chinese
    // first
    m.put("url", base + path + Lang.of(ctx).query());
    m.put("zh", base + path);
    m.put("en", base + path + Lang.EN.query());
    m.put("image", base + image);
    m.put("width", WIDTH);
    m.put("height", HEIGHT);
    m.put("locale", Lang.of(ctx) == Lang.ZH ? "zh_CN" : "en_GB");
    return m;
  }
}
