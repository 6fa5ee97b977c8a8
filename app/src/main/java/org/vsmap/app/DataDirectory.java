package org.vsmap.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The folder that holds the portal's state: the embedded database, the search index and a marker
 * file {@code vsmap-data.json} that says the folder is ours. A new or empty folder is claimed; a
 * folder with other content, or a marker of another kind or version, is refused untouched.
 */
public final class DataDirectory {
  static final String MARKER = "vsmap-data.json";
  static final String FORMAT = "vsmap-data-directory";
  static final int VERSION = 1;

  private final Path root;

  private DataDirectory(Path root) {
    this.root = root;
  }

  /** Claims or checks the folder; throws a {@link Failure} naming the problem. */
  public static DataDirectory open(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    try {
      if (Files.exists(root) && !Files.isDirectory(root)) {
        throw new Failure("data directory " + root + " is a file, not a folder");
      }
      Path marker = root.resolve(MARKER);
      if (Files.exists(marker)) {
        check(marker);
        return new DataDirectory(root);
      }
      if (Files.isDirectory(root) && !isEmpty(root)) {
        throw new Failure(
            "data directory "
                + root
                + " is not empty and has no "
                + MARKER
                + ": it is not a vsmap data directory; refusing to touch it (choose a new or empty folder with --data-dir)");
      }
      Files.createDirectories(root);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("format", FORMAT);
      m.put("version", VERSION);
      m.put("created", Instant.now().toString());
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(marker.toFile(), m);
      return new DataDirectory(root);
    } catch (IOException e) {
      throw new Failure("data directory " + root + " cannot be used: " + e.getMessage(), e);
    }
  }

  public Path root() {
    return root;
  }

  public Path index() {
    return root.resolve("index");
  }

  /** Scratch files of exports being written (GeoPackage, FlatGeobuf); made when first asked for. */
  public Path scratch() {
    Path p = root.resolve("tmp");
    try {
      java.nio.file.Files.createDirectories(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create " + p, e);
    }
    return p;
  }

  /**
   * Published dataset versions: one directory per dataset, one immutable set of files per version.
   */
  public Path snapshots() {
    return root.resolve("snapshots");
  }

  /** Where the embedded database keeps its file (H2 adds .mv.db). */
  public Path database() {
    return root.resolve("vsmap");
  }

  private static void check(Path marker) {
    JsonNode node;
    try {
      node = new ObjectMapper().readTree(marker.toFile());
    } catch (IOException e) {
      throw new Failure(
          "data directory marker "
              + marker
              + " is corrupted (not JSON): refusing to use the folder");
    }
    if (node == null || !FORMAT.equals(node.path("format").asText())) {
      throw new Failure(
          "data directory marker "
              + marker
              + " belongs to something else (format is not "
              + FORMAT
              + "): refusing to use the folder");
    }
    int version = node.path("version").asInt(-1);
    if (version != VERSION) {
      throw new Failure(
          "data directory "
              + marker.getParent()
              + " has layout version "
              + version
              + " but this vsmap reads version "
              + VERSION
              + ": refusing to use it");
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }
}
