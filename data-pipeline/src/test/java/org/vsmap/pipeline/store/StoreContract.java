package org.vsmap.pipeline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.pipeline.importer.ImportBatch;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;

/**
 * What every store backend must do, run against each real backend by a subclass: filled from the
 * shipped seeds, read back unchanged, spatially indexed, and untouched by a load that fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  Database db;
  SeedLoader.SeedData seeds;
  JdbiRegionStore regions;
  JdbiStationStore stations;
  JdbiTeamStore teams;
  JdbiActivityStore activities;

  /** A JDBC URL of a new, empty database. */
  abstract String newDatabaseUrl(String name) throws Exception;

  abstract String user();

  /** SQL counting the spatial indexes on table.column in this backend. */
  abstract String spatialIndexCount(String table, String column);

  @BeforeAll
  void fillStore() throws Exception {
    db = Database.open(newDatabaseUrl("contract"), user(), null);
    SeedLoader.Counts counts = SeedLoader.load(db, SeedSource.classpath(), CLOCK);
    seeds = SeedLoader.read(SeedSource.classpath(), LocalDate.now(CLOCK));
    assertThat(counts.stations()).isEqualTo(seeds.stations().size());
    regions = new JdbiRegionStore(db.jdbi());
    stations = new JdbiStationStore(db.jdbi());
    teams = new JdbiTeamStore(db.jdbi());
    activities = new JdbiActivityStore(db.jdbi());
  }

  @AfterAll
  void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void holdsTheRealOrdosRegions() {
    assertThat(regions.regionsAtLevel(RegionLevel.COUNTY))
        .hasSize(9)
        .allSatisfy(r -> assertThat(r.boundary()).as("boundary of %s", r.name()).isNotNull());
    assertThat(regions.regionsAtLevel(RegionLevel.STREET)).hasSize(88);
    assertThat(regions.regionsAtLevel(RegionLevel.COMMUNITY)).hasSize(1011);
    Region dongsheng = regions.regionByCode("150602").orElseThrow();
    assertThat(dongsheng.name()).isEqualTo("东胜区");
    assertThat(
            dongsheng
                .boundary()
                .contains(point(dongsheng.centroid().lon(), dongsheng.centroid().lat())))
        .isTrue();
    assertThat(regions.regionByCode("999999")).isEmpty();
  }

  @Test
  void readsBackExactlyWhatWasWritten() {
    assertThat(stations.stations()).containsExactlyInAnyOrderElementsOf(seeds.stations());
    assertThat(teams.teams()).containsExactlyInAnyOrderElementsOf(seeds.teams());
    assertThat(activities.activities()).containsExactlyInAnyOrderElementsOf(seeds.activities());
    Station first = seeds.stations().get(0);
    assertThat(stations.stationById(first.id())).contains(first);
    assertThat(stations.stationById("no-such-station")).isEmpty();
  }

  @Test
  void everyStationLiesInsideItsCounty() {
    Map<String, Geometry> counties = new HashMap<>();
    regions.regionsAtLevel(RegionLevel.COUNTY).forEach(r -> counties.put(r.code(), r.boundary()));
    assertThat(stations.stations())
        .hasSizeGreaterThan(800)
        .allSatisfy(
            s ->
                assertThat(
                        counties
                            .get(s.countyCode())
                            .contains(point(s.location().lon(), s.location().lat())))
                    .as("%s %s inside county %s", s.id(), s.name(), s.countyCode())
                    .isTrue());
  }

  @Test
  void boxQueryUsesTheSpatialIndexAndMatchesAPlainFilter() {
    BBox dongshengCentre = new BBox(109.90, 39.75, 110.05, 39.90);
    List<Station> expected =
        seeds.stations().stream().filter(s -> dongshengCentre.contains(s.location())).toList();
    assertThat(expected).isNotEmpty();
    assertThat(stations.stationsWithin(dongshengCentre))
        .containsExactlyInAnyOrderElementsOf(expected);
    for (String[] c :
        new String[][] {{"station", "geom"}, {"activity", "geom"}, {"region", "boundary"}}) {
      long n =
          db.jdbi()
              .withHandle(
                  h -> h.createQuery(spatialIndexCount(c[0], c[1])).mapTo(Long.class).one());
      assertThat(n).as("spatial index on %s.%s", c[0], c[1]).isEqualTo(1);
    }
  }

  @Test
  void teamTreeFollowsSeed000() {
    Map<String, Team> byId = new HashMap<>();
    teams.teams().forEach(t -> byId.put(t.id(), t));
    assertThat(byId.values().stream().filter(t -> t.parentId() == null))
        .singleElement()
        .extracting(Team::level)
        .isEqualTo(TeamLevel.CITY_CORPS);
    for (Team t : byId.values()) {
      if (t.parentId() != null) {
        assertThat(byId.get(t.parentId()).mayParent(t.level()))
            .as("%s under its parent", t.id())
            .isTrue();
      }
    }
    assertThat(byId.values().stream().map(Team::level).distinct())
        .containsExactlyInAnyOrder(TeamLevel.values());
    String station = byId.get("tm-1506").homeStationId();
    assertThat(teams.teamsBasedAt(station)).extracting(Team::id).contains("tm-1506");
  }

  @Test
  void upcomingActivitiesAtAStationComeSoonestFirst() {
    String station = "st-1506-head";
    LocalDateTime now = LocalDateTime.now(CLOCK);
    List<Activity> upcoming = activities.activitiesAt(station, now, 50);
    assertThat(upcoming)
        .isNotEmpty()
        .allSatisfy(
            a -> {
              assertThat(a.stationId()).isEqualTo(station);
              assertThat(a.end()).isAfter(now);
            });
    assertThat(upcoming).extracting(Activity::start).isSorted();
    assertThat(activities.activitiesAt(station, now, 1)).hasSize(1);
  }

  @Test
  void aWeeklyActivityIsUpcomingUntilItsLastWeekAndComesByItsNextWeek() throws Exception {
    try (Database own = Database.open(newDatabaseUrl("weekly"), user(), null)) {
      SeedLoader.load(own, SeedSource.classpath(), CLOCK);
      JdbiActivityStore store = new JdbiActivityStore(own.jdbi());
      Activity template = store.activities().get(0);
      String team = template.organiserTeamId();
      String station = template.stationId() == null ? "st-1506-head" : template.stationId();
      LocalDateTime now = LocalDateTime.now(CLOCK);
      java.util.function.BiFunction<String, LocalDateTime, Activity> make =
          (id, start) ->
              new Activity(
                  id,
                  "测试" + id,
                  null,
                  template.theme(),
                  team,
                  station,
                  template.regionCode(),
                  template.location(),
                  start,
                  start.plusHours(2),
                  id.contains("weekly")
                      ? org.vsmap.geo.model.Recurrence.WEEKLY
                      : org.vsmap.geo.model.Recurrence.ONCE,
                  5,
                  0,
                  true,
                  false,
                  true);
      Activity running =
          make.apply(
              "ac-weekly-running", now.minusWeeks(3).minusHours(3)); // next: in 6 days 21 hours
      Activity lastWeek =
          make.apply(
              "ac-weekly-last", now.minusWeeks(7).minusHours(1)); // its eighth week is on now
      Activity over =
          make.apply("ac-weekly-over", now.minusWeeks(8).minusHours(3)); // eight weeks done
      Activity ended = make.apply("ac-once-ended", now.minusDays(1));
      Activity tomorrow = make.apply("ac-once-tomorrow", now.plusDays(1));
      own.jdbi()
          .useTransaction(
              h ->
                  JdbiActivityStore.insert(
                      h,
                      List.of(running, lastWeek, over, ended, tomorrow),
                      java.sql.Timestamp.valueOf(now)));
      for (List<Activity> upcoming :
          List.of(store.activitiesBy(team, now, 1000), store.activitiesAt(station, now, 1000))) {
        assertThat(upcoming)
            .extracting(Activity::id)
            .contains("ac-weekly-running", "ac-weekly-last", "ac-once-tomorrow")
            .doesNotContain("ac-weekly-over", "ac-once-ended");
        assertThat(upcoming)
            .extracting(a -> a.nextStart(now))
            .as("by the next occurrence")
            .isSorted();
        assertThat(upcoming).allSatisfy(a -> assertThat(a.lastEnd()).isAfter(now));
      }
      Activity next =
          store.activitiesBy(team, now, 1000).stream()
              .filter(a -> a.id().equals("ac-weekly-running"))
              .findFirst()
              .orElseThrow();
      assertThat(next.nextStart(now)).isEqualTo(running.start().plusWeeks(4));
      List<String> order = store.activitiesBy(team, now, 1000).stream().map(Activity::id).toList();
      assertThat(order.indexOf("ac-weekly-last"))
          .as("going on now, before the one in a week and tomorrow's")
          .isLessThan(order.indexOf("ac-once-tomorrow"))
          .isLessThan(order.indexOf("ac-weekly-running"));
      assertThat(store.activitiesBy(team, now, 2))
          .extracting(Activity::id)
          .as("the limit keeps the soonest")
          .isEqualTo(order.subList(0, 2));
      // a photo list names an activity by title and date: its weeks are found, a day before its
      // first is not
      assertThat(store.titledAround(running.title(), running.start().plusWeeks(4).toLocalDate()))
          .extracting(Activity::id)
          .containsExactly("ac-weekly-running");
      assertThat(store.titledAround(running.title(), running.start().toLocalDate().minusDays(1)))
          .isEmpty();
      assertThat(store.titledAround("测试ac-weekly%", running.start().toLocalDate()))
          .as("a title is not a pattern")
          .isEmpty();
    }
  }

  @Test
  void newlyPublishedActivitiesComeNewestFirstByRegionAndTheme() throws Exception {
    try (Database own = Database.open(newDatabaseUrl("published"), user(), null)) {
      SeedLoader.load(own, SeedSource.classpath(), CLOCK);
      JdbiActivityStore store = new JdbiActivityStore(own.jdbi());
      Activity template =
          store.activities().stream()
              .filter(a -> a.regionCode().startsWith("150602"))
              .findFirst()
              .orElseThrow();
      // the seed's rows were published at the clock's now; this one comes a minute after them
      Activity fresh =
          new Activity(
              "ac-fresh",
              "新发布的活动",
              null,
              org.vsmap.geo.model.Theme.PUBLIC_HEALTH,
              template.organiserTeamId(),
              null,
              template.regionCode(),
              template.location(),
              template.start(),
              template.end(),
              org.vsmap.geo.model.Recurrence.ONCE,
              5,
              0,
              true,
              false,
              true);
      own.jdbi()
          .useTransaction(
              h ->
                  JdbiActivityStore.insert(
                      h,
                      List.of(fresh),
                      java.sql.Timestamp.valueOf(LocalDateTime.now(CLOCK).plusMinutes(1))));
      List<org.vsmap.geo.port.ActivityStore.Published> newest =
          store.recentlyPublished(null, null, 5);
      assertThat(newest).hasSize(5);
      assertThat(newest.get(0).activity()).isEqualTo(fresh);
      assertThat(newest)
          .extracting(org.vsmap.geo.port.ActivityStore.Published::at)
          .isSortedAccordingTo(java.util.Comparator.reverseOrder());
      assertThat(newest.get(0).at()).isAfter(newest.get(1).at());
      assertThat(store.recentlyPublished("150602", null, 500))
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.activity().regionCode()).startsWith("150602"))
          .hasSize(
              (int)
                  store.activities().stream()
                      .filter(a -> a.regionCode().startsWith("150602"))
                      .count());
      assertThat(store.recentlyPublished("1506%", null, 5))
          .as("a wildcard is not a pattern")
          .isEmpty();
      assertThat(store.recentlyPublished(null, org.vsmap.geo.model.Theme.PUBLIC_HEALTH, 2000))
          .allSatisfy(
              p ->
                  assertThat(p.activity().theme())
                      .isEqualTo(org.vsmap.geo.model.Theme.PUBLIC_HEALTH))
          .hasSize(
              (int)
                  store.activities().stream()
                      .filter(a -> a.theme() == org.vsmap.geo.model.Theme.PUBLIC_HEALTH)
                      .count());
      own.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "UPDATE activity SET retired_at = CURRENT_TIMESTAMP WHERE id = 'ac-fresh'"));
      assertThat(store.recentlyPublished(null, null, 1).get(0).activity().id())
          .as("retired: not public")
          .isNotEqualTo("ac-fresh");
      assertThat(store.activitiesByIds(List.of("ac-fresh", template.id(), "no-such")))
          .containsExactly(template);
    }
  }

  @Test
  void anHonoursPointFollowsItsSubjectWhenItMoves() throws Exception {
    try (Database own = Database.open(newDatabaseUrl("honours"), user(), null)) {
      SeedLoader.load(own, SeedSource.classpath(), CLOCK);
      JdbiHonours honours = new JdbiHonours(own.jdbi());
      Station s = new JdbiStationStore(own.jdbi()).stationById("st-150602001002").orElseThrow();
      assertThat(honours.honourById("hn-demo-01").orElseThrow().point())
          .as("the demo honour at its station")
          .isEqualTo(s.location());
      org.vsmap.geo.model.GeoPoint there = new org.vsmap.geo.model.GeoPoint(109.99, 39.82);
      Station moved =
          new Station(
              s.id(),
              s.name(),
              s.type(),
              s.regionCode(),
              s.address(),
              there,
              s.openingHours(),
              s.services(),
              s.publicContact(),
              s.fiveHas(),
              s.synthetic(),
              false);
      new JdbiImportWriter(own.jdbi())
          .apply(ImportBatch.of("test", "tester").withStations(List.of(moved)));
      assertThat(honours.honourById("hn-demo-01").orElseThrow().point()).isEqualTo(there);
      assertThat(honours.honourById("hn-demo-02").orElseThrow().point())
          .as("the team based there: its honour moves with its home station")
          .isEqualTo(there);
      assertThat(honours.honourById("hn-demo-06").orElseThrow().point())
          .as("another station's honour stays")
          .isEqualTo(
              new JdbiStationStore(own.jdbi())
                  .stationById("st-150602-library")
                  .orElseThrow()
                  .location());
    }
  }

  @Test
  void aLoadThatFailsMidwayLeavesTheStoreAsItWas() throws Exception {
    try (Database fresh = Database.open(newDatabaseUrl("failing"), user(), null)) {
      // a duplicated station id passes file checks but breaks the primary key during the write,
      // after the regions were already inserted in the same transaction
      SeedSource broken = withDuplicatedFirstStation(SeedSource.classpath());
      assertThatThrownBy(() -> SeedLoader.load(fresh, broken, CLOCK)).isNotNull();
      assertThat(new JdbiRegionStore(fresh.jdbi()).regionCount()).isZero();
      assertThat(new JdbiStationStore(fresh.jdbi()).stationCount()).isZero();
    }
  }

  /**
   * The rebuild streams the store (a national one does not fit in the heap as lists) into two
   * indexing threads.
   */
  @Test
  void theIndexRebuiltFromTheStoreHoldsEveryPublicRecordWithTeamsAtTheirHomeStations()
      throws Exception {
    java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("vsmap-rebuild-");
    try (var index = new org.vsmap.pipeline.search.LuceneSearchIndex(folder, CLOCK)) {
      int n =
          org.vsmap.pipeline.search.IndexFollower.rebuild(
              index, stations, teams, activities, "contract", 7);
      assertThat(n)
          .isEqualTo(stations.stationCount() + teams.teamCount() + activities.activityCount());
      assertThat(index.size()).isEqualTo(n);
      assertThat(index.storeSequence()).isEqualTo(7);
      org.vsmap.geo.model.Team based =
          teams.teams().stream().filter(t -> t.homeStationId() != null).findFirst().orElseThrow();
      org.vsmap.geo.model.GeoPoint home =
          stations.stationById(based.homeStationId()).orElseThrow().location();
      assertThat(index.nearest(home, java.util.Set.of(org.vsmap.geo.model.Kind.TEAM), 50))
          .extracting(h -> h.id())
          .contains(based.id());
    }
  }

  @Test
  void anEditIsSearchableWithinASecondThroughTheChangeLog() throws Exception {
    java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("vsmap-follow-");
    try (var index = new org.vsmap.pipeline.search.LuceneSearchIndex(folder, CLOCK)) {
      JdbiChangeLog changes = new JdbiChangeLog(db.jdbi());
      long seq = changes.maxSeq();
      Map<String, org.vsmap.geo.model.GeoPoint> points = new HashMap<>();
      seeds.stations().forEach(s -> points.put(s.id(), s.location()));
      index.rebuild(seeds.stations(), seeds.teams(), seeds.activities(), points, "contract", seq);
      try (var follower =
          new org.vsmap.pipeline.search.IndexFollower(index, changes, stations, teams, activities)
              .start(100)) {
        Station original = stations.stationById("st-1506-head").orElseThrow();
        Station renamed =
            new Station(
                original.id(),
                "鄂尔多斯市志愿服务总站（星河驿站）",
                original.type(),
                original.regionCode(),
                original.address(),
                original.location(),
                original.openingHours(),
                original.services(),
                "0477-8581234",
                original.fiveHas(),
                original.synthetic());
        long t0 = System.nanoTime();
        stations.save(renamed);
        assertThat(stations.stationById(original.id())).contains(renamed);
        assertThat(changes.maxSeq()).isEqualTo(seq + 1);
        var request = org.vsmap.geo.port.SearchIndex.Request.builder().text("星河驿站").build();
        while (index.search(request).hits().isEmpty() && System.nanoTime() - t0 < 1_000_000_000L) {
          Thread.sleep(20);
        }
        assertThat(index.search(request).hits())
            .extracting(h -> h.id())
            .containsExactly("st-1506-head");
        assertThat(index.storeSequence()).isEqualTo(seq + 1);
        stations.save(original);
      }
    }
  }

  @Test
  void signUpDetailsAndATeamsLineAreWrittenByTheOneWriterAndReadBack() throws Exception {
    try (Database own = Database.open(newDatabaseUrl("joining"), user(), null)) {
      SeedLoader.load(own, SeedSource.classpath(), CLOCK);
      JdbiActivityStore store = new JdbiActivityStore(own.jdbi());
      Activity base = store.activityById("ac-00002").orElseThrow();
      assertThat(base.joining().projectId())
          .as("the demo's made-up number")
          .isEqualTo("DEMO-00002");
      org.vsmap.geo.model.Joining j =
          new org.vsmap.geo.model.Joining(
              "P20261207",
              "https://example.org/signup?p=20261207",
              "线上报名，额满即止",
              java.time.LocalDateTime.of(2027, 1, 17, 18, 0),
              "0477-8586666");
      JdbiImportWriter writer = new JdbiImportWriter(own.jdbi());
      writer.apply(
          ImportBatch.of("contract", "tester").withActivities(List.of(base.withJoining(j))));
      assertThat(store.activityById("ac-00002").orElseThrow().joining()).isEqualTo(j);
      writer.apply(
          ImportBatch.of("contract", "tester")
              .withActivities(List.of(base.withJoining(org.vsmap.geo.model.Joining.NONE))));
      assertThat(store.activityById("ac-00002").orElseThrow().joining().isEmpty())
          .as("cleared again")
          .isTrue();
      JdbiTeamStore teamStore = new JdbiTeamStore(own.jdbi());
      Team t = teamStore.teamById("tm-1506").orElseThrow();
      Team withLine =
          new Team(
              t.id(),
              t.name(),
              t.level(),
              t.parentId(),
              t.regionCode(),
              t.supervisingUnit(),
              t.founded(),
              t.speciality(),
              t.homeStationId(),
              t.memberCount(),
              t.synthetic(),
              "0477-8381111",
              "https://example.org/teams/1506");
      writer.apply(ImportBatch.of("contract", "tester").withTeams(List.of(withLine)));
      assertThat(teamStore.teamById("tm-1506")).contains(withLine);
    }
  }

  @Test
  void savingManyStationsIsAllOrNothingAndSkipsWhatIsUnchanged() throws Exception {
    try (Database own = Database.open(newDatabaseUrl("saving"), user(), null)) {
      SeedLoader.load(own, SeedSource.classpath(), CLOCK);
      JdbiStationStore store = new JdbiStationStore(own.jdbi());
      JdbiChangeLog changes = new JdbiChangeLog(own.jdbi());
      Station base = store.stationById("st-1506-head").orElseThrow();
      Station fresh =
          new Station(
              "st-import-a",
              "导入测试甲站",
              base.type(),
              base.regionCode(),
              null,
              base.location(),
              null,
              List.of(),
              null,
              null,
              false);
      Station broken =
          new Station(
              "st-import-b",
              "导入测试乙站",
              base.type(),
              "150699",
              null,
              base.location(),
              null,
              List.of(),
              null,
              null,
              false); // no such region: the foreign key fails after the first row was written
      assertThatThrownBy(() -> store.saveAll(List.of(fresh, broken))).isNotNull();
      assertThat(store.stationById("st-import-a")).isEmpty();
      assertThat(changes.maxSeq()).isZero();
      assertThat(store.saveAll(List.of(fresh, base)))
          .isEqualTo(new JdbiImportWriter.Counts(1, 0, 1, 0));
      assertThat(store.saveAll(List.of(fresh))).isEqualTo(new JdbiImportWriter.Counts(0, 0, 1, 0));
      // one change recorded (a rolled-back transaction may leave a gap in the numbers, never a row)
      assertThat(changes.since(0, 100))
          .extracting(JdbiChangeLog.Change::id)
          .containsExactly("st-import-a");
    }
  }

  @Test
  void officeFilesOfEveryKindGoInThroughOneWriterAndAreAudited() throws Exception {
    try (Database own = Database.open(newDatabaseUrl("offices"), user(), null)) {
      SeedLoader.load(own, SeedSource.classpath(), CLOCK);
      java.time.LocalDate today = java.time.LocalDate.now(CLOCK);
      JdbiImportWriter writer = new JdbiImportWriter(own.jdbi());
      // regions in the layout of the 统计用区划代码 lists: a new county of 鄂尔多斯 with a street and a
      // community
      String regionsCsv =
          "code,name,areaCode,provinceCode,cityCode,streetCode\n"
              + "150699,\"测试新区\",,15,1506,\n150699001,\"测试街道\",150699,15,1506,\n"
              + "150699001001,\"测试社区居委会\",150699,15,1506,150699001\n";
      var regionsFile =
          org.vsmap.pipeline.importer.OfficeImport.prepare(
              new org.vsmap.pipeline.store.JdbiImportLookups(own.jdbi()),
              request(
                  org.vsmap.pipeline.importer.OfficeImport.What.REGIONS,
                  "regions.csv",
                  regionsCsv,
                  null),
              today.atTime(java.time.LocalTime.now(CLOCK)));
      assertThat(regionsFile.problems()).isEmpty();
      assertThat(writer.apply(regionsFile.batch()).regions())
          .isEqualTo(new JdbiImportWriter.Counts(3, 0, 0, 0));
      assertThat(
              new JdbiRegionStore(own.jdbi())
                  .regionByCode("150699001001")
                  .orElseThrow()
                  .parentCode())
          .isEqualTo("150699001");
      // a GeoJSON station list in GCJ-02 (AMap), one station in the new community without a point
      // of its own
      org.vsmap.geo.model.GeoPoint gcj =
          org.vsmap.geo.spatial.CoordinateSystem.GCJ02.fromWgs84(
              new org.vsmap.geo.model.GeoPoint(109.953453, 39.881668));
      String geojson =
          "{\"type\":\"FeatureCollection\",\"features\":["
              + "{\"type\":\"Feature\",\"properties\":{\"名称\":\"锦秀GeoJSON站\",\"区划代码\":\"150602001002\"},"
              + "\"geometry\":{\"type\":\"Point\",\"coordinates\":["
              + gcj.lon()
              + ","
              + gcj.lat()
              + "]}},"
              + "{\"type\":\"Feature\",\"properties\":{\"名称\":\"新区无坐标站\",\"区划代码\":\"150699001001\"},\"geometry\":null}]}";
      var stationsFile =
          org.vsmap.pipeline.importer.OfficeImport.prepare(
              new org.vsmap.pipeline.store.JdbiImportLookups(own.jdbi()),
              request(
                  org.vsmap.pipeline.importer.OfficeImport.What.STATION,
                  "stations.geojson",
                  geojson,
                  org.vsmap.geo.spatial.CoordinateSystem.GCJ02),
              today.atTime(java.time.LocalTime.now(CLOCK)));
      assertThat(stationsFile.readAs()).isEqualTo("GeoJSON");
      assertThat(stationsFile.problems())
          .as("no region up the chain has a point yet")
          .extracting(org.vsmap.geo.port.Problem::row, org.vsmap.geo.port.Problem::reasonEn)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  3, "coordinates are missing and the region has no known centroid"));
      // the county's boundary, as GeoJSON
      String boundary =
          "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"adcode\":\"150699\"},"
              + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[109.4,39.4],[109.6,39.4],[109.6,39.6],[109.4,39.6],[109.4,39.4]]]}}]}";
      var boundaryFile =
          org.vsmap.pipeline.importer.OfficeImport.prepare(
              new org.vsmap.pipeline.store.JdbiImportLookups(own.jdbi()),
              request(
                  org.vsmap.pipeline.importer.OfficeImport.What.REGIONS,
                  "county.geojson",
                  boundary,
                  null),
              today.atTime(java.time.LocalTime.now(CLOCK)));
      assertThat(boundaryFile.problems()).isEmpty();
      assertThat(writer.apply(boundaryFile.batch()).regions())
          .isEqualTo(new JdbiImportWriter.Counts(0, 1, 0, 0));
      org.vsmap.geo.model.Region county =
          new JdbiRegionStore(own.jdbi()).regionByCode("150699").orElseThrow();
      assertThat(county.boundary().getArea())
          .isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(county.name()).as("kept: the file gave no name").isEqualTo("测试新区");
      stationsFile =
          org.vsmap.pipeline.importer.OfficeImport.prepare(
              new org.vsmap.pipeline.store.JdbiImportLookups(own.jdbi()),
              request(
                  org.vsmap.pipeline.importer.OfficeImport.What.STATION,
                  "stations.geojson",
                  geojson,
                  org.vsmap.geo.spatial.CoordinateSystem.GCJ02),
              today.atTime(java.time.LocalTime.now(CLOCK)));
      assertThat(stationsFile.problems()).isEmpty();
      assertThat(writer.apply(stationsFile.batch()).counts().get(org.vsmap.geo.model.Kind.STATION))
          .isEqualTo(new JdbiImportWriter.Counts(2, 0, 0, 0));
      JdbiStationStore store = new JdbiStationStore(own.jdbi());
      Station placed =
          store.stations().stream()
              .filter(x -> x.name().equals("新区无坐标站"))
              .findFirst()
              .orElseThrow();
      assertThat(placed.approximate()).isTrue();
      assertThat(placed.location())
          .as("walked up to the county's centroid")
          .isEqualTo(county.centroid());
      // a full re-import retires, a later one restores; the audit log names who and what
      var one =
          org.vsmap.pipeline.importer.OfficeImport.prepare(
              new org.vsmap.pipeline.store.JdbiImportLookups(own.jdbi()),
              new org.vsmap.pipeline.importer.OfficeImport.Request(
                  org.vsmap.pipeline.importer.OfficeImport.What.STATION,
                  "stations.csv",
                  "名称,区划代码\n新区无坐标站,150699001001\n"
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                  null,
                  org.vsmap.geo.spatial.CoordinateSystem.WGS84,
                  null,
                  null,
                  "stations",
                  true,
                  "tester"),
              today.atTime(java.time.LocalTime.now(CLOCK)));
      assertThat(writer.apply(one.batch()).counts().get(org.vsmap.geo.model.Kind.STATION))
          .isEqualTo(new JdbiImportWriter.Counts(0, 0, 1, 1));
      assertThat(store.stations())
          .extracting(Station::name)
          .doesNotContain("锦秀GeoJSON站")
          .contains("新区无坐标站");
      assertThat(new JdbiChangeLog(own.jdbi()).since(0, 100))
          .anyMatch(JdbiChangeLog.Change::deleted);
      List<String> audit =
          own.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT username || ' ' || action FROM audit_log ORDER BY seq")
                          .mapTo(String.class)
                          .list());
      assertThat(audit).contains("tester RETIRE", "tester CREATE", "tester REGION");
    }
  }

  @Test
  void volunteerFiguresPerRegionAndPeriodAreCheckedAndReplacedNotDuplicated() throws Exception {
    try (Database own = Database.open(newDatabaseUrl("figures"), user(), null)) {
      SeedLoader.load(own, SeedSource.classpath(), CLOCK);
      java.time.LocalDate today = java.time.LocalDate.now(CLOCK);
      JdbiImportWriter writer = new JdbiImportWriter(own.jdbi());
      String bad =
          "区划代码,统计期,注册志愿者人数,活跃志愿者人数,服务时长（小时）\n"
              + "150602,2026-11,52000,18000,\"91,234.5\"\n"
              + "150602,2026-13,1,1,1\n"
              + "150603,2026-W47,100,200,5\n"
              + "999999,2026,1,1,1\n"
              + "150621,2026,-5,,\n";
      var checked =
          org.vsmap.pipeline.importer.OfficeImport.prepare(
              new org.vsmap.pipeline.store.JdbiImportLookups(own.jdbi()),
              request(
                  org.vsmap.pipeline.importer.OfficeImport.What.FIGURES, "figures.csv", bad, null),
              today.atTime(java.time.LocalTime.now(CLOCK)));
      assertThat(checked.problems())
          .as("%s", checked.problems())
          .extracting(org.vsmap.geo.port.Problem::row)
          .containsExactly(3, 4, 5, 6);
      assertThat(checked.problems().get(1).reasonEn()).contains("exceed registered");
      String good =
          "区划代码,统计期,注册志愿者人数,活跃志愿者人数,服务时长（小时）\n150602,2026-11,52000,18000,\"91,234.5\"\n"
              + "150603,2026-W47,300,200,5\n";
      var clean =
          org.vsmap.pipeline.importer.OfficeImport.prepare(
              new org.vsmap.pipeline.store.JdbiImportLookups(own.jdbi()),
              request(
                  org.vsmap.pipeline.importer.OfficeImport.What.FIGURES, "figures.csv", good, null),
              today.atTime(java.time.LocalTime.now(CLOCK)));
      assertThat(clean.problems()).isEmpty();
      assertThat(writer.apply(clean.batch()).figures()).isEqualTo(2);
      assertThat(writer.apply(clean.batch()).figures())
          .as("the same file again replaces, never doubles")
          .isEqualTo(2);
      // the demo seeds bring their own (synthetic) figures: look at this office's source only
      List<String> rows =
          own.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT region_code || ' ' || period || ' ' || registered || ' ' "
                                  + "|| active FROM volunteer_figure WHERE source <> :demo ORDER BY region_code")
                          .bind("demo", SeedLoader.DEMO_FIGURES_SOURCE)
                          .mapTo(String.class)
                          .list());
      assertThat(rows).containsExactly("150602 2026-11 52000 18000", "150603 2026-W47 300 200");
      long replaced =
          own.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT COUNT(*) FROM volunteer_figure WHERE region_code = '150602' "
                                  + "AND period = '2026-11'")
                          .mapTo(Long.class)
                          .one());
      assertThat(replaced)
          .as("the office's figure replaced the demo's for that region and month")
          .isEqualTo(1);
      double hours =
          own.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT service_hours FROM volunteer_figure WHERE region_code = '150602' "
                                  + "AND period = '2026-11'")
                          .mapTo(Double.class)
                          .one());
      assertThat(hours)
          .as("91,234.5 read as a number, thousands separator and all")
          .isEqualTo(91234.5);
    }
  }

  /**
   * A unit's team list names the communities each team is paired with; a wrong code is a problem at
   * its row and column.
   */
  @Test
  void teamPairingsComeInWithTheTeamListAndReplaceTheOldOnes() throws Exception {
    try (Database own = Database.open(newDatabaseUrl("pairings"), user(), null)) {
      SeedLoader.load(own, SeedSource.classpath(), CLOCK);
      java.time.LocalDate today = java.time.LocalDate.now(CLOCK);
      String bad = "队伍名称,上级队伍,区划代码,结对社区代码\n市税务局志愿服务分队,tm-1506,1506,150602001001；150602\n";
      var checked =
          org.vsmap.pipeline.importer.OfficeImport.prepare(
              new org.vsmap.pipeline.store.JdbiImportLookups(own.jdbi()),
              request(org.vsmap.pipeline.importer.OfficeImport.What.TEAM, "units.csv", bad, null),
              today.atTime(java.time.LocalTime.now(CLOCK)));
      assertThat(checked.problems())
          .extracting(org.vsmap.geo.port.Problem::row, org.vsmap.geo.port.Problem::value)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "150602"));
      String good = "队伍名称,上级队伍,区划代码,结对社区代码\n市税务局志愿服务分队,tm-1506,1506,150602001001；150602001002\n";
      JdbiImportWriter writer = new JdbiImportWriter(own.jdbi());
      writer.apply(
          org.vsmap.pipeline.importer.OfficeImport.prepare(
                  new org.vsmap.pipeline.store.JdbiImportLookups(own.jdbi()),
                  request(
                      org.vsmap.pipeline.importer.OfficeImport.What.TEAM, "units.csv", good, null),
                  today.atTime(java.time.LocalTime.now(CLOCK)))
              .batch());
      String again = "队伍名称,上级队伍,区划代码,结对社区代码\n市税务局志愿服务分队,tm-1506,1506,150602001003\n";
      writer.apply(
          org.vsmap.pipeline.importer.OfficeImport.prepare(
                  new org.vsmap.pipeline.store.JdbiImportLookups(own.jdbi()),
                  request(
                      org.vsmap.pipeline.importer.OfficeImport.What.TEAM, "units.csv", again, null),
                  today.atTime(java.time.LocalTime.now(CLOCK)))
              .batch());
      List<String> pairs =
          own.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT p.community_code FROM team_pairing p JOIN team t "
                                  + "ON t.id = p.team_id WHERE t.name = '市税务局志愿服务分队'")
                          .mapTo(String.class)
                          .list());
      assertThat(pairs).as("the newer list replaces the older").containsExactly("150602001003");
      var stats = new org.vsmap.pipeline.stats.JdbiStatistics(own.jdbi(), CLOCK, 5).table();
      assertThat(stats.values())
          .anyMatch(
              v -> v.indicator().equals("paired_unit_weekly") && v.regionCode().equals("1506"));
    }
  }

  @Test
  void aRegionWithoutItsOwnPopulationCountsItsCommunities() throws Exception {
    try (Database own = Database.open(newDatabaseUrl("population"), user(), null)) {
      SeedLoader.load(own, SeedSource.classpath(), CLOCK);
      String street =
          own.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT parent_code FROM region WHERE level = 'COMMUNITY' "
                                  + "AND population IS NOT NULL ORDER BY code")
                          .mapTo(String.class)
                          .first());
      long communities =
          own.jdbi()
              .withHandle(
                  h -> {
                    h.createUpdate("UPDATE region SET population = NULL WHERE code = :c")
                        .bind("c", street)
                        .execute();
                    return h.createQuery(
                            "SELECT COALESCE(SUM(population), 0) FROM region WHERE parent_code = :c")
                        .bind("c", street)
                        .mapTo(Long.class)
                        .one();
                  });
      assertThat(communities).isPositive();
      var stats = new org.vsmap.pipeline.stats.JdbiStatistics(own.jdbi(), CLOCK, 5).table();
      assertThat(stats.values())
          .as("the street's volunteer rate is over its communities' population, not over 0")
          .anyMatch(
              v ->
                  v.indicator().equals("volunteer_rate")
                      && v.regionCode().equals(street)
                      && v.denominator() != null
                      && v.denominator() == communities);
    }
  }

  @Test
  void aLikelyDuplicateWithinAFileIsWarnedAboutOnce() throws Exception {
    try (Database own = Database.open(newDatabaseUrl("duplicates"), user(), null)) {
      SeedLoader.load(own, SeedSource.classpath(), CLOCK);
      String csv =
          "站点名称,行政区划代码,经度,纬度\n星光驿站,150602,109.9600,39.8200\n星光志愿服务站,150602,109.9601,39.8200\n";
      var checked =
          org.vsmap.pipeline.importer.OfficeImport.prepare(
              new org.vsmap.pipeline.store.JdbiImportLookups(own.jdbi()),
              request(
                  org.vsmap.pipeline.importer.OfficeImport.What.STATION,
                  "dup.csv",
                  csv,
                  org.vsmap.geo.spatial.CoordinateSystem.WGS84),
              java.time.LocalDateTime.now(CLOCK));
      assertThat(checked.problems()).isEmpty();
      assertThat(checked.warnings())
          .extracting(org.vsmap.geo.port.Problem::value)
          .containsExactly("星光志愿服务站");
    }
  }

  private static org.vsmap.pipeline.importer.OfficeImport.Request request(
      org.vsmap.pipeline.importer.OfficeImport.What what,
      String file,
      String text,
      org.vsmap.geo.spatial.CoordinateSystem crs) {
    return new org.vsmap.pipeline.importer.OfficeImport.Request(
        what,
        file,
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        null,
        crs,
        null,
        null,
        "stations",
        false,
        "tester");
  }

  /**
   * Downloads and OGC pages come out of both backends alike: streamed in a read transaction, read
   * back, compared with the store.
   */
  @Test
  void exportsAndOgcPagesMatchTheStore() throws Exception {
    var exports =
        new org.vsmap.pipeline.export.DatasetExports(
            db.jdbi(), java.nio.file.Files.createTempDirectory("contract-scratch"));
    java.io.ByteArrayOutputStream geojson = new java.io.ByteArrayOutputStream();
    exports.write(
        "stations",
        org.vsmap.geo.port.Downloads.Format.GEOJSON,
        org.vsmap.geo.port.Downloads.Filter.ALL,
        geojson);
    var fc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(geojson.toByteArray());
    assertThat(fc.get("features")).hasSize(seeds.stations().size());
    assertThat(fc.get("notice").asText()).contains("synthetic");
    java.util.Set<String> ids = new java.util.HashSet<>();
    fc.get("features").forEach(f -> ids.add(f.get("id").asText()));
    assertThat(ids)
        .isEqualTo(
            seeds.stations().stream()
                .map(org.vsmap.geo.model.Station::id)
                .collect(java.util.stream.Collectors.toSet()));

    java.io.ByteArrayOutputStream fgb = new java.io.ByteArrayOutputStream();
    exports.write(
        "stations",
        org.vsmap.geo.port.Downloads.Format.FGB,
        org.vsmap.geo.port.Downloads.Filter.ALL,
        fgb);
    var header =
        org.wololo.flatgeobuf.HeaderMeta.read(
            java.nio.ByteBuffer.wrap(fgb.toByteArray()).order(java.nio.ByteOrder.LITTLE_ENDIAN));
    assertThat(header.featuresCount).isEqualTo(seeds.stations().size());

    // a writer that fails midway (a client gone) stops the read and leaves the store usable
    java.io.OutputStream broken =
        new java.io.OutputStream() {
          long n;

          @Override
          public void write(int b) throws java.io.IOException {
            if (++n > 50_000) {
              throw new java.io.IOException("client went away");
            }
          }
        };
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                exports.write(
                    "activities",
                    org.vsmap.geo.port.Downloads.Format.CSV,
                    org.vsmap.geo.port.Downloads.Filter.ALL,
                    broken))
        .hasMessageContaining("client went away");
    assertThat(exports.count("activities")).isEqualTo(seeds.activities().size());

    var ogc = new org.vsmap.pipeline.export.OgcFeatures(db.jdbi(), exports);
    org.vsmap.geo.model.BBox box = new org.vsmap.geo.model.BBox(109.90, 39.75, 110.05, 39.90);
    long inside = seeds.stations().stream().filter(st -> box.contains(st.location())).count();
    var page =
        ogc.items(
            "stations",
            new org.vsmap.geo.port.FeatureCollections.Query(
                java.util.List.of(box), null, null, null, java.util.Map.of(), 5, 0));
    assertThat(page.numberMatched()).isEqualTo(inside).isGreaterThan(5);
    assertThat(page.features()).hasSize(5);
    var rest =
        ogc.items(
            "stations",
            new org.vsmap.geo.port.FeatureCollections.Query(
                java.util.List.of(box), null, null, null, java.util.Map.of(), 1000, 5));
    assertThat(rest.features())
        .hasSize((int) inside - 5)
        .noneMatch(f -> page.features().stream().anyMatch(g -> g.id().equals(f.id())));
    java.time.LocalDateTime from = java.time.LocalDateTime.of(2026, 12, 1, 0, 0);
    java.time.LocalDateTime to = java.time.LocalDateTime.of(2026, 12, 31, 23, 59);
    long december =
        seeds.activities().stream()
            .filter(a -> !a.end().isBefore(from) && !a.start().isAfter(to))
            .count();
    assertThat(
            ogc.items(
                    "activities",
                    new org.vsmap.geo.port.FeatureCollections.Query(
                        null, from, to, null, java.util.Map.of("theme", "public_health"), 10, 0))
                .numberMatched())
        .isLessThanOrEqualTo(december);
    assertThat(
            ogc.items(
                    "activities",
                    new org.vsmap.geo.port.FeatureCollections.Query(
                        null, from, to, null, java.util.Map.of(), 10, 0))
                .numberMatched())
        .isEqualTo(december);
    assertThat(ogc.item("teams", seeds.teams().get(0).id())).isPresent();
  }

  @Test
  void reopeningAMigratedStoreKeepsItsData() {
    String url =
        db.jdbi()
            .withHandle(
                h -> {
                  try {
                    return h.getConnection().getMetaData().getURL();
                  } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                  }
                });
    try (Database again = Database.open(url, user(), null)) {
      assertThat(new JdbiStationStore(again.jdbi()).stationCount())
          .isEqualTo(seeds.stations().size());
    }
  }

  private static SeedSource withDuplicatedFirstStation(SeedSource inner) {
    return new SeedSource() {
      @Override
      public InputStream open(String path) {
        if (!path.equals(SeedSource.STATIONS)) {
          return inner.open(path);
        }
        try (InputStream in = inner.open(path)) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          String firstRow = text.lines().skip(1).findFirst().orElseThrow();
          return new ByteArrayInputStream(
              (text + firstRow + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String describe() {
        return "broken";
      }
    };
  }

  private static final GeometryFactory GF = new GeometryFactory();

  static Geometry point(double lon, double lat) {
    return GF.createPoint(new Coordinate(lon, lat));
  }
}
