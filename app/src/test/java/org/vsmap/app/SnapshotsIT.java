package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.wololo.flatgeobuf.HeaderMeta;
import org.wololo.flatgeobuf.PackedRTree;

/**
 * Dated, immutable dataset versions: the first publish of a fresh portal, the changelog counts
 * after real imports, old versions kept byte for byte, byte ranges as remote readers use them, and
 * a killed publish leaving nothing behind.
 */
@Tag("integration")
class SnapshotsIT {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  static HttpResponse<byte[]> get(RunningPortal p, String path, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(p.url(path))).timeout(Duration.ofSeconds(60));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode versions(RunningPortal p, String dataset) throws Exception {
    return JSON.readTree(get(p, "/data/" + dataset + "/versions").body()).get("versions");
  }

  /** A fresh portal publishes its first versions in the background: waits for all four. */
  static void awaitFirstVersions(RunningPortal p) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    for (String d : List.of("stations", "teams", "activities", "regions")) {
      while (versions(p, d).isEmpty()) {
        assertThat(System.nanoTime()).as("first version of %s", d).isLessThan(deadline);
        Thread.sleep(250);
      }
    }
  }

  static String sha(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void versionsChangelogRangesAndNothingHalfPublished() throws Exception {
    Path data = Files.createTempDirectory("vsmap-snapshots-").resolve("data");
    String first;
    byte[] firstCsv;
    try (RunningPortal p = RunningPortal.start(data)) {
      awaitFirstVersions(p);
      long stations = JSON.readTree(p.get("/api/stations.geojson").body()).get("features").size();
      JsonNode v = versions(p, "stations").get(0);
      first = v.get("version").asText();
      assertThat(first).matches("\\d{4}-\\d{2}-\\d{2}");
      assertThat(v.get("records").asLong()).isEqualTo(stations);
      assertThat(v.get("added").asLong()).isEqualTo(stations);
      assertThat(v.get("files")).hasSize(6);

      // the file is the dataset as it was: same records as the current download
      HttpResponse<byte[]> csv = get(p, "/data/stations/versions/" + first + ".csv");
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.headers().firstValue("cache-control").orElse("")).contains("immutable");
      firstCsv = csv.body();
      assertThat(DownloadsIT.csv(firstCsv)).hasSize((int) stations);
      assertThat(
              get(
                      p,
                      "/data/stations/versions/" + first + ".csv",
                      "If-None-Match",
                      csv.headers().firstValue("etag").orElseThrow())
                  .statusCode())
          .isEqualTo(304);

      // byte ranges, as GDAL's /vsicurl and the FlatGeobuf client read
      String fgb = "/data/stations/versions/" + first + ".fgb";
      HttpResponse<byte[]> magic = get(p, fgb, "Range", "bytes=0-7");
      assertThat(magic.statusCode()).isEqualTo(206);
      assertThat(magic.body()).isEqualTo(org.wololo.flatgeobuf.Constants.MAGIC_BYTES);
      long size =
          Long.parseLong(
              magic.headers().firstValue("content-range").orElseThrow().replaceFirst(".*/", ""));
      assertThat(get(p, fgb, "Range", "bytes=-10").body()).hasSize(10);
      assertThat(get(p, fgb, "Range", "bytes=" + size + "-").statusCode()).isEqualTo(416);
      assertThat(get(p, fgb, "Range", "bytes=0-1,5-6").statusCode())
          .as("several ranges: the whole file")
          .isEqualTo(200);
      HttpResponse<byte[]> head =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(p.url(fgb)))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(head.headers().firstValue("content-length")).hasValue(String.valueOf(size));
      assertThat(head.headers().firstValue("accept-ranges")).hasValue("bytes");

      // a remote reader: header, then the index, then only the features the box needs
      byte[] start = get(p, fgb, "Range", "bytes=0-65535").body();
      ByteBuffer bb = ByteBuffer.wrap(start).order(ByteOrder.LITTLE_ENDIAN);
      HeaderMeta header = HeaderMeta.read(bb);
      long indexSize = PackedRTree.calcSize((int) header.featuresCount, header.indexNodeSize);
      byte[] index =
          get(p, fgb, "Range", "bytes=" + header.offset + "-" + (header.offset + indexSize - 1))
              .body();
      org.locationtech.jts.geom.Envelope box =
          new org.locationtech.jts.geom.Envelope(109.90, 110.05, 39.75, 39.90);
      var hits =
          PackedRTree.search(
              ByteBuffer.wrap(index).order(ByteOrder.LITTLE_ENDIAN),
              0,
              (int) header.featuresCount,
              header.indexNodeSize,
              box);
      JsonNode inBox =
          JSON.readTree(
              p.get("/ogc/collections/stations/items?limit=1000&bbox=109.90,39.75,110.05,39.90")
                  .body());
      assertThat(hits).hasSize(inBox.get("numberMatched").asInt());
      long featuresAt = header.offset + indexSize;
      Set<String> names = new HashSet<>();
      for (var hit : hits) {
        long at = featuresAt + hit.offset;
        byte[] len = get(p, fgb, "Range", "bytes=" + at + "-" + (at + 3)).body();
        int n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] feature = get(p, fgb, "Range", "bytes=" + at + "-" + (at + 3 + n)).body();
        ByteBuffer fb = ByteBuffer.wrap(feature).order(ByteOrder.LITTLE_ENDIAN);
        fb.position(4);
        var f = org.wololo.flatgeobuf.generated.Feature.getRootAsFeature(fb);
        ByteBuffer props = f.propertiesAsByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        while (props.hasRemaining()) {
          var col = header.columns.get(Short.toUnsignedInt(props.getShort()));
          if (col.type == org.wololo.flatgeobuf.generated.ColumnType.String) {
            byte[] t = new byte[props.getInt()];
            props.get(t);
            if (col.name.equals("name")) {
              names.add(new String(t, StandardCharsets.UTF_8));
            }
          } else {
            props.position(
                props.position()
                    + (col.type == org.wololo.flatgeobuf.generated.ColumnType.Bool ? 1 : 8));
          }
        }
      }
      Set<String> expected = new HashSet<>();
      inBox.get("features").forEach(x -> expected.add(x.at("/properties/name").asText()));
      assertThat(names).isEqualTo(expected);

      if (Gdal.available() || "true".equals(System.getenv("CI"))) {
        Gdal.require();
        assertThat(
                Gdal.ogrinfo(
                    "-ro",
                    "-so",
                    "-spat",
                    "109.90",
                    "39.75",
                    "110.05",
                    "39.90",
                    "/vsicurl/" + p.url(fgb),
                    "stations"))
            .contains("Feature Count: " + hits.size());
      }

      // the dataset page lists the version with its changelog; DCAT lists it too
      String page = p.get("/data/stations").body();
      assertThat(page)
          .contains("版本与变更记录")
          .contains("/data/stations/versions/" + first + ".fgb")
          .contains("dataset-map");
      JsonNode dcat = JSON.readTree(p.get("/catalog.jsonld").body());
      assertThat(dcat.at("/dcat:dataset/0/dcat:hasVersion/0/dcat:version").asText())
          .isEqualTo(first);
    }

    // two new stations, then the same two with another address: added, then updated
    Path csv = data.getParent().resolve("new.csv");
    Files.writeString(
        csv,
        "站点名称,行政区划代码,经度,纬度,地址\n版本测试甲站,150602,109.96,39.82,甲街1号\n版本测试乙站,150602,109.97,39.83,乙街2号\n");
    assertThat(
            RunningPortal.cli(
                    "import",
                    csv.toString(),
                    "--kind",
                    "station",
                    "--crs",
                    "wgs84",
                    "--data-dir",
                    data.toString())
                .exit())
        .isZero();
    RunningPortal.Outcome pub = RunningPortal.cli("publish", "--data-dir", data.toString());
    assertThat(pub.exit()).as(pub.out()).isZero();
    assertThat(pub.out())
        .contains("published stations " + first + ".2")
        .contains("(2 added, 0 updated, 0 retired)")
        .doesNotContain("published teams");
    Files.writeString(
        csv,
        "站点名称,行政区划代码,经度,纬度,地址\n版本测试甲站,150602,109.96,39.82,甲街9号\n版本测试乙站,150602,109.97,39.83,乙街9号\n");
    assertThat(
            RunningPortal.cli(
                    "import",
                    csv.toString(),
                    "--kind",
                    "station",
                    "--crs",
                    "wgs84",
                    "--data-dir",
                    data.toString())
                .exit())
        .isZero();

    // a publish killed midway left a file without a manifest and a scratch directory: the next
    // publish removes both
    Path orphan = data.resolve("snapshots/files/stations/2020-01-01.csv");
    Files.writeString(orphan, "half");
    Files.createDirectories(data.resolve("snapshots/tmp/stations-123"));
    pub = RunningPortal.cli("publish", "--data-dir", data.toString());
    assertThat(pub.out()).contains("(0 added, 2 updated, 0 retired)");
    assertThat(orphan).doesNotExist();
    assertThat(data.resolve("snapshots/tmp/stations-123")).doesNotExist();
    assertThat(RunningPortal.cli("publish", "--data-dir", data.toString()).out())
        .contains("nothing changed");

    try (RunningPortal p = RunningPortal.start(data)) {
      JsonNode all = versions(p, "stations");
      assertThat(all).hasSize(3);
      assertThat(all.get(0).get("version").asText()).isEqualTo(first + ".3");
      assertThat(all.get(2).get("version").asText()).isEqualTo(first);
      assertThat(sha(get(p, "/data/stations/versions/" + first + ".csv").body()))
          .as("an old version never changes")
          .isEqualTo(sha(firstCsv));
      assertThat(all.get(0).get("records").asLong())
          .isEqualTo(all.get(2).get("records").asLong() + 2);
      assertThat(versions(p, "teams")).hasSize(1);
      assertThat(get(p, "/data/stations/versions/2020-01-01.csv").statusCode()).isEqualTo(404);
      assertThat(get(p, "/data/stations/versions/..%2F..%2Fvsmap.mv.db").statusCode())
          .isEqualTo(404);
      assertThat(get(p, "/data/people/versions").statusCode()).isEqualTo(404);
    }
  }
}
