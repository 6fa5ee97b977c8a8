package org.vsmap.pipeline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongRange;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;

/**
 * How stations, teams and activities become Lucene documents: the index's field layout, in one
 * place.
 */
final class SearchDocuments {
  static final String UID = "uid";
  static final String KIND = "kind";
  static final String ID = "id";
  static final String NAME = "name";
  static final String NAME_CHARS = "name_chars";
  static final String NAME_BIGRAMS = "name_bigrams";
  static final String TEXT = "text";
  static final String PY = "py";
  static final String PYW = "pyw";
  static final String REGION = "region";
  static final String LON = "lon";
  static final String LAT = "lat";
  static final String SYNTHETIC = "synthetic";
  static final String DETAIL = "detail";
  static final String POINT = "point";
  static final String WHEN = "when";
  static final String START = "start";
  static final String END = "end";
  static final String RECRUITING = "recruiting";
  static final String THEME = "theme";
  static final String CARE = "care";
  static final String TYPE = "type";
  static final String COUNTY = "county";
  static final String PRIOR = "prior";
  static final String OCCURS = "occurs";
  static final String DURATION = "duration";
  static final String STREET = "street";
  static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  static final FacetsConfig FACETS = new FacetsConfig();

  private final Analyzer words;

  SearchDocuments(Analyzer words) {
    this.words = words;
  }

  static String uid(Kind kind, String id) {
    return kind.name() + ":" + id;
  }

  static String pointField(Kind kind) {
    return POINT + "_" + kind.name().toLowerCase();
  }

  static long epoch(LocalDateTime t) {
    return t.toEpochSecond(CHINA);
  }

  Document station(Station s) {
    Document d =
        base(
            Kind.STATION,
            s.id(),
            s.name(),
            s.address() + " " + String.join(" ", s.services()),
            s.regionCode(),
            s.location(),
            s.synthetic(),
            s.type().name());
    d.add(
        new BinaryDocValuesField(
            HitCard.FIELD,
            new HitCard(
                    Kind.STATION,
                    s.id(),
                    s.name(),
                    s.regionCode(),
                    s.location(),
                    s.synthetic(),
                    s.type().name(),
                    HitCard.NONE,
                    HitCard.NONE,
                    s.approximate(),
                    false,
                    s.openingHours())
                .encode()));
    d.add(new SortedSetDocValuesFacetField(TYPE, s.type().name()));
    d.add(new StringField(TYPE, s.type().name(), Field.Store.NO));
    return build(d);
  }

  Document team(Team t, GeoPoint home) {
    Document d =
        base(
            Kind.TEAM,
            t.id(),
            t.name(),
            join(t.supervisingUnit(), t.speciality()),
            t.regionCode(),
            home,
            t.synthetic(),
            t.level().name());
    d.add(
        new BinaryDocValuesField(
            HitCard.FIELD,
            new HitCard(
                    Kind.TEAM,
                    t.id(),
                    t.name(),
                    t.regionCode(),
                    home,
                    t.synthetic(),
                    t.level().name(),
                    HitCard.NONE,
                    HitCard.NONE,
                    false,
                    false,
                    null)
                .encode()));
    return build(d);
  }

