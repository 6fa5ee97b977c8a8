package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vsmap.pipeline.photos.TestPhotos;

/**
 * Issue 10, photos from the field, as an office and a resident meet them against the packaged jar:
 * upload in the admin (two photos, as the activity form asks), what the public gets back (read with
 * metadata-extractor: no GPS, no EXIF), caching, refusals that store nothing, the office's region,
 * retiring, and the galleries in headless Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class PhotosIT {
  private Path data;
  private RunningPortal portal;

  @BeforeAll
  void start() throws Exception {
    data = Files.createTempDirectory("vsmap-photos-").resolve("data");
    try (RunningPortal first = RunningPortal.start(data)) {
      assertThat(first.get("/health").statusCode()).isEqualTo(200);
    }
    assertThat(
            AdminIT.cli(
                    data, "account", "add", "dongsheng", "--role", "office", "--region", "150602")
                .exit())
        .isZero();
    assertThat(
            AdminIT.cli(
                    data, "account", "add", "kangbashi", "--role", "office", "--region", "150603")
                .exit())
        .isZero();
    // photos alongside an import: a list beside its files; a bad list is refused row by row, a good
    // one attached
    Path folder = Files.createDirectories(data.getParent().resolve("photos"));
    Files.write(folder.resolve("a.jpg"), TestPhotos.phoneJpeg(1600, 1200, 1));
    Files.write(folder.resolve("b.jpg"), TestPhotos.phoneJpeg(1000, 800, 1));
    Files.write(folder.resolve("bomb.png"), TestPhotos.pngBomb(50_000, 50_000));
    Path bad =
        Files.writeString(
            folder.resolve("bad.csv"),
            "对象类型,对象编号,文件,照片说明\n"
                + "站点,st-150603-library,a.jpg,图书馆志愿者整理图书\n"
                + "站点,st-no-such,b.jpg,x\n"
                + "站点,st-150603-library,bomb.png,炸弹\n"
                + "站点,st-150603-library,missing.jpg,不存在\n"
                + "站点,st-150603-library,../outside.jpg,外面\n"
                + "星球,st-150603-library,b.jpg,x\n");
    RunningPortal.Outcome refused =
        RunningPortal.cli(
            "import", bad.toString(), "--kind", "photos", "--data-dir", data.toString());
    assertThat(refused.exit()).as(refused.out()).isEqualTo(1);
    assertThat(refused.out())
        .contains("row 3")
        .contains("no station with this id")
        .contains("row 4")
        .contains("decompression bomb")
        .contains("row 5")
        .contains("no such file")
        .contains("row 6")
        .contains("in the list's folder")
        .contains("row 7")
        .contains("nothing was written");
    Path good =
        Files.writeString(
            folder.resolve("photos.csv"),
            "对象类型,对象编号,文件,照片说明\n"
                + "站点,st-150603-library,a.jpg,图书馆志愿者整理图书\n站点,st-150603-library,b.jpg,小读者在志愿者帮助下借书\n");
    RunningPortal.Outcome imported =
        RunningPortal.cli(
            "import", good.toString(), "--kind", "photos", "--data-dir", data.toString());
    assertThat(imported.exit()).as(imported.out()).isZero();
    assertThat(imported.out()).contains("2 photos attached");
    // an activity named as the office's own report has it — by its title and one of its weeks
    // (ac-00043 is weekly from today)
    java.time.LocalDate thirdWeek = RunningPortal.TODAY.plusWeeks(2);
    Path byTitle =
        Files.writeString(
            folder.resolve("by-title.csv"),
            "对象类型,活动名称,活动日期,文件,照片说明\n"
                + "活动,达拉特旗政务服务大厅·青少年科学实验课,"
                + thirdWeek
                + ",b.jpg,孩子们在志愿者指导下做科学实验\n"
                + "活动,达拉特旗政务服务大厅·青少年科学实验课,"
                + thirdWeek.plusDays(1)
                + ",a.jpg,不是那一天\n");
    RunningPortal.Outcome wrongDay =
        RunningPortal.cli(
            "import", byTitle.toString(), "--kind", "photos", "--data-dir", data.toString());
    assertThat(wrongDay.exit()).as(wrongDay.out()).isEqualTo(1);
    assertThat(wrongDay.out())
        .contains("row 3 column 活动名称")
        .contains("no activity with this title on " + thirdWeek.plusDays(1))
        .contains("nothing was written");
    Files.writeString(
        byTitle,
        "对象类型,活动名称,活动日期,文件,照片说明\n"
            + "活动,达拉特旗政务服务大厅·青少年科学实验课,"
            + thirdWeek
            + ",b.jpg,孩子们在志愿者指导下做科学实验\n");
    RunningPortal.Outcome named =
        RunningPortal.cli(
            "import", byTitle.toString(), "--kind", "photos", "--data-dir", data.toString());
    assertThat(named.exit()).as(named.out()).isZero();
    assertThat(named.out()).contains("1 photos attached");
    portal = RunningPortal.start(data);
  }

  @AfterAll
  void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  /**
   * The n-th upcoming activity of a district that takes place at a station (so it has a station
   * gallery too).
   */
  private JsonNode activity(String region, int n) throws Exception {
    JsonNode hits =
        new ObjectMapper()
            .readTree(
                portal
                    .get("/api/search?kind=activity&sort=start&limit=100&region=" + region)
                    .body())
            .path("hits");
    int seen = 0;
    for (JsonNode h : hits) {
      String page = portal.get("/activities/" + h.path("id").asText()).body();
      if (page.contains("href=\"/stations/") && seen++ == n) {
        return h;
      }
    }
    throw new AssertionError("no activity at a station in " + region);
  }

  private static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertThat(m.find()).as("%s in the page", regex).isTrue();
    return m.group(1);
  }

  private static List<String> photoIds(String html) {
    List<String> ids = new ArrayList<>();
    Matcher m =
        Pattern.compile("src=\"/photos/([0-9a-f]{32})/(?:thumb|medium)\\.jpg\"").matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private HttpResponse<byte[]> bytes(String path, String etag) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(portal.url(path)));
    if (etag != null) {
      b.header("If-None-Match", etag);
    }
    return RunningPortal.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> attach(
      AdminIT.Office office,
      String activity,
      Map<String, Map.Entry<String, byte[]>> files,
      Map<String, String> alts)
      throws Exception {
    office.get("/admin/activities/" + activity);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("csrf", office.csrf);
    fields.putAll(alts);
    return office.multipart("/admin/activities/" + activity + "/photos", fields, files);
  }

  @Test
  void anOfficeAttachesTwoPhotosWhichThePublicGetsWithoutTheirMetadata() throws Exception {
    JsonNode a = activity("150602", 0);
    String id = a.path("id").asText();
    AdminIT.Office office = new AdminIT.Office(portal).signIn("dongsheng", AdminIT.PASSWORD);
    String form = office.get("/admin/activities/" + id).body();
    assertThat(form)
        .contains("enctype=\"multipart/form-data\"")
        .contains("name=\"photo1\"")
        .contains("name=\"photo2\"")
        .contains("responsible for the people in it")
        .contains("照片中的人物由上传单位负责");
    HttpResponse<String> r =
        attach(
            office,
            id,
            Map.of(
                "photo1",
                Map.entry("IMG_0001.JPG", TestPhotos.phoneJpeg(2400, 1800, 1)),
                "photo2",
                Map.entry("IMG_0002.jpg", TestPhotos.phoneJpeg(1200, 900, 6))),
            Map.of("alt1", "志愿者在社区广场为老人测量血压", "alt2", "志愿者合影"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/admin/activities/" + id + "#photos");

    String page = portal.get("/activities/" + id).body();
    assertThat(page).contains("alt=\"志愿者在社区广场为老人测量血压\"").contains("alt=\"志愿者合影\"");
    List<String> ids = photoIds(page);
    assertThat(ids).hasSize(2);
    for (String photo : ids) {
      for (String size : List.of("thumb", "medium", "full")) {
        HttpResponse<byte[]> img = bytes("/photos/" + photo + "/" + size + ".jpg", null);
        assertThat(img.statusCode()).isEqualTo(200);
        assertThat(img.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(img.headers().firstValue("Cache-Control").orElse(""))
            .contains("immutable")
            .contains("max-age=31536000");
        String etag = img.headers().firstValue("ETag").orElseThrow();
        assertThat(bytes("/photos/" + photo + "/" + size + ".jpg", etag).statusCode())
            .isEqualTo(304);
        Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(img.body()));
        assertThat(m.getFirstDirectoryOfType(GpsDirectory.class))
            .as("%s %s: no GPS", photo, size)
            .isNull();
        assertThat(m.getFirstDirectoryOfType(ExifIFD0Directory.class))
            .as("%s %s: no EXIF", photo, size)
            .isNull();
        assertThat(new String(img.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
            .doesNotContain("VsmapTestPhone")
            .doesNotContain("Zhang San");
        var picture = ImageIO.read(new ByteArrayInputStream(img.body()));
        assertThat(Math.max(picture.getWidth(), picture.getHeight()))
            .isLessThanOrEqualTo(size.equals("thumb") ? 320 : size.equals("medium") ? 960 : 1600);
      }
    }
    // the sideways one stands up: 900 × 1200
    var full =
        ImageIO.read(
            new ByteArrayInputStream(bytes("/photos/" + ids.get(0) + "/full.jpg", null).body()));
    var other =
        ImageIO.read(
            new ByteArrayInputStream(bytes("/photos/" + ids.get(1) + "/full.jpg", null).body()));
    assertThat(
            List.of(
                full.getWidth() + "x" + full.getHeight(),
                other.getWidth() + "x" + other.getHeight()))
        .containsExactlyInAnyOrder("1600x1200", "900x1200");
    // the station's and the team's galleries show them, with the activity they come from
    String station = find(page, "href=\"/stations/([\\w-]+)\"");
    String team = find(page, "href=\"/teams/([\\w-]+)\"");
    for (String gallery :
        List.of("/stations/" + station + "/photos", "/teams/" + team + "/photos")) {
      String g = portal.get(gallery).body();
      assertThat(photoIds(g)).as(gallery).containsAll(ids);
      assertThat(g).contains("href=\"/activities/" + id + "\"").contains("志愿者合影");
    }
    assertThat(photoIds(portal.get("/stations/" + station).body())).containsAll(ids);
    assertThat(portal.get("/teams/" + team).body()).contains("href=\"/teams/" + team + "/photos\"");
    assertThat(office.get("/admin/audit").body()).contains("PHOTO");
  }

  @Test
  void photosImportedWithAListAreOnTheStationsPageWithoutMetadata() throws Exception {
    String page = portal.get("/stations/st-150603-library").body();
    assertThat(page).contains("alt=\"图书馆志愿者整理图书\"").contains("alt=\"小读者在志愿者帮助下借书\"");
    List<String> ids = photoIds(page);
    assertThat(ids).hasSize(2);
    for (String photo : ids) {
      byte[] full = bytes("/photos/" + photo + "/full.jpg", null).body();
      assertThat(
              ImageMetadataReader.readMetadata(new ByteArrayInputStream(full))
                  .getFirstDirectoryOfType(GpsDirectory.class))
          .isNull();
    }
    assertThat(portal.get("/stations/st-150603-library/photos").body()).contains("图书馆志愿者整理图书");
    assertThat(portal.get("/activities/ac-00043").body())
        .as("the activity named by title and date")
        .contains("alt=\"孩子们在志愿者指导下做科学实验\"");
  }

  @Test
  void refusedUploadsStoreNothingAndSayWhy() throws Exception {
    String id = activity("150602", 1).path("id").asText();
    AdminIT.Office office = new AdminIT.Office(portal).signIn("dongsheng", AdminIT.PASSWORD);
    // a good photo beside a decompression bomb: neither is stored
    HttpResponse<String> bomb =
        attach(
            office,
            id,
            Map.of(
                "photo1",
                Map.entry("good.jpg", TestPhotos.phoneJpeg(800, 600, 1)),
                "photo2",
                Map.entry("bomb.png", TestPhotos.pngBomb(50_000, 50_000))),
            Map.of("alt1", "好照片", "alt2", "炸弹"));
    assertThat(bomb.statusCode()).isEqualTo(400);
    assertThat(bomb.body())
        .contains("没有保存任何照片")
        .contains("bomb.png")
        .contains("decompression bomb")
        .contains("50,000 × 50,000");
    HttpResponse<String> renamed =
        attach(
            office,
            id,
            Map.of(
                "photo1",
                Map.entry(
                    "photo.jpg",
                    "%PDF-1.4 not a photo".getBytes(java.nio.charset.StandardCharsets.US_ASCII))),
            Map.of("alt1", "文件"));
    assertThat(renamed.statusCode()).isEqualTo(400);
    assertThat(renamed.body())
        .contains(
            "photo.jpg is not a JPEG or PNG image (it is named .jpg but its content is not an image)");
    HttpResponse<String> noAlt =
        attach(
            office,
            id,
            Map.of("photo1", Map.entry("a.jpg", TestPhotos.phoneJpeg(640, 480, 1))),
            Map.of());
    assertThat(noAlt.statusCode()).isEqualTo(400);
    assertThat(noAlt.body()).contains("describe the photo in a sentence");
    assertThat(photoIds(portal.get("/activities/" + id).body())).as("nothing stored").isEmpty();
    // another district's office, no form token, no session
    AdminIT.Office kangbashi = new AdminIT.Office(portal).signIn("kangbashi", AdminIT.PASSWORD);
    kangbashi.get("/admin");
    Map<String, String> fields =
        new LinkedHashMap<>(Map.of("csrf", kangbashi.csrf, "alt1", "别区的照片"));
    HttpResponse<String> foreign =
        kangbashi.multipart(
            "/admin/activities/" + id + "/photos",
            fields,
            Map.of("photo1", Map.entry("x.jpg", TestPhotos.phoneJpeg(700, 500, 1))));
    assertThat(foreign.statusCode()).isEqualTo(403);
    HttpResponse<String> noToken =
        office.multipart(
            "/admin/activities/" + id + "/photos",
            Map.of("alt1", "x"),
            Map.of("photo1", Map.entry("x.jpg", TestPhotos.phoneJpeg(700, 500, 1))));
    assertThat(noToken.statusCode()).isEqualTo(403);
    HttpResponse<String> anonymous =
        new AdminIT.Office(portal)
            .multipart(
                "/admin/activities/" + id + "/photos",
                Map.of("alt1", "x"),
                Map.of("photo1", Map.entry("x.jpg", TestPhotos.phoneJpeg(700, 500, 1))));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(photoIds(portal.get("/activities/" + id).body()))
        .as("still nothing stored")
        .isEmpty();
    assertThat(portal.get("/photos/zzz/thumb.jpg").statusCode()).isEqualTo(404);
    assertThat(portal.get("/photos/0123456789abcdef0123456789abcdef/thumb.jpg").statusCode())
        .isEqualTo(404);
    assertThat(portal.get("/photos/0123456789abcdef0123456789abcdef/huge.jpg").statusCode())
        .isEqualTo(404);
  }

  private static byte[] zip(Map<String, byte[]> files) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        z.putNextEntry(new java.util.zip.ZipEntry(f.getKey()));
        z.write(f.getValue());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private HttpResponse<String> uploadZip(AdminIT.Office office, String name, byte[] zip)
      throws Exception {
    office.get("/admin");
    return office.multipart(
        "/admin/photos/upload", Map.of("csrf", office.csrf), Map.of("file", Map.entry(name, zip)));
  }

  @Test
  void anOfficeUploadsAZipOfPhotosWithTheirListAllOrNone() throws Exception {
    String activity = activity("150602", 4).path("id").asText();
    AdminIT.Office office = new AdminIT.Office(portal).signIn("dongsheng", AdminIT.PASSWORD);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        "名单.csv",
        ("对象类型,对象编号,文件,照片说明\n站点,st-150602-hall,现场/1.jpg,大厅志愿者引导群众办事\n"
                + "活动,"
                + activity
                + ",现场/2.png,活动现场合影\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    files.put("现场/1.jpg", TestPhotos.phoneJpeg(1400, 1000, 1));
    files.put("现场/2.png", TestPhotos.png(900, 700));
    // first with a Kangbashi station and a bomb in the list: nothing is attached
    Map<String, byte[]> bad = new LinkedHashMap<>(files);
    bad.put(
        "名单.csv",
        ("对象类型,对象编号,文件,照片说明\n站点,st-150602-hall,现场/1.jpg,大厅\n站点,st-150603-hall,现场/1.jpg,别区\n"
                + "活动,"
                + activity
                + ",现场/bomb.png,炸弹\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    bad.put("现场/bomb.png", TestPhotos.pngBomb(50_000, 50_000));
    int before =
        photoIds(portal.get("/stations/st-150602-hall").body())
            .size(); // its activities' photos count too
    HttpResponse<String> refused = uploadZip(office, "bad.zip", zip(bad));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("没有添加任何照片")
        .contains("outside this account&#39;s region 150602")
        .contains("decompression bomb");
    assertThat(photoIds(portal.get("/stations/st-150602-hall").body())).hasSize(before);
    // an archive that reaches outside its folder, and something that is not a ZIP
    HttpResponse<String> slip =
        uploadZip(
            office,
            "slip.zip",
            zip(Map.of("名单.csv", "x".getBytes(), "../evil.jpg", new byte[] {1})));
    assertThat(slip.statusCode()).isEqualTo(400);
    assertThat(slip.body()).contains("points outside its folder");
    HttpResponse<String> notZip =
        uploadZip(office, "photos.zip", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(notZip.statusCode()).isEqualTo(400);
    assertThat(notZip.body()).contains("not a ZIP archive");
    // the clean archive: both attached, at their records, without metadata
    HttpResponse<String> ok = uploadZip(office, "photos.zip", zip(files));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(ok.body()).contains("2 photos attached");
    List<String> hall = photoIds(portal.get("/stations/st-150602-hall").body());
    assertThat(hall).hasSize(Math.min(before + 1, 6)); // the page shows the six newest
    assertThat(portal.get("/stations/st-150602-hall").body()).contains("alt=\"大厅志愿者引导群众办事\"");
    assertThat(portal.get("/activities/" + activity).body()).contains("alt=\"活动现场合影\"");
    byte[] full = bytes("/photos/" + hall.get(0) + "/full.jpg", null).body();
    assertThat(
            ImageMetadataReader.readMetadata(new ByteArrayInputStream(full))
                .getFirstDirectoryOfType(GpsDirectory.class))
        .isNull();
  }

  @Test
  void aRetiredPhotoLeavesThePublicPages() throws Exception {
    String id = activity("150602", 2).path("id").asText();
    AdminIT.Office office = new AdminIT.Office(portal).signIn("dongsheng", AdminIT.PASSWORD);
    assertThat(
            attach(
                    office,
                    id,
                    Map.of("photo1", Map.entry("r.jpg", TestPhotos.phoneJpeg(900, 700, 1))),
                    Map.of("alt1", "将被移除"))
                .statusCode())
        .isEqualTo(303);
    String photo = photoIds(portal.get("/activities/" + id).body()).get(0);
    assertThat(portal.get("/photos/" + photo + "/thumb.jpg").statusCode()).isEqualTo(200);
    AdminIT.Office kangbashi = new AdminIT.Office(portal).signIn("kangbashi", AdminIT.PASSWORD);
    kangbashi.get("/admin");
    assertThat(
            kangbashi
                .post("/admin/photos/" + photo + "/retire", Map.of("csrf", kangbashi.csrf))
                .statusCode())
        .isEqualTo(403);
    assertThat(portal.get("/photos/" + photo + "/thumb.jpg").statusCode()).isEqualTo(200);
    office.get("/admin/activities/" + id);
    HttpResponse<String> retired =
        office.post("/admin/photos/" + photo + "/retire", Map.of("csrf", office.csrf));
    assertThat(retired.statusCode()).isEqualTo(303);
    assertThat(portal.get("/photos/" + photo + "/thumb.jpg").statusCode()).isEqualTo(404);
    assertThat(photoIds(portal.get("/activities/" + id).body())).isEmpty();
  }

  @Test
  void theGalleryInABrowserShowsEveryPhotoWithItsTextAndNoConsoleErrors() throws Exception {
    String id = activity("150602", 3).path("id").asText();
    AdminIT.Office office = new AdminIT.Office(portal).signIn("dongsheng", AdminIT.PASSWORD);
    assertThat(
            attach(
                    office,
                    id,
                    Map.of(
                        "photo1",
                        Map.entry("g1.jpg", TestPhotos.phoneJpeg(1000, 750, 1)),
                        "photo2",
                        Map.entry("g2.png", TestPhotos.png(600, 800))),
                    Map.of("alt1", "清理河道垃圾", "alt2", "活动海报"))
                .statusCode())
        .isEqualTo(303);
    String team = find(portal.get("/activities/" + id).body(), "href=\"/teams/([\\w-]+)\"");
    ChromeDriver browser = Browser.open(1280, 900);
    try {
      for (String path : List.of("/teams/" + team + "/photos", "/activities/" + id)) {
        browser.get(portal.url(path));
        // the photos (the mini-map's basemap tiles are not photos)
        List<WebElement> imgs = browser.findElements(By.cssSelector("main img:not(.leaflet-tile)"));
        assertThat(imgs).as(path).hasSizeGreaterThanOrEqualTo(2);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
            .until(
                d ->
                    imgs.stream()
                        .allMatch(
                            i ->
                                Boolean.TRUE.equals(
                                    browser.executeScript(
                                        "return arguments[0].complete && arguments[0].naturalWidth > 0",
                                        i))));
        for (WebElement img : imgs) {
          assertThat(img.getAttribute("alt")).as("%s: alt text", path).isNotBlank();
        }
        assertThat(browser.findElements(By.cssSelector("img[alt='清理河道垃圾']"))).isNotEmpty();
        assertThat(Browser.axeViolations(browser)).as("axe-core on %s", path).isEmpty();
        Browser.assertNoConsoleErrors(browser);
      }
    } finally {
      browser.quit();
    }
  }
}
