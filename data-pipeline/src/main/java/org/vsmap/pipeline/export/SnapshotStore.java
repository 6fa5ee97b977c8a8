package org.vsmap.pipeline.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.google.common.hash.Hashing;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vsmap.geo.port.Downloads;
import org.vsmap.geo.port.Snapshots;

/**
 * Dated, immutable versions of the datasets on disk: {@code files/{dataset}/{version}.{ext}} (what
 * the portal serves, with Range), and {@code manifests/{dataset}/{version}.json} (counts, sizes,
 * SHA-256) beside {@code {version}.ids.gz} (each record's id and a digest of its published values,
 * sorted, to tell what changed). A version is written in a scratch directory and moved into place
 * file by file, its manifest last: a version without a manifest does not exist, and what a killed
 * publish left behind is removed at the next one.
 */
public final class SnapshotStore implements Snapshots {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final Downloads downloads;
  private final Clock clock;

  public SnapshotStore(Path root, Downloads downloads, Clock clock) {
    this.root = root;
    this.downloads = downloads;
    this.clock = clock;
  }

  private Path files(String dataset) {
    return root.resolve("files").resolve(dataset);
  }

  private Path manifests(String dataset) {
    return root.resolve("manifests").resolve(dataset);
  }

  @Override
  public List<Version> versions(String dataset) {
    Path dir = manifests(dataset);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Version> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        out.add(read(JSON.readTree(p.toFile())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.comparing(Version::publishedAt).reversed());
    return out;
  }

  private static Version read(JsonNode m) {
    Map<String, Long> bytes = new LinkedHashMap<>();
    m.path("files")
        .fields()
        .forEachRemaining(e -> bytes.put(e.getKey(), e.getValue().path("bytes").asLong()));
    return new Version(
        m.path("dataset").asText(),
        m.path("version").asText(),
        m.path("published_at").asText(),
        m.path("data_version").asText(),
        m.path("records").asLong(),
        m.path("added").asLong(),
        m.path("updated").asLong(),
        m.path("retired").asLong(),
        bytes);
  }

  @Override
  public Optional<Path> file(String dataset, String version, Downloads.Format format) {
    if (!version.matches("\\d{4}-\\d{2}-\\d{2}(\\.\\d{1,4})?")
        || downloads.datasets().stream().noneMatch(d -> d.id().equals(dataset))) {
      return Optional.empty();
    }
    if (!Files.exists(manifests(dataset).resolve(version + ".json"))) {
      return Optional.empty();
    }
    Path f = files(dataset).resolve(version + "." + format.extension());
    return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
  }

  @Override
  public synchronized List<Version> publish() throws IOException {
    removeLeftovers();
    String dataVersion = downloads.version();
    List<Version> made = new ArrayList<>();
    for (Downloads.Dataset d : downloads.datasets()) {
      List<Version> before = versions(d.id());
      Version newest = before.isEmpty() ? null : before.get(0);
      if (newest != null && newest.dataVersion().equals(dataVersion)) {
        continue;
      }
      Version v = publish(d.id(), newest, dataVersion);
      if (v != null) {
        made.add(v);
      }
    }
    return made;
  }

  private Version publish(String dataset, Version newest, String dataVersion) throws IOException {
    Path tmp = Files.createDirectories(root.resolve("tmp"));
    Path work = Files.createTempDirectory(tmp, dataset + "-");
    try {
      Map<String, Object> files = new LinkedHashMap<>();
      for (Downloads.Format f : Downloads.Format.values()) {
        Path p = work.resolve(dataset + "." + f.extension());
        try (OutputStream out =
            new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
          downloads.write(dataset, f, Downloads.Filter.ALL, out);
        }
        files.put(f.extension(), Map.of("bytes", Files.size(p), "sha256", sha256(p)));
      }
      List<String[]> ids = fingerprints(work.resolve(dataset + ".csv"));
      long[] diff =
          newest == null
              ? new long[] {ids.size(), 0, 0}
              : diff(manifests(dataset).resolve(newest.version() + ".ids.gz"), ids);
      if (newest != null && diff[0] + diff[1] + diff[2] == 0) {
        return null; // the store changed elsewhere; this dataset is as published
      }
      String version = name(dataset);
      OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(CHINA).withNano(0);
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("dataset", dataset);
      manifest.put("version", version);
      manifest.put("published_at", now.toString());
      manifest.put("data_version", dataVersion);
      manifest.put("records", ids.size());
      manifest.put("added", diff[0]);
      manifest.put("updated", diff[1]);
      manifest.put("retired", diff[2]);
      manifest.put("previous", newest == null ? null : newest.version());
      manifest.put("license", DatasetExports.LICENCE);
      manifest.put("files", files);
      try (Writer w =
          new BufferedWriter(
              new OutputStreamWriter(
                  new GZIPOutputStream(Files.newOutputStream(work.resolve("ids.gz"))),
                  StandardCharsets.UTF_8))) {
        for (String[] r : ids) {
          w.write(r[0]);
          w.write('\t');
          w.write(r[1]);
          w.write('\n');
        }
      }
      JSON.writerWithDefaultPrettyPrinter()
          .writeValue(work.resolve("manifest.json").toFile(), manifest);
      Files.createDirectories(files(dataset));
      Files.createDirectories(manifests(dataset));
      for (Downloads.Format f : Downloads.Format.values()) {
        move(
            work.resolve(dataset + "." + f.extension()),
            files(dataset).resolve(version + "." + f.extension()));
      }
      move(work.resolve("ids.gz"), manifests(dataset).resolve(version + ".ids.gz"));
      move(
          work.resolve("manifest.json"),
          manifests(dataset).resolve(version + ".json")); // last: now the version exists
      LOG.info(
          "published {} version {}: {} records, {} added, {} updated, {} retired",
          dataset,
          version,
          ids.size(),
          diff[0],
          diff[1],
          diff[2]);
      return read(JSON.valueToTree(manifest));
    } finally {
      deleteTree(work);
    }
  }

  /** Today's China date, or the date with the next free suffix. */
  private String name(String dataset) {
    String day = OffsetDateTime.now(clock).withOffsetSameInstant(CHINA).toLocalDate().toString();
    String v = day;
    for (int n = 2; Files.exists(manifests(dataset).resolve(v + ".json")); n++) {
      v = day + "." + n;
    }
    return v;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Each CSV row's id and a digest of all its cells, sorted by id. */
  private static List<String[]> fingerprints(Path csv) throws IOException {
    List<String[]> out = new ArrayList<>();
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      if (r.read() != '\uFEFF') {
        throw new IOException(csv + " does not start with the BOM the exporter writes");
      }
      try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(r)) {
        boolean header = true;
        while (it.hasNext()) {
          String[] row = it.next();
          if (header) {
            header = false;
            continue;
          }
          out.add(
              new String[] {
                row[0],
                Hashing.murmur3_128()
                    .hashString(String.join("\u001f", row), StandardCharsets.UTF_8)
                    .toString()
              });
        }
      }
    }
    out.sort(Comparator.comparing((String[] a) -> a[0]));
    return out;
  }

