package org.vsmap.web.view;

import io.javalin.http.Context;

/**
 * 大字 (large text, after the MIIT guideline for elderly-friendly websites): chosen with the page's
 * 大字 button, which keeps the choice in the {@value #COOKIE} cookie, so every page the resident
 * opens afterwards is rendered large by the server; {@code ?text=large} or {@code ?text=normal} in
 * a shared link wins over the cookie.
 */
public final class TextSize {
  /** The cookie the 大字 button sets ({@code large}) or clears. */
  public static final String COOKIE = "vsmap_text";

  private TextSize() {}

  /** Whether this request's page is rendered in large text. */
  public static boolean large(Context ctx) {
    String asked = ctx.queryParam("text");
    if ("large".equals(asked)) {
      return true;
    }
    if ("normal".equals(asked)) {
      return false;
    }
    return "large".equals(ctx.cookie(COOKIE));
  }
}
