package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.fake.InMemoryDownloads;

/**
 * The current downloads in process: filters reach the port, validators, gzip, errors (open data).
 */
class CurrentDownloadsTest {
  private InProcessPortal portal;
  private final InMemoryDownloads downloads =
      new InMemoryDownloads()
          .put("stations", List.of("150602001002,锦秀社区志愿服务站", "150621001001,新华社区志愿服务站"));

  @BeforeEach
  void start() {
    portal = new InProcessPortal().ready(downloads, null, null, null, null);
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  @Test
  void aDownloadIsFilteredAndAnswered304UntilTheDataChange() throws Exception {
    HttpResponse<byte[]> all = portal.get("/data/stations.csv");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(new String(all.body(), StandardCharsets.UTF_8)).contains("锦秀").contains("新华");
    assertThat(all.headers().firstValue("Content-Disposition").orElse("")).contains("stations.csv");
    String etag = all.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).as("one opaque token, no spaces").matches("W/\"[0-9a-f]{12}\"");
    assertThat(all.headers().firstValue("Last-Modified")).isPresent();

    String dongsheng = portal.text("/data/stations.csv?region=150602");
    assertThat(dongsheng).contains("锦秀").doesNotContain("新华");
    assertThat(downloads.asked).extracting(f -> f.region()).containsExactly(null, "150602");

    assertThat(portal.get("/data/stations.csv", "If-None-Match", etag).statusCode()).isEqualTo(304);
    downloads.put("stations", List.of("150602001002,锦秀社区志愿服务站"));
    assertThat(portal.get("/data/stations.csv", "If-None-Match", etag).statusCode())
        .as("a change makes a new version")
        .isEqualTo(200);
  }

  @Test
  void textIsGzippedWhenAskedAndTheTagSaysSo() throws Exception {
    HttpResponse<byte[]> z = portal.get("/data/stations.csv", "Accept-Encoding", "gzip");
    assertThat(z.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(String.join(", ", z.headers().allValues("Vary"))).contains("Accept-Encoding");
    assertThat(z.headers().firstValue("ETag").orElse("")).endsWith("-gz\"");
    String text =
        new String(
            new GZIPInputStream(new ByteArrayInputStream(z.body())).readAllBytes(),
            StandardCharsets.UTF_8);
    assertThat(text).startsWith("region_code,name").contains("锦秀社区志愿服务站");
  }

  @Test
  void anUnknownDatasetOrFormatIs404WithWhatExists() throws Exception {
    HttpResponse<byte[]> nope = portal.get("/data/volunteers.csv");
    assertThat(nope.statusCode()).isEqualTo(404);
    assertThat(new String(nope.body(), StandardCharsets.UTF_8)).contains("no dataset volunteers");
    HttpResponse<byte[]> exe = portal.get("/data/stations.exe");
    assertThat(exe.statusCode()).isEqualTo(404);
    assertThat(new String(exe.body(), StandardCharsets.UTF_8))
        .contains("no such format for stations");
    assertThat(downloads.asked).as("nothing was written").isEmpty();
  }
}
