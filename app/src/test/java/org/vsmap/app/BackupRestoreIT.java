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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vsmap.pipeline.store.PostgisCluster;

/**
 * Issue 9: {@code vsmap backup} and {@code vsmap restore} round trips, embedded and PostGIS — a
 * node restored into a new data directory (and an empty database) answers exactly what the original
 * answered: searches, counts, pages, the published versions byte for byte; and an edit made before
 * the backup is there. Bad uses get one clear line and change nothing.
 */
@Tag("integration")
class BackupRestoreIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anEmbeddedNodeComesBackFromItsBackup() throws Exception {
    Path root = Files.createTempDirectory("vsmap-backup-");
    Path a = root.resolve("a");
    String before;
    try (RunningPortal portal = RunningPortal.start(a)) {
      published(portal);
      before = answers(portal);
      RunningPortal.Outcome busy =
          RunningPortal.cli(
              "backup", "--out", root.resolve("busy.zip").toString(), "--data-dir", a.toString());
      assertThat(busy.exit()).as(busy.out()).isEqualTo(2);
      assertThat(busy.out()).contains("in use by a running portal: stop it first");
      assertThat(root.resolve("busy.zip")).doesNotExist();
    }
    Path zip = root.resolve("node-a.zip");
    RunningPortal.Outcome backup =
        RunningPortal.cli("backup", "--out", zip.toString(), "--data-dir", a.toString());
    assertThat(backup.exit()).as(backup.out()).isZero();
    assertThat(backup.out()).contains("backup written");
    assertThat(
            Files.list(root)
                .map(p -> p.getFileName().toString())
                .filter(n -> n.contains("partial"))
                .toList())
        .isEmpty();

    RunningPortal.Outcome intoUsed =
        RunningPortal.cli("restore", zip.toString(), "--data-dir", a.toString());
    assertThat(intoUsed.exit()).isEqualTo(2);
    assertThat(intoUsed.out()).contains("restore goes into a new data directory");
    Path notZip = Files.writeString(root.resolve("not.zip"), "hello");
    RunningPortal.Outcome bad =
        RunningPortal.cli("restore", notZip.toString(), "--data-dir", root.resolve("x").toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.out()).contains("is not a backup zip");
    RunningPortal.Outcome wrongKind =
        RunningPortal.cli(
            "restore",
            zip.toString(),
            "--data-dir",
            root.resolve("y").toString(),
            "--db",
            "jdbc:postgresql://127.0.0.1:1/none");
    assertThat(wrongKind.out())
        .contains("holds an embedded (H2GIS) store: restore it without --db");

    Path c = root.resolve("c");
    RunningPortal.Outcome restore =
        RunningPortal.cli("restore", zip.toString(), "--data-dir", c.toString());
    assertThat(restore.exit()).as(restore.out()).isZero();
    assertThat(restore.out()).contains("restored store");
    try (RunningPortal portal = RunningPortal.start(c)) {
      assertThat(answers(portal))
          .as("the same answers, the same published versions byte for byte")
          .isEqualTo(before);
    }
  }

  @Test
  void aPostgisNodeComesBackIntoAnEmptyDatabase() throws Exception {
    PostgisCluster pg = PostgisCluster.require();
    String source = pg.createDatabase("vsmap_backup_a");
    Path root = Files.createTempDirectory("vsmap-backup-pg-");
    String before;
    try (RunningPortal portal =
        RunningPortal.start(root.resolve("a"), "--db", source, "--db-user", pg.user())) {
      published(portal);
      before = answers(portal);
      // PostGIS is backed up while the node serves
      Path zip = root.resolve("node-a.zip");
      RunningPortal.Outcome backup =
          RunningPortal.cli(
              "backup",
              "--out",
              zip.toString(),
              "--data-dir",
              root.resolve("a").toString(),
              "--db",
              source,
              "--db-user",
              pg.user());
      assertThat(backup.exit()).as(backup.out()).isZero();
    }
    String target = pg.createDatabase("vsmap_backup_b");
    RunningPortal.Outcome intoEmbedded =
        RunningPortal.cli(
            "restore",
            root.resolve("node-a.zip").toString(),
            "--data-dir",
            root.resolve("e").toString());
    assertThat(intoEmbedded.exit()).isEqualTo(2);
    assertThat(intoEmbedded.out()).contains("holds a PostGIS store");
    RunningPortal.Outcome restore =
        RunningPortal.cli(
            "restore",
            root.resolve("node-a.zip").toString(),
            "--data-dir",
            root.resolve("b").toString(),
            "--db",
            target,
            "--db-user",
            pg.user());
    assertThat(restore.exit()).as(restore.out()).isZero();
    RunningPortal.Outcome again =
        RunningPortal.cli(
            "restore",
            root.resolve("node-a.zip").toString(),
            "--data-dir",
            root.resolve("b2").toString(),
            "--db",
            target,
            "--db-user",
            pg.user());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.out()).contains("holds a vsmap store already");
    try (RunningPortal portal =
        RunningPortal.start(root.resolve("b"), "--db", target, "--db-user", pg.user())) {
      assertThat(answers(portal)).isEqualTo(before);
    }
  }

  /** Waits for the first start's background publish of every dataset. */
  private static void published(RunningPortal portal) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (JSON.readTree(portal.get("/data/activities/versions").body())
        .path("versions")
        .isEmpty()) {
      assertThat(System.nanoTime()).as("the first versions are published").isLessThan(deadline);
      Thread.sleep(250);
    }
  }

  /** What a reader sees: searches, counts, a page, the versions and one version's bytes. */
  private static String answers(RunningPortal portal) throws Exception {
    List<String> out = new ArrayList<>();
    for (String q : List.of("图书馆", "kbs", "医疗", "东胜图书馆")) {
      // every hit, as a set: equal scores may come in another order from a rebuilt index
      JsonNode r =
          JSON.readTree(
              portal
                  .get("/api/search?limit=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                  .body());
      out.add(
          q
              + " "
              + r.path("total").asLong()
              + " "
              + new java.util.TreeSet<>(r.path("hits").findValuesAsText("id")));
    }
    JsonNode h = JSON.readTree(portal.get("/health").body());
    out.add(
        h.path("stations").asText()
            + "/"
            + h.path("teams").asText()
            + "/"
            + h.path("activities").asText());
    String page = portal.get("/stations/st-150602-library").body();
    out.add(page.replaceAll("(?s).*<h1[^>]*>(.*?)</h1>.*", "$1"));
    JsonNode versions =
        JSON.readTree(portal.get("/data/stations/versions").body()).path("versions");
    out.add(versions.toString());
    String first = versions.path(0).path("version").asText();
    out.add(
        Integer.toString(
            portal.get("/data/stations/versions/" + first + ".csv").body().hashCode()));
    return String.join("\n", out);
  }
}
