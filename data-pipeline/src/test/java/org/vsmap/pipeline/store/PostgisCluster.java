package org.vsmap.pipeline.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL + PostGIS cluster for tests, made with Debian's binaries in a temporary
 * folder, listening on a free loopback port, stopped and deleted when the JVM ends. initdb refuses
 * root, so as root every command runs as the {@code postgres} user. When {@code CI=true} a cluster
 * that cannot start fails the tests; elsewhere they are skipped with the reason.
 */
public final class PostgisCluster {
  private static PostgisCluster shared;
  private static String failure;

  private final Path dir;
  private final Path bin;
  private final int port;

  private PostgisCluster(Path dir, Path bin, int port) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
  }

  /** The one cluster of this test JVM, started on first use. */
  public static synchronized PostgisCluster require() {
    if (shared == null && failure == null) {
      try {
        shared = start();
        Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
      } catch (Exception e) {
        failure = e.getMessage();
      }
    }
    if (shared == null) {
      String reason = "PostGIS test cluster cannot start: " + failure;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(reason + " (CI=true: the PostGIS run is required)");
      }
      Assumptions.abort(reason);
    }
    return shared;
  }

  /**
   * A cluster of one's own, for tests that stop and start the server (the shared one stays up for
   * everyone else); same rules as {@link #require()} when it cannot start.
   */
  public static PostgisCluster requirePrivate() {
    require();
    try {
      PostgisCluster own = start();
      Runtime.getRuntime().addShutdownHook(new Thread(own::stop));
      return own;
    } catch (Exception e) {
      throw new IllegalStateException(
          "a second PostGIS test cluster cannot start: " + e.getMessage(), e);
    }
  }

  /** Stops the server (fast shutdown: connections are dropped), as an outage would. */
  public void stopServer() throws Exception {
    pg(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-m",
            "fast",
            "-w",
            "stop"));
  }

  /** Starts the server again on the same port and data. */
  public void startServer() throws Exception {
    pg(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p "
                + port
                + " -k "
                + dir
                + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
            "start"));
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String user() {
    return "postgres";
  }

  /** Creates an empty database with PostGIS enabled and returns its JDBC URL. */
  public String createDatabase(String name) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user(), null);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl(name), user(), null);
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
    }
    return jdbcUrl(name);
  }

  private static PostgisCluster start() throws Exception {
    Path bin = findBin();
    Path dir = Files.createTempDirectory("vsmap-pg-");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PostgisCluster cluster = new PostgisCluster(dir, bin, port);
    if (isRoot()) {
      run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
    }
    cluster.pg(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync"));
    cluster.startServer();
    return cluster;
  }

  private void stop() {
    try {
      pg(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-m",
              "fast",
              "-w",
              "stop"));
    } catch (Exception ignored) {
      // the JVM is ending; the folder is removed below either way
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder left behind is harmless
    }
  }

  private void pg(List<String> command) throws Exception {
    run(command, isRoot());
  }

  private static void run(List<String> command, boolean asPostgres) throws Exception {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static Path findBin() throws IOException {
    Path lib = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException(
          "PostgreSQL is not installed (no /usr/lib/postgresql); install postgresql-15-postgis-3");
    }
    try (Stream<Path> versions = Files.list(lib)) {
      for (Path v : versions.sorted(Comparator.reverseOrder()).toList()) {
        Path control =
            Path.of(
                "/usr/share/postgresql",
                v.getFileName().toString(),
                "extension",
                "postgis.control");
        if (Files.isExecutable(v.resolve("bin/initdb")) && Files.exists(control)) {
          return v.resolve("bin");
        }
      }
    }
    throw new IllegalStateException(
        "no PostgreSQL with the PostGIS extension found; install postgresql-15-postgis-3");
  }
}
