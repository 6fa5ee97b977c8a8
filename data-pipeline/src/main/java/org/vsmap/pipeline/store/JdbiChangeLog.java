package org.vsmap.pipeline.store;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vsmap.geo.model.Kind;

/**
 * The store's change sequence: each single-record write appends (kind, id, op) in its own
 * transaction, so any number of search-index replicas can follow the store by sequence number.
 */
public final class JdbiChangeLog {

  /** What changed: an upsert or a delete of one record. */
  public record Change(long seq, Kind kind, String id, boolean deleted) {}

  private final Jdbi jdbi;

  public JdbiChangeLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The newest sequence number, 0 when nothing has changed since the store was filled. */
  public long maxSeq() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM change_log").mapTo(Long.class).one());
  }

  /** Changes after {@code seq}, oldest first. */
  public List<Change> since(long seq, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT seq, kind, id, op FROM change_log WHERE seq > :seq ORDER BY seq LIMIT :limit")
                .bind("seq", seq)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Change(
                            rs.getLong("seq"),
                            Kind.valueOf(rs.getString("kind")),
                            rs.getString("id"),
                            "DELETE".equals(rs.getString("op"))))
                .list());
  }

  /** Records a change inside the caller's transaction. */
  public static void append(Handle h, Kind kind, String id, boolean deleted) {
    h.createUpdate("INSERT INTO change_log (kind, id, op) VALUES (:kind, :id, :op)")
        .bind("kind", kind.name())
        .bind("id", id)
        .bind("op", deleted ? "DELETE" : "UPSERT")
        .execute();
  }
}
