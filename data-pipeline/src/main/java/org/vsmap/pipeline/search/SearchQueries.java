package org.vsmap.pipeline.search;

import static org.vsmap.pipeline.search.SearchDocuments.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongRange;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.SearchIndex.Order;
import org.vsmap.geo.port.SearchIndex.Request;

/**
 * A resident's request as a Lucene query: the words (smartcn words, bigram phrases for any part of
 * a name, pinyin keys and their one-typo windows, a theme's own name) scored, then every filter.
 * User text only ever goes through the analyzers and {@link QueryBuilder}, never a query parser.
 */
final class SearchQueries {
  private final Analyzer words;
  private final Analyzer bigrams;
  private final Analyzer chars;
  private final RelatedWords related;

  SearchQueries(Analyzer words, Analyzer bigrams, Analyzer chars) {
    this(words, bigrams, chars, RelatedWords.shipped());
  }

  /**
   * Words a resident may mean by what they are typing: services and needs of the related-word
   * vocabulary and the 18 themes that begin with it.
   */
  List<String> wordsStartingWith(String text) {
    Set<String> out = new LinkedHashSet<>(related.startingWith(text));
    for (org.vsmap.geo.model.Theme t : org.vsmap.geo.model.Theme.values()) {
      String zh = t.zh().replace("“", "").replace("”", "");
      if (zh.startsWith(text) && !zh.equals(text)) {
        out.add(zh);
      }
    }
    return List.copyOf(out);
  }

  SearchQueries(Analyzer words, Analyzer bigrams, Analyzer chars, RelatedWords related) {
    this.related = related;
    this.words = words;
    this.bigrams = bigrams;
    this.chars = chars;
  }

  static String latinKey(String text) {
    String k = text.toLowerCase().replaceAll("[\\s'’\\-]", "");
    return k.matches("[a-z0-9]+") && k.matches(".*[a-z].*") ? k : null;
  }

