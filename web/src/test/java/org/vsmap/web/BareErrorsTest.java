package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests refused before the portal's handlers (issue 20, findings 8 and 10): bad %-encoding in a
 * path or a parameter, a URI or headers too large — each our answer in UTF-8 with the security
 * headers, naming no server software, never a silently ignored parameter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BareErrorsTest {
  private InProcessPortal portal;

  @BeforeAll
  void start() {
    portal = new InProcessPortal().ready(null, null, null, null, null);
  }

  @AfterAll
  void stop() {
    portal.close();
  }

  /** The raw answer to a request written by hand (clients refuse to send these). */
  private String raw(String requestLine, String extraHeader) throws Exception {
    return raw(requestLine, extraHeader, "");
  }

  private String raw(String requestLine, String extraHeader, String body) throws Exception {
    try (Socket s = new Socket("127.0.0.1", portal.port())) {
      OutputStream out = s.getOutputStream();
      out.write(
          (requestLine
                  + "\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                  + extraHeader
                  + "Connection: close\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void ours(String answer, String status) {
    assertThat(answer).startsWith("HTTP/1.1 " + status);
    String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
    assertThat(head)
        .contains("content-security-policy: default-src 'none'; frame-ancestors 'none'")
        .contains("x-content-type-options: nosniff")
        .contains("referrer-policy: strict-origin-when-cross-origin")
        .contains("content-type: text/html; charset=utf-8")
        .doesNotContain("jetty")
        .doesNotContain("iso-8859-1");
    assertThat(answer.toLowerCase()).doesNotContain("jetty").contains("返回地图");
  }

  @Test
  void badEncodingInAPathIsOurFourHundred() throws Exception {
    ours(raw("GET /stations/%ZZ%C0 HTTP/1.1", ""), "400");
  }

  @Test
  void aUriTooLongIsOur414AndHeadersTooLargeOur431() throws Exception {
    ours(raw("GET /api/search?q=" + "a".repeat(40_000) + " HTTP/1.1", ""), "414");
    ours(raw("GET / HTTP/1.1", "X-Padding: " + "b".repeat(40_000) + "\r\n"), "431");
  }

  @Test
  void aBrokenEscapeInAParameterIsA400NotAnIgnoredParameter() throws Exception {
    String answer = raw("GET /api/search?q=%ZZ HTTP/1.1", "");
    assertThat(answer).startsWith("HTTP/1.1 400").contains("broken %-escape").contains("%25");
    assertThat(portal.get("/api/search?q=%E9%94%A6%25").statusCode())
        .as("well-formed escapes, a literal % among them")
        .isEqualTo(200);
  }

  @Test
  void aBrokenMultipartSignInIsA400NotA500() throws Exception {
    String answer =
        raw(
            "POST /admin/login HTTP/1.1",
            "Cookie: vsmap_login=any\r\nContent-Type: multipart/form-data; boundary=XYZ\r\n"
                + "Content-Length: 20\r\n",
            "--XYZ\r\nbroken-part\r\n");
    assertThat(answer.substring(0, answer.indexOf("\r\n"))).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(answer).contains("the request body cannot be read");
  }

  @Test
  void pagesSayTheirCharsetInTheHeader() throws Exception {
    assertThat(portal.get("/accessibility").headers().firstValue("content-type"))
        .hasValueSatisfying(
            t -> assertThat(t.replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
  }

  @Test
  void withoutAPublicUrlEveryAnswerVariesByHost() throws Exception {
    // absolute URLs then come from the Host header (finding 10): a shared cache keys them by host
    for (String path : List.of("/sitemap.xml", "/robots.txt", "/")) {
      assertThat(portal.get(path).headers().allValues("vary"))
          .as(path)
          .anySatisfy(v -> assertThat(v).contains("Host"));
    }
  }
}
