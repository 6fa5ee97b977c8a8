package org.vsmap.web;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.vsmap.geo.fake.InMemoryStores;
import org.vsmap.geo.time.ChinaTime;

/**
 * The portal's routes in this JVM on a free port, over in-memory ports, for handler tests: no jar,
 * no database, no index on disk. Ask for what the test needs through {@link #ready}.
 */
final class InProcessPortal implements AutoCloseable {
  /** 10:00 on 2026-12-07 in China. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ChinaTime.ZONE);

  final InMemoryStores stores = new InMemoryStores();
  final Readiness readiness = new Readiness();
  private final Javalin server;
  private final HttpClient http = HttpClient.newHttpClient();

  InProcessPortal() {
    server = Routes.create(new WebSettings(CLOCK, 0), readiness).start("127.0.0.1", 0);
  }

  int port() {
    return server.port();
  }

  /** Ready with the stores and these other ports (null: that part answers 503). */
  InProcessPortal ready(
      org.vsmap.geo.port.Downloads downloads,
      org.vsmap.geo.port.FeatureCollections features,
      org.vsmap.geo.port.Snapshots snapshots,
      org.vsmap.geo.port.Photos photos,
      org.vsmap.geo.port.Honours honours) {
    return ready(downloads, features, snapshots, null, photos, honours);
  }

  /** The same with the statistics. */
  InProcessPortal ready(
      org.vsmap.geo.port.Downloads downloads,
      org.vsmap.geo.port.FeatureCollections features,
      org.vsmap.geo.port.Snapshots snapshots,
      org.vsmap.geo.port.Statistics statistics,
      org.vsmap.geo.port.Photos photos,
      org.vsmap.geo.port.Honours honours) {
    readiness.ready(
        new WebPorts(
            stores,
            stores,
            stores,
            stores,
            stores,
            null,
            downloads,
            features,
            snapshots,
            statistics,
            photos,
            honours));
    return this;
  }

  /** Ready with the stores, the offices' port and weekly reporting. */
  InProcessPortal ready(
      org.vsmap.geo.port.Offices offices, org.vsmap.geo.port.Reporting reporting) {
    readiness.ready(
        new WebPorts(
            stores, stores, stores, stores, stores, offices, null, null, null, null, null, null,
            reporting));
    return this;
  }

  /** Ready with the stores and the offices' port (the admin pages). */
  InProcessPortal ready(org.vsmap.geo.port.Offices offices) {
    readiness.ready(
        new WebPorts(
            stores, stores, stores, stores, stores, offices, null, null, null, null, null, null));
    return this;
  }

  /** A form POST (application/x-www-form-urlencoded) with extra headers such as Cookie. */
  HttpResponse<String> post(String path, java.util.Map<String, String> form, String... headers)
      throws Exception {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8))
                .append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Any method without a body (HEAD, OPTIONS), with extra headers. */
  HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  String text(String path, String... headers) throws Exception {
    return new String(get(path, headers).body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop();
  }
}
