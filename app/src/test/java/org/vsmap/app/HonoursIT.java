package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 10, honours: an office's list through the import command (refused with row and column, then
 * accepted), the /honours page by year, badges on pages, the map's answers and popups' data, the
 * honours dataset (CSV and GeoJSON read back, OGC API), editing in the admin within the office's
 * region, a volunteer's name only with consent — against the packaged jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class HonoursIT {
  private static final String LIST =
      "荣誉名称,年度,级别,授予单位,对象类型,对象编号,区划代码,志愿者姓名,本人同意公开姓名,事迹简介\n"
          + "最美志愿服务站,2024,市级,鄂尔多斯市文明办,站点,st-150602-park,,,,公园站常年服务\n"
          + "最美志愿者,2024,区级,东胜区文明办,志愿者,tm-150602001002,,赵同意,是,同意公开姓名的志愿者\n"
          + "最美志愿者,2024,区级,东胜区文明办,志愿者,tm-150602001002,,,,未同意公开姓名的志愿者\n"
          + "最佳志愿服务组织,2024,市级,鄂尔多斯市文明办,组织,tm-150603,,,,康巴什区的队伍\n";
  private Path data;
  private RunningPortal portal;

  @BeforeAll
  void start() throws Exception {
    data = Files.createTempDirectory("vsmap-honours-").resolve("data");
    try (RunningPortal first = RunningPortal.start(data)) {
      assertThat(first.get("/health").statusCode()).isEqualTo(200);
    }
    // a name without consent: refused with its row and column, nothing written
    Path bad =
        Files.writeString(data.getParent().resolve("bad.csv"), LIST.replace("赵同意,是", "赵同意,否"));
    RunningPortal.Outcome refused =
        RunningPortal.cli(
            "import", bad.toString(), "--kind", "honours", "--data-dir", data.toString());
    assertThat(refused.exit()).as(refused.out()).isEqualTo(1);
    assertThat(refused.out())
        .contains("row 3")
        .contains("志愿者姓名")
        .contains("only with the volunteer's consent");
    Path good = Files.writeString(data.getParent().resolve("honours.csv"), LIST);
    RunningPortal.Outcome imported =
        RunningPortal.cli(
            "import", good.toString(), "--kind", "honours", "--data-dir", data.toString());
    assertThat(imported.exit()).as(imported.out()).isZero();
    assertThat(
            AdminIT.cli(
                    data, "account", "add", "dongsheng", "--role", "office", "--region", "150602")
                .exit())
        .isZero();
    portal = RunningPortal.start(data);
  }

  @AfterAll
  void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  @Test
  void theHonoursPageListsThemByYearAndNamesOnlyVolunteersWhoAgreed() throws Exception {
    String page = portal.get("/honours").body();
    assertThat(page)
        .contains("2024 年度")
        .contains("最美志愿服务站")
        .contains("赵同意")
        .contains("一名志愿者（本人未同意公开姓名）")
        .contains("href=\"/stations/st-150602-park\"")
        .contains("href=\"/teams/tm-150603\"");
    assertThat(page.indexOf("2025 年度"))
        .as("the demo's newer year first")
        .isBetween(0, page.indexOf("2024 年度"));
    String only2024 = portal.get("/honours?year=2024").body();
    assertThat(only2024).contains("赵同意").doesNotContain("2025 年度");
    String kangbashi = portal.get("/honours?region=150603").body();
    assertThat(kangbashi).contains("href=\"/teams/tm-150603\"").doesNotContain("st-150602-park");
    assertThat(portal.get("/honours?year=last").statusCode()).isEqualTo(400);
    assertThat(portal.get("/honours?region=abc").statusCode()).isEqualTo(400);
    assertThat(portal.get("/honours?colour=red").statusCode()).isEqualTo(400);
  }

  @Test
  void badgesOnDetailPagesAndInTheMapsAnswers() throws Exception {
    assertThat(portal.get("/stations/st-150602-park").body())
        .contains("class=\"badge-honour\"")
        .contains("2024 最美志愿服务站（市级）");
    assertThat(portal.get("/teams/tm-150602001002").body())
        .contains("2024 队员赵同意 最美志愿者（区县级）")
        .contains("2024 队员最美志愿者（区县级）");
    assertThat(portal.get("/stations/st-150602-library").body())
        .as("the demo's honour")
        .contains("优秀志愿服务站");
    assertThat(portal.get("/stations/st-150603-park").body())
        .doesNotContain("class=\"badge-honour\"");
    // the search answer and the map's points carry the same lines
    JsonNode hits =
        new ObjectMapper()
            .readTree(portal.get("/api/search?kind=station&region=150602&limit=100").body())
            .path("hits");
    JsonNode park = null;
    for (JsonNode h : hits) {
      if (h.path("id").asText().equals("st-150602-park")) {
        park = h;
      }
    }
    assertThat(park).isNotNull();
    assertThat(park.path("honours").get(0).asText()).isEqualTo("2024 最美志愿服务站（市级）");
    double lon = park.path("lon").asDouble();
    double lat = park.path("lat").asDouble();
    String box = (lon - 0.002) + "," + (lat - 0.002) + "," + (lon + 0.002) + "," + (lat + 0.002);
    JsonNode features =
        new ObjectMapper()
            .readTree(portal.get("/api/clusters?kind=station&z=18&bbox=" + box).body())
            .path("features");
    boolean found = false;
    for (JsonNode f : features) {
      if (f.path("properties").path("id").asText().equals("st-150602-park")) {
        found = true;
        assertThat(f.path("properties").path("honours").get(0).asText())
            .isEqualTo("2024 最美志愿服务站（市级）");
      }
    }
    assertThat(found).as("the station is a point of its own at z18").isTrue();
    assertThat(
            portal.get("/?q=" + java.net.URLEncoder.encode("人民公园", StandardCharsets.UTF_8)).body())
        .as("the server-rendered list")
        .contains("2024 最美志愿服务站（市级）");
  }

  @Test
  void theHonoursDatasetDownloadsAndServesAsOgcFeatures() throws Exception {
    HttpResponse<byte[]> csv =
        RunningPortal.HTTP.send(
            HttpRequest.newBuilder(URI.create(portal.url("/data/honours.csv"))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(csv.statusCode()).isEqualTo(200);
    List<Map<String, String>> rows = DownloadsIT.csv(csv.body());
    assertThat(rows).hasSize(10 + 4);
    assertThat(rows)
        .filteredOn(r -> !r.get("volunteer_name").isEmpty())
        .extracting(r -> r.get("volunteer_name"))
        .containsExactly("赵同意");
    assertThat(rows).filteredOn(r -> r.get("subject").equals("VOLUNTEER")).hasSize(4);
    assertThat(rows)
        .filteredOn(r -> r.get("id").startsWith("hn-demo"))
        .allMatch(r -> r.get("synthetic").equals("true"));
    JsonNode geo = new ObjectMapper().readTree(portal.get("/data/honours.geojson").body());
    assertThat(geo.path("features")).hasSize(14);
    JsonNode park = null;
    for (JsonNode f : geo.path("features")) {
      if ("st-150602-park".equals(f.path("properties").path("subject_id").asText())) {
        park = f;
      }
    }
    JsonNode station =
        new ObjectMapper()
            .readTree(portal.get("/ogc/collections/stations/items/st-150602-park").body());
    assertThat(park.path("geometry").path("coordinates"))
        .as("at the honoured station")
        .isEqualTo(station.path("geometry").path("coordinates"));
    JsonNode items =
        new ObjectMapper().readTree(portal.get("/ogc/collections/honours/items?limit=100").body());
    assertThat(items.path("numberMatched").asInt()).isEqualTo(14);
    assertThat(
            new ObjectMapper()
                .readTree(portal.get("/ogc/collections/honours/items?year=2024").body())
                .path("numberMatched")
                .asInt())
        .as("as the download counts them")
        .isEqualTo((int) rows.stream().filter(r -> r.get("year").equals("2024")).count())
        .isGreaterThanOrEqualTo(4);
    assertThat(portal.get("/data").body()).contains("href=\"/data/honours\"");
    assertThat(portal.get("/data/honours").body())
        .contains("volunteer_name")
        .contains("志愿者姓名（仅在本人同意公开时）");
    assertThat(portal.get("/catalog.jsonld").body()).contains("/data/honours");
  }

  @Test
  void anOfficeEditsItsDistrictsHonoursAndANameNeedsConsent() throws Exception {
    AdminIT.Office office = new AdminIT.Office(portal).signIn("dongsheng", AdminIT.PASSWORD);
    String list = office.get("/admin/honours").body();
    assertThat(list).contains("st-150602-park").doesNotContain("tm-150603");
    String id =
        AdminIT.matcher(
            "<td>站点 st-150602-park</td><td>150602</td><td><a href=\"/admin/honours/([\\w-]+)\">",
            list);
    Map<String, String> form = AdminIT.formValues(office.get("/admin/honours/" + id).body());
    form.put("csrf", office.csrf);
    form.put("title", "最美志愿服务站（改）");
    form.put("citation", "修改后的事迹");
    assertThat(office.post("/admin/honours/" + id, form).statusCode()).isEqualTo(302);
    waitFor(() -> portal.get("/honours").body().contains("最美志愿服务站（改）"));
    // a volunteer's honour: a name only with consent
    String volunteer =
        AdminIT.matcher(
            "<td>志愿者 tm-150602001002</td><td>150602001002</td><td><a href=\"/admin/honours/([\\w-]+)\">",
            office.get("/admin/honours").body());
    String anonymous = volunteer;
    Map<String, String> named =
        AdminIT.formValues(office.get("/admin/honours/" + anonymous).body());
    named.put("csrf", office.csrf);
    named.put("volunteer_name", "钱未同意");
    named.put("consent", "no");
    HttpResponse<String> refused = office.post("/admin/honours/" + anonymous, named);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("only with the volunteer&#39;s consent");
    assertThat(portal.get("/honours").body()).doesNotContain("钱未同意");
    // the honoured station moves: its honour's point follows (downloads and OGC read it)
    Map<String, String> station =
        AdminIT.formValues(office.get("/admin/stations/st-150602-park").body());
    station.put("csrf", office.csrf);
    station.put("lon", "109.990000");
    station.put("lat", "39.820000");
    assertThat(office.post("/admin/stations/st-150602-park", station).statusCode()).isEqualTo(302);
    JsonNode moved =
        new ObjectMapper()
            .readTree(portal.get("/ogc/collections/honours/items?subject_id=st-150602-park").body())
            .path("features")
            .get(0)
            .path("geometry")
            .path("coordinates");
    assertThat(moved.get(0).asDouble()).isEqualTo(109.99);
    assertThat(moved.get(1).asDouble()).isEqualTo(39.82);
    // another district's honour: 403, unchanged
    String other = honourIdOf("tm-150603");
    assertThat(office.get("/admin/honours/" + other).statusCode()).isEqualTo(403);
    Map<String, String> foreign =
        Map.of(
            "csrf", office.csrf, "title", "篡改", "year", "2024", "level", "CITY", "awarded_by", "x");
    assertThat(office.post("/admin/honours/" + other, foreign).statusCode()).isEqualTo(403);
    assertThat(portal.get("/honours").body()).doesNotContain("篡改");
  }

  private String honourIdOf(String subjectId) throws Exception {
    JsonNode items =
        new ObjectMapper()
            .readTree(portal.get("/ogc/collections/honours/items?subject_id=" + subjectId).body());
    return items.path("features").get(0).path("id").asText();
  }

  private static void waitFor(java.util.concurrent.Callable<Boolean> done) throws Exception {
    long until = System.currentTimeMillis() + 5_000; // the honours are kept for two seconds
    while (!done.call()) {
      assertThat(System.currentTimeMillis()).as("within 5 s").isLessThan(until);
      Thread.sleep(100);
    }
  }

  @Test
  void theHonoursPageInABrowser() throws Exception {
    ChromeDriver browser = Browser.open(1280, 900);
    try {
      browser.get(portal.url("/honours"));
      assertThat(browser.findElements(org.openqa.selenium.By.cssSelector(".honour-list li")))
          .hasSizeGreaterThanOrEqualTo(14);
      assertThat(Browser.axeViolations(browser)).as("axe-core on /honours").isEmpty();
      Browser.assertNoConsoleErrors(browser);
      browser.get(portal.url("/stations/st-150602-park"));
      assertThat(
              browser.findElement(org.openqa.selenium.By.cssSelector("li.badge-honour")).getText())
          .contains("最美志愿服务站");
      Browser.assertNoConsoleErrors(browser);
      // on the map: the honoured station's marker wears the badge and says the honour to a screen
      // reader
      JsonNode park =
          new ObjectMapper()
              .readTree(portal.get("/ogc/collections/stations/items/st-150602-park").body())
              .path("geometry")
              .path("coordinates");
      browser.get(
          portal.url(
              "/?kind=station&lat="
                  + park.get(1).asText()
                  + "&lon="
                  + park.get(0).asText()
                  + "&z=17"));
      var marker =
          new org.openqa.selenium.support.ui.WebDriverWait(
                  browser, java.time.Duration.ofSeconds(20))
              .until(
                  d ->
                      d
                          .findElements(
                              org.openqa.selenium.By.cssSelector(".vs-marker.vs-honoured"))
                          .stream()
                          .findFirst()
                          .orElse(null));
      assertThat(marker.getAttribute("aria-label"))
          .contains("东胜区人民公园")
          .contains("2024 最美志愿服务站（市级）");
      assertThat(marker.findElements(org.openqa.selenium.By.cssSelector(".honour-mark")))
          .hasSize(1);
      marker.click();
      // the popup fades in: wait until its badge is shown (an element still at opacity 0 has no
      // visible text)
      var popup =
          new org.openqa.selenium.support.ui.WebDriverWait(
                  browser, java.time.Duration.ofSeconds(10))
              .until(
                  d ->
                      d
                          .findElements(
                              org.openqa.selenium.By.cssSelector(
                                  ".leaflet-popup-content .badge-honour"))
                          .stream()
                          .filter(e -> !e.getText().isEmpty())
                          .findFirst()
                          .orElse(null));
      assertThat(popup.getText()).isEqualTo("2024 最美志愿服务站（市级）");
      Browser.assertNoConsoleErrors(browser);
    } finally {
      browser.quit();
    }
  }
}
