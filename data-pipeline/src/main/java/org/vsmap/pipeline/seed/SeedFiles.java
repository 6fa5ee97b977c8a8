package org.vsmap.pipeline.seed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Joining;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;
import org.vsmap.pipeline.csv.CsvTable;

/** Each file of the seed set read into records, every cell checked (row and column on error). */
final class SeedFiles {
  private SeedFiles() {}

  /**
   * The demo's honours (optional file), years relative to today, each subject checked against the
   * seed's records.
   */
  static List<org.vsmap.geo.model.Honour> readHonours(
      SeedSource source, LocalDate today, SeedLoader.SeedData data) {
    if (!source.has(SeedSource.HONOURS)) {
      return List.of();
    }
    java.util.Set<String> known = new java.util.HashSet<>();
    data.stations().forEach(x -> known.add("STATION " + x.id()));
    data.teams().forEach(x -> known.add("TEAM " + x.id()));
    data.teams().forEach(x -> known.add("VOLUNTEER " + x.id()));
    data.activities().forEach(x -> known.add("ACTIVITY " + x.id()));
    data.regions().forEach(x -> known.add("COMMUNITY " + x.code()));
    Map<String, String> regionOf = new java.util.HashMap<>();
    data.stations().forEach(x -> regionOf.put("STATION " + x.id(), x.regionCode()));
    data.teams().forEach(x -> regionOf.put("TEAM " + x.id(), x.regionCode()));
    data.teams().forEach(x -> regionOf.put("VOLUNTEER " + x.id(), x.regionCode()));
    data.activities().forEach(x -> regionOf.put("ACTIVITY " + x.id(), x.regionCode()));
    data.regions().forEach(x -> regionOf.put("COMMUNITY " + x.code(), x.code()));
    List<org.vsmap.geo.model.Honour> out = new ArrayList<>();
    for (CsvTable.Row row :
        CsvTable.read(SeedSource.HONOURS, source.open(SeedSource.HONOURS)).rows()) {
      String offset = row.require("year_offset");
      if (!offset.matches("Y-?\\d+")) {
        throw new CsvTable.RowException(row, "year_offset", "must be Y0, Y-1, Y-2…");
      }
      var subject = enumValue(row, "subject", org.vsmap.geo.model.Honour.HonourSubject.class);
      String sid = row.get("subject_id");
      if (sid != null && !known.contains(subject.name() + " " + sid)) {
        throw new CsvTable.RowException(
            row, "subject_id", "is not a known " + subject.name().toLowerCase());
      }
      String region =
          row.get("region_code") != null
              ? row.get("region_code")
              : regionOf.get(subject.name() + " " + sid);
      out.add(
          checked(
              row,
              "id",
              () ->
                  new org.vsmap.geo.model.Honour(
                      row.require("id"),
                      row.require("title"),
                      today.getYear() + Integer.parseInt(offset.substring(1)),
                      enumValue(row, "level", org.vsmap.geo.model.Honour.HonourLevel.class),
                      row.require("awarded_by"),
                      subject,
                      sid,
                      region,
                      row.get("volunteer_name"),
                      row.get("citation"),
                      bool(row, "synthetic"),
                      null)));
    }
    return out;
  }

  /**
   * The demo's figures, their periods given relative to today (Y-1 last year, Y0 this year, M-k k
   * months ago).
   */
  static List<org.vsmap.geo.model.VolunteerFigure> readFigures(
      SeedSource source, LocalDate today, Map<String, Region> regions) {
    List<org.vsmap.geo.model.VolunteerFigure> out = new ArrayList<>();
    java.time.YearMonth month = java.time.YearMonth.from(today);
    for (CsvTable.Row row :
        CsvTable.read(SeedSource.FIGURES, source.open(SeedSource.FIGURES)).rows()) {
      String region = knownRegion(row, regions);
      String offset = row.require("period_offset");
      String period;
      if (offset.matches("Y-?\\d+")) {
        period = Integer.toString(today.getYear() + Integer.parseInt(offset.substring(1)));
      } else if (offset.matches("M-\\d+")) {
        period = month.minusMonths(Long.parseLong(offset.substring(2))).toString();
      } else {
        throw new CsvTable.RowException(row, "period_offset", "must be Y-1, Y0 or M-k");
      }
      out.add(
          checked(
              row,
              "registered",
              () ->
                  new org.vsmap.geo.model.VolunteerFigure(
                      region,
                      period,
                      Long.valueOf(row.require("registered")),
                      Long.valueOf(row.require("active")),
                      Double.valueOf(row.require("service_hours")))));
    }
    return out;
  }

