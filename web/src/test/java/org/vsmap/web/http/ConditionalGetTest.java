package org.vsmap.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConditionalGetTest {
  private static final Instant CHANGED = Instant.parse("2026-12-07T02:00:00.750Z");
  private final HttpClient http = HttpClient.newHttpClient();
  private Javalin server;

  @BeforeEach
  void start() {
    server =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.get(
                      "/strong",
                      ctx -> {
                        if (!ConditionalGet.notModified(ctx, "\"v1\"", CHANGED)) {
                          ctx.result("body");
                        }
                      });
                  c.routes.get(
                      "/weak",
                      ctx -> {
                        if (!ConditionalGet.notModified(ctx, "W/\"v2\"")) {
                          ctx.result("body");
                        }
                      });
                })
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theValidatorsAreSetAndAPlainGetGetsTheBody() throws Exception {
    HttpResponse<String> r = get("/strong");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("body");
    assertThat(r.headers().firstValue("ETag")).hasValue("\"v1\"");
    assertThat(r.headers().firstValue("Last-Modified")).hasValue("Mon, 07 Dec 2026 02:00:00 GMT");
  }

  @Test
  void ifNoneMatchComparesWeaklyAgainstEveryTagOfTheList() throws Exception {
    for (String match :
        new String[] {"\"v1\"", "W/\"v1\"", "\"a\", \"v1\"", "\"a\",W/\"v1\"", "*"}) {
      HttpResponse<String> r = get("/strong", "If-None-Match", match);
      assertThat(r.statusCode()).as(match).isEqualTo(304);
      assertThat(r.body()).as(match).isEmpty();
      assertThat(r.headers().firstValue("ETag"))
          .as("a 304 carries the validator")
          .hasValue("\"v1\"");
    }
    assertThat(get("/weak", "If-None-Match", "\"v2\"").statusCode()).isEqualTo(304);
    assertThat(get("/weak", "If-None-Match", "W/\"v2\"").statusCode()).isEqualTo(304);
    for (String other : new String[] {"\"v\"", "\"v11\"", "v1", "\"a\", \"b\"", ""}) {
      assertThat(get("/strong", "If-None-Match", other).statusCode()).as(other).isEqualTo(200);
    }
  }

  @Test
  void ifModifiedSinceCountsWholeSecondsAndYieldsToIfNoneMatch() throws Exception {
    assertThat(get("/strong", "If-Modified-Since", "Mon, 07 Dec 2026 02:00:00 GMT").statusCode())
        .isEqualTo(304);
    assertThat(get("/strong", "If-Modified-Since", "Mon, 07 Dec 2026 03:00:00 GMT").statusCode())
        .isEqualTo(304);
    assertThat(get("/strong", "If-Modified-Since", "Mon, 07 Dec 2026 01:59:59 GMT").statusCode())
        .isEqualTo(200);
    assertThat(get("/strong", "If-Modified-Since", "yesterday").statusCode())
        .as("an unreadable date is ignored")
        .isEqualTo(200);
    assertThat(
            get(
                    "/strong",
                    "If-None-Match",
                    "\"old\"",
                    "If-Modified-Since",
                    "Mon, 07 Dec 2026 03:00:00 GMT")
                .statusCode())
        .as("If-None-Match wins")
        .isEqualTo(200);
    assertThat(get("/weak", "If-Modified-Since", "Mon, 07 Dec 2026 03:00:00 GMT").statusCode())
        .as("no Last-Modified, no date comparison")
        .isEqualTo(200);
  }
}
