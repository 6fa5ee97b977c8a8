package org.vsmap.pipeline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One built index folder ({@code gen-…} under the index root) with its writer, searchers, facet
 * state and map clusters; how a generation is found, opened, checked and removed.
 */
final class IndexGeneration {
  private static final Logger LOG = LoggerFactory.getLogger(IndexGeneration.class);

  /** Bumped whenever the field layout changes: an index of another format is rebuilt. */
  static final String FORMAT = "11";

  private static final ExecutorService SEARCH_THREADS =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          r -> {
            Thread t = new Thread(r, "vsmap-search");
            t.setDaemon(true);
            return t;
          });

  final Path dir;
  final IndexWriter writer;
  final SearcherManager searchers;
  final MapClusters clusters;
  private final FSDirectory directory;
  private volatile FacetState facets;

  private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

  /** Work on a searcher of this generation. */
  interface SearcherWork<T> {
    T apply(IndexSearcher s) throws IOException;
  }

  IndexGeneration(Path dir, IndexWriter writer, Executor background) throws IOException {
    this.dir = dir;
    this.directory = (FSDirectory) writer.getDirectory();
    this.writer = writer;
    // searches slice the segments over the cores, so one broad query on a national index uses
    // them all
    this.searchers =
        new SearcherManager(
            writer,
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new IndexSearcher(reader, SEARCH_THREADS);
              }
            });
    this.clusters = new MapClusters(searchers, background);
  }

  /**
   * Whether a generation holds a commit of this format (false also when its commit cannot be read:
   * it is rebuilt).
   */
  static boolean isCurrentFormat(Path gen) {
    try (FSDirectory dir = FSDirectory.open(gen)) {
      return DirectoryReader.indexExists(dir)
          && FORMAT.equals(DirectoryReader.listCommits(dir).getLast().getUserData().get("format"));
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "the search index in {} has no readable commit ({}): it will be rebuilt from the store",
          gen,
          e.toString());
      return false;
    }
  }

  /**
   * Opens a generation, or sets it aside (renamed {@code broken-…}, for diagnosis) and returns null
   * when its files cannot be read: a missing, truncated or garbled file is found here (Lucene
   * checks every file's header and footer on open), and the index is then rebuilt from the store.
   */
  static IndexGeneration open(Path dir, IndexWriterConfig config, Executor background)
      throws IOException {
    IndexWriter writer = null;
    try {
      writer = new IndexWriter(FSDirectory.open(dir), config);
      return new IndexGeneration(dir, writer, background);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "the search index in {} cannot be read ({}): it will be rebuilt from the store",
          dir,
          e.toString());
      if (writer != null) {
        try {
          writer.rollback();
        } catch (IOException | RuntimeException ignored) {
          // it is set aside below either way
        }
      }
      Path aside =
          dir.resolveSibling("broken-" + dir.getFileName() + "-" + System.currentTimeMillis());
      Files.move(dir, aside);
      return null;
    }
  }

  /** A short read on this generation's current searcher. */
  <T> T read(SearcherWork<T> work) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return work.apply(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the search index: " + e.getMessage(), e);
    }
  }

  /**
   * Reads every file of the generation and checks its checksum (a flipped bit anywhere is found);
   * false when one does not match.
   */
  boolean intact() {
    try {
      return read(
          s -> {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
              leaf.reader().checkIntegrity();
            }
            return true;
          });
    } catch (RuntimeException e) {
      LOG.warn("the search index in {} failed its integrity check: {}", dir, e.toString());
      return false;
    }
  }

  /** The user data of the writer's live commit (format, store id, store sequence). */
  Map<String, String> liveData() {
    Map<String, String> m = new LinkedHashMap<>();
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      data.forEach(e -> m.put(e.getKey(), e.getValue()));
    }
    return m;
  }

  /** The facet state of a reader of this generation, made once per reader. */
  SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    FacetState f = facets;
    if (f == null || f.reader() != reader) {
      synchronized (this) {
        f = facets;
        if (f == null || f.reader() != reader) {
          f =
              new FacetState(
                  reader, new DefaultSortedSetDocValuesReaderState(reader, SearchDocuments.FACETS));
          facets = f;
        }
      }
    }
    return f.state();
  }

  void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("closing index generation {}: {}", dir, e.getMessage());
    }
  }

  static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not remove old index folder {}: {}", dir, e.getMessage());
    }
  }
}
