package org.vsmap.pipeline.store;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Jdbi;
import org.vsmap.pipeline.importer.OfficeImport;

/**
 * The one way an office's file reaches the store, for the {@code import} command and the admin
 * pages alike: check every row against the store ({@link OfficeImport} over {@link
 * JdbiImportLookups}), then — only when nothing is wrong — preview or write the batch in one
 * transaction ({@link JdbiImportWriter}). A photo list is one more kind: its reader checks every
 * row and every file beside it, and the writer attaches all the photos or none.
 */
public final class ImportPipeline {
  private final Jdbi jdbi;
  private final Clock clock;

  public ImportPipeline(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Reads and checks a file; writes nothing (but a column mapping the request asks to save).
   *
   * @throws IllegalArgumentException when the file cannot be read at all
   */
  public OfficeImport.Prepared check(OfficeImport.Request request) {
    return OfficeImport.prepare(new JdbiImportLookups(jdbi), request, LocalDateTime.now(clock));
  }

  /** What writing a clean file would do, written and rolled back. */
  public JdbiImportWriter.Outcome preview(OfficeImport.Prepared checked) {
    return new JdbiImportWriter(jdbi, clock).preview(clean(checked).batch());
  }

  /** Writes a clean file in one transaction, telling {@code progress} how many records are done. */
  public JdbiImportWriter.Outcome write(OfficeImport.Prepared checked, IntConsumer progress) {
    return new JdbiImportWriter(jdbi, clock).apply(clean(checked).batch(), progress);
  }

  private static OfficeImport.Prepared clean(OfficeImport.Prepared checked) {
    if (!checked.clean()) {
      throw new IllegalStateException("a file with problems is never written");
    }
    return checked;
  }
}