  static List<Region> readRegions(SeedSource source) {
    Map<String, Long> population = new java.util.HashMap<>();
    if (source.has(SeedSource.POPULATION)) {
      for (CsvTable.Row row :
          CsvTable.read(SeedSource.POPULATION, source.open(SeedSource.POPULATION)).rows()) {
        population.put(row.require("region_code"), Long.valueOf(row.require("population")));
      }
    }
    var boundaries =
        BoundaryFile.read(SeedSource.COUNTY_BOUNDARIES, source.open(SeedSource.COUNTY_BOUNDARIES));
    List<Region> regions = new ArrayList<>();
    for (CsvTable.Row row :
        CsvTable.read(SeedSource.REGIONS, source.open(SeedSource.REGIONS)).rows()) {
      String code = row.require("code");
      var boundary = boundaries.get(code);
      Coordinate c =
          boundary == null ? null : InteriorPointArea.getInteriorPoint(boundary.geometry());
      GeoPoint centroid = c == null ? null : new GeoPoint(c.x, c.y);
      regions.add(
          checked(
              row,
              "level",
              () ->
                  new Region(
                      code,
                      row.require("name"),
                      RegionLevel.valueOf(row.require("level")),
                      row.get("parent_code"),
                      population.get(code),
                      boundary == null ? null : boundary.geometry(),
                      centroid)));
    }
    return regions;
  }

  static List<Station> readStations(SeedSource source, Map<String, Region> regions) {
    List<Station> stations = new ArrayList<>();
    for (CsvTable.Row row :
        CsvTable.read(SeedSource.STATIONS, source.open(SeedSource.STATIONS)).rows()) {
      String region = knownRegion(row, regions);
      stations.add(
          checked(
              row,
              "id",
              () ->
                  new Station(
                      row.require("id"),
                      row.require("name"),
                      enumValue(row, "type", StationType.class),
                      region,
                      row.get("address"),
                      point(row),
                      row.get("opening_hours"),
                      row.get("services") == null
                          ? List.of()
                          : Arrays.asList(row.get("services").split(";")),
                      row.get("public_contact"),
                      FiveHas.parse(row.require("five_has")),
                      bool(row, "synthetic"))));
    }
    return stations;
  }

  static List<Team> readTeams(
      SeedSource source, Map<String, Region> regions, Map<String, Station> stations) {
    Map<String, Team> teams = new LinkedHashMap<>();
    for (CsvTable.Row row : CsvTable.read(SeedSource.TEAMS, source.open(SeedSource.TEAMS)).rows()) {
      String region = knownRegion(row, regions);
      String home = row.get("home_station_id");
      if (home != null && !stations.containsKey(home)) {
        throw new CsvTable.RowException(row, "home_station_id", "is not a known station");
      }
      Team t =
          checked(
              row,
              "id",
              () ->
                  new Team(
                      row.require("id"),
                      row.require("name"),
                      enumValue(row, "level", TeamLevel.class),
                      row.get("parent_id"),
                      region,
                      row.get("supervising_unit"),
                      date(row, "founded"),
                      row.get("speciality"),
                      home,
                      integer(row, "member_count"),
                      bool(row, "synthetic"),
                      row.get("public_contact"),
                      row.get("signup_url")));
      if (teams.put(t.id(), t) != null) {
        throw new CsvTable.RowException(row, "id", "appears twice");
      }
    }
    return parentsFirst(teams, SeedSource.TEAMS);
  }

  static List<Activity> readActivities(
      SeedSource source,
      LocalDate today,
      Map<String, Region> regions,
      Map<String, Station> stations,
      Map<String, Team> teams) {
    List<Activity> activities = new ArrayList<>();
    for (CsvTable.Row row :
        CsvTable.read(SeedSource.ACTIVITIES, source.open(SeedSource.ACTIVITIES)).rows()) {
      String region = knownRegion(row, regions);
      String team = row.require("organiser_team_id");
      if (!teams.containsKey(team)) {
        throw new CsvTable.RowException(row, "organiser_team_id", "is not a known team");
      }
      String station = row.get("station_id");
      if (station != null && !stations.containsKey(station)) {
        throw new CsvTable.RowException(row, "station_id", "is not a known station");
      }
      LocalTime time;
      try {
        time = LocalTime.parse(row.require("start_time"));
      } catch (DateTimeParseException e) {
        throw new CsvTable.RowException(row, "start_time", "is not a time like 09:30");
      }
      LocalDateTime start = today.plusDays(integer(row, "day_offset")).atTime(time);
      LocalDateTime end = start.plusMinutes(integer(row, "duration_minutes"));
      activities.add(
          checked(
              row,
              "id",
              () ->
                  new Activity(
                      row.require("id"),
                      row.require("title"),
                      row.get("description"),
                      enumValue(row, "theme", Theme.class),
                      team,
                      station,
                      region,
                      point(row),
                      start,
                      end,
                      enumValue(row, "recurrence", Recurrence.class),
                      integer(row, "volunteers_wanted"),
                      integer(row, "volunteers_signed_up"),
                      bool(row, "records_service_hours"),
                      bool(row, "published_nationally"),
                      bool(row, "synthetic"),
                      null,
                      false,
                      joining(row, start))));
    }
    return activities;
  }