  Document activity(Activity a) {
    Document d =
        base(
            Kind.ACTIVITY,
            a.id(),
            a.title(),
            join(a.description(), a.theme().zh(), a.theme().group().zh()),
            a.regionCode(),
            a.location(),
            a.synthetic(),
            a.theme().name());
    d.add(new SortedSetDocValuesFacetField(THEME, a.theme().name()));
    d.add(new SortedSetDocValuesFacetField(CARE, a.theme().group().name()));
    d.add(new StringField(THEME, a.theme().name(), Field.Store.NO));
    d.add(new StringField(CARE, a.theme().group().name(), Field.Store.NO));
    String recruiting = a.recruiting() ? "yes" : "no";
    d.add(new SortedSetDocValuesFacetField(RECRUITING, recruiting));
    d.add(new StringField(RECRUITING, recruiting, Field.Store.NO));
    long start = epoch(a.start());
    long end = epoch(a.end());
    int occurrences = a.recurrence().occurrences();
    for (int k = 0; k < occurrences; k++) {
      long shift = k * 7L * 24 * 3600;
      d.add(new LongRange(WHEN, new long[] {start + shift}, new long[] {end + shift}));
      d.add(new SortedNumericDocValuesField(OCCURS, start + shift));
    }
    d.add(new NumericDocValuesField(DURATION, end - start));
    d.add(new NumericDocValuesField(START, start));
    d.add(new StoredField(START, start));
    d.add(new StoredField(END, end + (occurrences - 1) * 7L * 24 * 3600));
    d.add(
        new BinaryDocValuesField(
            HitCard.FIELD,
            new HitCard(
                    Kind.ACTIVITY,
                    a.id(),
                    a.title(),
                    a.regionCode(),
                    a.location(),
                    a.synthetic(),
                    a.theme().name(),
                    start,
                    end + (occurrences - 1) * 7L * 24 * 3600,
                    a.approximate(),
                    a.recruiting(),
                    null)
                .encode()));
    return build(d);
  }

  private Document base(
      Kind kind,
      String id,
      String name,
      String text,
      String region,
      GeoPoint p,
      boolean synthetic,
      String detail) {
    Document d = new Document();
    d.add(new StringField(UID, uid(kind, id), Field.Store.NO));
    // ties of score (or distance, or start) are broken by this, the same on every index build
    d.add(new SortedDocValuesField(UID, new BytesRef(uid(kind, id))));
    d.add(new StringField(KIND, kind.name(), Field.Store.YES));
    d.add(new SortedSetDocValuesFacetField(KIND, kind.name()));
    d.add(new StringField(ID, id, Field.Store.YES));
    d.add(new TextField(NAME, name, Field.Store.YES));
    d.add(new TextField(NAME_CHARS, name, Field.Store.NO));
    d.add(new TextField(NAME_BIGRAMS, name, Field.Store.NO));
    d.add(new TextField(TEXT, text, Field.Store.YES));
    for (String key : Pinyin.prefixKeys(name)) {
      d.add(new StringField(PY, key, Field.Store.NO));
    }
    for (String w : Pinyin.windows(name)) {
      d.add(new StringField(PYW, w, Field.Store.NO));
    }
    d.add(new DoubleDocValuesField(PRIOR, prior(kind)));
    d.add(new StringField(REGION, region, Field.Store.YES));
    if (region.length() >= 6) {
      d.add(new SortedSetDocValuesFacetField(COUNTY, region.substring(0, 6)));
    }
    if (region.length() >= 9) {
      d.add(new SortedSetDocValuesFacetField(STREET, region.substring(0, 9)));
    }
    d.add(new StoredField(SYNTHETIC, Boolean.toString(synthetic)));
    d.add(new StoredField(DETAIL, detail));
    if (p != null) {
      d.add(new StoredField(LON, p.lon()));
      d.add(new StoredField(LAT, p.lat()));
      d.add(new LatLonPoint(POINT, p.lat(), p.lon()));
      d.add(new LatLonDocValuesField(POINT, p.lat(), p.lon()));
      d.add(new LatLonPoint(pointField(kind), p.lat(), p.lon()));
    }
    return d;
  }

  /**
   * How much a match of each kind is worth when the text matches equally well: a resident searching
   * a name most often wants the place, then the team, then one of its activities.
   */
  static double prior(Kind kind) {
    return switch (kind) {
      case STATION -> 1.5;
      case TEAM -> 1.2;
      case ACTIVITY -> 1.0;
    };
  }

  private static Document build(Document d) {
    try {
      return FACETS.build(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The words an analyzer makes of a text (smartcn: Chinese words). */
  List<String> tokens(String text) {
    return tokens(words, text);
  }

  static List<String> tokens(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(NAME, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        sb.append(sb.length() == 0 ? "" : " ").append(p);
      }
    }
    return sb.toString();
  }
}
