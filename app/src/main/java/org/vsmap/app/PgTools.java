package org.vsmap.app;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** PostgreSQL's own client tools (pg_dump, pg_restore) for a store given as a JDBC URL. */
final class PgTools {
  private PgTools() {}

  /** The tool's command line for the database the JDBC URL names, with the extra arguments. */
  static List<String> command(String tool, String jdbcUrl, String user, String... args) {
    URI uri;
    try {
      uri = URI.create(jdbcUrl.strip().substring("jdbc:".length()));
    } catch (RuntimeException e) {
      throw new Failure(
          "--db must be a URL like jdbc:postgresql://host:5432/database, not " + jdbcUrl);
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new Failure(
          "--db must name a host and a database, like jdbc:postgresql://host:5432/database");
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                binary(tool),
                "--host=" + uri.getHost(),
                "--port=" + (uri.getPort() > 0 ? uri.getPort() : 5432),
                "--dbname=" + uri.getPath().substring(1)));
    if (user != null && !user.isBlank()) {
      cmd.add("--username=" + user);
    }
    cmd.add("--no-password");
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * Runs it (password through PGPASSWORD, never the command line); a non-zero exit is a Failure
   * with its message.
   */
  static void run(List<String> cmd, String password) throws Exception {
    Path log = Files.createTempFile("vsmap-pg-", ".log");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      if (password != null) {
        pb.environment().put("PGPASSWORD", password);
      }
      Process p = pb.start();
      if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
        p.destroyForcibly();
        String out = Files.readString(log, StandardCharsets.UTF_8).strip();
        throw new Failure(
            Path.of(cmd.get(0)).getFileName()
                + " failed: "
                + (out.isEmpty()
                    ? "exit " + p.exitValue()
                    : out.lines().filter(l -> !l.isBlank()).findFirst().orElse(out)));
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /**
   * The newest installed version's tool (Debian puts them in /usr/lib/postgresql/N/bin), else from
   * PATH.
   */
  static String binary(String tool) {
    Path lib = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> versions = Files.list(lib)) {
        for (Path v :
            versions
                .sorted(Comparator.comparing(p -> -parse(p.getFileName().toString())))
                .toList()) {
          Path bin = v.resolve("bin").resolve(tool);
          if (Files.isExecutable(bin)) {
            return bin.toString();
          }
        }
      } catch (java.io.IOException e) {
        // fall back to PATH
      }
    }
    return tool;
  }

  private static int parse(String version) {
    try {
      return Integer.parseInt(version);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
