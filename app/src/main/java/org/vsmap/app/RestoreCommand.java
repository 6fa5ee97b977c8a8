package org.vsmap.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.vsmap.pipeline.store.Database;
import org.vsmap.pipeline.store.JdbiStoreInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code restore}: a node from a {@code backup} zip, into a new data directory (and, for a PostGIS
 * store, an empty database). Checks that the store it restored has the identity and the counts the
 * backup recorded; the search index is built at the first start.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Restore a node from a backup zip into a new data directory (and an empty PostGIS database with --db).")
final class RestoreCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The backup zip written by `vsmap backup`.")
  Path file;

  @Mixin StoreOptions store;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new Failure("no backup file at " + file);
    }
    boolean postgis = store.dbUrl != null && !store.dbUrl.isBlank();
    if (Files.exists(store.dataDir.resolve("vsmap.mv.db"))
        || Files.exists(store.dataDir.resolve(DataDirectory.MARKER))) {
      throw new Failure(
          "restore goes into a new data directory, and "
              + store.dataDir
              + " is in use already; name another --data-dir");
    }
    try (ZipFile zip = open(file)) {
      JsonNode manifest = manifest(zip);
      String kind = manifest.path("store").asText();
      if (kind.equals("h2gis") == postgis) {
        throw new Failure(
            "this backup holds "
                + (kind.equals("h2gis")
                    ? "an embedded (H2GIS) store: restore it without --db"
                    : "a PostGIS store: restore it with --db naming an empty PostGIS database"));
      }
      if (postgis) {
        requireEmpty();
      }
      DataDirectory dir = DataDirectory.open(store.dataDir);
      Path work = Files.createTempDirectory(dir.scratch(), "restore-");
      try {
        if (postgis) {
          Path dump = work.resolve("postgis.dump");
          copy(zip, BackupCommand.PG_ENTRY, dump);
          PgTools.run(
              PgTools.command(
                  "pg_restore",
                  store.dbUrl,
                  store.dbUser,
                  "--no-owner",
                  "--no-privileges",
                  "--exit-on-error",
                  dump.toString()),
              store.dbPassword);
        } else {
          Path h2 = work.resolve("h2.zip");
          copy(zip, BackupCommand.H2_ENTRY, h2);
          try (ZipInputStream in = new ZipInputStream(Files.newInputStream(h2))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
              if (e.getName().equals("vsmap.mv.db")) {
                Files.copy(in, dir.root().resolve("vsmap.mv.db"));
              }
            }
          }
          if (!Files.exists(dir.root().resolve("vsmap.mv.db"))) {
            throw new Failure(
                "the backup's database holds no vsmap.mv.db: it is not a backup of a vsmap store");
          }
        }
        int files = restoreSnapshots(zip, dir);
        try (Database db = store.open(dir)) {
          String id = new JdbiStoreInfo(db.jdbi()).get(JdbiStoreInfo.STORE_ID).orElse("");
          if (!id.equals(manifest.path("store_id").asText())) {
            throw new Failure(
                "the restored store is "
                    + id
                    + ", the backup recorded "
                    + manifest.path("store_id").asText());
          }
          Map<String, Long> counts = BackupCommand.Counts.of(db);
          checkCounts(manifest, counts);
          System.out.printf(
              "restored store %s from %s (made %s): %s; %d published files; the search index is built at the first "
                  + "start%n",
              id, file, manifest.path("created").asText(), counts, files);
        }
      } finally {
        BackupCommand.deleteTree(work);
      }
    }
    return 0;
  }

  /** The published files of the backup back into the data directory; how many. */
  private static int restoreSnapshots(ZipFile zip, DataDirectory dir) throws IOException {
    int files = 0;
    for (ZipEntry e : java.util.Collections.list(zip.entries())) {
      if (e.isDirectory() || !e.getName().startsWith(BackupCommand.SNAPSHOTS)) {
        continue;
      }
      Path to = inside(dir.snapshots(), e.getName().substring(BackupCommand.SNAPSHOTS.length()));
      Files.createDirectories(to.getParent());
      try (InputStream in = zip.getInputStream(e)) {
        Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
      }
      files++;
    }
    return files;
  }

  /** Each table holds as many rows as the backup recorded, or the restore fails. */
  private static void checkCounts(JsonNode manifest, Map<String, Long> counts) {
    for (Map.Entry<String, Long> c : counts.entrySet()) {
      long expected = manifest.path("counts").path(c.getKey()).asLong(-1);
      if (expected != c.getValue()) {
        throw new Failure(
            "the restored "
                + c.getKey()
                + " table holds "
                + c.getValue()
                + " rows, the backup recorded "
                + expected);
      }
    }
  }

  private static ZipFile open(Path file) {
    try {
      return new ZipFile(file.toFile());
    } catch (IOException e) {
      throw new Failure(file + " is not a backup zip: " + e.getMessage());
    }
  }

  private static JsonNode manifest(ZipFile zip) throws IOException {
    ZipEntry m = zip.getEntry(BackupCommand.MANIFEST);
    if (m == null) {
      throw new Failure("the file has no " + BackupCommand.MANIFEST + ": it is not a vsmap backup");
    }
    JsonNode manifest;
    try (InputStream in = zip.getInputStream(m)) {
      manifest = new ObjectMapper().readTree(in);
    }
    if (!BackupCommand.FORMAT.equals(manifest.path("format").asText())
        || manifest.path("version").asInt() != BackupCommand.VERSION) {
      throw new Failure(
          "not a vsmap backup of version "
              + BackupCommand.VERSION
              + ": "
              + manifest.path("format").asText()
              + " "
              + manifest.path("version").asText());
    }
    return manifest;
  }

  private static void copy(ZipFile zip, String name, Path to) throws IOException {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      throw new Failure("the backup has no " + name);
    }
    try (InputStream in = zip.getInputStream(e)) {
      Files.copy(in, to);
    }
  }

  /** The path of an entry under a folder; an entry that would land outside it (../) is refused. */
  static Path inside(Path root, String name) {
    Path to = root.resolve(name).normalize();
    if (!to.startsWith(root.normalize()) || name.contains("\\") || name.startsWith("/")) {
      throw new Failure("the backup holds an entry outside its folders: " + name);
    }
    return to;
  }

  private void requireEmpty() throws Exception {
    try (Connection c =
            DriverManager.getConnection(store.dbUrl.strip(), store.dbUser, store.dbPassword);
        ResultSet rs =
            c.createStatement().executeQuery("SELECT to_regclass('public.station') IS NOT NULL")) {
      rs.next();
      if (rs.getBoolean(1)) {
        throw new Failure(
            "the database of --db holds a vsmap store already: restore into an empty database");
      }
    }
  }
}
