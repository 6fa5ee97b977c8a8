package org.vsmap.pipeline.seed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.vsmap.geo.format.CsvWriter;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.spatial.ChinaOffsets;
import org.vsmap.pipeline.csv.CsvTable;

/**
 * The national-scale synthetic set (issue 8), written as the importer's own input files: one
 * station per real 村/社区 of {@code admin/villages_national.csv.gz} (620,573, real codes and names),
 * 1,000,000 teams in the tree of seed 000 (a 总队 per city, a 分队 per county, a 大队 per street, 小队 at
 * the villages) and 2,000,000 activities (15 % upcoming, the rest held in the last two years with
 * the number who took part). Points are placed around their city (GeoNames towns of the city, else
 * of its province) and kept inside China. Every station, team and activity carries 合成数据=是.
 * Deterministic: the same inputs, slice and day give byte-identical files.
 *
 * <p>Teams and activities are in proportion to the villages read (exactly 1,000,000 and 2,000,000
 * for the national file); a slice ({@code villages} &gt; 0) takes the first N villages, and only
 * the regions above the villages taken are written — for tests.
 */
public final class NationalSetGenerator {
  public static final int NATIONAL_TEAMS = 1_000_000;
  public static final int NATIONAL_ACTIVITIES = 2_000_000;
  static final int NATIONAL_VILLAGES = 620_573;

  /** Rows per team or activity file: what one import holds comfortably in memory. */
  static final int ROWS_PER_FILE = 250_000;

  static final double UPCOMING_SHARE = 0.15;

  /** One generated file and how to import it. */
  public record File(String name, String kind, int rows) {}

  /** What was written. */
  public record Summary(
      int regions, int stations, int teams, int activities, int upcoming, List<File> files) {}

  /** A real village (村/社区) with its generated point. */
  public record Village(
      String code,
      String name,
      String streetCode,
      String areaCode,
      String cityCode,
      double lon,
      double lat) {}

  private NationalSetGenerator() {}

  /**
   * Writes the set into {@code out}. {@code data}: the shared reference data folder (admin/,
   * gazetteer/); {@code villages}: 0 for all, else the first N; {@code today}: the day upcoming
   * activities count from (they start two days later or after, so the files stay importable for a
   * day or two).
   */
  public static Summary generate(Path data, Path out, int villages, LocalDate today)
      throws IOException {
    Files.createDirectories(out);
    List<Village> vs = villages(data, villages);
    Set<String> streets = new LinkedHashSet<>();
    Set<String> areas = new LinkedHashSet<>();
    Set<String> cities = new LinkedHashSet<>();
    for (Village v : vs) {
      streets.add(v.streetCode());
      areas.add(v.areaCode());
      cities.add(v.cityCode());
    }
    Set<String> provinces = new LinkedHashSet<>();
    cities.forEach(c -> provinces.add(c.substring(0, 2)));
    List<File> files = new ArrayList<>();
    int regions = 0;
    regions +=
        copyRegions(
            data.resolve("admin/provinces.csv"), out.resolve("01-provinces.csv"), provinces, files);
    Map<String, String> cityNames = names(data.resolve("admin/cities.csv"), cities);
    regions +=
        copyRegions(data.resolve("admin/cities.csv"), out.resolve("02-cities.csv"), cities, files);
    Map<String, String> areaNames = names(data.resolve("admin/areas.csv"), areas);
    regions +=
        copyRegions(data.resolve("admin/areas.csv"), out.resolve("03-areas.csv"), areas, files);
    Map<String, String> streetNames = names(data.resolve("admin/streets.csv"), streets);
    regions +=
        copyRegions(
            data.resolve("admin/streets.csv"), out.resolve("04-streets.csv"), streets, files);
    Map<String, String> provinceNames = names(data.resolve("admin/provinces.csv"), provinces);
    regions += writeVillages(vs, out, files);

    writeStations(vs, out, files);

    int teamTotal = (int) Math.round((double) NATIONAL_TEAMS * vs.size() / NATIONAL_VILLAGES);
    List<String[]> teamRows =
        upperTeams(cities, areas, streets, provinceNames, cityNames, areaNames, streetNames);
    int squads = Math.max(0, teamTotal - teamRows.size());
    String[] specialities = {
      "助老助残", "环境保护", "文明交通", "理论宣讲", "科普宣传", "应急救援", "关爱儿童", "文体服务", "便民服务"
    };
    for (int i = 0; i < squads; i++) {
      Village v = vs.get(i % vs.size());
      SplittableRandom r = new SplittableRandom(0x5EEDL * 1_000_003 + i);
      teamRows.add(
          new String[] {
            squadId(i),
            shortName(v.name()) + "志愿服务" + (i / vs.size() + 1) + "小队",
            "小队",
            "tm-s-" + v.streetCode(),
            v.code(),
            "",
            specialities[r.nextInt(specialities.length)],
            "st-" + v.code(),
            Integer.toString(5 + r.nextInt(40))
          });
    }
    String[] teamHeader = {
      "队伍编号", "队伍名称", "层级", "上级队伍", "区划代码", "结对社区代码", "服务领域", "驻地站点", "队员人数", "合成数据"
    };
    writeChunks(
        out,
        "20-teams",
        "team",
        teamHeader,
        teamRows.size(),
        i -> append(teamRows.get(i), "是"),
        files);

    int activityTotal =
        (int) Math.round((double) NATIONAL_ACTIVITIES * vs.size() / NATIONAL_VILLAGES);
    int upcoming = writeActivities(out, vs, squads, activityTotal, today, files);

    writeReadme(out, files, vs.size(), teamRows.size(), activityTotal, upcoming, today);
    return new Summary(
        regions, vs.size(), teamRows.size(), activityTotal, upcoming, List.copyOf(files));
  }

