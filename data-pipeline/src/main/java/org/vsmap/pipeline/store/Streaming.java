package org.vsmap.pipeline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads that never hold a whole table: PostgreSQL only uses a cursor (the fetch size) inside a
 * transaction, and H2 only streams with lazy query execution (otherwise it copies a large result
 * into a temporary store first). Used by the exports and by the index rebuild.
 */
public final class Streaming {
  /** Reads one row. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private Streaming() {}

  /** Runs {@code work} in a read transaction set up for streaming. */
  public static void read(Jdbi jdbi, HandleConsumer<RuntimeException> work) {
    jdbi.useHandle(h -> {
      boolean h2;
      try {
        h2 = h.getConnection().getMetaData().getDatabaseProductName().startsWith("H2");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      if (h2) {
        h.execute("SET LAZY_QUERY_EXECUTION TRUE");
      }
      try {
        h.useTransaction(work);
      } finally {
        if (h2) {
          h.execute("SET LAZY_QUERY_EXECUTION FALSE");
        }
      }
    });
  }

  /** Passes each row of {@code q} to {@code sink}, 1,000 rows fetched at a time. */
  public static <T> void each(Query q, RowReader<T> reader, Consumer<T> sink) {
    try (var s = q.setFetchSize(1000).map((rs, ctx) -> reader.read(rs)).stream()) {
      s.forEach(sink);
    }
  }

  /** Every row of {@code sql}, streamed. */
  public static <T> void each(Jdbi jdbi, String sql, RowReader<T> reader, Consumer<T> sink) {
    read(jdbi, h -> each(h.createQuery(sql), reader, sink));
  }
}
