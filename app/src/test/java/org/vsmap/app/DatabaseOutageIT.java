package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vsmap.pipeline.store.PostgisCluster;

/**
 * Issue 9: the PostgreSQL server stopped under traffic. Public reads the index answers (search,
 * nearby, clusters, tiles) keep answering 200 throughout; /health says DEGRADED with the reason;
 * the admin pages answer 503 at once with a clear message and change nothing; once the server is
 * back the node recovers by itself: /health UP, sign-in and edits work, and an edit is searchable.
 */
@Tag("integration")
class DatabaseOutageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> READS =
      List.of(
          "/api/search?q=" + URLEncoder.encode("图书馆", StandardCharsets.UTF_8),
          "/api/nearby?lat=39.61&lon=109.78&kind=station&limit=10",
          "/api/clusters?z=12&bbox=109.6,39.5,110.0,39.7",
          "/tiles/stations/10/827/388.mvt",
          "/api/suggest?q=" + URLEncoder.encode("东胜", StandardCharsets.UTF_8));

  @Test
  void readsGoOnWritesGet503AndTheNodeRecoversByItself() throws Exception {
    PostgisCluster pg = PostgisCluster.requirePrivate();
    String url = pg.createDatabase("vsmap_outage");
    String[] db = {"--db", url, "--db-user", pg.user()};
    Path data = Files.createTempDirectory("vsmap-outage-").resolve("data");
    // no per-client limit: the test's steady traffic comes from one address
    try (RunningPortal portal =
        RunningPortal.start(data, "--db", url, "--db-user", pg.user(), "--rate-limit", "0")) {
      List<String> add =
          new java.util.ArrayList<>(List.of("account", "add", "outage", "--role", "admin"));
      add.addAll(List.of(db));
      assertThat(AdminIT.cli(data, add.toArray(String[]::new)).exit()).isZero();
      for (String path : READS) {
        assertThat(portal.get(path).statusCode()).as(path).isEqualTo(200);
      }
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger answered = new AtomicInteger();
      Map<String, String> failures = new ConcurrentHashMap<>();
      Thread traffic =
          new Thread(
              () -> {
                for (int i = 0; running.get(); i++) {
                  String path = READS.get(i % READS.size());
                  try {
                    HttpResponse<String> r = portal.get(path);
                    if (r.statusCode() != 200) {
                      failures.putIfAbsent(path, r.statusCode() + " " + r.body());
                    }
                    answered.incrementAndGet();
                  } catch (Exception e) {
                    failures.putIfAbsent(path, e.toString());
                  }
                }
              },
              "public-traffic");
      traffic.start();
      try {
        Thread.sleep(1000);
        pg.stopServer();
        long t0 = System.nanoTime();
        JsonNode health = health(portal);
        while (!health.path("status").asText().equals("DEGRADED")) {
          assertThat(System.nanoTime() - t0)
              .as("/health says DEGRADED within 20 s")
              .isLessThan(TimeUnit.SECONDS.toNanos(20));
          Thread.sleep(200);
          health = health(portal);
        }
        System.out.printf(
            "DEGRADED after %.1f s: %s%n",
            (System.nanoTime() - t0) / 1e9, health.path("detail").asText());
        assertThat(health.path("detail").asText())
            .contains("database cannot be reached")
            .doesNotContain("SELECT")
            .doesNotContain("statement");
        assertThat(health.path("stations").asLong())
            .as("counts still come from the index")
            .isPositive();

        long w0 = System.nanoTime();
        AdminIT.Office office = new AdminIT.Office(portal);
        HttpResponse<String> login = office.get("/admin/login");
        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(login.body()).contains("数据库暂时无法连接").contains("nothing was changed");
        assertThat(login.headers().firstValue("Retry-After")).hasValue("30");
        HttpResponse<String> write =
            office.post("/admin/stations/st-150602-library", Map.of("csrf", "x", "name", "停电时改名"));
        assertThat(write.statusCode()).isEqualTo(503);
        assertThat((System.nanoTime() - w0) / 1e9)
            .as("refused at once, not after a timeout, seconds")
            .isLessThan(2);
        int during = answered.get();
        Thread.sleep(3000);
        assertThat(answered.get() - during)
            .as("public reads answered in 3 s of outage")
            .isGreaterThan(20);
        assertThat(failures).as("public reads that failed during the outage").isEmpty();

        pg.startServer();
        long r0 = System.nanoTime();
        while (!health(portal).path("status").asText().equals("UP")) {
          assertThat(System.nanoTime() - r0)
              .as("UP again within 30 s of the database's return")
              .isLessThan(TimeUnit.SECONDS.toNanos(30));
          Thread.sleep(200);
        }
        System.out.printf(
            "UP again %.1f s after the database returned%n", (System.nanoTime() - r0) / 1e9);
      } finally {
        running.set(false);
        traffic.join(30_000);
      }
      assertThat(failures).as("public reads that failed at any time").isEmpty();
      AdminIT.Office admin = new AdminIT.Office(portal).signIn("outage", AdminIT.PASSWORD);
      Map<String, String> form =
          AdminIT.formValues(admin.get("/admin/stations/st-150602-library").body());
      assertThat(form.get("name")).as("the refused write changed nothing").isNotEqualTo("停电时改名");
      form.put("csrf", admin.csrf);
      form.put("name", "恢复后改名站");
      assertThat(admin.post("/admin/stations/st-150602-library", form).statusCode()).isEqualTo(302);
      long e0 = System.nanoTime();
      while (JSON.readTree(
                  portal
                      .get("/api/search?q=" + URLEncoder.encode("恢复后改名站", StandardCharsets.UTF_8))
                      .body())
              .path("total")
              .asLong()
          == 0) {
        assertThat(System.nanoTime() - e0)
            .as("the edit after recovery is searchable")
            .isLessThan(TimeUnit.SECONDS.toNanos(5));
        Thread.sleep(100);
      }
    }
  }

  private static JsonNode health(RunningPortal portal) throws Exception {
    HttpResponse<String> r = portal.get("/health");
    assertThat(r.statusCode())
        .as("/health while serving from the index: %s", r.body())
        .isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
