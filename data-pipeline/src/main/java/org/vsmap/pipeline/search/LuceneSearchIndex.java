package org.vsmap.pipeline.search;

import static org.vsmap.pipeline.search.SearchDocuments.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.port.SearchIndex;

/**
 * One Lucene index over stations, teams and activities, answering every interactive query of the
 * map in-process: text (smartcn words, single-character phrases for partial names, pinyin full and
 * initials, one typo in Latin input), facets, box and radius filters, distance sort and a "near me"
 * blend, nearest neighbours, suggestions; queries are built by {@link SearchQueries}, map clusters
 * made by {@link MapClusters}.
 *
 * <p>The index is a derived copy of the store. It lives in a generation folder under its root;
 * {@link #rebuild} writes a new generation beside the one being served and swaps it in, so queries
 * are answered during a rebuild. Single changes go through {@link #upsert}/{@link #delete} and are
 * searchable after {@link #commit}; each commit records the store's change sequence it reflects.
 */
public final class LuceneSearchIndex implements SearchIndex, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LuceneSearchIndex.class);

  /** Bumped whenever the field layout changes: an index of another format is rebuilt. */
  static final String FORMAT = "9";

  private static final String[] DIMS = {KIND, THEME, CARE, COUNTY, STREET, TYPE, RECRUITING};
  private static final java.util.concurrent.ExecutorService SEARCH_THREADS =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          r -> {
            Thread t = new Thread(r, "vsmap-search");
            t.setDaemon(true);
            return t;
          });

  private final Path root;
  private final Clock clock;
  private final Analyzer chars = new StandardAnalyzer();
  private final Analyzer words = new SmartChineseAnalyzer();
  private final Analyzer bigrams = new CJKAnalyzer(CharArraySet.EMPTY_SET);
  private final Analyzer analyzer =
      new PerFieldAnalyzerWrapper(words, Map.of(NAME_CHARS, chars, NAME_BIGRAMS, bigrams));
  private final SearchDocuments documents = new SearchDocuments(words);
  private final SearchQueries queries = new SearchQueries(words, bigrams, chars);
  private final ScheduledExecutorService background =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "vsmap-index");
            t.setDaemon(true);
            return t;
          });
  private volatile Generation current;

  /** One built index folder with its writer and searchers. */
  private static final class Generation {
    final Path dir;
    final FSDirectory directory;
    final IndexWriter writer;
    final SearcherManager searchers;
    volatile FacetState facets;
    final MapClusters clusters;

    Generation(Path dir, IndexWriter writer, java.util.concurrent.Executor background)
        throws IOException {
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

    void close() {
      try {
        searchers.close();
        writer.close();
        directory.close();
      } catch (IOException | RuntimeException e) {
        LOG.warn("closing index generation {}: {}", dir, e.getMessage());
      }
    }
  }

  private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

  /**
   * Opens the newest complete, readable generation under {@code root} of this format, if there is
   * one.
   */
  public LuceneSearchIndex(Path root, Clock clock) {
    this.root = root;
    this.clock = clock;
    try {
      Files.createDirectories(root);
      List<Path> gens;
      try (Stream<Path> list = Files.list(root)) {
        gens =
            list.filter(p -> p.getFileName().toString().startsWith("gen-"))
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
      }
      // the newest generation with a complete commit of this format is served; a newer one without
      // (a rebuild cut short by a kill) and older ones (a swap whose cleanup never ran) are removed
      for (Path g : gens) {
        if (current == null && isCurrentFormat(g)) {
          current = openGeneration(g.toAbsolutePath());
          if (current != null) {
            continue;
          }
        }
        if (Files.exists(g)) {
          LOG.info("removing the unused search index generation {}", g.getFileName());
          deleteQuietly(g);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the search index in " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether a generation holds a commit of this format (false also when its commit cannot be read:
   * it is rebuilt).
   */
  private static boolean isCurrentFormat(Path gen) {
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
  private Generation openGeneration(Path dir) throws IOException {
    IndexWriter writer = null;
    try {
      writer = new IndexWriter(FSDirectory.open(dir), config(IndexWriterConfig.OpenMode.APPEND));
      return new Generation(dir, writer, background);
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

  /**
   * Reads every file of the served index and checks its checksum (a flipped bit anywhere is found);
   * false when one does not match. Takes about a second per GB, so it runs after start.
   */
  public boolean intact() {
    Generation g = current;
    if (g == null) {
      return false;
    }
    IndexSearcher s = null;
    try {
      s = g.searchers.acquire();
      for (org.apache.lucene.index.LeafReaderContext leaf : s.getIndexReader().leaves()) {
        leaf.reader().checkIntegrity();
      }
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warn("the search index in {} failed its integrity check: {}", g.dir, e.toString());
      return false;
    } finally {
      if (s != null) {
        try {
          g.searchers.release(s);
        } catch (IOException ignored) {
          // nothing to release
        }
      }
    }
  }

  /**
   * The identity of the store the served index was built from, or null when there is no usable
   * index.
   */
  public String storeId() {
    Generation g = current;
    return g == null ? null : liveData(g).get("store_id");
  }

  /** The store change sequence the served index reflects, or -1 when there is no usable index. */
  @Override
  public long storeSequence() {
    Generation g = current;
    if (g == null) {
      return -1;
    }
    String seq = g.writer.getLiveCommitData() == null ? null : liveData(g).get("store_seq");
    return seq == null ? -1 : Long.parseLong(seq);
  }

  private static Map<String, String> liveData(Generation g) {
    Map<String, String> m = new LinkedHashMap<>();
    Iterable<Map.Entry<String, String>> data = g.writer.getLiveCommitData();
    if (data != null) {
      data.forEach(e -> m.put(e.getKey(), e.getValue()));
    }
    return m;
  }

  /**
   * Writes a complete new generation from these records and swaps it in; the old one keeps
   * answering until then and is removed shortly after.
   */
  public synchronized int rebuild(
      List<Station> stations,
      List<Team> teams,
      List<Activity> activities,
      Map<String, GeoPoint> stationPoints,
      String storeId,
      long storeSeq) {
    return rebuild(
        storeId,
        storeSeq,
        sink -> {
          stations.forEach(sink::station);
          teams.forEach(
              t ->
                  sink.team(
                      t, t.homeStationId() == null ? null : stationPoints.get(t.homeStationId())));
          activities.forEach(sink::activity);
        });
  }

  /**
   * Receives the records of a rebuild one at a time, so a national set never has to fit in memory.
   */
  public interface Sink {
    void station(Station s);

    void team(Team t, GeoPoint home);

    void activity(Activity a);
  }

  /**
   * Writes a complete new generation from whatever {@code feed} passes to the sink (from any number
   * of threads), then swaps it in.
   */
  public synchronized int rebuild(
      String storeId, long storeSeq, java.util.function.Consumer<Sink> feed) {
    Path dir =
        root.resolve("gen-" + String.format("%019d", System.currentTimeMillis())).toAbsolutePath();
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    try {
      // a rebuild writes everything at once: a larger buffer means fewer, larger flushes and less
      // merging
      IndexWriter writer =
          new IndexWriter(
              FSDirectory.open(dir),
              config(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(128));
      feed.accept(
          new Sink() {
            @Override
            public void station(Station s) {
              add(writer, documents.station(s));
            }

            @Override
            public void team(Team t, GeoPoint home) {
              add(writer, documents.team(t, home));
            }

            @Override
            public void activity(Activity a) {
              add(writer, documents.activity(a));
            }

            private void add(IndexWriter w, Document d) {
              try {
                w.addDocument(d);
                n.incrementAndGet();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          });
      writer.setLiveCommitData(
          Map.of("format", FORMAT, "store_id", storeId, "store_seq", Long.toString(storeSeq))
              .entrySet());
      writer.commit();
      Generation fresh = new Generation(dir, writer, background);
      Generation old = current;
      current = fresh;
      if (old != null) {
        background.schedule(
            () -> {
              old.close();
              deleteQuietly(old.dir);
            },
            5,
            TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the search index: " + e.getMessage(), e);
    }
    return n.get();
  }

  public void upsert(Station s) {
    update(uid(Kind.STATION, s.id()), documents.station(s));
  }

  public void upsert(Team t, GeoPoint home) {
    update(uid(Kind.TEAM, t.id()), documents.team(t, home));
  }

  public void upsert(Activity a) {
    update(uid(Kind.ACTIVITY, a.id()), documents.activity(a));
  }

  public void delete(Kind kind, String id) {
    try {
      require().writer.deleteDocuments(new Term(UID, uid(kind, id)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes the changes so far durable and searchable, recording the store sequence they reflect. */
  public void commit(long storeSeq) {
    Generation g = require();
    try {
      Map<String, String> data = liveData(g);
      data.put("store_seq", Long.toString(storeSeq));
      g.writer.setLiveCommitData(data.entrySet());
      g.writer.commit();
      g.searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void update(String uid, Document doc) {
    try {
      require().writer.updateDocument(new Term(UID, uid), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An answer kept for the index state it was made from, until {@code expires} (clock millis). */
  private record Cached(Generation generation, long version, long expires, Result result) {}

  /** How many recent answers are kept (a few MB). */
  private static final int RESULT_CACHE = 1024;

  /**
   * Recent answers by request: residents ask the same few words and filters again and again, and a
   * broad word with all its facets costs 50–300 ms on a national index (two cores). An answer is
   * reused only while the index has not changed (same generation and reader version) and for a
   * minute or so ("today" and "this weekend" move with the clock): 60–90 s, spread so that the
   * popular answers do not all expire, and get made again, at the same moment. Answers near a point
   * are not kept (each point is asked once).
   */
  private final com.github.benmanes.caffeine.cache.Cache<Request, Cached> results =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(RESULT_CACHE).build();

  @Override
  public Result search(Request r) {
    Generation g = require();
    try {
      IndexSearcher s = g.searchers.acquire();
      try {
        long version = ((DirectoryReader) s.getIndexReader()).getVersion();
        long now = clock.millis();
        Cached c = r.near() == null ? results.getIfPresent(r) : null;
        if (c != null && c.generation() == g && c.version() == version && now < c.expires()) {
          return c.result();
        }
        Result answer = searchUncached(g, s, r);
        if (r.near() == null) {
          results.put(
              r,
              new Cached(
                  g,
                  version,
                  now + 60_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(30_000),
                  answer));
        }
        return answer;
      } finally {
        g.searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed: " + e.getMessage(), e);
    }
  }

  private Result searchUncached(Generation g, IndexSearcher s, Request r) throws IOException {
    org.apache.lucene.search.Query q = queries.of(r, null);
    int n = r.offset() + r.limit();
    Sort sort =
        switch (r.order()) {
          case RELEVANCE -> null;
          case DISTANCE ->
              new Sort(LatLonDocValuesField.newDistanceSort(POINT, r.near().lat(), r.near().lon()));
          case START -> new Sort(startSort(), SortField.FIELD_SCORE);
        };
    FacetsCollectorManager.FacetsResult fr =
        sort == null
            ? FacetsCollectorManager.search(s, q, n, new FacetsCollectorManager())
            : FacetsCollectorManager.search(s, q, n, sort, new FacetsCollectorManager());
    TopDocs top = fr.topDocs();
    ScoreDoc[] page =
        top.scoreDocs.length <= r.offset()
            ? new ScoreDoc[0]
            : java.util.Arrays.copyOfRange(
                top.scoreDocs, r.offset(), Math.min(top.scoreDocs.length, n));
    Map<String, List<Count>> facets = new LinkedHashMap<>();
    Facets counts =
        new SortedSetDocValuesFacetCounts(facetState(g, s.getIndexReader()), fr.facetsCollector());
    for (String dim : DIMS) {
      if (dim.equals(STREET) && (r.regionCode() == null || r.regionCode().length() < 6)) {
        continue; // streets are counted once a county is chosen: nationally there are 41,000 of
        // them
      }
      try {
        FacetResult res = counts.getTopChildren(500, dim);
        if (res != null) {
          List<Count> values = new ArrayList<>();
          for (LabelAndValue lv : res.labelValues) {
            values.add(new Count(lv.label, lv.value.longValue()));
          }
          facets.put(dim, values);
        }
      } catch (IllegalArgumentException notIndexed) {
        // no document has this dimension yet
      }
    }
    if (r.from() == null && r.kindsOrAll().contains(Kind.ACTIVITY)) {
      facets.put("date", SearchHits.dateCounts(LocalDate.now(clock), fr.facetsCollector()));
    }
    return new Result(top.totalHits.value(), SearchHits.hits(words, analyzer, s, r, page), facets);
  }

  private static SortField startSort() {
    SortField f = new SortField(START, SortField.Type.LONG);
    f.setMissingValue(Long.MAX_VALUE);
    return f;
  }

  private SortedSetDocValuesReaderState facetState(Generation g, IndexReader reader)
      throws IOException {
    FacetState f = g.facets;
    if (f == null || f.reader() != reader) {
      synchronized (g) {
        f = g.facets;
        if (f == null || f.reader() != reader) {
          f = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, FACETS));
          g.facets = f;
        }
      }
    }
    return f.state();
  }

  /** Lowercased Latin letters and digits when the input is a pinyin-like string, else null. */
  @Override
  public List<Suggestion> suggest(String prefix, int limit) {
    if (prefix == null || prefix.isBlank()) {
      return List.of();
    }
    String text = prefix.strip();
    if (text.codePointCount(0, text.length()) > 50) {
      throw new IllegalArgumentException("q for suggestions is longer than 50 characters");
    }
    BooleanQuery.Builder m = new BooleanQuery.Builder();
    org.apache.lucene.search.Query phrase = queries.partOfName(text);
    if (phrase != null) {
      m.add(phrase, Occur.SHOULD);
    }
    String latin = SearchQueries.latinKey(text);
    if (latin != null) {
      m.add(new PrefixQuery(new Term(PY, latin)), Occur.SHOULD);
    }
    if (phrase == null && latin == null) {
      return List.of();
    }
    org.apache.lucene.search.Query q =
        FunctionScoreQuery.boostByValue(m.build(), DoubleValuesSource.fromDoubleField(PRIOR));
    Generation g = require();
    try {
      IndexSearcher s = g.searchers.acquire();
      try {
        TopDocs top = s.search(q, limit * 4);
        Set<String> seen = new LinkedHashSet<>();
        List<Suggestion> out = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
          HitCard c = HitCard.of(s.getIndexReader(), sd.doc);
          if (seen.add(c.name()) && out.size() < limit) {
            out.add(new Suggestion(c.kind(), c.id(), c.name()));
          }
        }
        return out;
      } finally {
        g.searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<Hit> nearest(GeoPoint p, Set<Kind> kinds, int limit) {
    Generation g = require();
    long now = epoch(LocalDateTime.now(clock));
    try {
      IndexSearcher s = g.searchers.acquire();
      try {
        List<Hit> all = new ArrayList<>();
        for (Kind k : kinds.isEmpty() ? EnumSet.allOf(Kind.class) : kinds) {
          TopFieldDocs td;
          try {
            td =
                LatLonPoint.nearest(
                    s, pointField(k), p.lat(), p.lon(), k == Kind.ACTIVITY ? limit * 4 : limit);
          } catch (IllegalArgumentException noSuchPoints) {
            continue;
          }
          for (ScoreDoc sd : td.scoreDocs) {
            HitCard c = HitCard.of(s.getIndexReader(), sd.doc);
            if (k == Kind.ACTIVITY && c.end() != HitCard.NONE && c.end() < now) {
              continue;
            }
            double metres = ((Number) ((FieldDoc) sd).fields[0]).doubleValue();
            all.add(SearchHits.hit(c, Marks.escape(c.name()), null, metres));
          }
        }
        all.sort(Comparator.comparingDouble(Hit::distanceMetres));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
      } finally {
        g.searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<Cluster> clusters(Request r, int zoom) {
    if (r.bbox() == null) {
      throw new IllegalArgumentException("clusters need a bbox");
    }
    Generation g = require();
    try {
      if (r.onlyKindsAndBox()) {
        return g.clusters.precomputed(r.kindsOrAll(), r.bbox(), zoom);
      }
      List<Cluster> out = new ArrayList<>();
      for (Kind k : r.kindsOrAll()) {
        out.addAll(g.clusters.matching(queries.of(r, k), k, zoom));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long count(Request request) {
    return withCurrentSearcher(s -> (long) s.count(queries.of(request, null)));
  }

  @Override
  public long size() {
    return withCurrentSearcher(s -> (long) s.getIndexReader().numDocs());
  }

  private interface SearcherWork {
    long apply(IndexSearcher s) throws IOException;
  }

  /** A short read on the current generation's searcher; 0 while there is no generation yet. */
  private long withCurrentSearcher(SearcherWork work) {
    Generation g = current;
    if (g == null) {
      return 0;
    }
    try {
      IndexSearcher s = g.searchers.acquire();
      try {
        return work.apply(s);
      } finally {
        g.searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes pending single changes visible without a commit (used by tests and the follower). */
  public void refresh() {
    try {
      require().searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    background.shutdownNow();
    Generation g = current;
    current = null;
    if (g != null) {
      g.close();
    }
  }

  private Generation require() {
    Generation g = current;
    if (g == null) {
      throw new IllegalStateException("the search index is not built yet");
    }
    return g;
  }

  private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    return new IndexWriterConfig(analyzer).setOpenMode(mode).setRAMBufferSizeMB(64);
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not remove old index folder {}: {}", dir, e.getMessage());
    }
  }
}
