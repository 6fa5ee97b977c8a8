package org.vsmap.pipeline.store;

import java.sql.Timestamp;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.vsmap.geo.model.Kind;

/** Change-log and audit rows, written in batches inside the import's transaction. */
final class ImportLog {
  private final Handle h;
  private final String username;
  private final String source;
  final Timestamp now;
  private PreparedBatch changes;
  private PreparedBatch audit;
  private final java.util.function.IntConsumer progress;
  private int pending;
  private int done;
  final boolean each;

  ImportLog(
      Handle h,
      String username,
      String source,
      Timestamp now,
      java.util.function.IntConsumer progress,
      boolean each) {
    this.each = each;
    this.progress = progress;
    this.h = h;
    this.username = username;
    this.source = source;
    this.now = now;
  }

  /** One more record handled (written, or found unchanged). */
  void step() {
    progress.accept(++done);
  }

  /** Every record this import adds, changes or retires, in the order written. */
  final java.util.List<JdbiImportWriter.Changed> changed = new java.util.ArrayList<>();

  void change(Kind kind, String id, boolean deleted, String action) {
    changed.add(new JdbiImportWriter.Changed(kind, id, action));
    if (changes == null) {
      changes = h.prepareBatch("INSERT INTO change_log (kind, id, op) VALUES (:kind, :id, :op)");
    }
    changes
        .bind("kind", kind.name())
        .bind("id", id)
        .bind("op", deleted ? "DELETE" : "UPSERT")
        .add();
    add(action, kind, id, "source " + source);
  }

  void add(String action, String target, String detail) {
    add(action, null, target, detail + " · source " + source);
  }

  private void add(String action, Kind kind, String id, String detail) {
    if (!each) {
      if (++pending >= JdbiImportWriter.BATCH) {
        flush();
      }
      return;
    }
    if (audit == null) {
      audit =
          h.prepareBatch(
              "INSERT INTO audit_log (at, username, action, kind, record_id, detail) "
                  + "VALUES (:at, :user, :action, :kind, :id, :detail)");
    }
    audit
        .bind("at", now)
        .bind("user", username)
        .bind("action", action)
        .bind("kind", kind == null ? null : kind.name())
        .bind("id", id)
        .bind("detail", detail)
        .add();
    if (++pending >= JdbiImportWriter.BATCH) {
      flush();
    }
  }

  void flush() {
    if (changes != null && changes.size() > 0) {
      changes.execute();
    }
    if (audit != null && audit.size() > 0) {
      audit.execute();
    }
    changes = null;
    audit = null;
    pending = 0;
  }
}
