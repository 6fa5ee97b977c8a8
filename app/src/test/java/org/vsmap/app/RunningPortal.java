package org.vsmap.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar started as a person starts it ({@code java -jar app/target/vsmap.jar serve}), in
 * its own process, on a free port, with its output kept in a file for diagnosis. Every portal and
 * CLI run here lives on {@link #TODAY} ({@code VSMAP_TODAY}): the demo's dates, the key days ahead
 * and what counts as past are the same whatever day the suite runs.
 */
final class RunningPortal implements AutoCloseable {
  /**
   * The jar under test: this build's, or another given as {@code -Dvsmap.jar=...} (e.g. an older
   * build, to compare).
   */
  static final Path JAR = Path.of(System.getProperty("vsmap.jar", "target/vsmap.jar"));

  /**
   * The day the portal and the CLI believe it is (a Monday; 3·5 is 88 days ahead, 12·5 has just
   * passed).
   */
  static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 7);

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final int port;
  final Path dataDir;
  final Path log;
  private final Process process;

  private RunningPortal(int port, Path dataDir, Path log, Process process) {
    this.port = port;
    this.dataDir = dataDir;
    this.log = log;
    this.process = process;
  }

  /** Starts the jar without waiting for it to be ready. */
  static RunningPortal launch(Path dataDir, String... extraArgs) throws Exception {
    int port = freePort();
    Path log = Files.createTempFile("vsmap-serve-", ".log");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java(),
                "-jar",
                JAR.toString(),
                "serve",
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir.toString()));
    cmd.addAll(List.of(extraArgs));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put(org.vsmap.geo.time.ChinaTime.TODAY_ENV, TODAY.toString());
    return new RunningPortal(port, dataDir, log, pb.start());
  }

  /** SIGKILL: no shutdown hook runs, nothing is committed or cleaned up. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Starts the jar on a new data directory and waits until /health says 200. */
  static RunningPortal start(Path dataDir, String... extraArgs) throws Exception {
    RunningPortal portal = launch(dataDir, extraArgs);
    Process p = portal.process;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "the portal exited with " + p.exitValue() + ":\n" + portal.output());
      }
      try {
        if (portal.get("/health").statusCode() == 200) {
          return portal;
        }
      } catch (IOException notYetListening) {
        // keep waiting
      }
      Thread.sleep(250);
    }
    portal.close();
    throw new IllegalStateException(
        "the portal did not become healthy within 120 s:\n" + portal.output());
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Asks the portal to stop, as an init system does (SIGTERM), without waiting. */
  void signalStop() {
    process.destroy();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  boolean waitForExit(int seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** What a CLI run of the jar ended with: its exit code and everything it printed. */
  record Outcome(int exit, String out) {}

  /**
   * Runs the jar's CLI ({@code import}, {@code account}, ...) and waits for it (two minutes at
   * most).
   */
  static Outcome cli(String... args) throws Exception {
    return cli(java.util.Map.of(), args);
  }

  /** The same with extra environment variables. */
  static Outcome cli(java.util.Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("vsmap-cli-", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put(org.vsmap.geo.time.ChinaTime.TODAY_ENV, TODAY.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("vsmap did not exit: " + cmd);
    }
    return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
