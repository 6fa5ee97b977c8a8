package org.vsmap.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.vsmap.pipeline.store.Database;
import org.vsmap.pipeline.store.JdbiStoreInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backup}: everything needed to rebuild a node, in one zip — the store (H2's own online
 * backup of the embedded database, or {@code pg_dump} of the PostGIS one), the published dataset
 * versions, and a manifest with the store's identity and counts. The search index is left out: a
 * node builds it from the store. Written to a temporary file beside the target and moved into
 * place, so a failure never leaves a half backup under the name.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Write everything needed to rebuild this node (store, published versions) to one zip file.")
final class BackupCommand implements Callable<Integer> {
  static final String FORMAT = "vsmap-backup";
  static final int VERSION = 1;
  static final String MANIFEST = "manifest.json";
  static final String H2_ENTRY = "database/h2.zip";
  static final String PG_ENTRY = "database/postgis.dump";
  static final String SNAPSHOTS = "snapshots/";

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description =
          "The backup file to write (.zip); an existing file is replaced only once the new one is complete.")
  Path out;

  @Mixin StoreOptions store;

  /** Every published file (not one being published) into the archive; how many. */
  private static int addSnapshots(Path snapshots, ZipOutputStream zip) throws IOException {
    int versions = 0;
    if (!Files.isDirectory(snapshots)) {
      return versions;
    }
    try (Stream<Path> files = Files.walk(snapshots)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = snapshots.relativize(f).toString().replace('\\', '/');
        if (name.contains(".partial") || name.startsWith(".")) {
          continue; // a publish under way: not a version yet
        }
        zip.putNextEntry(new ZipEntry(SNAPSHOTS + name));
        Files.copy(f, zip);
        zip.closeEntry();
        versions++;
      }
    }
    return versions;
  }

  @Override
  public Integer call() throws Exception {
    DataDirectory dir = DataDirectory.open(store.dataDir);
    Path target = out.toAbsolutePath();
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
    Path work = Files.createTempDirectory(dir.scratch(), "backup-");
    try {
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("format", FORMAT);
      manifest.put("version", VERSION);
      manifest.put("created", Instant.now().toString());
      Path dbFile;
      String entry;
      try (Database db = openForBackup(dir)) {
        manifest.put("store", db.dialect() == Database.Dialect.H2GIS ? "h2gis" : "postgis");
        manifest.put(
            "store_id", new JdbiStoreInfo(db.jdbi()).get(JdbiStoreInfo.STORE_ID).orElseThrow());
        manifest.put("counts", Counts.of(db));
        if (db.dialect() == Database.Dialect.H2GIS) {
          dbFile = work.resolve("h2.zip");
          // H2's BACKUP TO copies a consistent state of the database file (it takes a file name,
          // not a bind parameter)
          db.jdbi()
              .useHandle(
                  h -> h.execute("BACKUP TO '" + dbFile.toString().replace("'", "''") + "'"));
          entry = H2_ENTRY;
        } else {
          dbFile = work.resolve("postgis.dump");
          PgTools.run(
              PgTools.command(
                  "pg_dump",
                  store.dbUrl,
                  store.dbUser,
                  "--format=custom",
                  "--no-owner",
                  "--no-privileges",
                  "--file=" + dbFile),
              store.dbPassword);
          entry = PG_ENTRY;
        }
      }
      int versions = 0;
      try (OutputStream file = Files.newOutputStream(partial);
          ZipOutputStream zip = new ZipOutputStream(file)) {
        zip.putNextEntry(new ZipEntry(entry));
        Files.copy(dbFile, zip);
        zip.closeEntry();
        versions = addSnapshots(dir.snapshots(), zip);
        manifest.put("snapshot_files", versions);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(manifest));
        zip.closeEntry();
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      System.out.printf(
          "backup written: %s (%,d bytes; store %s %s; %s; %d published files)%n",
          target,
          Files.size(target),
          manifest.get("store"),
          manifest.get("store_id"),
          manifest.get("counts"),
          versions);
      return 0;
    } finally {
      Files.deleteIfExists(partial);
      deleteTree(work);
    }
  }

  private Database openForBackup(DataDirectory dir) {
    try {
      return store.open(dir);
    } catch (RuntimeException e) {
      String why = Failure.describe(e);
      if (why.equals(Database.IN_USE)) {
        throw new Failure(
            "the embedded database is in use by a running portal: stop it first (a PostGIS store can be backed up while "
                + "serving)",
            e);
      }
      throw e;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    org.vsmap.pipeline.Folders.deleteTree(dir);
  }

  /** The numbers a restore must reproduce. */
  static final class Counts {
    private Counts() {}

    static Map<String, Long> of(Database db) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String table :
          new String[] {
            "region",
            "station",
            "team",
            "activity",
            "restricted_contact",
            "account",
            "audit_log",
            "volunteer_figure",
            "change_log"
          }) {
        counts.put(
            table,
            db.jdbi()
                .withHandle(
                    h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one()));
      }
      return counts;
    }
  }
}
