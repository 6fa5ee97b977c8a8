package org.vsmap.geo.port;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Published versions of the open datasets: each publish writes a dated, immutable snapshot of a
 * dataset in every download format, with what changed since the version before.
 */
public interface Snapshots {

  /**
   * One published version: its name (the China date, with {@code .2}, {@code .3}… when a day has
   * several), when it was published (RFC 3339), the store's data version it was made from, how many
   * records it holds and how many were added, updated and retired since the version before, and the
   * size of each file by extension.
   */
  record Version(
      String dataset,
      String version,
      String publishedAt,
      String dataVersion,
      long records,
      long added,
      long updated,
      long retired,
      Map<String, Long> bytes) {}

  /** The versions of a dataset, newest first. */
  List<Version> versions(String dataset);

  /** The file of a version in a format, if that version exists. */
  Optional<Path> file(String dataset, String version, Downloads.Format format);

  /**
   * Publishes a new version of every dataset whose records changed since its newest version (or
   * that has none yet); a version appears whole or not at all.
   *
   * @return the versions made, none when nothing changed
   */
  List<Version> publish() throws IOException;
}
