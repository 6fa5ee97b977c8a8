package org.vsmap.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * HTTP the same way on every URL, in one place in front of every handler:
 *
 * <ul>
 *   <li>HEAD is GET: the same handler answers, so the status and headers are GET's (404 where GET
 *       is 404, the same type, length and ETag); Jetty sends no body for a HEAD. Handlers that can
 *       skip work (file ranges) see {@link #HEAD} set.
 *   <li>CORS on every public answer — pages, APIs, downloads, errors and 429 alike — never on
 *       /admin: {@code Access-Control-Allow-Origin: *} (the data is public and no public answer
 *       depends on a cookie), with the headers a browser app needs to read exposed.
 *   <li>OPTIONS is answered here: 204 with {@code Allow}, and for a CORS preflight on a public URL
 *       the methods, the headers asked for and a day's {@code Max-Age}.
 *   <li>{@code Vary: Accept-Encoding} everywhere: any answer may be compressed.
 * </ul>
 */
public final class HttpSemantics implements Filter {
  /** A request attribute set when the client asked with HEAD (the handlers see GET). */
  public static final String HEAD = "vsmap.head";

  static final String EXPOSED =
      "Content-Length, Content-Range, Accept-Ranges, ETag, Last-Modified, Link, Retry-After, "
          + "Content-Disposition, Location";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse res = (HttpServletResponse) response;
    String path = req.getRequestURI();
    boolean open = !(path.equals("/admin") || path.startsWith("/admin/"));
    res.addHeader("Vary", "Accept-Encoding");
    if (open) {
      res.setHeader("Access-Control-Allow-Origin", "*");
      res.setHeader("Access-Control-Expose-Headers", EXPOSED);
    }
    switch (req.getMethod()) {
      case "OPTIONS" -> options(req, res, open);
      case "HEAD" -> {
        req.setAttribute(HEAD, Boolean.TRUE);
        chain.doFilter(
            new HttpServletRequestWrapper(req) {
              @Override
              public String getMethod() {
                return "GET";
              }
            },
            res);
      }
      default -> chain.doFilter(request, response);
    }
  }

  private static void options(HttpServletRequest req, HttpServletResponse res, boolean open) {
    res.setStatus(HttpServletResponse.SC_NO_CONTENT);
    res.setHeader("Allow", open ? "GET, HEAD, OPTIONS" : "GET, HEAD, POST, OPTIONS");
    if (open && req.getHeader("Access-Control-Request-Method") != null) {
      res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      String asked = req.getHeader("Access-Control-Request-Headers");
      if (asked != null && asked.matches("[A-Za-z0-9, -]{1,500}")) {
        res.setHeader("Access-Control-Allow-Headers", asked);
      }
      res.setHeader("Access-Control-Max-Age", "86400");
    }
  }
}