  /** Added, updated, retired: a merge of the two id lists, both sorted. */
  private static long[] diff(Path previous, List<String[]> now) throws IOException {
    long added = 0;
    long updated = 0;
    long retired = 0;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(previous)), StandardCharsets.UTF_8))) {
      String line = r.readLine();
      int i = 0;
      while (line != null || i < now.size()) {
        String[] old = line == null ? null : line.split("\t", 2);
        String[] cur = i < now.size() ? now.get(i) : null;
        int c = old == null ? 1 : cur == null ? -1 : old[0].compareTo(cur[0]);
        if (c < 0) {
          retired++;
          line = r.readLine();
        } else if (c > 0) {
          added++;
          i++;
        } else {
          if (!old[1].equals(cur[1])) {
            updated++;
          }
          line = r.readLine();
          i++;
        }
      }
    }
    return new long[] {added, updated, retired};
  }

  /**
   * Removes scratch directories and files of versions whose manifest never landed (a killed
   * publish).
   */
  private void removeLeftovers() throws IOException {
    deleteTree(root.resolve("tmp"));
    Path all = root.resolve("files");
    if (!Files.isDirectory(all)) {
      return;
    }
    try (Stream<Path> datasets = Files.list(all)) {
      for (Path dir : datasets.toList()) {
        try (Stream<Path> s = Files.list(dir)) {
          for (Path f : s.toList()) {
            String name = f.getFileName().toString();
            String version = name.substring(0, name.lastIndexOf('.'));
            if (!Files.exists(manifests(dir.getFileName().toString()).resolve(version + ".json"))) {
              LOG.warn("removing {}: its version was never completed", f);
              Files.delete(f);
            }
          }
        }
      }
    }
  }

  private static String sha256(Path p) throws IOException {
    try (var in = Files.newInputStream(p)) {
      var h = Hashing.sha256().newHasher();
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        h.putBytes(buf, 0, n);
      }
      return h.hash().toString();
    }
  }

  private static void deleteTree(Path p) throws IOException {
    org.vsmap.pipeline.Folders.deleteTree(p);
  }
}
