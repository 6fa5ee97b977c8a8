package org.vsmap.pipeline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads that never hold a whole table in the heap: PostgreSQL only uses a cursor (the fetch size)
 * inside a transaction; H2 spills a large result to a temporary file (beyond MAX_MEMORY_ROWS)
 * before the first row. H2's lazy query execution would stream without that copy, but a long lazy
 * read over a store that is compacting loses pages ("MVStoreException: Chunk … not found",
 * h2database issue #4142 — it broke the index rebuild of the national store here), so it is not
 * used. Used by the exports and by the index rebuild.
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
    jdbi.useHandle(h -> h.useTransaction(work));
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
