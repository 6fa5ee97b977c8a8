package org.vsmap.pipeline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;

/**
 * The relevance set ({@code search/relevance-set.tsv}): 70 everyday resident queries — exact names,
 * parts of names, pinyin, typos and same-reading characters, services, the words residents use for
 * them, themes, mixed — judged against the demo set. Recall@10 of a query is the share of the first
 * ten hits that are right answers, over as many right answers as there can be among ten (all of
 * them when fewer); the set must average 0.9 or more, and the per-query figures are printed so a
 * change that loses a query shows which.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelevanceSetTest {
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  @TempDir static Path dir;
  private LuceneSearchIndex index;
  private final Map<String, Record> records = new HashMap<>();

  /** What the judgement reads of a station, team or activity. */
  record Record(
      Kind kind, String id, String name, Set<String> services, String theme, String region) {}

  /** One query of the set and what counts as a right answer. */
  record Judged(String query, Predicate<Record> right, String rule) {}

  @BeforeAll
  void build() {
    SeedLoader.SeedData data = SeedLoader.read(SeedSource.classpath(), LocalDate.now(CLOCK));
    Map<String, GeoPoint> points = new HashMap<>();
    data.stations().forEach(s -> points.put(s.id(), s.location()));
    index = new LuceneSearchIndex(dir, CLOCK);
    index.rebuild(data.stations(), data.teams(), data.activities(), points, "test-store", 0);
    for (Station s : data.stations()) {
      add(
          new Record(
              Kind.STATION, s.id(), s.name(), Set.copyOf(s.services()), null, s.regionCode()));
    }
    for (Team t : data.teams()) {
      add(new Record(Kind.TEAM, t.id(), t.name(), Set.of(), null, t.regionCode()));
    }
    for (Activity a : data.activities()) {
      add(new Record(Kind.ACTIVITY, a.id(), a.title(), Set.of(), a.theme().name(), a.regionCode()));
    }
  }

  private void add(Record r) {
    records.put(r.kind() + ":" + r.id(), r);
  }

  @AfterAll
  void close() {
    index.close();
  }

  static List<Judged> relevanceSet() throws IOException {
    List<Judged> out = new ArrayList<>();
    try (InputStream in = RelevanceSetTest.class.getResourceAsStream("/search/relevance-set.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        out.add(new Judged(f[0], rule(f[1]), f[1]));
      }
    }
    return out;
  }

  /** "a=1;b=2 | c=3": (a and b) or c. */
  static Predicate<Record> rule(String text) {
    Predicate<Record> any = r -> false;
    for (String alternative : text.split(" \\| ")) {
      Predicate<Record> all = r -> true;
      for (String condition : alternative.strip().split(";")) {
        String[] kv = condition.strip().split("=", 2);
        String v = kv[1];
        Predicate<Record> c =
            switch (kv[0]) {
              case "id" -> r -> r.id().equals(v);
              case "kind" -> r -> r.kind().name().equalsIgnoreCase(v);
              case "name" -> r -> r.name().contains(v);
              case "service" -> r -> r.services().contains(v);
              case "theme" -> r -> v.equals(r.theme());
              case "county" -> r -> r.region().startsWith(v);
              default -> throw new IllegalArgumentException("unknown condition " + condition);
            };
        all = all.and(c);
      }
      any = any.or(all);
    }
    return any;
  }

  /** The recall@10 of one query and the nDCG@10 of its ranking (binary relevance). */
  record Scores(double recall, double ndcg, long relevant) {}

  Scores score(Judged j) {
    long relevant = records.values().stream().filter(j.right()).count();
    List<SearchIndex.Hit> hits =
        index.search(SearchIndex.Request.builder().text(j.query()).limit(10).build()).hits();
    int found = 0;
    double dcg = 0;
    for (int i = 0; i < hits.size(); i++) {
      Record r = records.get(hits.get(i).kind() + ":" + hits.get(i).id());
      if (r != null && j.right().test(r)) {
        found++;
        dcg += 1 / (Math.log(i + 2) / Math.log(2));
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(10, relevant); i++) {
      ideal += 1 / (Math.log(i + 2) / Math.log(2));
    }
    long best = Math.min(10, relevant);
    return new Scores(
        best == 0 ? 0 : (double) found / best, ideal == 0 ? 0 : dcg / ideal, relevant);
  }

  @Test
  void theSetIsBigAndEveryQueryHasRightAnswersInTheDemo() throws IOException {
    List<Judged> set = relevanceSet();
    assertThat(set).hasSizeGreaterThanOrEqualTo(60);
    assertThat(new LinkedHashSet<>(set.stream().map(Judged::query).toList())).hasSameSizeAs(set);
    for (Judged j : set) {
      assertThat(records.values().stream().anyMatch(j.right()))
          .as("the demo has a right answer for %s (%s)", j.query(), j.rule())
          .isTrue();
    }
  }

  @Test
  void recallAtTenIsAtLeastNinetyPerCent() throws IOException {
    List<Judged> set = relevanceSet();
    double recall = 0;
    double ndcg = 0;
    StringBuilder report = new StringBuilder();
    for (Judged j : set) {
      Scores s = score(j);
      recall += s.recall();
      ndcg += s.ndcg();
      if (s.recall() < 1) {
        report.append(
            String.format(
                "%n  %-16s recall@10 %.2f (%d right answers)",
                j.query(), s.recall(), s.relevant()));
      }
    }
    recall /= set.size();
    ndcg /= set.size();
    System.out.printf(
        "relevance set: %d queries, mean recall@10 %.3f, mean nDCG@10 %.3f; below 1:%s%n",
        set.size(), recall, ndcg, report);
    assertThat(recall)
        .as("mean recall@10 over %d queries:%s", set.size(), report)
        .isGreaterThanOrEqualTo(0.9);
  }
}
