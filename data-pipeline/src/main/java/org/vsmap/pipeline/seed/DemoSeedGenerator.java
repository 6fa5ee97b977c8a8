package org.vsmap.pipeline.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.StationType;
import org.vsmap.pipeline.csv.CsvTable;

/**
 * Generates the synthetic Ordos demo set (stations, teams, activities) from the real regions and
 * county boundaries. Deterministic: every record draws from a random stream seeded by its own
 * region code, so the output is byte-for-byte the same on every run and adding one community does
 * not move the others. Every record is flagged synthetic.
 *
 * <p>Placement: a street's centre lies near the county seat when it is an urban 街道 or 开发区, anywhere
 * in the county otherwise; a community lies within 2.5 km (社区) or 8 km (村, 嘎查) of its street's
 * centre; every point is inside its county polygon.
 */
public final class DemoSeedGenerator {
  public static final List<String> STATION_COLUMNS =
      List.of(
          "id",
          "name",
          "type",
          "region_code",
          "address",
          "lon",
          "lat",
          "opening_hours",
          "services",
          "public_contact",
          "five_has",
          "synthetic");
  public static final List<String> TEAM_COLUMNS =
      List.of(
          "id",
          "name",
          "level",
          "parent_id",
          "region_code",
          "supervising_unit",
          "founded",
          "speciality",
          "home_station_id",
          "member_count",
          "synthetic",
          "paired_communities");
  public static final List<String> ACTIVITY_COLUMNS =
      List.of(
          "id",
          "title",
          "description",
          "theme",
          "organiser_team_id",
          "station_id",
          "region_code",
          "lon",
          "lat",
          "day_offset",
          "start_time",
          "duration_minutes",
          "recurrence",
          "volunteers_wanted",
          "volunteers_signed_up",
          "records_service_hours",
          "published_nationally",
          "synthetic",
          "project_id",
          "signup_method",
          "signup_days_before");

  static final String CITY = "1506";
  private static final long SALT = 0x5EED_1506L;
  private static final String[] SERVICES = {
    "助老助残", "政策咨询", "便民维修", "心理疏导", "法律咨询", "义诊", "文明劝导", "图书借阅", "环境清洁", "儿童托管", "理发", "应急救护"
  };
  private static final String[] HOURS = {
    "周一至周五 9:00-17:00", "每天 8:30-18:00", "周一至周六 9:00-12:00, 14:30-17:30", "周末 9:00-16:00"
  };

  public static final List<String> FIGURE_COLUMNS =
      List.of("region_code", "period_offset", "registered", "active", "service_hours", "synthetic");
  public static final List<String> POPULATION_COLUMNS =
      List.of("region_code", "population", "synthetic");

  /** The generated files, as CSV text. */
  public record DemoSet(
      String stations, String teams, String activities, String figures, String population) {
    public void writeTo(Path seedsDir) throws IOException {
      Files.createDirectories(seedsDir.resolve("demo"));
      Files.writeString(seedsDir.resolve(SeedSource.STATIONS), stations, StandardCharsets.UTF_8);
      Files.writeString(seedsDir.resolve(SeedSource.TEAMS), teams, StandardCharsets.UTF_8);
      Files.writeString(
          seedsDir.resolve(SeedSource.ACTIVITIES), activities, StandardCharsets.UTF_8);
      Files.writeString(seedsDir.resolve(SeedSource.FIGURES), figures, StandardCharsets.UTF_8);
      Files.writeString(
          seedsDir.resolve(SeedSource.POPULATION), population, StandardCharsets.UTF_8);
    }
  }

  /** A station as the teams and activities refer to it. */
  record StationRow(
      String id,
      String name,
      String regionCode,
      String countyCode,
      String shortName,
      GeoPoint point) {}

  private final DemoGeography geography;
  private final List<List<String>> stationRows = new ArrayList<>();
  private final Map<String, StationRow> stationsByRegion = new LinkedHashMap<>();
  private final DemoActivities activities = new DemoActivities();

  private DemoSeedGenerator(SeedSource source) {
    this.geography = new DemoGeography(source);
  }

  public static DemoSet generate(SeedSource source) {
    return new DemoSeedGenerator(source).run();
  }

  private DemoSet run() {
    List<DemoGeography.Place> countyList = geography.byLevel("COUNTY");
    Map<String, GeoPoint> seats = new LinkedHashMap<>();
    for (DemoGeography.Place county : countyList) {
      seats.put(county.code(), geography.seat(county.code()));
    }
    // stations: the city's head station, three public-place stations per county, one per community
    GeoPoint kangbashi = seats.get("150603");
    StationRow head =
        addStation(
            "st-1506-head",
            "鄂尔多斯市志愿服务总站",
            "市志愿服务总站",
            StationType.HEAD_STATION,
            "150603",
            "150603",
            "鄂尔多斯市",
            geography.jitter(new SplittableRandom(SALT), kangbashi, 0.5, "150603"),
            "11111");
    publicPlaceStations(countyList, seats);
    communityStations(seats);
    DemoTeams teams = new DemoTeams(geography, stationsByRegion, activities);
    teams.build(countyList, head);
    List<List<String>> figureRows = new ArrayList<>();
    List<List<String>> populationRows = new ArrayList<>();
    buildFigures(figureRows, populationRows);
    return new DemoSet(
        CsvTable.write(STATION_COLUMNS, stationRows),
        CsvTable.write(TEAM_COLUMNS, teams.rows()),
        CsvTable.write(ACTIVITY_COLUMNS, activities.rows()),
        CsvTable.write(FIGURE_COLUMNS, figureRows),
        CsvTable.write(POPULATION_COLUMNS, populationRows));
  }