  /** The 总队 of each city, the 分队 of each county, the 大队 of each street. */
  private static List<String[]> upperTeams(
      Set<String> cities,
      Set<String> areas,
      Set<String> streets,
      Map<String, String> provinceNames,
      Map<String, String> cityNames,
      Map<String, String> areaNames,
      Map<String, String> streetNames) {
    List<String[]> teamRows = new ArrayList<>();
    for (String c : cities) {
      String name = cityNames.get(c);
      if (name.equals("市辖区")
          || name.equals("县")
          || name.equals("省直辖县级行政区划")
          || name.equals("自治区直辖县级行政区划")) {
        name = provinceNames.get(c.substring(0, 2)) + (name.equals("市辖区") ? "" : name);
      }
      teamRows.add(
          new String[] {"tm-c-" + c, name + "志愿服务总队", "总队（市）", "", c, "", "综合", "", "200"});
    }
    for (String a : areas) {
      teamRows.add(
          new String[] {
            "tm-a-" + a,
            areaNames.get(a) + "志愿服务分队",
            "分队",
            "tm-c-" + a.substring(0, 4),
            a,
            "",
            "综合",
            "",
            "80"
          });
    }
    for (String s : streets) {
      teamRows.add(
          new String[] {
            "tm-s-" + s,
            streetNames.get(s) + "志愿服务大队",
            "大队",
            "tm-a-" + s.substring(0, 6),
            s,
            "",
            "综合",
            "",
            "40"
          });
    }
    return teamRows;
  }

  /** The activities, in chunks; how many are upcoming. */
  private static int writeActivities(
      Path out, List<Village> vs, int squads, int activityTotal, LocalDate today, List<File> files)
      throws IOException {
    Theme[] themes = Theme.values();
    int[] upcoming = {0};
    String[] activityHeader = {
      "活动编号", "活动名称", "活动主题", "组织队伍", "站点", "区划代码", "开始时间", "结束时间", "频次", "招募人数", "已报名人数", "参加人数",
      "是否记录时长", "合成数据"
    };
    writeChunks(
        out,
        "30-activities",
        "activity",
        activityHeader,
        activityTotal,
        i -> {
          SplittableRandom r = new SplittableRandom(0xAC7L * 1_000_003 + i);
          int vi = r.nextInt(vs.size());
          Village v = vs.get(vi);
          Theme theme = themes[r.nextInt(themes.length)];
          boolean soon = r.nextDouble() < UPCOMING_SHARE;
          LocalDateTime start =
              (soon ? today.plusDays(2 + r.nextInt(54)) : today.minusDays(3 + r.nextInt(728)))
                  .atTime(8 + r.nextInt(11), r.nextBoolean() ? 0 : 30);
          LocalDateTime end = start.plusMinutes(60 + 30L * r.nextInt(6));
          String team = squads > vi ? squadId(vi) : "tm-s-" + v.streetCode();
          int wanted = 5 + r.nextInt(30);
          if (soon) {
            upcoming[0]++;
          }
          return new String[] {
            "ac-" + i,
            shortName(v.name()) + "·" + theme.zh() + "志愿服务",
            theme.zh(),
            team,
            "st-" + v.code(),
            v.code(),
            start.toString().replace('T', ' '),
            end.toString().replace('T', ' '),
            r.nextInt(10) < 3 ? "每周" : "一次",
            Integer.toString(wanted),
            soon ? Integer.toString(r.nextInt(wanted + 1)) : "",
            soon ? "" : Integer.toString(1 + r.nextInt(wanted)),
            r.nextBoolean() ? "是" : "否",
            "是"
          };
        },
        files);

    return upcoming[0];
  }

