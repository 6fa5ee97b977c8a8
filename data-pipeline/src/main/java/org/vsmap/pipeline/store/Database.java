package org.vsmap.pipeline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The system of record: a pooled connection to embedded H2GIS or to PostgreSQL + PostGIS, migrated
 * with Flyway (one migration history per dialect) and wrapped in JDBI. Opening fails with a {@link
 * StoreException} whose message names the problem in one line.
 */
public final class Database implements AutoCloseable {
  /** Why an embedded store cannot be opened while another process has it (H2 allows one). */
  public static final String IN_USE =
      "the embedded database is in use by a running portal or another command: stop it first"
          + " (or use PostgreSQL, which several processes may share)";

  /**
   * The two supported backends; spatial SQL differs little between them. Each names the folder of
   * the migrations whose SQL differs; the rest are shared, in {@code db/migration/common}.
   */
  public enum Dialect {
    H2GIS("db/migration/h2gis"),
    POSTGIS("db/migration/postgis");

    private final String migrations;

    Dialect(String migrations) {
      this.migrations = migrations;
    }

    public static Dialect of(String jdbcUrl) {
      if (jdbcUrl.startsWith("jdbc:h2:")) {
        return H2GIS;
      }
      if (jdbcUrl.startsWith("jdbc:postgresql:")) {
        return POSTGIS;
      }
      throw new StoreException(
          "unsupported database URL '"
              + jdbcUrl
              + "': expected jdbc:postgresql://host:port/database (or the embedded default)");
    }
  }

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final Dialect dialect;

  private Database(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(pool);
  }

  /** The embedded H2GIS file {@code vsmap.mv.db} inside a data directory. */
  public static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:"
        + dataDir.toAbsolutePath().resolve("vsmap")
        + ";IFEXISTS=FALSE;DB_CLOSE_ON_EXIT=FALSE";
  }

  /** Opens the pool, checks the connection and brings the schema up to date. */
  public static Database open(String jdbcUrl, String user, String password) {
    Dialect dialect = Dialect.of(jdbcUrl);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(dialect == Dialect.H2GIS ? 4 : 10);
    config.setPoolName("vsmap-" + dialect.name().toLowerCase());
    config.setInitializationFailTimeout(-1);
    config.setConnectionTimeout(
        5_000); // a request waits at most this long for a connection (fails with 503 while the
    // database is down)
    HikariDataSource pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      pool.close();
      if (dialect == Dialect.H2GIS && String.valueOf(rootMessage(e)).contains("file is locked")) {
        // the portal (or another command) has the embedded database open: H2 allows one process
        throw new StoreException(IN_USE, e);
      }
      throw new StoreException(
          "cannot open the database " + redact(jdbcUrl) + ": " + firstLine(rootMessage(e)), e);
    }
    Database db = new Database(pool, dialect);
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration/common", "classpath:" + dialect.migrations)
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      db.close();
      throw new StoreException(
          "cannot bring the database schema up to date ("
              + redact(jdbcUrl)
              + "): "
              + firstLine(rootMessage(e)),
          e);
    }
    return db;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  @Override
  public void close() {
    pool.close();
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** The URL without a password query parameter, for messages. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