  /**
   * The words as typed, and below them (a fifth of the weight) the same query with a resident's
   * word replaced by the others of its group ({@link RelatedWords}: 敬老 also finds 助老, 老人 …).
   */
  private Query textQuery(String text) {
    Query theme = themeNamed(text.strip());
    if (theme != null) {
      return theme; // a theme's own name means that theme, nothing wider
    }
    Query typed = typedText(text);
    List<String> alternatives = related.alternatives(text.strip());
    Query soundsLike = homophones(text.strip());
    if (alternatives.isEmpty() && soundsLike == null) {
      return typed;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder().add(typed, Occur.SHOULD);
    for (String alternative : alternatives) {
      any.add(new BoostQuery(typedText(alternative), 0.2f), Occur.SHOULD);
    }
    if (soundsLike != null) {
      any.add(new BoostQuery(soundsLike, 0.2f), Occur.SHOULD);
    }
    return any.build();
  }

  /**
   * Names that sound like Chinese text typed with a wrong character of the same reading (锦绣 for 锦秀,
   * 志原 for 志愿): the text's pinyin in runs of two to four characters, each run one exact term of the
   * names' pinyin windows (cheap term lookups, no prefix expansion); null for text that is not two
   * or more Chinese characters.
   */
  static Query homophones(String text) {
    if (text.length() < 2 || !text.codePoints().allMatch(SearchQueries::isHan)) {
      return null;
    }
    String[] syllables = Pinyin.syllables(text);
    if (java.util.Arrays.stream(syllables).anyMatch(java.util.Objects::isNull)) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int n = syllables.length;
    int at = 0;
    while (at < n) {
      int left = n - at;
      // runs of four, and never a single character left over (five is three and two)
      int run = left <= 4 ? left : left == 5 ? 3 : 4;
      all.add(
          new TermQuery(
              new Term(
                  PYW, String.join("", java.util.Arrays.copyOfRange(syllables, at, at + run)))),
          Occur.MUST);
      at += run;
    }
    return new ConstantScoreQuery(all.build());
  }

  private static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  private Query typedText(String text) {
    Query theme = themeNamed(text.strip());
    if (theme != null) {
      return theme;
    }
    BooleanQuery.Builder m = new BooleanQuery.Builder();
    int clauses = 0;
    Query phrase = partOfName(text);
    if (phrase != null) {
      // constant score: a name either contains the text or not; scoring phrase frequencies over
      // every match of a broad query costs more than the ranking gains (the name words rank it)
      m.add(new BoostQuery(new ConstantScoreQuery(phrase), 4f), Occur.SHOULD);
      clauses++;
    }
    QueryBuilder wb = new QueryBuilder(words);
    Query nameWords = wb.createBooleanQuery(NAME, text, Occur.MUST);
    if (nameWords != null) {
      m.add(new BoostQuery(nameWords, 2f), Occur.SHOULD);
      clauses++;
    }
    Query textWords = wb.createBooleanQuery(TEXT, text, Occur.MUST);
    if (textWords != null) {
      m.add(new BoostQuery(textWords, 0.5f), Occur.SHOULD);
      clauses++;
    }
    String latin = latinKey(text);
    if (latin != null) {
      m.add(new BoostQuery(new PrefixQuery(new Term(PY, latin)), 3f), Occur.SHOULD);
      clauses++;
      if (latin.length() >= 4) {
        m.add(new BoostQuery(new FuzzyQuery(new Term(PYW, latin), 1, 1), 1.5f), Occur.SHOULD);
      }
    }
    return clauses == 0 ? new MatchNoDocsQuery("nothing searchable in the text") : m.build();
  }

  /**
   * A query that is exactly the name of one of the 18 themes or of a 关爱 group means "activities of
   * that theme": answered from the theme field (and names that contain it), which is also far
   * cheaper than matching the words in every activity's text.
   */
  private Query themeNamed(String text) {
    for (org.vsmap.geo.model.Theme t : org.vsmap.geo.model.Theme.values()) {
      if (t.zh().equals(text)
          || t.zh().replace("“", "").replace("”", "").equals(text)
          || t.en().equalsIgnoreCase(text)) {
        return new BooleanQuery.Builder()
            .add(
                new BoostQuery(
                    new ConstantScoreQuery(new TermQuery(new Term(THEME, t.name()))), 2f),
                Occur.SHOULD)
            .add(new ConstantScoreQuery(partOfName(text)), Occur.SHOULD)
            .build();
      }
    }
    for (org.vsmap.geo.model.CareGroup g : org.vsmap.geo.model.CareGroup.values()) {
      if (g.zh().equals(text) || g.en().equalsIgnoreCase(text)) {
        return new BooleanQuery.Builder()
            .add(
                new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(CARE, g.name()))), 2f),
                Occur.SHOULD)
            .add(new ConstantScoreQuery(partOfName(text)), Occur.SHOULD)
            .build();
      }
    }
    return null;
  }

  /**
   * Any part of a name: a phrase of character bigrams (whose rarest bigram keeps it fast on a
   * national index), or for a single character its unigram.
   */
  Query partOfName(String text) {
    String t = text.strip();
    if (t.codePointCount(0, t.length()) >= 2) {
      Query q = new QueryBuilder(bigrams).createPhraseQuery(NAME_BIGRAMS, t);
      if (q != null) {
        return q;
      }
    }
    return new QueryBuilder(chars).createPhraseQuery(NAME_CHARS, t);
  }

  /** The request as a Lucene query; {@code onlyKind} narrows it to one kind (for clusters). */
  Query of(Request r, Kind onlyKind) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (r.text() != null) {
      b.add(
          FunctionScoreQuery.boostByValue(
              textQuery(r.text()), DoubleValuesSource.fromDoubleField(PRIOR)),
          Occur.MUST);
    } else {
      b.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    if (r.near() != null && r.order() == Order.RELEVANCE) {
      b.add(
          LatLonPoint.newDistanceFeatureQuery(
              POINT, r.text() == null ? 1f : 3f, r.near().lat(), r.near().lon(), 2000),
          Occur.SHOULD);
    }
    Set<Kind> kinds = onlyKind != null ? Set.of(onlyKind) : r.kinds();
    if (!kinds.isEmpty()) {
      b.add(anyOf(KIND, kinds.stream().map(Enum::name).toList()), Occur.FILTER);
    }
    if (!r.themes().isEmpty()) {
      b.add(anyOf(THEME, r.themes().stream().map(Enum::name).toList()), Occur.FILTER);
    }
    if (!r.careGroups().isEmpty()) {
      b.add(anyOf(CARE, r.careGroups().stream().map(Enum::name).toList()), Occur.FILTER);
    }
    if (!r.stationTypes().isEmpty()) {
      b.add(anyOf(TYPE, r.stationTypes().stream().map(Enum::name).toList()), Occur.FILTER);
    }
    if (r.regionCode() != null) {
      b.add(new PrefixQuery(new Term(REGION, r.regionCode())), Occur.FILTER);
    }
    if (r.recruitingOnly()) {
      b.add(new TermQuery(new Term(RECRUITING, "yes")), Occur.FILTER);
    }
    if (r.from() != null || r.to() != null) {
      long from = r.from() == null ? Long.MIN_VALUE / 2 : epoch(r.from());
      long to = r.to() == null ? Long.MAX_VALUE / 2 : epoch(r.to());
      b.add(LongRange.newIntersectsQuery(WHEN, new long[] {from}, new long[] {to}), Occur.FILTER);
    }
    if (r.bbox() != null) {
      BBox box = r.bbox();
      b.add(
          LatLonPoint.newBoxQuery(POINT, box.south(), box.north(), box.west(), box.east()),
          Occur.FILTER);
    }
    if (r.radiusMetres() != null) {
      b.add(
          LatLonPoint.newDistanceQuery(POINT, r.near().lat(), r.near().lon(), r.radiusMetres()),
          Occur.FILTER);
    }
    return b.build();
  }

  private static Query anyOf(String field, List<String> values) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String v : values) {
      b.add(new TermQuery(new Term(field, v)), Occur.SHOULD);
    }
    return b.build();
  }
}
