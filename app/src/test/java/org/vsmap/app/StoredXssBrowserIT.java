package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 9: stored XSS. Markup is put into every free-text field a record has — a station's name,
 * address, opening hours and services through the importer, a team's name and an activity's title
 * through the admin forms (themes, types and codes are checked against their lists, so they cannot
 * carry any) — and every place that shows them is opened in headless Chromium: the detail pages,
 * the results list and the map popup, the embedded widget and the admin's edit form (a team's unit
 * and speciality and an activity's description go in through the forms too). Each must show the
 * markup as text, create no element from it and run none of it (the CSP would stop a script anyway,
 * so the DOM is checked, not only whether the payload ran).
 */
@Tag("integration")
class StoredXssBrowserIT {
  private static final String MARK =
      "<img src=x onerror=window.__xss=1><script>window.__xss=2</script>";

  @Test
  void markupInEveryTextFieldIsShownAsTextEverywhere() throws Exception {
    Path data = Files.createTempDirectory("vsmap-xss-").resolve("data");
    try (RunningPortal first = RunningPortal.start(data)) {
      assertThat(first.get("/health").statusCode()).isEqualTo(200);
    }
    String csv =
        "站点名称,行政区划代码,经度,纬度,地址,开放时间,服务内容\n"
            + String.join(
                ",",
                q("毒站" + MARK),
                "150602",
                "109.9631",
                "39.8201",
                q("地址" + MARK),
                q("时间" + MARK),
                q("服务" + MARK))
            + "\n";
    Path file = Files.writeString(data.getParent().resolve("xss.csv"), csv);
    RunningPortal.Outcome imported =
        RunningPortal.cli(
            "import",
            file.toString(),
            "--kind",
            "station",
            "--crs",
            "wgs84",
            "--data-dir",
            data.toString());
    assertThat(imported.exit()).as(imported.out()).isZero();
    // an honour whose title and citation carry markup, for a demo station
    Path honours =
        Files.writeString(
            data.getParent().resolve("honours.csv"),
            "荣誉名称,年度,级别,授予单位,对象类型,对象编号,事迹简介\n"
                + String.join(
                    ",",
                    q("毒荣誉" + MARK),
                    "2025",
                    "市级",
                    q("单位" + MARK),
                    "站点",
                    "st-150602-park",
                    q("事迹" + MARK))
                + "\n");
    RunningPortal.Outcome honoured =
        RunningPortal.cli(
            "import", honours.toString(), "--kind", "honours", "--data-dir", data.toString());
    assertThat(honoured.exit()).as(honoured.out()).isZero();
    assertThat(AdminIT.cli(data, "account", "add", "xssadmin", "--role", "admin").exit()).isZero();
    try (RunningPortal portal = RunningPortal.start(data)) {
      String station = firstId(portal, "station", "毒站");
      AdminIT.Office admin = new AdminIT.Office(portal).signIn("xssadmin", AdminIT.PASSWORD);
      String team = firstId(portal, "team", "志愿");
      Map<String, String> t = AdminIT.formValues(admin.get("/admin/teams/" + team).body());
      t.put("csrf", admin.csrf);
      t.put("name", "毒队" + MARK);
      t.put("supervising_unit", "单位" + MARK);
      t.put("speciality", "特长" + MARK);
      assertThat(admin.post("/admin/teams/" + team, t).statusCode()).isEqualTo(302);
      String activity = firstId(portal, "activity", "志愿");
      Map<String, String> a = AdminIT.formValues(admin.get("/admin/activities/" + activity).body());
      a.put("csrf", admin.csrf);
      a.put("title", "毒活动" + MARK);
      a.put("description", "描述" + MARK);
      assertThat(admin.post("/admin/activities/" + activity, a).statusCode()).isEqualTo(302);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (firstId(portal, "activity", "毒活动").isEmpty()) {
        assertThat(System.nanoTime()).as("the edits reach the index").isLessThan(deadline);
        Thread.sleep(100);
      }

      ChromeDriver browser = Browser.open(1280, 900);
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        for (String[] page :
            new String[][] {
              {"/stations/" + station, "毒站", "地址", "时间", "服务"},
              {"/teams/" + team, "毒队", "单位", "特长"},
              {"/activities/" + activity, "毒活动", "描述"}
            }) {
          browser.get(portal.url(page[0]));
          for (int i = 1; i < page.length; i++) {
            assertShownAsText(browser, page[i], page[0]);
          }
        }
        // the honour: its page, the badge on the station, the map's list; the calendar (from the
        // activity's day) and its poster
        String day =
            new ObjectMapper()
                .readTree(
                    portal
                        .get(
                            "/api/search?kind=activity&q="
                                + URLEncoder.encode("毒活动", StandardCharsets.UTF_8))
                        .body())
                .path("hits")
                .path(0)
                .path("start")
                .asText()
                .substring(0, 10);
        String from =
            java.time.LocalDate.parse(day).isBefore(RunningPortal.TODAY)
                ? RunningPortal.TODAY.toString()
                : day;
        for (String[] page :
            new String[][] {
              {"/honours", "毒荣誉", "单位", "事迹"},
              {"/stations/st-150602-park", "毒荣誉"},
              {
                "/activities?view=list&d="
                    + from
                    + "&q="
                    + URLEncoder.encode("毒活动", StandardCharsets.UTF_8),
                "毒活动"
              },
              {"/activities/" + activity + "/poster", "毒活动", "描述"}
            }) {
          browser.get(portal.url(page[0]));
          for (int i = 1; i < page.length; i++) {
            assertShownAsText(browser, page[i], page[0]);
          }
        }
        browser.get(portal.url("/?q=" + URLEncoder.encode("人民公园", StandardCharsets.UTF_8)));
        wait.until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-loaded")));
        assertShownAsText(browser, "毒荣誉", "the map's list with the honour badge");
        for (String path : new String[] {"/?q=", "/embed?q="}) {
          for (String word : new String[] {"毒站", "毒队", "毒活动"}) {
            browser.get(portal.url(path + URLEncoder.encode(word, StandardCharsets.UTF_8)));
            wait.until(d -> "true".equals(d.findElement(By.id("map")).getAttribute("data-loaded")));
            WebElement item =
                wait.until(
                    d ->
                        d.findElements(By.cssSelector("#results li")).stream()
                            .findFirst()
                            .orElse(null));
            assertThat(item.getText()).as("%s%s list", path, word).contains(word + "<img src=x");
            item.findElement(By.cssSelector(".show-on-map")).click();
            // the popup is filled as it opens: wait for its text, then check it
            WebElement popup =
                wait.until(
                    d ->
                        d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
                            .filter(p -> p.getText().contains(word))
                            .findFirst()
                            .orElse(null));
            assertThat(popup.getText()).as("%s%s popup", path, word).contains(word + "<img src=x");
            assertShownAsText(browser, word, path + word);
          }
        }
        browser.get(portal.url("/admin/login"));
        browser.findElement(By.name("username")).sendKeys("xssadmin");
        browser.findElement(By.name("password")).sendKeys(AdminIT.PASSWORD);
        browser
            .findElement(By.cssSelector("form button[type=submit], form input[type=submit]"))
            .click();
        wait.until(d -> d.getCurrentUrl().endsWith("/admin"));
        for (String[] edit :
            new String[][] {
              {"/admin/stations/" + station, "name", "毒站"},
              {"/admin/teams/" + team, "name", "毒队"},
              {"/admin/activities/" + activity, "title", "毒活动"}
            }) {
          browser.get(portal.url(edit[0]));
          assertThat(browser.findElement(By.name(edit[1])).getAttribute("value"))
              .as(edit[0])
              .isEqualTo(edit[2] + MARK);
          assertNothingRan(browser, edit[0]);
        }
        Browser.assertNoConsoleErrors(browser);
      } finally {
        browser.quit();
      }
    }
  }

  /**
   * The text is on the page with the markup as characters, and nothing from it became an element or
   * ran.
   */
  private static void assertShownAsText(ChromeDriver browser, String word, String where) {
    assertThat(browser.findElement(By.tagName("body")).getText())
        .as(where)
        .contains(word + "<img src=x onerror=window.__xss=1>");
    assertNothingRan(browser, where);
  }

  private static void assertNothingRan(ChromeDriver browser, String where) {
    JavascriptExecutor js = browser;
    assertThat(
            js.executeScript(
                "return document.querySelectorAll('img[src=\"x\"], [onerror], "
                    + "script:not([src]):not([type=\"application/ld+json\"])').length"))
        .as("elements made from the markup on %s", where)
        .isEqualTo(0L);
    // the structured data holds the same text and must stay one whole JSON document (a "</script>"
    // in it would end it early)
    assertThat(
            js.executeScript(
                "return Array.from(document.querySelectorAll('script[type=\"application/ld+json\"]'))"
                    + ".every(function (s) { try { JSON.parse(s.textContent); return true; } catch (e) { return false; } })"))
        .as("structured data of %s parses", where)
        .isEqualTo(true);
    assertThat(js.executeScript("return window.__xss === undefined"))
        .as("nothing ran on %s", where)
        .isEqualTo(true);
  }

  private static String firstId(RunningPortal portal, String kind, String q) throws Exception {
    return new ObjectMapper()
        .readTree(
            portal
                .get(
                    "/api/search?limit=1&kind="
                        + kind
                        + "&q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .body())
        .path("hits")
        .path(0)
        .path("id")
        .asText();
  }

  private static String q(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