  /**
   * An activity's sign-up details; {@code signup_days_before} closes sign-up at 18:00 that many
   * days before it starts (the demo's dates are relative to today).
   */
  private static Joining joining(CsvTable.Row row, LocalDateTime start) {
    String before = row.get("signup_days_before");
    return new Joining(
        row.get("project_id"),
        row.get("signup_url"),
        row.get("signup_method"),
        before == null
            ? null
            : start.toLocalDate().minusDays(integer(row, "signup_days_before")).atTime(18, 0),
        row.get("office_line"));
  }

  /**
   * Orders teams so each parent precedes its children; refuses unknown parents, cycles and level
   * inversions.
   */
  static List<Team> parentsFirst(Map<String, Team> teams, String source) {
    List<Team> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    Map<String, List<Team>> children = new HashMap<>();
    for (Team t : teams.values()) {
      if (t.parentId() == null) {
        continue;
      }
      Team parent = teams.get(t.parentId());
      if (parent == null) {
        throw new IllegalArgumentException(
            source + ": team " + t.id() + " names unknown parent " + t.parentId());
      }
      if (!parent.mayParent(t.level())) {
        throw new IllegalArgumentException(
            source
                + ": team "
                + t.id()
                + " ("
                + t.level().zh()
                + ") cannot sit under "
                + parent.id()
                + " ("
                + parent.level().zh()
                + ")");
      }
      children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t);
    }
    List<Team> queue =
        new ArrayList<>(teams.values().stream().filter(t -> t.parentId() == null).toList());
    while (!queue.isEmpty()) {
      Team t = queue.remove(0);
      if (placed.add(t.id())) {
        ordered.add(t);
        queue.addAll(children.getOrDefault(t.id(), List.of()));
      }
    }
    if (ordered.size() != teams.size()) {
      throw new IllegalArgumentException(
          source
              + ": "
              + (teams.size() - ordered.size())
              + " teams are not connected to a root team (a cycle in parent_id)");
    }
    return ordered;
  }

  private interface Maker<T> {
    T make();
  }

  private static <T> T checked(CsvTable.Row row, String column, Maker<T> maker) {
    try {
      return maker.make();
    } catch (CsvTable.RowException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          row.source() + " row " + row.line() + ": " + e.getMessage(), e);
    }
  }

  private static String knownRegion(CsvTable.Row row, Map<String, Region> regions) {
    String code = row.require("region_code");
    if (!regions.containsKey(code)) {
      throw new CsvTable.RowException(row, "region_code", "is not a known region code");
    }
    return code;
  }

  private static GeoPoint point(CsvTable.Row row) {
    double lon = number(row, "lon");
    double lat = number(row, "lat");
    try {
      return new GeoPoint(lon, lat);
    } catch (IllegalArgumentException e) {
      throw new CsvTable.RowException(row, "lon/lat", e.getMessage());
    }
  }

  private static double number(CsvTable.Row row, String column) {
    try {
      return Double.parseDouble(row.require(column));
    } catch (NumberFormatException e) {
      throw new CsvTable.RowException(row, column, "is not a number");
    }
  }

  private static int integer(CsvTable.Row row, String column) {
    try {
      return Integer.parseInt(row.require(column));
    } catch (NumberFormatException e) {
      throw new CsvTable.RowException(row, column, "is not a whole number");
    }
  }

  private static boolean bool(CsvTable.Row row, String column) {
    String v = row.require(column);
    return switch (v.toLowerCase()) {
      case "true", "1", "是" -> true;
      case "false", "0", "否" -> false;
      default -> throw new CsvTable.RowException(row, column, "is not true/false");
    };
  }

  private static LocalDate date(CsvTable.Row row, String column) {
    String v = row.get(column);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new CsvTable.RowException(row, column, "is not a date like 2013-06-27");
    }
  }

  private static <E extends Enum<E>> E enumValue(CsvTable.Row row, String column, Class<E> type) {
    String v = row.require(column);
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      throw new CsvTable.RowException(
          row, column, "is not one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T item : items) {
      map.put(key.apply(item), item);
    }
    return map;
  }
}
