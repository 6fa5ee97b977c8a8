package org.vsmap.pipeline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuceneSearchIndexTest {
  @TempDir static Path dir;
  LuceneSearchIndex index;
  SeedLoader.SeedData data;

  @BeforeAll
  void build() {
    data = SeedLoader.read(SeedSource.classpath(), LocalDate.of(2026, 11, 25));
    Map<String, GeoPoint> points = new HashMap<>();
    data.stations().forEach(s -> points.put(s.id(), s.location()));
    index = new LuceneSearchIndex(dir);
    int n = index.rebuild(data.stations(), data.teams(), data.activities(), points);
    assertThat(n).isEqualTo(data.stations().size() + data.teams().size() + data.activities().size());
  }

  @AfterAll
  void close() throws Exception {
    index.close();
  }

  @Test
  void partOfANameFindsIt() {
    SearchIndex.Result r = index.search(new SearchIndex.Query("锦秀", Set.of(Kind.STATION), 10));
    assertThat(r.hits()).isNotEmpty();
    assertThat(r.hits().get(0).name()).startsWith("锦秀社区");
    assertThat(r.hits().get(0).location()).isNotNull();
    assertThat(r.hits().get(0).synthetic()).isTrue();
  }

  @Test
  void kindsFilterAndCountAll() {
    SearchIndex.Result teams = index.search(new SearchIndex.Query("志愿服务", Set.of(Kind.TEAM), 5));
    assertThat(teams.hits()).hasSize(5).allMatch(h -> h.kind() == Kind.TEAM);
    assertThat(teams.total()).isGreaterThan(100);
    SearchIndex.Result health = index.search(new SearchIndex.Query("义诊", Set.of(), 20));
    assertThat(health.hits()).extracting(SearchIndex.Hit::kind).contains(Kind.ACTIVITY);
    assertThat(index.size()).isEqualTo(data.stations().size() + data.teams().size() + data.activities().size());
  }

  @Test
  void nonsenseFindsNothingAndBadQueriesAreRefused() {
    assertThat(index.search(new SearchIndex.Query("zzqqxx", Set.of(), 10)).hits()).isEmpty();
    assertThatThrownBy(() -> new SearchIndex.Query(" ", Set.of(), 10)).hasMessageContaining("required");
    assertThatThrownBy(() -> new SearchIndex.Query("锦秀", Set.of(), 1000)).hasMessageContaining("limit");
  }
}
