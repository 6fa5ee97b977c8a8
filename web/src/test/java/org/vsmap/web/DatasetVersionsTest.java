package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.fake.InMemorySnapshots;
import org.vsmap.geo.port.Downloads;

/**
 * A published version's file in process: validators, byte ranges, 304 and 416 (the open-data
 * concern).
 */
class DatasetVersionsTest {
  private static final byte[] CSV =
      "id,name\r\nst-1,锦秀社区志愿服务站\r\n".getBytes(StandardCharsets.UTF_8);
  private InProcessPortal portal;

  @BeforeEach
  void start() throws Exception {
    portal = new InProcessPortal();
    InMemorySnapshots snapshots =
        new InMemorySnapshots(Files.createTempDirectory("vsmap-versions-"));
    snapshots.put("stations", "2026-12-07", Downloads.Format.CSV, CSV);
    portal.ready(null, null, snapshots, null, null);
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  @Test
  void aVersionIsServedWholeOrByRangeAndNotAgainWhenTheClientHasIt() throws Exception {
    String url = "/data/stations/versions/2026-12-07.csv";
    HttpResponse<byte[]> whole = portal.get(url);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(CSV);
    assertThat(whole.headers().firstValue("Content-Disposition").orElse(""))
        .contains("stations-2026-12-07.csv");
    assertThat(whole.headers().firstValue("Last-Modified").orElse(""))
        .matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    String etag = whole.headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> head = portal.get(url, "Range", "bytes=0-1");
    assertThat(head.statusCode()).isEqualTo(206);
    assertThat(new String(head.body(), StandardCharsets.US_ASCII)).isEqualTo("id");
    assertThat(head.headers().firstValue("Content-Range")).hasValue("bytes 0-1/" + CSV.length);

    assertThat(portal.get(url, "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(
            portal
                .get(
                    url,
                    "If-Modified-Since",
                    whole.headers().firstValue("Last-Modified").orElseThrow())
                .statusCode())
        .as("If-Modified-Since with the Last-Modified it was given")
        .isEqualTo(304);

    HttpResponse<byte[]> beyond = portal.get(url, "Range", "bytes=" + (CSV.length + 10) + "-");
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + CSV.length);
    assertThat(portal.get("/data/stations/versions/2020-01-01.csv").statusCode()).isEqualTo(404);
    assertThat(portal.get("/data/stations/versions/2026-12-07.exe").statusCode()).isEqualTo(404);
  }
}
