package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: kill -9 in the middle of an index rebuild and in the middle of a publish (the import's
 * case is {@link KillDuringImportIT}). On the next start nothing is half-applied: the index matches
 * the store, the published versions are the ones before the kill, byte for byte, and the next
 * publish works.
 */
@Tag("integration")
class KillsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aKillDuringTheIndexBuildLeavesNothingHalfDone() throws Exception {
    Path data = Files.createTempDirectory("vsmap-killbuild-").resolve("data");
    String before;
    try (RunningPortal portal = RunningPortal.start(data)) {
      before = counts(portal);
    }
    BackupCommand.deleteTree(data.resolve("index"));
    RunningPortal building = RunningPortal.launch(data);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String step = "";
    while (!step.contains("building the search index")) {
      assertThat(System.nanoTime())
          .as("caught while building (last: %s)", step)
          .isLessThan(deadline);
      try {
        step = JSON.readTree(building.get("/health").body()).path("detail").asText();
      } catch (java.io.IOException notListeningYet) {
        // keep asking
      }
      Thread.sleep(20);
    }
    Thread.sleep(300); // well inside the build (about two seconds on the demo set)
    building.kill();
    assertThat(building.output())
        .as("killed before the build finished")
        .doesNotContain("stage build-index");
    try (RunningPortal portal = RunningPortal.start(data)) {
      assertThat(counts(portal))
          .as("every record indexed once, as the store holds them")
          .isEqualTo(before);
      assertThat(portal.output()).contains("stage build-index");
    }
  }

  @Test
  void aKillDuringAPublishLeavesTheVersionsBeforeIt() throws Exception {
    Path data = Files.createTempDirectory("vsmap-killpublish-").resolve("data");
    try (RunningPortal portal = RunningPortal.start(data)) {
      SnapshotsIT.awaitFirstVersions(portal);
    }
    Path csv =
        Files.writeString(
            data.getParent().resolve("one.csv"), "站点名称,行政区划代码,经度,纬度\n发布测试站,150602,109.95,39.82\n");
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
    Path snapshots = data.resolve("snapshots");
    List<String> versions = published(snapshots);
    Process publish =
        new ProcessBuilder(
                RunningPortal.java(),
                "-jar",
                RunningPortal.JAR.toString(),
                "publish",
                "--data-dir",
                data.toString())
            .redirectErrorStream(true)
            .redirectOutput(data.getParent().resolve("publish.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!writing(snapshots.resolve("tmp"))) {
      assertThat(publish.isAlive()).as("still publishing").isTrue();
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(5);
    }
    publish.destroyForcibly().waitFor();
    assertThat(Files.readString(data.getParent().resolve("publish.log")))
        .as("killed before anything was published")
        .doesNotContain("published stations");
    assertThat(published(snapshots)).as("no new version appeared half-made").isEqualTo(versions);
    try (RunningPortal portal = RunningPortal.start(data)) {
      JsonNode list = JSON.readTree(portal.get("/data/stations/versions").body()).path("versions");
      assertThat(list).hasSize(1);
    }
    RunningPortal.Outcome again = RunningPortal.cli("publish", "--data-dir", data.toString());
    assertThat(again.exit()).as(again.out()).isZero();
    assertThat(again.out()).contains("published stations");
    assertThat(
            Files.exists(snapshots.resolve("tmp"))
                ? Files.list(snapshots.resolve("tmp")).count()
                : 0)
        .as("leftovers removed")
        .isZero();
  }

  /** The manifests (a version exists once its manifest does) and every file, with sizes. */
  private static List<String> published(Path snapshots) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(snapshots)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = snapshots.relativize(p).toString();
        if (!rel.startsWith("tmp")) {
          out.add(rel + " " + Files.size(p));
        }
      }
    }
    return out;
  }

  /** A publish has begun writing its files. */
  private static boolean writing(Path tmp) throws Exception {
    if (!Files.isDirectory(tmp)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(tmp)) {
      return files.anyMatch(p -> Files.isRegularFile(p) && p.toFile().length() > 0);
    }
  }

  private static String counts(RunningPortal portal) throws Exception {
    JsonNode h = JSON.readTree(portal.get("/health").body());
    return h.path("stations").asText()
        + "/"
        + h.path("teams").asText()
        + "/"
        + h.path("activities").asText()
        + "/"
        + h.path("indexed").asText();
  }
}
