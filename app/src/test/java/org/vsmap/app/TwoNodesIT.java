package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vsmap.pipeline.store.PostgisCluster;

/**
 * PostGIS mode with several nodes (issue 8): two portals, each with its own data directory (its own
 * search index), on one PostgreSQL + PostGIS database. An edit made on one is answered by the other
 * within seconds (each node follows the store's change log); a node that was down while an edit was
 * made has it as soon as it is ready again (it catches up from the last change its index holds).
 */
@Tag("integration")
class TwoNodesIT {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anEditOnOneNodeIsSeenOnTheOtherWithinSecondsAndANodeThatWasDownCatchesUp() throws Exception {
    PostgisCluster pg = PostgisCluster.require();
    String url = pg.createDatabase("vsmap_nodes");
    String[] db = {"--db", url, "--db-user", pg.user()};
    Path root = Files.createTempDirectory("vsmap-nodes-");
    String id = "st-150621-library";
    try (RunningPortal a =
        RunningPortal.start(root.resolve("a"), db)) { // fills the empty database with the demo set
      List<String> add = new ArrayList<>(List.of("account", "add", "nodeadmin", "--role", "admin"));
      add.addAll(List.of(db));
      assertThat(AdminIT.cli(root.resolve("a"), add.toArray(String[]::new)).out())
          .contains("account nodeadmin created");
      AdminIT.Office admin = new AdminIT.Office(a).signIn("nodeadmin", AdminIT.PASSWORD);
      try (RunningPortal b = RunningPortal.start(root.resolve("b"), db)) {
        assertThat(total(b, "双节点甲站")).isZero();
        rename(admin, id, "双节点甲站");
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(5);
        while (total(b, "双节点甲站") == 0) {
          assertThat(System.nanoTime())
              .as("node b answers node a's edit within 5 s")
              .isLessThan(deadline);
          Thread.sleep(50);
        }
        System.out.printf(
            "node b saw node a's edit after %.2f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(b.get("/stations/" + id).body()).contains("双节点甲站");
      }
      rename(admin, id, "双节点乙站"); // while b is down
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (total(a, "双节点乙站") == 0) {
        assertThat(System.nanoTime()).as("node a answers its own edit").isLessThan(deadline);
        Thread.sleep(50);
      }
      try (RunningPortal b = RunningPortal.start(root.resolve("b"), db)) {
        assertThat(total(b, "双节点乙站")).as("caught up before answering").isEqualTo(1);
        assertThat(total(b, "双节点甲站")).isZero();
        assertThat(b.output()).contains("catching up");
      }
    }
  }

  private static void rename(AdminIT.Office admin, String id, String name) throws Exception {
    Map<String, String> form = AdminIT.formValues(admin.get("/admin/stations/" + id).body());
    form.put("csrf", admin.csrf);
    form.put("name", name);
    assertThat(admin.post("/admin/stations/" + id, form).statusCode()).isEqualTo(302);
  }

  private static long total(RunningPortal node, String q) throws Exception {
    JsonNode r =
        JSON.readTree(
            node.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body());
    return r.get("total").asLong();
  }
}