  /** Three public-place stations per county: its service hall, library and park. */
  private void publicPlaceStations(
      List<DemoGeography.Place> countyList, Map<String, GeoPoint> seats) {
    for (DemoGeography.Place county : countyList) {
      String c = county.code();
      SplittableRandom rnd = random(c);
      GeoPoint seat = seats.get(c);
      addStation(
          "st-" + c + "-hall",
          county.name() + "政务服务大厅便民志愿服务站",
          county.name() + "政务服务大厅",
          StationType.WINDOW_UNIT,
          c,
          c,
          county.name(),
          geography.jitter(rnd, seat, 1.5, c),
          fiveHas(rnd, 0.85));
      addStation(
          "st-" + c + "-library",
          county.name() + "图书馆志愿服务站",
          county.name() + "图书馆",
          StationType.CULTURAL_FACILITY,
          c,
          c,
          county.name(),
          geography.jitter(rnd, seat, 2.0, c),
          fiveHas(rnd, 0.85));
      addStation(
          "st-" + c + "-park",
          county.name() + "人民公园便民志愿服务点",
          county.name() + "人民公园",
          StationType.CONVENIENCE_POINT,
          c,
          c,
          county.name(),
          geography.jitter(rnd, seat, 3.0, c),
          fiveHas(rnd, 0.6));
    }
  }

  /**
   * A station in most communities, near its street's centre (in town) or anywhere (out of town).
   */
  private void communityStations(Map<String, GeoPoint> seats) {
    Map<String, GeoPoint> streetCentres = new LinkedHashMap<>();
    for (DemoGeography.Place street : geography.byLevel("STREET")) {
      String county = street.parent();
      SplittableRandom rnd = random(street.code());
      boolean urban = street.name().endsWith("街道") || street.name().endsWith("区");
      streetCentres.put(
          street.code(),
          urban
              ? geography.jitter(rnd, seats.get(county), 6, county)
              : geography.anywhereIn(rnd, county));
    }
    for (DemoGeography.Place community : geography.byLevel("COMMUNITY")) {
      if (community.name().contains("虚拟")) {
        continue; // a 虚拟社区 is a statistical placeholder of a development zone, not a place
      }
      SplittableRandom rnd = random(community.code());
      if (rnd.nextDouble() >= 0.88) {
        continue; // most communities, not all, have a station yet
      }
      DemoGeography.Place street = geography.place(community.parent());
      String county = street.parent();
      String shortName = shortName(community.name());
      boolean urban = shortName.endsWith("社区");
      boolean demonstration = rnd.nextDouble() < 0.06;
      GeoPoint p = geography.jitter(rnd, streetCentres.get(street.code()), urban ? 2.5 : 8, county);
      addStation(
          "st-" + community.code(),
          shortName + (demonstration ? "志愿服务示范站" : "志愿服务站"),
          shortName,
          demonstration ? StationType.DEMONSTRATION : StationType.COMMUNITY,
          community.code(),
          county,
          geography.place(county).name() + street.name() + shortName,
          p,
          demonstration ? "11111" : fiveHas(rnd, 0.72));
    }
  }

