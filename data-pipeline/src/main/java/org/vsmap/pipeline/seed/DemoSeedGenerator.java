package org.vsmap.pipeline.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.spatial.ChinaOffsets;
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
          "synthetic");

  private static final String CITY = "1506";
  private static final long SALT = 0x5EED_1506L;
  private static final GeometryFactory GF = new GeometryFactory();
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

  private record Place(String code, String name, String parent, String level) {}

  private record StationRow(
      String id,
      String name,
      String regionCode,
      String countyCode,
      String shortName,
      GeoPoint point) {}

  private final Map<String, Place> regions = new LinkedHashMap<>();
  private final Map<String, BoundaryFile.Boundary> counties;
  private final Map<String, PreparedGeometry> prepared = new LinkedHashMap<>();
  private final Map<String, Geometry> outlines = new LinkedHashMap<>();
  private final List<List<String>> stationRows = new ArrayList<>();
  private final List<List<String>> teamRows = new ArrayList<>();
  private final List<List<String>> activityRows = new ArrayList<>();
  private final Map<String, StationRow> stationsByRegion = new LinkedHashMap<>();
  private int activitySeq;

  private DemoSeedGenerator(SeedSource source) {
    for (CsvTable.Row r :
        CsvTable.read(SeedSource.REGIONS, source.open(SeedSource.REGIONS)).rows()) {
      regions.put(
          r.require("code"),
          new Place(
              r.require("code"), r.require("name"), r.get("parent_code"), r.require("level")));
    }
    counties =
        BoundaryFile.read(SeedSource.COUNTY_BOUNDARIES, source.open(SeedSource.COUNTY_BOUNDARIES));
    counties.forEach(
        (code, b) -> {
          prepared.put(code, PreparedGeometryFactory.prepare(b.geometry()));
          outlines.put(code, b.geometry().getBoundary());
        });
  }

  public static DemoSet generate(SeedSource source) {
    return new DemoSeedGenerator(source).run();
  }

  private DemoSet run() {
    List<Place> countyList = byLevel("COUNTY");
    Map<String, GeoPoint> seats = new LinkedHashMap<>();
    for (Place county : countyList) {
      seats.put(county.code(), seat(county.code()));
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
            jitter(new SplittableRandom(SALT), kangbashi, 0.5, "150603"),
            "11111");
    publicPlaceStations(countyList, seats);
    communityStations(seats);
    buildTeams(countyList, head);
    List<List<String>> figureRows = new ArrayList<>();
    List<List<String>> populationRows = new ArrayList<>();
    buildFigures(figureRows, populationRows);
    return new DemoSet(
        CsvTable.write(STATION_COLUMNS, stationRows),
        CsvTable.write(TEAM_COLUMNS, teamRows),
        CsvTable.write(ACTIVITY_COLUMNS, activityRows),
        CsvTable.write(FIGURE_COLUMNS, figureRows),
        CsvTable.write(POPULATION_COLUMNS, populationRows));
  }

  /** Three public-place stations per county: its service hall, library and park. */
  private void publicPlaceStations(List<Place> countyList, Map<String, GeoPoint> seats) {
    for (Place county : countyList) {
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
          jitter(rnd, seat, 1.5, c),
          fiveHas(rnd, 0.85));
      addStation(
          "st-" + c + "-library",
          county.name() + "图书馆志愿服务站",
          county.name() + "图书馆",
          StationType.CULTURAL_FACILITY,
          c,
          c,
          county.name(),
          jitter(rnd, seat, 2.0, c),
          fiveHas(rnd, 0.85));
      addStation(
          "st-" + c + "-park",
          county.name() + "人民公园便民志愿服务点",
          county.name() + "人民公园",
          StationType.CONVENIENCE_POINT,
          c,
          c,
          county.name(),
          jitter(rnd, seat, 3.0, c),
          fiveHas(rnd, 0.6));
    }
  }

  /**
   * A station in most communities, near its street's centre (in town) or anywhere (out of town).
   */
  private void communityStations(Map<String, GeoPoint> seats) {
    Map<String, GeoPoint> streetCentres = new LinkedHashMap<>();
    for (Place street : byLevel("STREET")) {
      String county = street.parent();
      SplittableRandom rnd = random(street.code());
      boolean urban = street.name().endsWith("街道") || street.name().endsWith("区");
      streetCentres.put(
          street.code(),
          urban ? jitter(rnd, seats.get(county), 6, county) : anywhereIn(rnd, county));
    }
    for (Place community : byLevel("COMMUNITY")) {
      SplittableRandom rnd = random(community.code());
      if (rnd.nextDouble() >= 0.88) {
        continue; // most communities, not all, have a station yet
      }
      Place street = regions.get(community.parent());
      String county = street.parent();
      String shortName = shortName(community.name());
      boolean urban = shortName.endsWith("社区");
      boolean demonstration = rnd.nextDouble() < 0.06;
      GeoPoint p = jitter(rnd, streetCentres.get(street.code()), urban ? 2.5 : 8, county);
      addStation(
          "st-" + community.code(),
          shortName + (demonstration ? "志愿服务示范站" : "志愿服务站"),
          shortName,
          demonstration ? StationType.DEMONSTRATION : StationType.COMMUNITY,
          community.code(),
          county,
          regions.get(county).name() + street.name() + shortName,
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
    for (Place community : byLevel("COMMUNITY")) {
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
          up = regions.get(up) == null ? null : regions.get(up).parent()) {
        long[] sum = sums.computeIfAbsent(up, k -> new long[7]);
        for (int i = 0; i < 7; i++) {
          sum[i] += own[i];
        }
      }
    }
    for (Map.Entry<String, long[]> e : sums.entrySet()) {
      Place place = regions.get(e.getKey());
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

  private void buildTeams(List<Place> countyList, StationRow head) {
    cityCorps(head);
    departmentTeams();
    countyTeams(countyList);
    streetTeams();
  }

  /** The city's 学雷锋志愿服务总队 at the head station. */
  private void cityCorps(StationRow head) {
    SplittableRandom cityRnd = random(CITY);
    addTeam(
        "tm-1506",
        "鄂尔多斯市学雷锋志愿服务总队",
        TeamLevel.CITY_CORPS,
        null,
        CITY,
        "鄂尔多斯市文明办",
        "2013-03-05",
        "综合",
        head.id(),
        200,
        cityRnd);
    activities(cityRnd, "tm-1506", "鄂尔多斯市学雷锋志愿服务总队", head, 4, null);
  }

  /** City departments with a 分队: key, name, unit, speciality, theme. */
  private static final String[][] DEPARTMENTS = {
    {"health", "市卫生健康委志愿服务分队", "鄂尔多斯市卫生健康委员会", "医疗", "PUBLIC_HEALTH"},
    {"culture", "市文化和旅游局志愿服务分队", "鄂尔多斯市文化和旅游局", "文化", "TOURISM"},
    {"traffic", "市公安局交通管理支队志愿服务分队", "鄂尔多斯市公安局", "文明交通", "CIVILISED_TRAFFIC"},
    {"union", "市总工会职工志愿服务分队", "鄂尔多斯市总工会", "职工帮扶", "WORKER"},
    {"youth", "团市委青年志愿者分队", "共青团鄂尔多斯市委员会", "青年", "YOUTH_MODEL_POST"},
    {"women", "市妇联巾帼志愿服务分队", "鄂尔多斯市妇女联合会", "巾帼", "WOMEN"},
    {"redcross", "市红十字会志愿服务分队", "鄂尔多斯市红十字会", "应急救护", "RED_CROSS"},
    {"science", "市科协科普志愿服务分队", "鄂尔多斯市科学技术协会", "科普", "SCIENCE"},
    {"law", "市司法局法律志愿服务分队", "鄂尔多斯市司法局", "法律", "PUBLIC_SAFETY"},
    {"ecology", "市生态环境局志愿服务分队", "鄂尔多斯市生态环境局", "环保", "MOUNTAINS_AND_RIVERS"},
    {"disabled", "市残联助残志愿服务分队", "鄂尔多斯市残疾人联合会", "助残", "DISABILITY_SUNSHINE"},
  };

  /** A 分队 of each city department, with one department's whole tree below it. */
  private void departmentTeams() {
    List<StationRow> publicStations =
        stationsByRegion.values().stream()
            .filter(
                s ->
                    s.id().contains("-hall")
                        || s.id().contains("-library")
                        || s.id().contains("-park"))
            .toList();
    for (String[] d : DEPARTMENTS) {
      SplittableRandom rnd = random("dept-" + d[0]);
      String id = "tm-1506-" + d[0];
      StationRow base = publicStations.get(rnd.nextInt(publicStations.size()));
      addTeam(
          id,
          d[1],
          TeamLevel.DIVISION,
          "tm-1506",
          CITY,
          d[2],
          date(rnd, 2013, 2018),
          d[3],
          base.id(),
          40 + rnd.nextInt(120),
          rnd);
      Theme theme = Theme.valueOf(d[4]);
      // one department shows the whole tree below a 分队: 总队 → 支队 → 大队 → 中队 → 小队
      String parent = id;
      TeamLevel[] chain =
          d[0].equals("health")
              ? new TeamLevel[] {
                TeamLevel.UNIT_CORPS,
                TeamLevel.DETACHMENT,
                TeamLevel.BRIGADE,
                TeamLevel.COMPANY,
                TeamLevel.SQUAD
              }
              : new TeamLevel[] {TeamLevel.UNIT_CORPS, TeamLevel.DETACHMENT};
      String[] names =
          d[0].equals("health")
              ? new String[] {"市中心医院志愿服务总队", "市中心医院门诊导医志愿服务支队", "门诊导医第一大队", "门诊导医第一中队", "门诊导医第一小队"}
              : new String[] {
                d[1].replace("分队", "总队"),
                d[1].replace("志愿服务分队", "").replace("分队", "") + d[3] + "志愿服务支队"
              };
      for (int i = 0; i < chain.length; i++) {
        String childId = id + "-" + (i + 1);
        addTeam(
            childId,
            names[i],
            chain[i],
            parent,
            CITY,
            d[2],
            date(rnd, 2014, 2020),
            d[3],
            base.id(),
            10 + rnd.nextInt(60),
            rnd);
        parent = childId;
      }
      for (int i = 0; i < 3; i++) {
        StationRow at = publicStations.get(rnd.nextInt(publicStations.size()));
        activities(
            rnd, i == 0 ? id : id + "-" + (1 + rnd.nextInt(chain.length)), d[1], at, 1, theme);
      }
      pairCommunities(id);
    }
  }

  /** A 分队 per county at its service hall. */
  private void countyTeams(List<Place> countyList) {
    for (Place county : countyList) {
      String c = county.code();
      SplittableRandom rnd = random("team-" + c);
      StationRow hall = stationsByRegion.get("st-" + c + "-hall");
      addTeam(
          "tm-" + c,
          county.name() + "志愿服务分队",
          TeamLevel.DIVISION,
          "tm-1506",
          c,
          county.name() + "文明办",
          date(rnd, 2013, 2016),
          "综合",
          hall.id(),
          50 + rnd.nextInt(150),
          rnd);
      activities(rnd, "tm-" + c, county.name() + "志愿服务分队", hall, 2, null);
    }
  }

  /** A 总队 per street, and a 小队 in most of its communities with a station. */
  private void streetTeams() {
    for (Place street : byLevel("STREET")) {
      SplittableRandom rnd = random("team-" + street.code());
      List<StationRow> inStreet =
          stationsByRegion.values().stream()
              .filter(
                  s -> s.regionCode().length() == 12 && s.regionCode().startsWith(street.code()))
              .toList();
      String streetTeam = "tm-" + street.code();
      String home = inStreet.isEmpty() ? null : inStreet.get(0).id();
      addTeam(
          streetTeam,
          street.name() + "志愿服务总队",
          TeamLevel.UNIT_CORPS,
          "tm-" + street.parent(),
          street.code(),
          street.name(),
          date(rnd, 2014, 2019),
          "综合",
          home,
          20 + rnd.nextInt(80),
          rnd);
      if (!inStreet.isEmpty()) {
        activities(rnd, streetTeam, street.name() + "志愿服务总队", inStreet.get(0), 1, null);
      }
      for (StationRow s : inStreet) {
        SplittableRandom r = random("team-" + s.regionCode());
        if (r.nextDouble() >= 0.7) {
          continue;
        }
        String teamName = s.shortName() + "志愿服务队";
        addTeam(
            "tm-" + s.regionCode(),
            teamName,
            TeamLevel.SQUAD,
            streetTeam,
            s.regionCode(),
            s.shortName() + (s.shortName().endsWith("社区") ? "居民委员会" : "村民委员会"),
            date(r, 2015, 2023),
            "社区服务",
            s.id(),
            8 + r.nextInt(50),
            r);
        activities(r, "tm-" + s.regionCode(), teamName, s, 1 + r.nextInt(2), null);
      }
    }
  }

  /** A city department's 分队 is paired with two communities that have a station (结对共建, seed 001). */
  private void pairCommunities(String teamId) {
    List<String> communities =
        stationsByRegion.values().stream()
            .map(StationRow::regionCode)
            .filter(c -> c.length() == 12)
            .distinct()
            .toList();
    SplittableRandom rnd = random("pair-" + teamId);
    String a = communities.get(rnd.nextInt(communities.size()));
    String b = communities.get(rnd.nextInt(communities.size()));
    List<String> row;
    for (int i = teamRows.size() - 1; i >= 0; i--) {
      if (teamRows.get(i).get(0).equals(teamId)) {
        row = new ArrayList<>(teamRows.get(i));
        row.set(row.size() - 1, a.equals(b) ? a : a + ";" + b);
        teamRows.set(i, row);
        return;
      }
    }
  }

  private void addTeam(
      String id,
      String name,
      TeamLevel level,
      String parent,
      String region,
      String unit,
      String founded,
      String speciality,
      String homeStation,
      int members,
      SplittableRandom rnd) {
    teamRows.add(
        List.of(
            id,
            name,
            level.name(),
            parent == null ? "" : parent,
            region,
            unit,
            founded,
            speciality,
            homeStation == null ? "" : homeStation,
            Integer.toString(members),
            "true",
            ""));
  }

  private void activities(
      SplittableRandom rnd, String teamId, String teamName, StationRow at, int count, Theme fixed) {
    Theme[] themes = Theme.values();
    int[] startHours = {8, 9, 10, 14, 15, 19};
    for (int i = 0; i < count; i++) {
      Theme theme = fixed != null ? fixed : themes[rnd.nextInt(themes.length)];
      String[] templates = ActivityTitles.of(theme);
      String what = templates[rnd.nextInt(templates.length)];
      boolean weekly = rnd.nextDouble() < 0.3;
      int dayOffset = weekly ? rnd.nextInt(7) : rnd.nextInt(56);
      int wanted = 5 + rnd.nextInt(36);
      int signed = rnd.nextDouble() < 0.2 ? wanted : rnd.nextInt(wanted + 1);
      activitySeq++;
      activityRows.add(
          List.of(
              String.format(Locale.ROOT, "ac-%05d", activitySeq),
              at.shortName() + "·" + what,
              teamName + "在" + at.name() + "开展" + what + "活动。（合成演示数据）",
              theme.name(),
              teamId,
              at.id(),
              at.regionCode(),
              coord(at.point().lon()),
              coord(at.point().lat()),
              Integer.toString(dayOffset),
              String.format(
                  Locale.ROOT,
                  "%02d:%02d",
                  startHours[rnd.nextInt(startHours.length)],
                  rnd.nextBoolean() ? 0 : 30),
              Integer.toString(60 + 30 * rnd.nextInt(5)),
              (weekly ? Recurrence.WEEKLY : Recurrence.ONCE).name(),
              Integer.toString(wanted),
              Integer.toString(signed),
              Boolean.toString(rnd.nextDouble() < 0.8),
              Boolean.toString(rnd.nextDouble() < 0.6),
              "true"));
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

  /** The seat of a county: the source's seat point converted from GCJ-02, or an interior point. */
  private GeoPoint seat(String county) {
    BoundaryFile.Boundary b = counties.get(county);
    if (b == null) {
      throw new IllegalStateException("no boundary for county " + county);
    }
    if (b.seatGcj02() != null) {
      GeoPoint wgs = ChinaOffsets.gcj02ToWgs84(b.seatGcj02());
      if (inside(county, wgs)) {
        return wgs;
      }
    }
    Coordinate c = InteriorPointArea.getInteriorPoint(b.geometry());
    return new GeoPoint(c.x, c.y);
  }

  /** A point within {@code km} of {@code centre} and inside the county, or the centre itself. */
  private GeoPoint jitter(SplittableRandom rnd, GeoPoint centre, double km, String county) {
    for (int i = 0; i < 200; i++) {
      double r = km * Math.sqrt(rnd.nextDouble());
      double theta = rnd.nextDouble() * 2 * Math.PI;
      double lon =
          centre.lon() + r * Math.cos(theta) / (111.32 * Math.cos(Math.toRadians(centre.lat())));
      double lat = centre.lat() + r * Math.sin(theta) / 110.57;
      GeoPoint p = new GeoPoint(lon, lat);
      if (inside(county, p)) {
        return p;
      }
    }
    return centre;
  }

  private GeoPoint anywhereIn(SplittableRandom rnd, String county) {
    Envelope e = counties.get(county).geometry().getEnvelopeInternal();
    for (int i = 0; i < 1000; i++) {
      GeoPoint p =
          new GeoPoint(
              e.getMinX() + rnd.nextDouble() * e.getWidth(),
              e.getMinY() + rnd.nextDouble() * e.getHeight());
      if (inside(county, p)) {
        return p;
      }
    }
    throw new IllegalStateException("could not place a point inside county " + county);
  }

  private boolean inside(String county, GeoPoint p) {
    // stay a little inside: points are rounded to 6 decimals when written
    var point = GF.createPoint(new Coordinate(p.lon(), p.lat()));
    return prepared.get(county).contains(point) && outlines.get(county).distance(point) > 1e-4;
  }

  private List<Place> byLevel(String level) {
    return regions.values().stream()
        .filter(p -> p.level().equals(level))
        .sorted(Comparator.comparing(Place::code))
        .toList();
  }

  private static SplittableRandom random(String key) {
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

  private static String date(SplittableRandom rnd, int fromYear, int toYear) {
    int year = fromYear + rnd.nextInt(toYear - fromYear + 1);
    return String.format(
        Locale.ROOT, "%04d-%02d-%02d", year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
  }

  private static String coord(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  /** Strips the committee suffix from a community name: 锦秀社区居委会 → 锦秀社区, 漫赖村委会 → 漫赖村. */
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
        return name.substring(0, name.length() - s[0].length()) + s[1];
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
