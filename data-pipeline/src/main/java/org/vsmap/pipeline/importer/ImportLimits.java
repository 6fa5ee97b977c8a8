package org.vsmap.pipeline.importer;

/**
 * How large one office file may be, on the admin pages and through the import command alike: at
 * most {@value #MAX_MEGABYTES} MB and {@value #MAX_ROWS} rows. A file at both limits is checked
 * within a 1 GB heap (docs/reliability.md has the measurement); a larger one is refused before it
 * is read, with a message naming the limit — split it, the rows of one source may come in several
 * files.
 */
public final class ImportLimits {
  public static final int MAX_MEGABYTES = 64;
  public static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;
  public static final int MAX_ROWS = 300_000;

  private ImportLimits() {}

  /** A file past a limit: its message names the limit, in English and Chinese. */
  public static final class TooLarge extends IllegalArgumentException {
    TooLarge(String message) {
      super(message);
    }
  }

  /** Refuses a file over {@link #MAX_BYTES}, before any of it is read. */
  public static void checkSize(String file, long bytes) {
    if (bytes > MAX_BYTES) {
      throw new TooLarge(
          file
              + ": the file is "
              + (bytes + 512 * 1024) / (1024 * 1024)
              + " MB, more than the "
              + MAX_MEGABYTES
              + " MB a file may have: split it into files of at most "
              + MAX_MEGABYTES
              + " MB and "
              + String.format("%,d", MAX_ROWS)
              + " rows / 文件为 "
              + (bytes + 512 * 1024) / (1024 * 1024)
              + " MB，超过每个文件 "
              + MAX_MEGABYTES
              + " MB 的上限：请拆分为每个不超过 "
              + MAX_MEGABYTES
              + " MB、"
              + MAX_ROWS
              + " 行的文件");
    }
  }

  /** Refuses a file once its rows pass {@link #MAX_ROWS}, so the rest is never read. */
  static void checkRows(String file, int rows) {
    if (rows > MAX_ROWS) {
      throw new TooLarge(
          file
              + ": more than "
              + String.format("%,d", MAX_ROWS)
              + " rows, the most a file may have: split it (the rows of one source may come in"
              + " several files) / 超过每个文件 "
              + MAX_ROWS
              + " 行的上限：请拆分为多个文件");
    }
  }
}
