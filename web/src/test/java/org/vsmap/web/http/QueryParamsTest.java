package org.vsmap.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one number reader: what counts as given, and the caller's own 400 naming the value sent. */
class QueryParamsTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private Javalin server;

  @BeforeEach
  void start() {
    server =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.exception(
                      WebError.class,
                      (e, ctx) -> ctx.status(e.status()).result("400: " + e.getMessage()));
                  c.routes.get(
                      "/strict",
                      ctx ->
                          ctx.result(
                              QueryParams.integer(
                                      ctx,
                                      "n",
                                      QueryParams.Blank.INVALID,
                                      raw -> "n must be a whole number, not '" + raw + "'")
                                  .map(String::valueOf)
                                  .orElse("absent")));
                  c.routes.get(
                      "/lenient",
                      ctx ->
                          ctx.result(
                              QueryParams.decimal(
                                      ctx,
                                      "x",
                                      QueryParams.Blank.ABSENT,
                                      raw -> "x must be a number; got: " + raw)
                                  .map(String::valueOf)
                                  .orElse("absent")));
                  c.routes.get(
                      "/big",
                      ctx ->
                          ctx.result(
                              String.valueOf(
                                  QueryParams.longInteger(
                                          ctx, "o", QueryParams.Blank.INVALID, raw -> "bad " + raw)
                                      .orElseThrow())));
                })
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void numbersAreReadStrippedAndAbsenceIsEmpty() throws Exception {
    assertThat(get("/strict?n=42").body()).isEqualTo("42");
    assertThat(get("/strict?n=%2042%20").body()).isEqualTo("42");
    assertThat(get("/strict").body()).isEqualTo("absent");
    assertThat(get("/lenient?x=-2.5").body()).isEqualTo("-2.5");
    assertThat(get("/lenient?x=").body()).isEqualTo("absent");
    assertThat(get("/big?o=3000000000").body()).isEqualTo("3000000000");
  }

  @Test
  void aBadValueIsTheCallersOwn400NamingWhatWasSent() throws Exception {
    HttpResponse<String> r = get("/strict?n=ten");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("400: n must be a whole number, not 'ten'");
    HttpResponse<String> blank = get("/strict?n=");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).isEqualTo("400: n must be a whole number, not ''");
    assertThat(get("/strict?n=3000000000").statusCode()).isEqualTo(400);
    assertThat(get("/lenient?x=1,5").body()).isEqualTo("400: x must be a number; got: 1,5");
  }

  @Test
  void partsOfAPathOrAListAreReadTheSameWay() {
    assertThat(QueryParams.integer("7", raw -> "z")).isEqualTo(7);
    assertThat(QueryParams.decimal(" 109.5", raw -> "lon")).isEqualTo(109.5);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> QueryParams.integer("7.5", raw -> "z must be a whole number, not '" + raw + "'"))
        .isInstanceOf(WebError.class)
        .hasMessage("z must be a whole number, not '7.5'");
  }
}
