package org.vsmap.web.map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import org.vsmap.web.http.Json;
import org.vsmap.web.http.Origin;
import org.vsmap.web.http.QueryParams;
import org.vsmap.web.http.WebError;

/**
 * {@code GET /oembed?url=…[&maxwidth=&maxheight=&format=json]}: oEmbed 1.0 ("rich") for any {@code
 * /embed} URL of this portal, so a CMS that knows oEmbed turns a pasted link into the widget.
 */
public final class OEmbed {
  private OEmbed() {}

  public static void answer(Context ctx) {
    String url = ctx.queryParam("url");
    if (url == null || url.isBlank()) {
      throw WebError.badRequest("url is required: an /embed URL of this portal");
    }
    String format = ctx.queryParam("format");
    if (format != null && !format.equals("json")) {
      throw new WebError(501, "Not Implemented", "only format=json is served");
    }
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw WebError.badRequest("url is not a URL: " + e.getMessage());
    }
    String base = Origin.of(ctx);
    if (u.getHost() == null
        || !(u.getScheme() + "://" + u.getRawAuthority()).equals(base)
        || !"/embed".equals(u.getPath())) {
      throw WebError.notFound("only " + base + "/embed URLs have an oEmbed answer here");
    }
    int width = bounded(ctx, "maxwidth", 800, 200, 4000);
    int height = bounded(ctx, "maxheight", 560, 200, 2000);
    String src = base + "/embed" + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    Json.send(
        ctx,
        new Answer(
            "1.0",
            "rich",
            "志愿服务地图 / Volunteer Service Map",
            "志愿服务地图 / Volunteer Service Map",
            base + "/",
            width,
            height,
            "<iframe src=\""
                + escape(src)
                + "\" width=\""
                + width
                + "\" height=\""
                + height
                + "\" style=\"border:0\" loading=\"lazy\" allow=\"geolocation\" title=\"志愿服务地图 / Volunteer Service Map\"></iframe>",
            3600));
  }

  /** An oEmbed "rich" answer: the widget's iframe at the asked size. */
  public record Answer(
      String version,
      String type,
      String title,
      @JsonProperty("provider_name") String providerName,
      @JsonProperty("provider_url") String providerUrl,
      int width,
      int height,
      String html,
      @JsonProperty("cache_age") int cacheAge) {}

  private static int bounded(Context ctx, String name, int dflt, int min, int max) {
    int v =
        QueryParams.integer(
                ctx,
                name,
                QueryParams.Blank.INVALID,
                raw -> name + " must be a number of pixels, not '" + raw + "'")
            .orElse(dflt);
    return Math.max(min, Math.min(max, v));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
