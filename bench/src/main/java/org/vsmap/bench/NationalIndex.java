package org.vsmap.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;
import org.vsmap.pipeline.search.LuceneSearchIndex;
import org.vsmap.pipeline.seed.NationalSetGenerator;
import org.vsmap.pipeline.seed.NationalSetGenerator.Village;

/**
 * Builds the national-scale benchmark index: one synthetic station per real 村/社区 of China (620,573,
 * from {@code villages_national.csv.gz}), placed around its city (GeoNames points of the city's
 * towns, else its province's), plus 1,000,000 teams and 2,000,000 activities at random stations (in
 * proportion for a smaller villages file). Deterministic. Usage: {@code NationalIndex <shared/data
 * dir> <index dir>}.
 */
public final class NationalIndex {

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    Path index = Path.of(args.length > 1 ? args[1] : "bench/target/national-index");
    long t0 = System.nanoTime();
    List<Village> villages = NationalSetGenerator.villages(data, 0);
    System.out.printf(
        "placed %,d villages in %d ms%n", villages.size(), (System.nanoTime() - t0) / 1_000_000);
    try (LuceneSearchIndex idx =
        new LuceneSearchIndex(index, org.vsmap.geo.time.ChinaTime.system())) {
      long t1 = System.nanoTime();
      int n =
          idx.rebuild(
              "national-bench",
              0,
              sink -> {
                Thread[] workers =
                    new Thread[Math.max(1, Runtime.getRuntime().availableProcessors())];
                for (int w = 0; w < workers.length; w++) {
                  int part = w;
                  int parts = workers.length;
                  workers[w] = new Thread(() -> feed(villages, part, parts, sink));
                  workers[w].start();
                }
                for (Thread t : workers) {
                  try {
                    t.join();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                  }
                }
              });
      System.out.printf(
          "indexed %,d documents in %d s into %s%n",
          n, (System.nanoTime() - t1) / 1_000_000_000, index);
    }
  }

  private static void feed(
      List<Village> villages, int part, int parts, LuceneSearchIndex.Sink sink) {
    Theme[] themes = Theme.values();
    int teams =
        (int) Math.round((double) NationalSetGenerator.NATIONAL_TEAMS * villages.size() / 620_573);
    int activities =
        (int)
            Math.round(
                (double) NationalSetGenerator.NATIONAL_ACTIVITIES * villages.size() / 620_573);
    LocalDate today = LocalDate.now(org.vsmap.geo.time.ChinaTime.ZONE);
    for (int i = part; i < villages.size(); i += parts) {
      Village v = villages.get(i);
      sink.station(
          new Station(
              "st-" + v.code(),
              NationalSetGenerator.shortName(v.name()) + "志愿服务站",
              StationType.COMMUNITY,
              v.code(),
              v.name(),
              new GeoPoint(v.lon(), v.lat()),
              null,
              List.of("助老助残"),
              null,
              FiveHas.parse("11010"),
              true));
    }
    for (int i = part; i < teams; i += parts) {
      SplittableRandom r = new SplittableRandom(31L * i + 7);
      Village v = villages.get(r.nextInt(villages.size()));
      sink.team(
          new Team(
              "tm-" + i,
              NationalSetGenerator.shortName(v.name()) + "志愿服务队" + (i % 7 + 1),
              TeamLevel.SQUAD,
              "tm-root",
              v.code(),
              null,
              null,
              "社区服务",
              "st-" + v.code(),
              5 + r.nextInt(50),
              true),
          new GeoPoint(v.lon(), v.lat()));
    }
    for (int i = part; i < activities; i += parts) {
      SplittableRandom r = new SplittableRandom(17L * i + 3);
      Village v = villages.get(r.nextInt(villages.size()));
      Theme theme = themes[r.nextInt(themes.length)];
      var start = today.plusDays(r.nextInt(56)).atTime(8 + r.nextInt(11), 0);
      int wanted = 5 + r.nextInt(30);
      sink.activity(
          new Activity(
              "ac-" + i,
              NationalSetGenerator.shortName(v.name()) + "·" + theme.zh() + "志愿服务",
              null,
              theme,
              "tm-" + (i % teams),
              "st-" + v.code(),
              v.code(),
              new GeoPoint(v.lon(), v.lat()),
              start,
              start.plusHours(2),
              r.nextDouble() < 0.3 ? Recurrence.WEEKLY : Recurrence.ONCE,
              wanted,
              r.nextInt(wanted + 1),
              true,
              false,
              true));
    }
  }
}
