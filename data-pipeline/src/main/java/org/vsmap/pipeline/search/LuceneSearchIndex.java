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
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
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
  private volatile IndexGeneration current;

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
        if (current == null && IndexGeneration.isCurrentFormat(g)) {
          current =
              IndexGeneration.open(
                  g.toAbsolutePath(), config(IndexWriterConfig.OpenMode.APPEND), background);
          if (current != null) {
            continue;
          }
        }
        if (Files.exists(g)) {
          LOG.info("removing the unused search index generation {}", g.getFileName());
          IndexGeneration.deleteQuietly(g);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the search index in " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads every file of the served index and checks its checksum (a flipped bit anywhere is found);
   * false when one does not match. Takes about a second per GB, so it runs after start.
   */
  public boolean intact() {
    IndexGeneration g = current;
    return g != null && g.intact();
  }

  /**
   * The identity of the store the served index was built from, or null when there is no usable
   * index.
   */
  public String storeId() {
    IndexGeneration g = current;
    return g == null ? null : g.liveData().get("store_id");
  }

  /** The store change sequence the served index reflects, or -1 when there is no usable index. */
  @Override
  public long storeSequence() {
    IndexGeneration g = current;
    if (g == null) {
      return -1;
    }
    String seq = g.writer.getLiveCommitData() == null ? null : g.liveData().get("store_seq");
    return seq == null ? -1 : Long.parseLong(seq);
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
      feed.accept(new DocumentSink(writer, documents, n));
      writer.setLiveCommitData(
          Map.of(
                  "format",
                  IndexGeneration.FORMAT,
                  "store_id",
                  storeId,
                  "store_seq",
                  Long.toString(storeSeq))
              .entrySet());
      writer.commit();
      IndexGeneration fresh = new IndexGeneration(dir, writer, background);
      IndexGeneration old = current;
      current = fresh;
      if (old != null) {
        background.schedule(
            () -> {
              old.close();
              IndexGeneration.deleteQuietly(old.dir);
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
    IndexGeneration g = require();
    try {
      Map<String, String> data = g.liveData();
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
  private record Cached(IndexGeneration generation, long version, long expires, Result result) {}

  private static final int RESULT_CACHE = 1024; // recent answers kept (a few MB)

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

  private volatile boolean keepAnswers = true;

  /** Each search made afresh, none kept: for benchmarks of the queries' own cost. */
  public LuceneSearchIndex withoutKeptAnswers() {
    keepAnswers = false;
    results.invalidateAll();
    return this;
  }

  @Override
  public Result search(Request r) {
    IndexGeneration g = require();
    try {
      IndexSearcher s = g.searchers.acquire();
      try {
        long version = ((DirectoryReader) s.getIndexReader()).getVersion();
        long now = clock.millis();
        Cached c = r.near() == null && keepAnswers ? results.getIfPresent(r) : null;
        if (c != null && c.generation() == g && c.version() == version && now < c.expires()) {
          return c.result();
        }
        Result answer = searchUncached(g, s, r);
        if (r.near() == null && keepAnswers) {
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

  private Result searchUncached(IndexGeneration g, IndexSearcher s, Request r) throws IOException {
    org.apache.lucene.search.Query q = queries.of(r, null);
    int n = r.offset() + r.limit();
    FacetsCollectorManager.FacetsResult fr =
        FacetsCollectorManager.search(s, q, n, SearchHits.sort(r), new FacetsCollectorManager());
    TopDocs top = fr.topDocs();
    ScoreDoc[] page =
        top.scoreDocs.length <= r.offset()
            ? new ScoreDoc[0]
            : java.util.Arrays.copyOfRange(
                top.scoreDocs, r.offset(), Math.min(top.scoreDocs.length, n));
    Map<String, List<Count>> facets =
        SearchHits.facets(
            new SortedSetDocValuesFacetCounts(
                g.facetState(s.getIndexReader()), fr.facetsCollector()),
            r);
    if (r.from() == null && r.kindsOrAll().contains(Kind.ACTIVITY)) {
      facets.put("date", SearchHits.dateCounts(LocalDate.now(clock), fr.facetsCollector()));
    }
    return new Result(top.totalHits.value(), SearchHits.hits(words, analyzer, s, r, page), facets);
  }

  @Override
  public List<Suggestion> suggest(String prefix, int limit) {
    if (prefix == null || prefix.isBlank()) {
      return List.of();
    }
    String text = prefix.strip();
    if (text.codePointCount(0, text.length()) > 50) {
      throw new IllegalArgumentException("q for suggestions is longer than 50 characters");
    }
    // first a few words of the vocabulary (助 → 助老, 助残), then names
    List<Suggestion> words =
        queries.wordsStartingWith(text).stream()
            .limit(Math.min(3, limit))
            .map(w -> new Suggestion(null, null, w))
            .toList();
    int names = limit - words.size();
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
      return words;
    }
    org.apache.lucene.search.Query q =
        FunctionScoreQuery.boostByValue(m.build(), DoubleValuesSource.fromDoubleField(PRIOR));
    return require()
        .read(
            s -> {
              TopDocs top = s.search(q, limit * 4);
              Set<String> seen = new LinkedHashSet<>();
              List<Suggestion> out = new ArrayList<>(words);
              for (ScoreDoc sd : top.scoreDocs) {
                HitCard c = HitCard.of(s.getIndexReader(), sd.doc);
                if (seen.add(c.name()) && out.size() < words.size() + names) {
                  out.add(new Suggestion(c.kind(), c.id(), c.name()));
                }
              }
              return out;
            });
  }

  @Override
  public List<Hit> nearest(GeoPoint p, Set<Kind> kinds, int limit) {
    long now = epoch(LocalDateTime.now(clock));
    return require().read(s -> nearest(s, p, kinds, limit, now));
  }

  private static List<Hit> nearest(
      IndexSearcher s, GeoPoint p, Set<Kind> kinds, int limit, long now) throws IOException {
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
  }

  @Override
  public List<Cluster> clusters(Request r, int zoom) {
    if (r.bbox() == null) {
      throw new IllegalArgumentException("clusters need a bbox");
    }
    IndexGeneration g = require();
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

  /** A short read on the current generation's searcher; 0 while there is no generation yet. */
  private long withCurrentSearcher(IndexGeneration.SearcherWork<Long> work) {
    IndexGeneration g = current;
    return g == null ? 0 : g.read(work);
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
    IndexGeneration g = current;
    current = null;
    if (g != null) {
      g.close();
    }
  }

  private IndexGeneration require() {
    IndexGeneration g = current;
    if (g == null) {
      throw new IllegalStateException("the search index is not built yet");
    }
    return g;
  }

  private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    return new IndexWriterConfig(analyzer).setOpenMode(mode).setRAMBufferSizeMB(64);
  }
}
