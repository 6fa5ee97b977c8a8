package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An office in headless Chromium: signs in, uploads its weekly summary, reads the report, confirms,
 * edits, sees the audit log.
 */
@Tag("integration")
class AdminBrowserIT {

  @Test
  void anOfficeUploadsItsWeeklySummaryAndEditsAnActivity() throws Exception {
    Path data = Files.createTempDirectory("vsmap-admin-browser-").resolve("data");
    try (RunningPortal first = RunningPortal.start(data)) {
      assertThat(first.get("/health").statusCode()).isEqualTo(200);
    }
    assertThat(
            AdminIT.cli(
                    data, "account", "add", "dongsheng", "--role", "office", "--region", "150602")
                .exit())
        .isZero();
    try (RunningPortal portal = RunningPortal.start(data)) {
      ChromeDriver browser = Browser.open(1280, 900);
      try {
        // a page being replaced by the next one leaves stale elements behind: keep waiting through
        // them
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        browser.get(portal.url("/admin"));
        wait.until(d -> d.getCurrentUrl().endsWith("/admin/login"));
        browser.findElement(By.id("username")).sendKeys("dongsheng");
        browser.findElement(By.id("password")).sendKeys("wrong password!!");
        browser.findElement(By.cssSelector("form.admin-form button")).click();
        wait.until(
            d ->
                d.findElement(By.cssSelector("p.error"))
                    .getText()
                    .contains("Wrong user name or password"));
        browser.findElement(By.id("username")).sendKeys("dongsheng");
        browser.findElement(By.id("password")).sendKeys(AdminIT.PASSWORD);
        browser.findElement(By.cssSelector("form.admin-form button")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/admin"));

        new Select(browser.findElement(By.id("kind"))).selectByValue("report");
        browser
            .findElement(By.id("file"))
            .sendKeys(
                OfficeDataIT.SAMPLES
                    .resolve("汇总表-东胜区-样例.gbk.csv")
                    .toAbsolutePath()
                    .normalize()
                    .toString());
        browser.findElement(By.cssSelector("form[action='/admin/upload'] button")).click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("检查结果"));
        String report = browser.findElement(By.tagName("main")).getText();
        assertThat(report).contains("GB18030").contains("活动 / Activity").contains("位置为近似");
        browser.findElement(By.cssSelector("form[action$='/confirm'] button")).click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("已写入"));

        browser.get(portal.url("/admin/audit"));
        assertThat(browser.findElement(By.cssSelector("table.audit")).getText())
            .contains("dongsheng")
            .contains("CREATE");

        browser.get(portal.url("/admin/teams/tm-150602"));
        var members = browser.findElement(By.id("f-member_count"));
        members.clear();
        members.sendKeys("77");
        browser.findElement(By.cssSelector("form.admin-form button")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/teams/tm-150602"));
        // the address changes before the team's page replaces the form: read the page once it is
        // there (CI once read the form's
        // element as the new page arrived: stale)
        String teamPage =
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(
                    d -> {
                      return d.findElements(By.cssSelector("form.admin-form")).isEmpty()
                          ? d.findElement(By.tagName("main")).getText()
                          : null;
                    });
        assertThat(teamPage).contains("77");

        browser.get(portal.url("/admin/stations/st-150603-hall"));
        assertThat(browser.findElement(By.tagName("main")).getText())
            .contains("403")
            .contains("may only change records in region 150602");

        List<LogEntry> severe =
            browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(
                    e ->
                        !e.getMessage().contains("status of 401")
                            && !e.getMessage().contains("status of 403")
                            // the default basemap's tiles: no internet where the tests run
                            && !e.getMessage().startsWith(Browser.DEFAULT_TILE_HOST))
                .toList();
        assertThat(severe).as("console errors").isEmpty();
      } finally {
        browser.quit();
      }
    }
  }
}
