package org.vsmap.pipeline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.port.SearchIndex;

/**
 * One Lucene index over stations, teams and activities. Names are indexed twice: segmented by
 * smartcn (words) and as single characters (so a phrase of characters finds any part of a name,
 * e.g. "锦秀" in 锦秀社区). The index lives in a folder of the data directory and is rebuilt from the
 * store; it holds no data that the store does not.
 */
public final class LuceneSearchIndex implements SearchIndex, AutoCloseable {
  private static final String KIND = "kind";
  private static final String ID = "id";
  private static final String NAME = "name";
  private static final String NAME_CHARS = "name_chars";
  private static final String TEXT = "text";
  private static final String REGION = "region";
  private static final String LON = "lon";
  private static final String LAT = "lat";
  private static final String SYNTHETIC = "synthetic";
  private static final String POINT = "point";

  private final Directory directory;
  private final Analyzer analyzer;
  private final Analyzer chars = new StandardAnalyzer();
  private final Analyzer words = new SmartChineseAnalyzer();
  private SearcherManager searchers;

  public LuceneSearchIndex(Path folder) {
    try {
      this.directory = FSDirectory.open(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + folder + ": " + e.getMessage(), e);
    }
    this.analyzer = new PerFieldAnalyzerWrapper(words, Map.of(NAME_CHARS, chars));
  }

  /** Replaces the whole index with these records and makes it searchable. */
  public synchronized int rebuild(List<Station> stations, List<Team> teams, List<Activity> activities,
      Map<String, GeoPoint> stationPoints) {
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    int n = 0;
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (Station s : stations) {
        writer.addDocument(doc(Kind.STATION, s.id(), s.name(), s.address() + " " + String.join(" ", s.services()),
            s.regionCode(), s.location(), s.synthetic()));
        n++;
      }
      for (Team t : teams) {
        GeoPoint home = t.homeStationId() == null ? null : stationPoints.get(t.homeStationId());
        writer.addDocument(doc(Kind.TEAM, t.id(), t.name(), nullToEmpty(t.supervisingUnit()) + " " + nullToEmpty(t.speciality()),
            t.regionCode(), home, t.synthetic()));
        n++;
      }
      for (Activity a : activities) {
        writer.addDocument(doc(Kind.ACTIVITY, a.id(), a.title(), nullToEmpty(a.description()) + " " + a.theme().zh(),
            a.regionCode(), a.location(), a.synthetic()));
        n++;
      }
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the search index: " + e.getMessage(), e);
    }
    try {
      if (searchers == null) {
        searchers = new SearcherManager(directory, null);
      } else {
        searchers.maybeRefreshBlocking();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index: " + e.getMessage(), e);
    }
    return n;
  }

  @Override
  public Result search(SearchIndex.Query q) {
    if (searchers == null) {
      throw new IllegalStateException("the search index is not built yet");
    }
    String text = q.text().strip();
    BooleanQuery.Builder match = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
    org.apache.lucene.search.Query charPhrase = new QueryBuilder(chars).createPhraseQuery(NAME_CHARS, text);
    if (charPhrase != null) {
      match.add(new BoostQuery(charPhrase, 4f), Occur.SHOULD);
    }
    QueryBuilder wordBuilder = new QueryBuilder(words);
    org.apache.lucene.search.Query nameWords = wordBuilder.createBooleanQuery(NAME, text, Occur.MUST);
    if (nameWords != null) {
      match.add(new BoostQuery(nameWords, 2f), Occur.SHOULD);
    }
    org.apache.lucene.search.Query textWords = wordBuilder.createBooleanQuery(TEXT, text, Occur.MUST);
    if (textWords != null) {
      match.add(textWords, Occur.SHOULD);
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(match.build(), Occur.MUST);
    if (!q.kinds().isEmpty()) {
      BooleanQuery.Builder kinds = new BooleanQuery.Builder();
      for (Kind k : q.kinds()) {
        kinds.add(new TermQuery(new Term(KIND, k.name())), Occur.SHOULD);
      }
      query.add(kinds.build(), Occur.FILTER);
    }
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top = searcher.search(query.build(), q.limit());
        List<Hit> hits = new ArrayList<>();
        var stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
          Document d = stored.document(sd.doc);
          String lon = d.get(LON);
          GeoPoint p = lon == null ? null : new GeoPoint(Double.parseDouble(lon), Double.parseDouble(d.get(LAT)));
          hits.add(new Hit(Kind.valueOf(d.get(KIND)), d.get(ID), d.get(NAME), d.get(REGION), p,
              Boolean.parseBoolean(d.get(SYNTHETIC))));
        }
        return new Result(top.totalHits.value(), hits);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed: " + e.getMessage(), e);
    }
  }

  @Override
  public long size() {
    if (searchers == null) {
      return 0;
    }
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return s.getIndexReader().numDocs();
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (searchers != null) {
      searchers.close();
    }
    directory.close();
  }

  private static Document doc(Kind kind, String id, String name, String text, String region, GeoPoint p, boolean synthetic) {
    Document d = new Document();
    d.add(new StringField(KIND, kind.name(), Field.Store.YES));
    d.add(new StringField(ID, id, Field.Store.YES));
    d.add(new TextField(NAME, name, Field.Store.YES));
    d.add(new TextField(NAME_CHARS, name, Field.Store.NO));
    d.add(new TextField(TEXT, text, Field.Store.NO));
    d.add(new StringField(REGION, region, Field.Store.YES));
    d.add(new StoredField(SYNTHETIC, Boolean.toString(synthetic)));
    if (p != null) {
      d.add(new StoredField(LON, Double.toString(p.lon())));
      d.add(new StoredField(LAT, Double.toString(p.lat())));
      d.add(new LatLonPoint(POINT, p.lat(), p.lon()));
      d.add(new LatLonDocValuesField(POINT, p.lat(), p.lon()));
    }
    return d;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