  /**
   * Synthetic resident population for every community, summed up to streets, counties and the city,
   * and synthetic volunteer figures: per community and year (last year {@code Y-1}, this year so
   * far {@code Y0}), per street and county also per month ({@code M-1} … {@code M-12}, months
   * before the current one). Registration runs around 10–17 % of the population, activity 55–85 %
   * of the registered, 18–32 service hours per registered volunteer a year; a few small villages
   * have fewer than five registered volunteers, as real ones do.
   */
  private void buildFigures(List<List<String>> figureRows, List<List<String>> populationRows) {
    Map<String, long[]> sums =
        new LinkedHashMap<>(); // code → population, registered(Y-1), active(Y-1), hours(Y-1), same
    // for Y0
    for (DemoGeography.Place community : geography.byLevel("COMMUNITY")) {
      SplittableRandom rnd = random("figures" + community.code());
      boolean village = community.name().contains("村");
      long population =
          village
              ? (rnd.nextDouble() < 0.05 ? 20 + rnd.nextInt(40) : 300 + rnd.nextInt(2500))
              : 2500 + rnd.nextInt(9000);
      double rate = 0.10 + rnd.nextDouble() * 0.07;
      long[] own = new long[7];
      own[0] = population;
      for (int y = 0; y < 2; y++) {
        long registered = Math.round(population * (rate + y * 0.008));
        long active = Math.round(registered * (0.55 + rnd.nextDouble() * 0.30));
        long hours = Math.round(registered * (18 + rnd.nextDouble() * 14) * (y == 1 ? 0.85 : 1.0));
        own[1 + 3 * y] = registered;
        own[2 + 3 * y] = active;
        own[3 + 3 * y] = hours;
        figureRows.add(
            List.of(
                community.code(),
                y == 0 ? "Y-1" : "Y0",
                Long.toString(registered),
                Long.toString(active),
                Long.toString(hours),
                "true"));
      }
      populationRows.add(List.of(community.code(), Long.toString(population), "true"));
      for (String up = community.parent();
          up != null;
          up = geography.place(up) == null ? null : geography.place(up).parent()) {
        long[] sum = sums.computeIfAbsent(up, k -> new long[7]);
        for (int i = 0; i < 7; i++) {
          sum[i] += own[i];
        }
      }
    }
    for (Map.Entry<String, long[]> e : sums.entrySet()) {
      DemoGeography.Place place = geography.place(e.getKey());
      if (place == null || place.level().equals("PROVINCE")) {
        continue;
      }
      long[] v = e.getValue();
      populationRows.add(List.of(e.getKey(), Long.toString(v[0]), "true"));
      for (int y = 0; y < 2; y++) {
        figureRows.add(
            List.of(
                e.getKey(),
                y == 0 ? "Y-1" : "Y0",
                Long.toString(v[1 + 3 * y]),
                Long.toString(v[2 + 3 * y]),
                Long.toString(v[3 + 3 * y]),
                "true"));
      }
      if (place.level().equals("STREET") || place.level().equals("COUNTY")) {
        SplittableRandom rnd = random("months" + e.getKey());
        for (int m = 1; m <= 12; m++) {
          long registered = Math.round(v[4] * (1 - m * 0.004));
          long active = Math.round(registered * (0.25 + rnd.nextDouble() * 0.25));
          long hours = Math.round(registered * (1.2 + rnd.nextDouble() * 1.6));
          figureRows.add(
              List.of(
                  e.getKey(),
                  "M-" + m,
                  Long.toString(registered),
                  Long.toString(active),
                  Long.toString(hours),
                  "true"));
        }
      }
    }
  }

  private StationRow addStation(
      String id,
      String name,
      String shortName,
      StationType type,
      String regionCode,
      String county,
      String address,
      GeoPoint p,
      String fiveHas) {
    SplittableRandom rnd = random("station-" + id);
    List<String> services = new ArrayList<>();
    for (String s : SERVICES) {
      if (rnd.nextDouble() < 0.3) {
        services.add(s);
      }
    }
    if (services.isEmpty()) {
      services.add(SERVICES[rnd.nextInt(SERVICES.length)]);
    }
    stationRows.add(
        List.of(
            id,
            name,
            type.name(),
            regionCode,
            address,
            coord(p.lon()),
            coord(p.lat()),
            HOURS[rnd.nextInt(HOURS.length)],
            String.join(";", services),
            "",
            fiveHas,
            "true"));
    StationRow row = new StationRow(id, name, regionCode, county, shortName, parse(p));
    stationsByRegion.put(id, row);
    return row;
  }

  private static GeoPoint parse(GeoPoint p) {
    return new GeoPoint(Double.parseDouble(coord(p.lon())), Double.parseDouble(coord(p.lat())));
  }

  static SplittableRandom random(String key) {
    return new SplittableRandom(SALT ^ ((long) key.hashCode() << 16) ^ key.length());
  }

  private static String fiveHas(SplittableRandom rnd, double p) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      sb.append(rnd.nextDouble() < p ? '1' : '0');
    }
    FiveHas.parse(sb.toString());
    return sb.toString();
  }

  static String date(SplittableRandom rnd, int fromYear, int toYear) {
    int year = fromYear + rnd.nextInt(toYear - fromYear + 1);
    return String.format(
        Locale.ROOT, "%04d-%02d-%02d", year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
  }

  static String coord(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  /**
   * Strips the committee suffix from a community name: 锦秀社区居委会 → 锦秀社区, 漫赖村委会 → 漫赖村, 布连图村村民委员会 →
   * 布连图村.
   */
  static String shortName(String name) {
    String[][] suffixes = {
      {"社区居民委员会", "社区"},
      {"社区居委会", "社区"},
      {"居民委员会", "社区"},
      {"居委会", "社区"},
      {"村民委员会", "村"},
      {"村委会", "村"},
      {"委员会", ""}
    };
    for (String[] s : suffixes) {
      if (name.endsWith(s[0])) {
        String base = name.substring(0, name.length() - s[0].length());
        // 布连图村村民委员会 → 布连图村, not 布连图村村
        return base.endsWith(s[1]) ? base : base + s[1];
      }
    }
    return name;
  }

  /** Writes the demo set into a seeds folder: {@code DemoSeedGenerator <seeds dir>}. */
  public static void main(String[] args) throws IOException {
    Path seeds = Path.of(args.length > 0 ? args[0] : "seeds");
    generate(SeedSource.directory(seeds)).writeTo(seeds);
  }
}
