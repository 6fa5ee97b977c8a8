package org.vsmap.pipeline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.CareGroup;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.geo.port.SearchIndex.Request;
import org.vsmap.geo.spatial.Geodesy;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuceneSearchIndexTest {
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  static final GeoPoint DONGSHENG = new GeoPoint(109.963, 39.82);

  @TempDir static Path dir;
  LuceneSearchIndex index;
  SeedLoader.SeedData data;
  Map<String, GeoPoint> points = new HashMap<>();

  @BeforeAll
  void build() {
    data = SeedLoader.read(SeedSource.classpath(), LocalDate.now(CLOCK));
    data.stations().forEach(s -> points.put(s.id(), s.location()));
    index = new LuceneSearchIndex(dir, CLOCK);
    int n =
        index.rebuild(data.stations(), data.teams(), data.activities(), points, "test-store", 0);
    assertThat(n)
        .isEqualTo(data.stations().size() + data.teams().size() + data.activities().size());
  }

  @AfterAll
  void close() {
    index.close();
  }

  private SearchIndex.Result search(String text) {
    return index.search(Request.builder().text(text).limit(10).build());
  }

  /** The relevance table: a query a resident types, and what must come first. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "锦秀, 锦秀社区志愿服务站",
    "锦秀志愿服务站, 锦秀社区志愿服务站",
    "锦秀社区, 锦秀社区志愿服务站",
    "东胜区图书馆, 东胜区图书馆志愿服务站",
    "总站, 鄂尔多斯市志愿服务总站",
    "jinxiu, 锦秀社区志愿服务站",
    "JinXiu, 锦秀社区志愿服务站",
    "jin xiu, 锦秀社区志愿服务站",
    "jinxou, 锦秀社区志愿服务站",
    "jxsq, 锦秀社区志愿服务站",
    "dongshengqutushuguan, 东胜区图书馆志愿服务站",
    "锦绣, 锦秀社区志愿服务站",
    "锦绣社区, 锦秀社区志愿服务站",
  })
  void firstHitIs(String query, String expected) {
    SearchIndex.Result r = search(query);
    assertThat(r.hits()).as("hits for %s", query).isNotEmpty();
    assertThat(r.hits().get(0).name()).isEqualTo(expected);
  }

  @Test
  void countsAreTheTotalsOfTheSameRequestWithoutHits() {
    assertThat(
            index.count(Request.builder().kinds(Set.of(org.vsmap.geo.model.Kind.STATION)).build()))
        .isEqualTo(data.stations().size());
    assertThat(index.count(Request.builder().kinds(Set.of(org.vsmap.geo.model.Kind.TEAM)).build()))
        .isEqualTo(data.teams().size());
    assertThat(
            index.count(Request.builder().kinds(Set.of(org.vsmap.geo.model.Kind.ACTIVITY)).build()))
        .isEqualTo(data.activities().size());
    for (Request r :
        List.of(
            Request.builder().text("锦秀").build(),
            Request.builder().bbox(new org.vsmap.geo.model.BBox(109.9, 39.7, 110.1, 39.9)).build(),
            Request.builder()
                .kinds(Set.of(org.vsmap.geo.model.Kind.ACTIVITY))
                .themes(Set.of(org.vsmap.geo.model.Theme.CULTURE))
                .build())) {
      assertThat(index.count(r)).isEqualTo(index.search(r).total()).isPositive();
    }
  }

  @Test
  void partOfANameIsMarkedInTheHit() {
    SearchIndex.Hit top = search("锦秀").hits().get(0);
    assertThat(top.nameHtml()).isEqualTo("<mark>锦秀</mark>社区志愿服务站");
    assertThat(search("jinxiu").hits().get(0).nameHtml()).isEqualTo("<mark>锦秀</mark>社区志愿服务站");
    SearchIndex.Hit activity =
        index
            .search(Request.builder().text("义诊").kinds(Set.of(Kind.ACTIVITY)).limit(1).build())
            .hits()
            .get(0);
    assertThat(activity.nameHtml()).contains("<mark>义诊</mark>");
    assertThat(activity.snippetHtml()).contains("<mark>义诊</mark>");
  }

  @Test
  void aThemeNameFindsTheActivitiesOfThatTheme() {
    long arts =
        data.activities().stream().filter(a -> a.theme() == Theme.MOUNTAINS_AND_RIVERS).count();
    SearchIndex.Result r = index.search(Request.builder().text("关爱山川河流").limit(50).build());
    assertThat(r.total()).isGreaterThanOrEqualTo(arts);
    assertThat(r.hits())
        .allMatch(h -> h.kind() == Kind.ACTIVITY && h.detail().equals("MOUNTAINS_AND_RIVERS"));
    assertThat(index.search(Request.builder().text("关爱自然").limit(1).build()).total())
        .isEqualTo(
            data.activities().stream().filter(a -> a.theme().group() == CareGroup.NATURE).count());
  }

  /** A resident's word finds what its related words find (search/related-words.txt). */
  @Test
  void everydayWordsFindWhatTheirRelatedWordsFind() {
    // 敬老 is in no name or text of the demo set: found only through 助老, 老人, 空巢老人 …
    assertThat(data.activities()).noneMatch(a -> a.title().contains("敬老"));
    SearchIndex.Result jingLao = index.search(Request.builder().text("敬老").limit(50).build());
    assertThat(jingLao.total()).isPositive();
    assertThat(jingLao.hits()).anyMatch(h -> h.name().contains("空巢老人"));
    // 助老 (in stations' services) now also finds the 关爱空巢老人 activities
    long emptyNest = data.activities().stream().filter(a -> a.title().contains("空巢老人")).count();
    assertThat(emptyNest).isPositive();
    SearchIndex.Result zhuLao =
        index.search(Request.builder().text("助老").kinds(Set.of(Kind.ACTIVITY)).limit(100).build());
    assertThat(zhuLao.total()).isGreaterThanOrEqualTo(emptyNest);
    assertThat(zhuLao.hits()).anyMatch(h -> h.name().contains("空巢老人"));
    // 环保 stands for the 关爱山川河流 theme among others
    assertThat(index.search(Request.builder().text("环保").limit(100).build()).hits())
        .anyMatch(h -> h.kind() == Kind.ACTIVITY && h.detail().equals("MOUNTAINS_AND_RIVERS"));
  }

  @Test
  void aWrongCharacterOfTheSameReadingStillFinds() {
    // 志原 for 志愿: nothing holds the characters as typed, the reading finds the stations
    assertThat(data.stations()).noneMatch(st -> st.name().contains("志原"));
    SearchIndex.Result r = search("志原服务站");
    assertThat(r.total()).isPositive();
    assertThat(r.hits().get(0).name()).contains("志愿服务站");
    // as typed still ranks first: 锦秀 itself is not outranked by what only sounds like it
    assertThat(search("锦秀").hits().get(0).name()).isEqualTo("锦秀社区志愿服务站");
  }

  @Test
  void anIndexBuiltInAnotherOrderPagesTheSame(@TempDir Path other) {
    // ties of score are broken by the record's key, not by where the record lies in the index:
    // a node rebuilt from a restored store (or a second node) gives the same pages
    try (LuceneSearchIndex reversed = new LuceneSearchIndex(other, CLOCK)) {
      reversed.rebuild(
          data.stations().reversed(),
          data.teams().reversed(),
          data.activities().reversed(),
          points,
          "test-store",
          0);
      for (String q : List.of("医疗", "图书馆", "助老", "志愿服务站")) {
        Request r = Request.builder().text(q).limit(50).build();
        SearchIndex.Result result = index.search(r);
        List<String> here = result.hits().stream().map(SearchIndex.Hit::id).toList();
        assertThat(here).as(q).isNotEmpty();
        if (!q.equals("图书馆")) {
          assertThat(result.total()).as("%s is cut at 50 of more", q).isGreaterThan(50);
        }
        assertThat(reversed.search(r).hits().stream().map(SearchIndex.Hit::id).toList())
            .as(q)
            .isEqualTo(here);
      }
    }
  }

  @Test
  void whatMatchesAsTypedRanksAboveWhatARelatedWordFinds() {
    // 残疾人 is in 26 activity titles; 助残 (a related word) finds many more, ranked below them
    SearchIndex.Result r = index.search(Request.builder().text("残疾人").limit(10).build());
    assertThat(r.total()).isGreaterThan(26);
    assertThat(r.hits()).hasSize(10).allMatch(h -> h.name().contains("残疾人"));
  }

  @Test
  void aCommonPhraseDoesNotDrownAPreciseOne() {
    SearchIndex.Result broad = search("志愿服务站");
    assertThat(broad.total()).isGreaterThan(800);
    SearchIndex.Result precise = search("锦秀志愿服务站");
    assertThat(precise.total()).isLessThan(5);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "锦秀 AND (",
        "*:*",
        "name:锦秀~2",
        "\"",
        "\\",
        "🙂🙂",
        "锦秀🙂",
        "[a TO z]",
        "锦秀sq",
        "-",
        "&&||",
        "ｊｉｎｘｉｕ",
        "\u0000"
      })
  void queryParserSyntaxAndOddInputNeverBreakIt(String text) {
    SearchIndex.Result r = search(text);
    assertThat(r.total()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void longInputIsRefusedClearly() {
    assertThatThrownBy(() -> Request.builder().text("锦".repeat(201)).build())
        .hasMessageContaining("longer than 200");
    assertThat(search("锦秀社区".repeat(50)).total()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void facetsCountTheMatches() {
    SearchIndex.Result all = index.search(Request.builder().limit(1).build());
    assertThat(all.total())
        .isEqualTo(data.stations().size() + data.teams().size() + data.activities().size());
    Map<String, Long> kinds = counts(all.facets().get("kind"));
    assertThat(kinds)
        .containsEntry("STATION", (long) data.stations().size())
        .containsEntry("ACTIVITY", (long) data.activities().size());
    assertThat(all.facets().get("theme")).hasSize(18);
    assertThat(counts(all.facets().get("care")).keySet())
        .containsExactlyInAnyOrder("OTHERS", "SOCIETY", "NATURE");
    assertThat(all.facets().get("county")).hasSize(9);
    assertThat(all.facets()).doesNotContainKey("street");
    java.util.Set<String> dongshengStreets = new java.util.HashSet<>();
    data.stations().forEach(st -> add(dongshengStreets, st.regionCode()));
    data.teams().forEach(t -> add(dongshengStreets, t.regionCode()));
    data.activities().forEach(a -> add(dongshengStreets, a.regionCode()));
    assertThat(
            index
                .search(Request.builder().region("150602").limit(1).build())
                .facets()
                .get("street"))
        .extracting(SearchIndex.Count::value)
        .containsExactlyInAnyOrderElementsOf(dongshengStreets);
    assertThat(counts(all.facets().get("type"))).containsEntry("HEAD_STATION", 1L);
    long recruiting = data.activities().stream().filter(Activity::recruiting).count();
    assertThat(counts(all.facets().get("recruiting"))).containsEntry("yes", recruiting);

    SearchIndex.Result health =
        index.search(Request.builder().themes(Set.of(Theme.PUBLIC_HEALTH)).limit(100).build());
    assertThat(health.total())
        .isEqualTo(
            data.activities().stream().filter(a -> a.theme() == Theme.PUBLIC_HEALTH).count());
    assertThat(health.hits())
        .allMatch(h -> h.kind() == Kind.ACTIVITY && h.detail().equals("PUBLIC_HEALTH"));
    SearchIndex.Result nature =
        index.search(Request.builder().careGroups(Set.of(CareGroup.NATURE)).limit(1).build());
    assertThat(nature.total())
        .isEqualTo(
            data.activities().stream().filter(a -> a.theme().group() == CareGroup.NATURE).count());
    SearchIndex.Result inDongsheng =
        index.search(
            Request.builder().region("150602").kinds(Set.of(Kind.STATION)).limit(1).build());
    assertThat(inDongsheng.total())
        .isEqualTo(
            data.stations().stream().filter(s -> s.regionCode().startsWith("150602")).count());
    SearchIndex.Result halls =
        index.search(
            Request.builder().stationTypes(Set.of(StationType.WINDOW_UNIT)).limit(20).build());
    assertThat(halls.total()).isEqualTo(9);
  }

  @Test
  void dateFiltersKeepActivitiesInTheRangeIncludingWeeklyOnes() {
    LocalDateTime from = LocalDate.now(CLOCK).plusDays(14).atStartOfDay();
    LocalDateTime to = from.plusDays(1);
    long expected = data.activities().stream().filter(a -> occursBetween(a, from, to)).count();
    SearchIndex.Result r = index.search(Request.builder().between(from, to).limit(100).build());
    assertThat(r.total()).isEqualTo(expected).isGreaterThan(0);
    assertThat(r.hits()).allMatch(h -> h.kind() == Kind.ACTIVITY);
    List<SearchIndex.Count> dateFacet =
        index.search(Request.builder().limit(1).build()).facets().get("date");
    assertThat(dateFacet)
        .extracting(SearchIndex.Count::value)
        .containsExactly("today", "week", "weekend");
    Map<String, Long> dates = counts(dateFacet);
    assertThat(dates.get("week")).isGreaterThanOrEqualTo(dates.get("weekend"));
    for (org.vsmap.geo.model.DatePreset p : org.vsmap.geo.model.DatePreset.values()) {
      LocalDateTime[] range = p.range(LocalDate.now(CLOCK));
      assertThat(dates.get(p.key()))
          .as("facet %s", p.key())
          .isEqualTo(
              index.search(Request.builder().between(range[0], range[1]).limit(1).build()).total());
    }
    SearchIndex.Result soonest =
        index.search(
            Request.builder()
                .kinds(Set.of(Kind.ACTIVITY))
                .order(SearchIndex.Order.START)
                .limit(20)
                .build());
    assertThat(soonest.hits()).extracting(SearchIndex.Hit::start).isSorted();
  }

  private static boolean occursBetween(Activity a, LocalDateTime from, LocalDateTime to) {
    int n = a.recurrence() == org.vsmap.geo.model.Recurrence.WEEKLY ? 8 : 1;
    for (int k = 0; k < n; k++) {
      if (a.start().plusWeeks(k).isBefore(to) && a.end().plusWeeks(k).isAfter(from)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void radiusBoxAndDistanceSort() {
    SearchIndex.Result r =
        index.search(
            Request.builder()
                .kinds(Set.of(Kind.STATION))
                .near(DONGSHENG)
                .radius(5000.0)
                .order(SearchIndex.Order.DISTANCE)
                .limit(100)
                .build());
    long expected =
        data.stations().stream()
            .filter(s -> Geodesy.metres(DONGSHENG, s.location()) <= 5000)
            .count();
    assertThat(r.total()).isBetween(expected - 1, expected + 1).isGreaterThan(3);
    assertThat(r.hits())
        .allSatisfy(h -> assertThat(h.distanceMetres()).isLessThanOrEqualTo(5010.0));
    assertThat(r.hits()).extracting(SearchIndex.Hit::distanceMetres).isSorted();

    BBox box = new BBox(109.9, 39.75, 110.05, 39.9);
    SearchIndex.Result inBox =
        index.search(Request.builder().kinds(Set.of(Kind.STATION)).bbox(box).limit(100).build());
    assertThat(inBox.total())
        .isEqualTo(data.stations().stream().filter(s -> box.contains(s.location())).count());

    SearchIndex.Result nearMe =
        index.search(Request.builder().text("图书馆").near(DONGSHENG).limit(3).build());
    assertThat(nearMe.hits().get(0).name()).isEqualTo("东胜区图书馆志愿服务站");
  }

  @Test
  void nearestMatchesBruteForce() {
    List<SearchIndex.Hit> nearest = index.nearest(DONGSHENG, Set.of(Kind.STATION), 10);
    List<Station> brute =
        data.stations().stream()
            .sorted(Comparator.comparingDouble(s -> Geodesy.metres(DONGSHENG, s.location())))
            .limit(10)
            .toList();
    assertThat(nearest)
        .extracting(SearchIndex.Hit::id)
        .containsExactlyElementsOf(brute.stream().map(Station::id).toList());
    assertThat(nearest.get(0).distanceMetres())
        .isCloseTo(
            Geodesy.metres(DONGSHENG, brute.get(0).location()),
            org.assertj.core.data.Offset.offset(2.0));
    assertThat(index.nearest(DONGSHENG, Set.of(), 5)).hasSize(5);
  }

  @Test
  void clustersCoverEveryPointOfTheViewport() {
    BBox ordos = new BBox(106, 37, 112, 41);
    for (int z : new int[] {5, 8, 10, 14, 16}) {
      List<SearchIndex.Cluster> c =
          index.clusters(Request.builder().kinds(Set.of(Kind.STATION)).bbox(ordos).build(), z);
      assertThat(c.stream().mapToInt(SearchIndex.Cluster::count).sum())
          .as("zoom %d", z)
          .isEqualTo(data.stations().size());
      assertThat(c).allMatch(k -> k.count() > 1 || k.id() != null);
    }
    List<SearchIndex.Cluster> filtered =
        index.clusters(
            Request.builder()
                .kinds(Set.of(Kind.ACTIVITY))
                .themes(Set.of(Theme.ARTS))
                .bbox(ordos)
                .build(),
            8);
    assertThat(filtered.stream().mapToInt(SearchIndex.Cluster::count).sum())
        .isEqualTo((int) data.activities().stream().filter(a -> a.theme() == Theme.ARTS).count());
  }

  @Test
  void suggestionsWhileTyping() {
    assertThat(index.suggest("锦", 8)).isNotEmpty().allMatch(s -> s.name().contains("锦"));
    assertThat(index.suggest("jinx", 8))
        .extracting(SearchIndex.Suggestion::name)
        .anyMatch(n -> n.startsWith("锦秀"));
    assertThat(index.suggest("", 8)).isEmpty();
    assertThat(index.suggest("!!", 8)).isEmpty();
    // services, needs and themes come first, as words to search for (no kind, no page)
    List<SearchIndex.Suggestion> help = index.suggest("敬", 8);
    assertThat(help.get(0)).isEqualTo(new SearchIndex.Suggestion(null, null, "敬老"));
    assertThat(help).extracting(SearchIndex.Suggestion::name).contains("敬老院");
    assertThat(index.suggest("关爱", 8)).extracting(SearchIndex.Suggestion::name).contains("关爱山川河流");
    assertThat(index.suggest("义", 8).stream().filter(x -> x.kind() == null).count())
        .as("at most three words, then names")
        .isLessThanOrEqualTo(3);
  }

  @Test
  void singleChangesAreSearchableAfterACommitAndQueriesRunDuringARebuild() throws Exception {
    Station fresh =
        new Station(
            "st-test-new",
            "测试新增星光志愿服务站",
            StationType.CONVENIENCE_POINT,
            "150602",
            "东胜区",
            DONGSHENG,
            null,
            List.of(),
            null,
            FiveHas.NONE,
            true);
    Request starlight = Request.builder().text("星光").limit(10).build();
    assertThat(index.search(starlight).hits()).as("asked before the change").isEmpty();
    assertThat(index.search(starlight))
        .as("the same question again: the kept answer")
        .isSameAs(index.search(starlight));
    index.upsert(fresh);
    index.commit(1);
    assertThat(index.search(starlight).hits())
        .as("a kept answer is not used once the index changed")
        .hasSize(1);
    assertThat(search("星光").hits()).extracting(SearchIndex.Hit::id).containsExactly("st-test-new");
    assertThat(index.storeSequence()).isEqualTo(1);
    index.delete(Kind.STATION, "st-test-new");
    index.commit(2);
    assertThat(search("星光").hits()).isEmpty();

    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicInteger answered = new AtomicInteger();
    Thread searcher =
        new Thread(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  assertThat(search("锦秀").hits()).isNotEmpty();
                  answered.incrementAndGet();
                }
              } catch (Throwable t) {
                if (!(t instanceof InterruptedException)) {
                  failure.set(t);
                }
              }
            });
    searcher.start();
    index.rebuild(data.stations(), data.teams(), data.activities(), points, "test-store", 2);
    searcher.interrupt();
    searcher.join();
    assertThat(failure.get()).isNull();
    assertThat(answered.get()).isGreaterThan(0);
    assertThat(index.storeSequence()).isEqualTo(2);
  }

  private static void add(java.util.Set<String> streets, String region) {
    if (region.startsWith("150602") && region.length() >= 9) {
      streets.add(region.substring(0, 9));
    }
  }

  private static Map<String, Long> counts(List<SearchIndex.Count> values) {
    Map<String, Long> m = new HashMap<>();
    values.forEach(c -> m.put(c.value(), c.count()));
    return m;
  }
}
