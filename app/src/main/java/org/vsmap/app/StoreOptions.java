package org.vsmap.app;

import java.nio.file.Path;
import org.vsmap.pipeline.store.Database;
import picocli.CommandLine.Option;

/** Where the state lives: the data directory and, optionally, a PostgreSQL + PostGIS database. */
final class StoreOptions {
  @Option(
      names = "--data-dir",
      defaultValue = "${env:VSMAP_DATA_DIR:-data}",
      paramLabel = "DIR",
      description =
          "Folder for the embedded database and the search index; created on first start (env VSMAP_DATA_DIR, default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--db",
      defaultValue = "${env:VSMAP_DB_URL}",
      paramLabel = "JDBC_URL",
      description =
          "PostgreSQL + PostGIS instead of the embedded database, e.g. jdbc:postgresql://localhost:5432/vsmap (env VSMAP_DB_URL).")
  String dbUrl;

  @Option(
      names = "--db-user",
      defaultValue = "${env:VSMAP_DB_USER}",
      paramLabel = "USER",
      description = "Database user for --db (env VSMAP_DB_USER).")
  String dbUser;

  @Option(
      names = "--db-password",
      defaultValue = "${env:VSMAP_DB_PASSWORD}",
      paramLabel = "PASSWORD",
      description =
          "Database password for --db (env VSMAP_DB_PASSWORD; prefer the environment to the command line).")
  String dbPassword;

  /** Opens (and migrates) the configured store. */
  Database open(DataDirectory dir) {
    if (dbUrl == null || dbUrl.isBlank()) {
      return Database.open(Database.embeddedUrl(dir.root()), null, null);
    }
    return Database.open(dbUrl.strip(), dbUser, dbPassword);
  }

  String describe() {
    return dbUrl == null || dbUrl.isBlank() ? "embedded H2GIS" : "PostGIS";
  }
}
