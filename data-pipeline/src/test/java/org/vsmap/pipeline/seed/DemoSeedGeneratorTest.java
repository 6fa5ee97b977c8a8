package org.vsmap.pipeline.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Theme;

class DemoSeedGeneratorTest {
  private final SeedSource seeds = SeedSource.classpath();

  @Test
  void committedDemoFilesAreExactlyWhatTheGeneratorMakes() throws IOException {
    DemoSeedGenerator.DemoSet again = DemoSeedGenerator.generate(seeds);
    assertThat(again.stations()).isEqualTo(text(SeedSource.STATIONS));
    assertThat(again.teams()).isEqualTo(text(SeedSource.TEAMS));
    assertThat(again.activities()).isEqualTo(text(SeedSource.ACTIVITIES));
    assertThat(again.figures()).isEqualTo(text(SeedSource.FIGURES));
    assertThat(again.population()).isEqualTo(text(SeedSource.POPULATION));
  }

  @Test
  void mostCommunitiesHaveAStationNamedAfterThemInsideTheirCounty() {
    SeedLoader.SeedData data = SeedLoader.read(seeds, LocalDate.of(2026, 11, 25));
    Map<String, Region> regions = new HashMap<>();
    data.regions().forEach(r -> regions.put(r.code(), r));
    long communities =
        data.regions().stream().filter(r -> r.level() == RegionLevel.COMMUNITY).count();
    var communityStations =
        data.stations().stream()
            .filter(s -> s.type() == StationType.COMMUNITY || s.type() == StationType.DEMONSTRATION)
            .toList();
    assertThat((double) communityStations.size() / communities).isBetween(0.8, 0.95);
    GeometryFactory gf = new GeometryFactory();
    for (Station s : communityStations) {
      String community = regions.get(s.regionCode()).name();
      String stem = DemoSeedGenerator.shortName(community);
      assertThat(s.name()).as("name of %s", s.id()).startsWith(stem);
      assertThat(
              regions
                  .get(s.countyCode())
                  .boundary()
                  .contains(gf.createPoint(new Coordinate(s.location().lon(), s.location().lat()))))
          .as("%s inside its county", s.id())
          .isTrue();
    }
    assertThat(data.stations()).allMatch(Station::synthetic);
    assertThat(data.stations().stream().map(Station::type).collect(Collectors.toSet()))
        .containsAll(Set.of(StationType.values()));
  }

  @Test
  void activitiesCoverEightWeeksAndAllEighteenThemes() {
    LocalDate today = LocalDate.of(2026, 11, 25);
    SeedLoader.SeedData data = SeedLoader.read(seeds, today);
    assertThat(data.activities())
        .allSatisfy(
            a -> {
              assertThat(a.start().toLocalDate()).isBetween(today, today.plusWeeks(8));
              assertThat(a.synthetic()).isTrue();
            });
    assertThat(data.activities().stream().map(Activity::theme).collect(Collectors.toSet()))
        .containsAll(Set.of(Theme.values()));
    long weekly =
        data.activities().stream().filter(a -> a.recurrence() == Recurrence.WEEKLY).count();
    assertThat(weekly).isGreaterThan(data.activities().size() / 5);
  }

  @Test
  void shortNamesDropTheCommitteeSuffix() {
    assertThat(DemoSeedGenerator.shortName("建安社区居委会")).isEqualTo("建安社区");
    assertThat(DemoSeedGenerator.shortName("萨拉乌素社区居民委员会")).isEqualTo("萨拉乌素社区");
    assertThat(DemoSeedGenerator.shortName("漫赖村委会")).isEqualTo("漫赖村");
    assertThat(DemoSeedGenerator.shortName("锦秀社区")).isEqualTo("锦秀社区");
  }

  private String text(String path) throws IOException {
    try (InputStream in = seeds.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
