package org.vsmap.web.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request the server refuses before the portal sees it — bad percent-encoding in
 * the path, a URI too long (414), headers too large (431), a malformed request line: the portal's
 * own error shape (JSON {"status","error","detail"} when JSON is accepted, else a short page in
 * Chinese and English), UTF-8, with the security headers every other answer carries, naming no
 * server software.
 */
public final class BareErrors extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    HttpFields.Mutable h = response.getHeaders();
    h.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "strict-origin-when-cross-origin");
    h.put("X-Frame-Options", "DENY");
    h.put(HttpHeader.CACHE_CONTROL, "no-store");
    String reason = HttpStatus.getMessage(code);
    String detail = detail(code);
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    String body;
    if (accept != null && accept.contains("json") && !accept.contains("text/html")) {
      h.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      body = "{\"status\":" + code + ",\"error\":\"" + reason + "\",\"detail\":\"" + detail + "\"}";
    } else {
      h.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
      body =
          "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
              + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
              + "<title>"
              + code
              + " · 志愿服务地图</title></head><body><h1>"
              + code
              + " "
              + reason
              + "</h1><p>"
              + detail
              + "</p><p><a href=\"/\">返回地图 / Back to the map</a></p></body></html>";
    }
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** What was wrong, in Chinese and English (fixed text: nothing of the request is echoed). */
  static String detail(int code) {
    return switch (code) {
      case 414 -> "网址太长 / the address (URI) is too long";
      case 431 -> "请求头太大 / the request's headers are too large";
      case 400 ->
          "请求格式不对（例如网址中的 % 编码有误）/ malformed request (for example bad %-encoding in the address)";
      default -> "请求无法处理 / the request cannot be handled";
    };
  }
}
