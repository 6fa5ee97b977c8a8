package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.fake.InMemoryHonours;
import org.vsmap.geo.fake.InMemoryPhotos;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Honour;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.port.Photos;

/** The photo and honour pages in process, over in-memory ports (the awareness concern). */
class PhotoAndHonourPagesTest {
  /** Photo ids are 32 hex digits, as the store makes them. */
  private static final String PHOTO = "3f2a9c0b8e7d6f5a4b3c2d1e0f9a8b7c";

  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
  private InProcessPortal portal;
  private final InMemoryPhotos photos = new InMemoryPhotos();
  private final InMemoryHonours honours = new InMemoryHonours();

  @BeforeEach
  void start() {
    portal = new InProcessPortal();
    GeoPoint p = new GeoPoint(109.98, 39.82);
    portal.stores.stations.add(
        new Station(
            "st-1",
            "锦秀社区志愿服务站",
            StationType.COMMUNITY,
            "150602001002",
            "东胜区",
            p,
            "9:00-17:00",
            List.of("助老"),
            null,
            FiveHas.parse("11111"),
            true));
    photos.add(
        new Photos.Photo(
            PHOTO,
            Kind.STATION,
            "st-1",
            "志愿者为老人理发",
            1600,
            1200,
            LocalDateTime.of(2026, 12, 1, 9, 0)),
        JPEG);
    honours.honours.add(
        new Honour(
            "ho-1",
            "最美志愿服务站<script>",
            2025,
            Honour.HonourLevel.CITY,
            "市文明办",
            Honour.HonourSubject.STATION,
            "st-1",
            "150602001002",
            null,
            "多年服务社区",
            true,
            p));
    honours.honours.add(
        new Honour(
            "ho-2",
            "优秀志愿服务项目",
            2024,
            Honour.HonourLevel.PROVINCE,
            "自治区文明办",
            Honour.HonourSubject.STATION,
            "st-1",
            "150621001001",
            null,
            null,
            true,
            p));
    portal.ready(null, null, null, photos, honours);
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  @Test
  void aPhotoIsServedOnceAndThenAnswered304ForAnyFormOfItsTag() throws Exception {
    HttpResponse<byte[]> r = portal.get("/photos/" + PHOTO + "/medium.jpg");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(JPEG);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(r.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    for (String match : List.of(etag, "W/" + etag, "\"other\", " + etag)) {
      HttpResponse<byte[]> again =
          portal.get("/photos/" + PHOTO + "/medium.jpg", "If-None-Match", match);
      assertThat(again.statusCode()).as(match).isEqualTo(304);
      assertThat(again.body()).as(match).isEmpty();
    }
    assertThat(portal.get("/photos/" + PHOTO + "/huge.jpg").statusCode()).isEqualTo(404);
    assertThat(portal.get("/photos/" + "0".repeat(32) + "/thumb.jpg").statusCode()).isEqualTo(404);
  }

  @Test
  void theHonoursPageListsByYearFiltersByRegionAndEscapesTitles() throws Exception {
    String page = portal.text("/honours");
    assertThat(page).contains("最美志愿服务站&lt;script&gt;").doesNotContain("最美志愿服务站<script>");
    assertThat(page).contains("优秀志愿服务项目");
    assertThat(page.indexOf("最美志愿服务站")).as("2025 before 2024").isLessThan(page.indexOf("优秀志愿服务项目"));
    String dongsheng = portal.text("/honours?region=150602");
    assertThat(dongsheng).contains("最美志愿服务站").doesNotContain("优秀志愿服务项目");
    assertThat(portal.text("/honours?year=2024")).contains("优秀志愿服务项目").doesNotContain("最美志愿服务站");
    HttpResponse<byte[]> bad = portal.get("/honours?year=last");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new String(bad.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("year must be a year like 2025; got: last");
    assertThat(portal.get("/honours?colour=red").statusCode()).isEqualTo(400);
  }
}
