package org.vsmap.web.http;

import io.javalin.http.Context;

/** What representation a client asked for. */
public final class Negotiation {
  private Negotiation() {}

  /** HTML when {@code f=html}, or without {@code f} when the Accept header names text/html. */
  /** HTML when asked with f=html, or without f by a client that accepts text/html (a browser). */
  public static boolean wantsHtml(Context ctx) {
    String f = ctx.queryParam("f");
    if (f != null) {
      return f.equals("html");
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/html");
  }
}
