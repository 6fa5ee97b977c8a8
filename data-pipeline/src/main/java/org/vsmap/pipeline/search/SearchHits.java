package org.vsmap.pipeline.search;

import static org.vsmap.pipeline.search.SearchDocuments.*;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;
import org.vsmap.geo.model.DatePreset;
import org.vsmap.geo.port.SearchIndex.Count;
import org.vsmap.geo.port.SearchIndex.Hit;
import org.vsmap.geo.port.SearchIndex.Request;
import org.vsmap.geo.spatial.Geodesy;

/** A page of hits as the map lists them (marked names, snippets, distances) and the date counts. */
final class SearchHits {
  private SearchHits() {}

  private static final String[] DIMS = {KIND, THEME, CARE, COUNTY, STREET, TYPE, RECRUITING};

  /**
   * The order of a request's hits: relevance, distance from its point, or start time; ties are
   * broken by the record's key, so every index built from the same records pages the same way.
   */
  static Sort sort(Request r) {
    SortField key = new SortField(UID, SortField.Type.STRING);
    return switch (r.order()) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, key);
      case DISTANCE ->
          new Sort(
              LatLonDocValuesField.newDistanceSort(POINT, r.near().lat(), r.near().lon()), key);
      case START -> {
        SortField start = new SortField(START, SortField.Type.LONG);
        start.setMissingValue(Long.MAX_VALUE);
        yield new Sort(start, SortField.FIELD_SCORE, key);
      }
    };
  }

  /** The facet counts of the matches, dimension by dimension (up to 500 values each). */
  static Map<String, List<Count>> facets(Facets counts, Request r) throws IOException {
    Map<String, List<Count>> facets = new LinkedHashMap<>();
    for (String dim : DIMS) {
      if (dim.equals(STREET) && (r.regionCode() == null || r.regionCode().length() < 6)) {
        continue; // streets are counted once a county is chosen: nationally there are 41,000
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
    return facets;
  }

  /**
   * Counts the matching activities that take place today, this week and this weekend in one pass
   * over the matches' occurrence doc values (rather than three more queries).
   */
  static List<Count> dateCounts(LocalDate today, FacetsCollector matches) throws IOException {
    DatePreset[] presets = DatePreset.values();
    long[][] ranges = new long[presets.length][];
    for (int i = 0; i < presets.length; i++) {
      LocalDateTime[] range = presets[i].range(today);
      ranges[i] = new long[] {epoch(range[0]), epoch(range[1])};
    }
    long[] counts = new long[presets.length];
    for (FacetsCollector.MatchingDocs md : matches.getMatchingDocs()) {
      SortedNumericDocValues occurs = DocValues.getSortedNumeric(md.context().reader(), OCCURS);
      NumericDocValues duration = DocValues.getNumeric(md.context().reader(), DURATION);
      DocIdSetIterator it = md.bits().iterator();
      if (it == null) {
        continue;
      }
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (!occurs.advanceExact(doc) || !duration.advanceExact(doc)) {
          continue;
        }
        long dur = duration.longValue();
        boolean[] hit = new boolean[presets.length];
        for (int k = 0; k < occurs.docValueCount(); k++) {
          long start = occurs.nextValue();
          for (int i = 0; i < presets.length; i++) {
            hit[i] |= start < ranges[i][1] && start + dur > ranges[i][0];
          }
        }
        for (int i = 0; i < presets.length; i++) {
          counts[i] += hit[i] ? 1 : 0;
        }
      }
    }
    List<Count> out = new ArrayList<>();
    for (int i = 0; i < presets.length; i++) {
      out.add(new Count(presets[i].key(), counts[i]));
    }
    return out;
  }

  static List<Hit> hits(
      Analyzer words, Analyzer analyzer, IndexSearcher s, Request r, ScoreDoc[] page)
      throws IOException {
    String[] snippets = null;
    List<String> needles = new ArrayList<>();
    int[] pinyinRange = null;
    String latin = r.text() == null ? null : SearchQueries.latinKey(r.text());
    if (r.text() != null) {
      needles.add(r.text().strip());
      needles.addAll(SearchDocuments.tokens(words, r.text()));
      org.apache.lucene.search.Query textWords =
          new QueryBuilder(words).createBooleanQuery(TEXT, r.text(), Occur.SHOULD);
      if (textWords != null && page.length > 0) {
        UnifiedHighlighter hl =
            UnifiedHighlighter.builder(s, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .build();
        snippets =
            hl.highlight(
                TEXT,
                textWords,
                new TopDocs(
                    new org.apache.lucene.search.TotalHits(
                        page.length, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO),
                    page),
                1);
      }
    }
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      HitCard c = HitCard.of(s.getIndexReader(), page[i].doc);
      if (latin != null) {
        pinyinRange = Pinyin.matchedRange(c.name(), latin);
      }
      String nameHtml =
          r.text() == null ? Marks.escape(c.name()) : Marks.mark(c.name(), needles, pinyinRange);
      Double distance =
          c.point() != null && r.near() != null ? Geodesy.metres(r.near(), c.point()) : null;
      hits.add(hit(c, nameHtml, snippets == null ? null : snippets[i], distance));
    }
    return hits;
  }

  static Hit hit(HitCard c, String nameHtml, String snippet, Double distance) {
    return new Hit(
        c.kind(),
        c.id(),
        c.name(),
        nameHtml,
        snippet,
        c.region(),
        c.point(),
        distance,
        c.synthetic(),
        c.detail(),
        c.start() == HitCard.NONE ? null : LocalDateTime.ofEpochSecond(c.start(), 0, CHINA),
        c.approximate(),
        c.hours());
  }
}