  static String squadId(int i) {
    return "tm-q-" + i;
  }

  private static String[] append(String[] row, String value) {
    String[] r = java.util.Arrays.copyOf(row, row.length + 1);
    r[row.length] = value;
    return r;
  }

  /** The (first N) villages with a deterministic point around their city. */
  public static List<Village> villages(Path data, int limit) throws IOException {
    Map<String, List<double[]>> townsByCity = new HashMap<>();
    Map<String, List<double[]>> townsByProvince = new HashMap<>();
    try (InputStream in = Files.newInputStream(data.resolve("gazetteer/geonames_cities_CN.csv"))) {
      for (CsvTable.Row row : CsvTable.read("geonames_cities_CN.csv", in).rows()) {
        String city = row.get("admin2");
        if (city == null) {
          continue;
        }
        double[] p = {
          Double.parseDouble(row.require("lng")), Double.parseDouble(row.require("lat"))
        };
        townsByCity.computeIfAbsent(city, k -> new ArrayList<>()).add(p);
        townsByProvince.computeIfAbsent(city.substring(0, 2), k -> new ArrayList<>()).add(p);
      }
    }
    List<Village> out = new ArrayList<>(limit > 0 ? limit : 640_000);
    try (Reader in =
        new InputStreamReader(
            new GZIPInputStream(
                Files.newInputStream(data.resolve("admin/villages_national.csv.gz"))),
            StandardCharsets.UTF_8)) {
      for (CsvTable.Row row : CsvTable.read("villages_national.csv.gz", in).rows()) {
        if (limit > 0 && out.size() == limit) {
          break;
        }
        String code = row.require("code");
        SplittableRandom r = new SplittableRandom(code.hashCode() * 2654435761L);
        List<double[]> towns =
            townsByCity.getOrDefault(
                row.require("cityCode"), townsByProvince.get(row.require("provinceCode")));
        double[] c =
            towns == null ? new double[] {112.5, 32.5} : towns.get(r.nextInt(towns.size()));
        double lon = c[0];
        double lat = c[1];
        for (int attempt = 0; attempt < 8; attempt++) {
          double x = c[0] + r.nextGaussian() * 0.25;
          double y = c[1] + r.nextGaussian() * 0.2;
          if (ChinaOffsets.inChina(x, y)) {
            lon = x;
            lat = y;
            break;
          }
        }
        out.add(
            new Village(
                code,
                row.require("name"),
                row.require("streetCode"),
                row.require("areaCode"),
                row.require("cityCode"),
                lon,
                lat));
      }
    }
    return out;
  }

  /** A village committee's name as people say it: 银闸社区居民委员会 → 银闸社区. */
  public static String shortName(String name) {
    for (String suffix : new String[] {"社区居民委员会", "社区居委会", "村民委员会", "村委会", "居委会", "委员会"}) {
      if (name.endsWith(suffix)) {
        String stem = name.substring(0, name.length() - suffix.length());
        return stem
            + (suffix.startsWith("社区") || suffix.equals("居委会")
                ? "社区"
                : suffix.startsWith("村") ? "村" : "");
      }
    }
    return name;
  }

  private static Map<String, String> names(Path csv, Set<String> codes) throws IOException {
    Map<String, String> m = new HashMap<>();
    try (InputStream in = Files.newInputStream(csv)) {
      for (CsvTable.Row row : CsvTable.read(csv.getFileName().toString(), in).rows()) {
        if (codes.contains(row.require("code"))) {
          m.put(row.require("code"), row.require("name"));
        }
      }
    }
    return m;
  }

  /**
   * Copies the header and the rows whose code is wanted, as they are (the importer reads this
   * layout).
   */
  private static int copyRegions(Path from, Path to, Set<String> codes, List<File> files)
      throws IOException {
    int n = 0;
    try (InputStream in = Files.newInputStream(from);
        BufferedWriter w = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
      CsvTable t = CsvTable.read(from.getFileName().toString(), in);
      CsvWriter csv = CsvWriter.forMachines(w).row(t.header());
      for (CsvTable.Row row : t.rows()) {
        if (codes.contains(row.require("code"))) {
          csv.row(t.header().stream().map(row::get).toList());
          n++;
        }
      }
      csv.flush();
    }
    files.add(new File(to.getFileName().toString(), "regions", n));
    return n;
  }

