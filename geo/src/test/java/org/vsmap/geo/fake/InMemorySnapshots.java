package org.vsmap.geo.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vsmap.geo.port.Downloads;
import org.vsmap.geo.port.Snapshots;

/**
 * The {@link Snapshots} port over a folder: {@link #put} writes a version's file there, as a
 * publish would; {@link #publish} makes nothing (no store behind it) and says so by an empty list.
 */
public final class InMemorySnapshots implements Snapshots {
  private final Path folder;
  private final List<Version> versions = new ArrayList<>();

  public InMemorySnapshots(Path folder) {
    this.folder = folder;
  }

  /** A published version of one format with these bytes. */
  public Version put(String dataset, String version, Downloads.Format format, byte[] bytes) {
    try {
      Files.write(folder.resolve(dataset + "-" + version + "." + format.extension()), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Version v =
        new Version(
            dataset,
            version,
            version + "T10:00:00+08:00",
            "test",
            1,
            1,
            0,
            0,
            Map.of(format.extension(), (long) bytes.length));
    versions.add(0, v);
    return v;
  }

  @Override
  public List<Version> versions(String dataset) {
    return versions.stream().filter(v -> v.dataset().equals(dataset)).toList();
  }

  @Override
  public Optional<Path> file(String dataset, String version, Downloads.Format format) {
    Path p = folder.resolve(dataset + "-" + version + "." + format.extension());
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  @Override
  public List<Version> publish() {
    return List.of();
  }
}
