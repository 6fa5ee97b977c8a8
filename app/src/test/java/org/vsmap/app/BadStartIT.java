package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A wrong data directory, database URL or port: the jar exits non-zero with one line naming the
 * problem (no stack trace as the only message) and leaves what was there untouched.
 */
@Tag("integration")
class BadStartIT {

  record Outcome(int exit, String stderr) {}

  private static Outcome run(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(List.of(RunningPortal.java(), "-jar", RunningPortal.JAR.toString()));
    cmd.addAll(List.of(args));
    Path err = Files.createTempFile("vsmap-err-", ".txt");
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(err.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("vsmap did not exit: " + cmd);
    }
    return new Outcome(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static void assertOneLineError(Outcome o, String expected) {
    assertThat(o.exit()).isNotZero();
    List<String> errorLines =
        o.stderr().lines().filter(l -> l.startsWith("vsmap: error: ")).toList();
    assertThat(errorLines).as("stderr was:\n%s", o.stderr()).hasSize(1);
    assertThat(errorLines.get(0)).contains(expected);
    assertThat(o.stderr()).doesNotContain("\tat ").doesNotContain("Exception in thread");
  }

  @Test
  void foreignDataDirectoryIsRefusedAndLeftAlone() throws Exception {
    Path dir = Files.createTempDirectory("vsmap-foreign-");
    Path theirs = Files.writeString(dir.resolve("thesis.docx"), "not ours");
    Outcome o =
        run(
            "serve",
            "--port",
            Integer.toString(RunningPortal.freePort()),
            "--data-dir",
            dir.toString());
    assertOneLineError(o, "is not a vsmap data directory");
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(theirs);
    }
    assertThat(Files.readString(theirs)).isEqualTo("not ours");
  }

  @Test
  void corruptedMarkerOrDatabaseIsRefusedAndLeftAlone() throws Exception {
    Path dir = Files.createTempDirectory("vsmap-corrupt-");
    Files.writeString(dir.resolve("vsmap-data.json"), "{ this is not json");
    assertOneLineError(
        run(
            "serve",
            "--port",
            Integer.toString(RunningPortal.freePort()),
            "--data-dir",
            dir.toString()),
        "is corrupted");

    Path dir2 = Files.createTempDirectory("vsmap-corrupt-db-");
    Files.writeString(
        dir2.resolve("vsmap-data.json"), "{\"format\":\"vsmap-data-directory\",\"version\":1}");
    byte[] garbage = "this is not an H2 database file".repeat(200).getBytes(StandardCharsets.UTF_8);
    Files.write(dir2.resolve("vsmap.mv.db"), garbage);
    assertOneLineError(
        run(
            "serve",
            "--port",
            Integer.toString(RunningPortal.freePort()),
            "--data-dir",
            dir2.toString()),
        "cannot open the database");
    assertThat(Files.readAllBytes(dir2.resolve("vsmap.mv.db"))).isEqualTo(garbage);

    Path dir3 = Files.createTempDirectory("vsmap-other-marker-");
    Files.writeString(
        dir3.resolve("vsmap-data.json"), "{\"format\":\"something-else\",\"version\":1}");
    assertOneLineError(
        run(
            "serve",
            "--port",
            Integer.toString(RunningPortal.freePort()),
            "--data-dir",
            dir3.toString()),
        "belongs to something else");
  }

  @Test
  void wrongDatabaseUrlsAreNamed() throws Exception {
    Path dir = Files.createTempDirectory("vsmap-db-").resolve("data");
    int closedPort = RunningPortal.freePort();
    assertOneLineError(
        run(
            "serve",
            "--port",
            Integer.toString(RunningPortal.freePort()),
            "--data-dir",
            dir.toString(),
            "--db",
            "jdbc:postgresql://127.0.0.1:" + closedPort + "/vsmap"),
        "cannot open the database jdbc:postgresql://127.0.0.1:" + closedPort);
    assertOneLineError(
        run(
            "serve",
            "--port",
            Integer.toString(RunningPortal.freePort()),
            "--data-dir",
            dir.toString(),
            "--db",
            "mysql://localhost/vsmap"),
        "unsupported database URL");
  }

  @Test
  void portInUseIsNamed() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Path dir = Files.createTempDirectory("vsmap-port-").resolve("data");
      assertOneLineError(
          run(
              "serve",
              "--port",
              Integer.toString(taken.getLocalPort()),
              "--data-dir",
              dir.toString()),
          "port " + taken.getLocalPort() + " on 0.0.0.0 is already in use");
    }
  }

  @Test
  void badOptionsAreNamed() throws Exception {
    Path dir = Files.createTempDirectory("vsmap-opt-").resolve("data");
    assertOneLineError(
        run("serve", "--port", "70000", "--data-dir", dir.toString()),
        "--port must be between 1 and 65535");
    assertOneLineError(
        run(
            "serve",
            "--port",
            Integer.toString(RunningPortal.freePort()),
            "--data-dir",
            dir.toString(),
            "--basemap",
            "xyz:ftp://tiles/{z}/{x}/{y}.png"),
        "--basemap: an xyz: tile URL must start with");
    assertOneLineError(
        run(
            "serve",
            "--port",
            Integer.toString(RunningPortal.freePort()),
            "--data-dir",
            dir.toString(),
            "--basemap",
            "tianditu"),
        "the 天地图 basemap needs a key: --tianditu-key");
    assertOneLineError(
        run(
            "serve",
            "--port",
            Integer.toString(RunningPortal.freePort()),
            "--data-dir",
            dir.toString(),
            "--basemap",
            "pmtiles:china.pmtiles"),
        "no readable pmtiles file at");
  }
}