  /** The villages as regions, in files of at most {@link #ROWS_PER_FILE} rows. */
  private static int writeVillages(List<Village> vs, Path out, List<File> files)
      throws IOException {
    writeChunks(
        out,
        "05-villages",
        "regions",
        new String[] {"code", "name", "streetCode", "provinceCode", "cityCode", "areaCode"},
        vs.size(),
        i -> {
          Village v = vs.get(i);
          return new String[] {
            v.code(), v.name(), v.streetCode(), v.code().substring(0, 2), v.cityCode(), v.areaCode()
          };
        },
        files);
    return vs.size();
  }

  /** One station per village, in files of at most {@link #ROWS_PER_FILE} rows. */
  private static void writeStations(List<Village> vs, Path out, List<File> files)
      throws IOException {
    String[] services = {"助老助残；便民服务", "理论宣讲；文明实践", "关爱儿童；助学", "环境保护；垃圾分类", "文体服务；科普宣传"};
    writeChunks(
        out,
        "10-stations",
        "station",
        new String[] {
          "站点编号", "站点名称", "站点类型", "行政区划代码", "地址", "经度", "纬度", "开放时间", "服务内容", "五有", "合成数据"
        },
        vs.size(),
        i -> {
          Village v = vs.get(i);
          SplittableRandom r = new SplittableRandom(v.code().hashCode() * 40503L + 1);
          StringBuilder five = new StringBuilder();
          for (int k = 0; k < 5; k++) {
            five.append(r.nextInt(10) < 8 ? '1' : '0');
          }
          return new String[] {
            "st-" + v.code(),
            shortName(v.name()) + "志愿服务站",
            "社区志愿服务站",
            v.code(),
            v.name(),
            String.format(Locale.ROOT, "%.6f", v.lon()),
            String.format(Locale.ROOT, "%.6f", v.lat()),
            "周一至周五 9:00-17:00",
            services[r.nextInt(services.length)],
            five.toString(),
            "是"
          };
        },
        files);
  }

  private static void writeChunks(
      Path out,
      String prefix,
      String kind,
      String[] header,
      int rows,
      java.util.function.IntFunction<String[]> row,
      List<File> files)
      throws IOException {
    int parts = Math.max(1, (rows + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
    for (int p = 0; p < parts; p++) {
      int from = p * ROWS_PER_FILE;
      int to = Math.min(rows, from + ROWS_PER_FILE);
      String name = String.format(Locale.ROOT, "%s-%02d.csv", prefix, p + 1);
      try (BufferedWriter w = Files.newBufferedWriter(out.resolve(name), StandardCharsets.UTF_8)) {
        CsvWriter csv = CsvWriter.forMachines(w).row((Object[]) header);
        for (int i = from; i < to; i++) {
          csv.row((Object[]) row.apply(i));
        }
        csv.flush();
      }
      files.add(new File(name, kind, to - from));
    }
  }

  private static void writeReadme(
      Path out,
      List<File> files,
      int stations,
      int teams,
      int activities,
      int upcoming,
      LocalDate today)
      throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("合成数据 SYNTHETIC DATA — generated by `vsmap generate-national` on ")
        .append(today)
        .append(".\n")
        .append(
            "Real region codes and names (统计用区划代码); every station, team and activity is invented (合成数据=是).\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "%,d stations, %,d teams, %,d activities (%,d upcoming).%n%n",
                stations,
                teams,
                activities,
                upcoming))
        .append("Import in this order (parents before children):\n");
    for (File f : files) {
      b.append("  ./vsmap import ")
          .append(f.name())
          .append(" --kind ")
          .append(f.kind())
          .append(importOptions(f.kind()))
          .append('\n');
    }
    Files.writeString(out.resolve("README.txt"), b.toString(), StandardCharsets.UTF_8);
  }

  /** The import options a generated file of {@code kind} needs (coordinates are WGS84). */
  public static String importOptions(String kind) {
    return switch (kind) {
      case "regions" -> " --source nbs-2023";
      case "station" -> " --crs wgs84 --source national-stations";
      case "team" -> " --source national-teams";
      default -> " --source national-activities";
    };
  }
}
