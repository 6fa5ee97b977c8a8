package org.vsmap.web.http;

/**
 * An error a handler answers with: a status, a short title and a specific detail for the client.
 */
public final class WebError extends RuntimeException {
  private final int status;
  private final String title;

  public WebError(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public static WebError notFound(String what) {
    return new WebError(404, "Not Found", what);
  }

  public static WebError badRequest(String detail) {
    return new WebError(400, "Bad Request", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
