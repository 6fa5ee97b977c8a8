package org.vsmap.pipeline.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Jdbi;
import org.vsmap.geo.port.Photos;
import org.vsmap.pipeline.importer.Grid;
import org.vsmap.pipeline.importer.OfficeImport;
import org.vsmap.pipeline.photos.PhotoAttach;
import org.vsmap.pipeline.photos.PhotoImport;

/**
 * The one way an office's file reaches the store, for the {@code import} command and the admin
 * pages alike: check every row against the store ({@link OfficeImport} over {@link
 * JdbiImportLookups}), then — only when nothing is wrong — preview or write the batch in one
 * transaction ({@link JdbiImportWriter}). A photo list takes the same two steps: check every row
 * and every file ({@link PhotoImport}), then attach all or none ({@link PhotoAttach}).
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

  /** Checks a photo list and every photo it names (within {@code scope}, null for anywhere). */
  public PhotoImport.Result checkPhotos(Grid list, Path folder, String scope) {
    return PhotoImport.read(list, folder, JdbiPhotoAttach.subjects(jdbi), scope);
  }

  /**
   * Attaches a clean photo list's photos in one transaction, all or none.
   *
   * @throws IllegalArgumentException when a record went away since the check (nothing attached)
   */
  public List<Photos.Photo> attachPhotos(PhotoImport.Result checked, String username) {
    if (!checked.problems().isEmpty()) {
      throw new IllegalStateException("a photo list with problems is never attached");
    }
    return jdbi.inTransaction(
        h -> JdbiPhotoAttach.store(h, checked.photos(), username, LocalDateTime.now(clock)));
  }

  private static OfficeImport.Prepared clean(OfficeImport.Prepared checked) {
    if (!checked.clean()) {
      throw new IllegalStateException("a file with problems is never written");
    }
    return checked;
  }
}
