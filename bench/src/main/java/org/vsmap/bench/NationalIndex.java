package org.vsmap.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;
import org.vsmap.pipeline.csv.CsvTable;
import org.vsmap.pipeline.search.LuceneSearchIndex;

/**
 * Builds the national-scale benchmark index: one synthetic station per real 村/社区 of China
 * (620,573, from {@code villages_national.csv.gz}), placed around its city (GeoNames points of the
 * city's towns, else its province's), plus 1,000,000 teams and 2,000,000 activities at random
 * stations. Deterministic. Usage: {@code NationalIndex <shared/data dir> <index dir>}.
 */
public final class NationalIndex {
  static final int TEAMS = 1_000_000;
  static final int ACTIVITIES = 2_000_000;

  /** The generated stations' points and names, kept for the benchmarks' inputs. */
  record Village(String code, String name, double lon, double lat) {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    Path index = Path.of(args.length > 1 ? args[1] : "bench/target/national-index");
    long t0 = System.nanoTime();
    List<Village> villages = villages(data);
    System.out.printf("placed %,d villages in %d ms%n", villages.size(), (System.nanoTime() - t0) / 1_000_000);
    try (LuceneSearchIndex idx = new LuceneSearchIndex(index, java.time.Clock.system(ZoneId.of("Asia/Shanghai")))) {
      long t1 = System.nanoTime();
      int n = idx.rebuild("national-bench", 0, sink -> {
        Thread[] workers = new Thread[Math.max(1, Runtime.getRuntime().availableProcessors())];
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
      System.out.printf("indexed %,d documents in %d s into %s%n", n, (System.nanoTime() - t1) / 1_000_000_000, index);
    }
  }

  private static void feed(List<Village> villages, int part, int parts, LuceneSearchIndex.Sink sink) {
    Theme[] themes = Theme.values();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    for (int i = part; i < villages.size(); i += parts) {
      Village v = villages.get(i);
      sink.station(new Station("st-" + v.code(), shortName(v.name()) + "志愿服务站", StationType.COMMUNITY, v.code(),
          v.name(), new GeoPoint(v.lon(), v.lat()), null, List.of("助老助残"), null, FiveHas.parse("11010"), true));
    }
    for (int i = part; i < TEAMS; i += parts) {
      SplittableRandom r = new SplittableRandom(31L * i + 7);
      Village v = villages.get(r.nextInt(villages.size()));
      sink.team(new Team("tm-" + i, shortName(v.name()) + "志愿服务队" + (i % 7 + 1), TeamLevel.SQUAD, "tm-root", v.code(),
          null, null, "社区服务", "st-" + v.code(), 5 + r.nextInt(50), true), new GeoPoint(v.lon(), v.lat()));
    }
    for (int i = part; i < ACTIVITIES; i += parts) {
      SplittableRandom r = new SplittableRandom(17L * i + 3);
      Village v = villages.get(r.nextInt(villages.size()));
      Theme theme = themes[r.nextInt(themes.length)];
      var start = today.plusDays(r.nextInt(56)).atTime(8 + r.nextInt(11), 0);
      int wanted = 5 + r.nextInt(30);
      sink.activity(new Activity("ac-" + i, shortName(v.name()) + "·" + theme.zh() + "志愿服务", null, theme, "tm-" + (i % TEAMS),
          "st-" + v.code(), v.code(), new GeoPoint(v.lon(), v.lat()), start, start.plusHours(2),
          r.nextDouble() < 0.3 ? Recurrence.WEEKLY : Recurrence.ONCE, wanted, r.nextInt(wanted + 1), true, false, true));
    }
  }

  static String shortName(String name) {
    for (String suffix : new String[] {"社区居民委员会", "社区居委会", "村民委员会", "村委会", "居委会", "委员会"}) {
      if (name.endsWith(suffix)) {
        String stem = name.substring(0, name.length() - suffix.length());
        return stem + (suffix.startsWith("社区") || suffix.equals("居委会") ? "社区" : suffix.startsWith("村") ? "村" : "");
      }
    }
    return name;
  }

  /** Every village with a deterministic point around its city. */
  static List<Village> villages(Path data) throws IOException {
    Map<String, List<double[]>> townsByCity = new HashMap<>();
    Map<String, List<double[]>> townsByProvince = new HashMap<>();
    for (CsvTable.Row row : CsvTable.read("geonames_cities_CN.csv",
        Files.newInputStream(data.resolve("gazetteer/geonames_cities_CN.csv"))).rows()) {
      String city = row.get("admin2");
      if (city == null) {
        continue;
      }
      double[] p = {Double.parseDouble(row.require("lng")), Double.parseDouble(row.require("lat"))};
      townsByCity.computeIfAbsent(city, k -> new ArrayList<>()).add(p);
      townsByProvince.computeIfAbsent(city.substring(0, 2), k -> new ArrayList<>()).add(p);
    }
    List<Village> out = new ArrayList<>(640_000);
    try (Reader in = new InputStreamReader(new GZIPInputStream(Files.newInputStream(data.resolve("admin/villages_national.csv.gz"))),
        StandardCharsets.UTF_8)) {
      for (CsvTable.Row row : CsvTable.read("villages_national.csv.gz", in).rows()) {
        String code = row.require("code");
        SplittableRandom r = new SplittableRandom(code.hashCode() * 2654435761L);
        List<double[]> towns = townsByCity.getOrDefault(row.require("cityCode"), townsByProvince.get(row.require("provinceCode")));
        double[] c = towns == null ? new double[] {105 + r.nextDouble() * 15, 25 + r.nextDouble() * 15}
            : towns.get(r.nextInt(towns.size()));
        double lon = c[0] + r.nextGaussian() * 0.25;
        double lat = c[1] + r.nextGaussian() * 0.2;
        out.add(new Village(code, row.require("name"), Math.max(73, Math.min(135, lon)), Math.max(18, Math.min(53.5, lat))));
      }
    }
    return out;
  }
}
