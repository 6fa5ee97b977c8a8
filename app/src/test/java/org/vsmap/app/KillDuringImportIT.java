package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of a large import: the store and the index stay consistent — nothing of the
 * file is there after the restart, search agrees with the store, and the same import run again to
 * the end brings everything in.
 */
@Tag("integration")
class KillDuringImportIT {
  static final int ROWS = 120_000;

  @Test
  void aKilledImportLeavesNothingBehindAndSearchStillMatchesTheStore() throws Exception {
    Path data = Files.createTempDirectory("vsmap-kill-").resolve("data");
    int before;
    try (RunningPortal first = RunningPortal.start(data)) {
      before = stations(first);
    }
    List<String> communities =
        Files.readAllLines(
                Path.of("..", "seeds", "regions", "ordos_regions.csv"), StandardCharsets.UTF_8)
            .stream()
            .filter(l -> l.contains(",COMMUNITY,"))
            .map(l -> l.split(",")[0])
            .toList();
    Path big = data.getParent().resolve("big.csv");
    try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      w.write("站点名称,行政区划代码,服务内容\n");
      for (int i = 0; i < ROWS; i++) {
        w.write("断电测试站" + i + "," + communities.get(i % communities.size()) + ",助老\n");
      }
    }

    List<String> cmd =
        new ArrayList<>(
            List.of(
                RunningPortal.java(),
                "-jar",
                RunningPortal.JAR.toString(),
                "import",
                big.toString(),
                "--kind",
                "station",
                "--crs",
                "wgs84",
                "--data-dir",
                data.toString()));
    Path out = Files.createTempFile("vsmap-kill-", ".txt");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.readString(out).contains("stage check-stations")
        && p.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(p.isAlive()).as("the import is writing: " + Files.readString(out)).isTrue();
    Thread.sleep(700); // well inside the write of 120,000 rows
    p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the JVM
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(137);
    assertThat(Files.readString(out)).doesNotContain("written in one transaction");

    try (RunningPortal after = RunningPortal.start(data)) {
      assertThat(stations(after)).as("none of the killed import's rows").isEqualTo(before);
      assertThat(total(after, "/api/search?q=" + OfficeDataIT.enc("断电测试站"))).isZero();
      assertThat(geojsonFeatures(after)).as("the store agrees").isEqualTo(before);
    }

    Process again =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(again.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(out)).contains("stations: " + ROWS + " new");
    try (RunningPortal done = RunningPortal.start(data)) {
      long deadline2 = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (stations(done) != before + ROWS && System.nanoTime() < deadline2) {
        Thread.sleep(250);
      }
      assertThat(stations(done)).isEqualTo(before + ROWS);
      assertThat(geojsonFeatures(done)).isEqualTo(before + ROWS);
      assertThat(total(done, "/api/search?kind=station&q=" + OfficeDataIT.enc("断电测试站119999")))
          .isEqualTo(1);
    }
  }

  static int stations(RunningPortal portal) throws Exception {
    return total(portal, "/api/search?kind=station&limit=1");
  }

  static int total(RunningPortal portal, String url) throws Exception {
    return new ObjectMapper().readTree(portal.get(url).body()).get("total").asInt();
  }

  static int geojsonFeatures(RunningPortal portal) throws Exception {
    return new ObjectMapper()
        .readTree(portal.get("/api/stations.geojson").body())
        .get("features")
        .size();
  }
}
