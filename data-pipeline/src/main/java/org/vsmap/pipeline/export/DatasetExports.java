package org.vsmap.pipeline.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.port.Downloads;
import org.vsmap.pipeline.store.JdbiActivityStore;
import org.vsmap.pipeline.store.JdbiStationStore;
import org.vsmap.pipeline.store.JdbiTeamStore;
import org.vsmap.pipeline.store.Streaming;

/**
 * The open datasets written straight from a streaming query: CSV (UTF-8 with BOM for Excel, RFC
 * 4180 quoting, CRLF, text cells starting with = + - @ neutralised with a leading apostrophe), XLSX
 * (a streaming workbook: a data sheet of typed cells — text is never a formula — and an "about"
 * sheet with licence, attribution, notice and the field dictionary) and GeoJSON (RFC 7946, with
 * licence, attribution and, where it applies, the synthetic notice as top-level members). Retired
 * records are never exported; personal contacts are not in any dataset.
 */
public final class DatasetExports implements Downloads {
  public static final String LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)";
  public static final String ATTRIBUTION = "志愿服务地图开放数据 / Volunteer Service Map open data";
  public static final String SYNTHETIC_NOTICE =
      "含合成演示数据，非真实记录 / Contains synthetic demo data, not real records";

  /** One column: its dictionary entry and how to read it from a record. */
  record Column<T>(Field field, Function<T, Object> value) {}

  record Spec<T>(
      Dataset dataset,
      List<Column<T>> columns,
      Function<T, GeoPoint> point,
      Function<T, Boolean> synthetic) {}

  static final Spec<Station> STATIONS;
  static final Spec<TeamAt> TEAMS_AT;
  static final Spec<Activity> ACTIVITIES;
  static final Spec<Region> REGIONS;
  static final Spec<org.vsmap.geo.model.Honour> HONOURS;

  /** A team with the point of its home station (or null). */
  record TeamAt(Team team, GeoPoint point) {}

  static {
    List<Column<Station>> s = new ArrayList<>();
    s.add(col("id", "string", "", "站点编号", "station id", "st-150602001002", Station::id));
    s.add(col("name", "string", "", "名称", "name", "锦秀社区志愿服务站", Station::name));
    s.add(col("type", "string", "", "类型代码", "type code", "COMMUNITY", x -> x.type().name()));
    s.add(col("type_zh", "string", "", "类型", "type (Chinese)", "社区志愿服务站", x -> x.type().zh()));
    s.add(
        col(
            "region_code",
            "string",
            "",
            "所属区划代码（统计用区划代码）",
            "region code (NBS)",
            "150602001002",
            Station::regionCode));
    s.add(
        col("county_code", "string", "", "所属县级区划代码", "county code", "150602", Station::countyCode));
    s.add(col("address", "string", "", "地址", "address", "东胜区交通街道锦秀社区", Station::address));
    s.add(
        col(
            "lon",
            "number",
            "degree (WGS84)",
            "经度",
            "longitude",
            "109.953453",
            x -> x.location().lon()));
    s.add(
        col(
            "lat",
            "number",
            "degree (WGS84)",
            "纬度",
            "latitude",
            "39.881668",
            x -> x.location().lat()));
    s.add(
        col(
            "opening_hours",
            "string",
            "",
            "开放时间",
            "opening hours",
            "周一至周五 9:00-17:00",
            Station::openingHours));
    s.add(
        col(
            "services",
            "string",
            "",
            "服务内容（；分隔）",
            "services (; separated)",
            "助老；义诊",
            x -> String.join("；", x.services())));
    s.add(
        col(
            "public_contact",
            "string",
            "",
            "办公电话",
            "office phone",
            "0477-8581234",
            Station::publicContact));
    s.add(
        col(
            "five_has",
            "string",
            "",
            "五有（场地、人员、制度、项目、经费；1 为有）",
            "five-has flags",
            "11010",
            x -> x.fiveHas().flags()));
    s.add(
        col(
            "five_has_met",
            "integer",
            "count",
            "五有达标项数",
            "five-has met",
            "3",
            x -> x.fiveHas().met()));
    s.add(
        col(
            "approximate_location",
            "boolean",
            "",
            "位置为近似（区域中心或地名点）",
            "approximate location",
            "false",
            Station::approximate));
    s.add(
        col(
            "synthetic",
            "boolean",
            "",
            "合成演示数据",
            "synthetic demo data",
            "false",
            Station::synthetic));
    STATIONS =
        new Spec<>(
            new Dataset("stations", "志愿服务站点", "Volunteer service stations", fields(s)),
            s,
            Station::location,
            Station::synthetic);

    List<Column<TeamAt>> t = new ArrayList<>();
    t.add(col("id", "string", "", "队伍编号", "team id", "tm-150602", x -> x.team().id()));
    t.add(col("name", "string", "", "名称", "name", "东胜区志愿服务分队", x -> x.team().name()));
    t.add(
        col("level", "string", "", "层级代码", "tier code", "DIVISION", x -> x.team().level().name()));
    t.add(col("level_zh", "string", "", "层级", "tier (Chinese)", "分队", x -> x.team().level().zh()));
    t.add(
        col(
            "parent_id",
            "string",
            "",
            "上级队伍编号",
            "parent team id",
            "tm-1506",
            x -> x.team().parentId()));
    t.add(
        col(
            "region_code",
            "string",
            "",
            "所属区划代码",
            "region code",
            "150602",
            x -> x.team().regionCode()));
    t.add(
        col(
            "supervising_unit",
            "string",
            "",
            "主管单位",
            "supervising unit",
            "东胜区文明办",
            x -> x.team().supervisingUnit()));
    t.add(
        col(
            "founded",
            "date",
            "",
            "成立日期",
            "founded",
            "2016-01-09",
            x -> x.team().founded() == null ? null : x.team().founded().toString()));
    t.add(col("speciality", "string", "", "专长", "speciality", "综合", x -> x.team().speciality()));
    t.add(
        col(
            "home_station_id",
            "string",
            "",
            "驻地站点编号",
            "home station id",
            "st-150602-hall",
            x -> x.team().homeStationId()));
    t.add(
        col(
            "member_count",
            "integer",
            "person",
            "队员人数",
            "members",
            "66",
            x -> x.team().memberCount()));
    t.add(
        col(
            "lon",
            "number",
            "degree (WGS84)",
            "驻地经度",
            "home station longitude",
            "109.950794",
            x -> x.point() == null ? null : x.point().lon()));
    t.add(
        col(
            "lat",
            "number",
            "degree (WGS84)",
            "驻地纬度",
            "home station latitude",
            "39.828333",
            x -> x.point() == null ? null : x.point().lat()));
    t.add(
        col(
            "synthetic",
            "boolean",
            "",
            "合成演示数据",
            "synthetic demo data",
            "false",
            x -> x.team().synthetic()));
    TEAMS_AT =
        new Spec<>(
            new Dataset("teams", "志愿服务队伍", "Volunteer teams", fields(t)),
            t,
            TeamAt::point,
            x -> x.team().synthetic());

    List<Column<Activity>> a = new ArrayList<>();
    a.add(col("id", "string", "", "活动编号", "activity id", "ac-00001", Activity::id));
    a.add(col("title", "string", "", "活动名称", "title", "义诊与健康咨询", Activity::title));
    a.add(col("description", "string", "", "简介", "description", "", Activity::description));
    a.add(
        col(
            "theme",
            "string",
            "",
            "主题代码（18 类）",
            "theme code (18)",
            "PUBLIC_HEALTH",
            x -> x.theme().name()));
    a.add(col("theme_zh", "string", "", "主题", "theme (Chinese)", "服务百姓健康", x -> x.theme().zh()));
    a.add(
        col(
            "care_group",
            "string",
            "",
            "关爱类别",
            "care group",
            "OTHERS",
            x -> x.theme().group().name()));
    a.add(
        col(
            "organiser_team_id",
            "string",
            "",
            "组织队伍编号",
            "organiser team id",
            "tm-150602",
            Activity::organiserTeamId));
    a.add(
        col(
            "station_id",
            "string",
            "",
            "站点编号",
            "station id",
            "st-150602-park",
            Activity::stationId));
    a.add(
        col("region_code", "string", "", "所属区划代码", "region code", "150602", Activity::regionCode));
    a.add(
        col(
            "lon",
            "number",
            "degree (WGS84)",
            "经度",
            "longitude",
            "109.984159",
            x -> x.location().lon()));
    a.add(
        col(
            "lat",
            "number",
            "degree (WGS84)",
            "纬度",
            "latitude",
            "39.817247",
            x -> x.location().lat()));
    a.add(
        col(
            "start",
            "datetime",
            "China time (UTC+8)",
            "开始时间",
            "start",
            "2026-11-28T09:00",
            x -> x.start().toString()));
    a.add(
        col(
            "end",
            "datetime",
            "China time (UTC+8)",
            "结束时间",
            "end",
            "2026-11-28T11:30",
            x -> x.end().toString()));
    a.add(
        col(
            "recurrence",
            "string",
            "",
            "频次（ONCE/WEEKLY）",
            "recurrence",
            "ONCE",
            x -> x.recurrence().name()));
    a.add(
        col(
            "volunteers_wanted",
            "integer",
            "person",
            "招募人数",
            "volunteers wanted",
            "10",
            Activity::volunteersWanted));
    a.add(
        col(
            "volunteers_signed_up",
            "integer",
            "person",
            "已报名人数",
            "volunteers signed up",
            "2",
            Activity::volunteersSignedUp));
    a.add(
        col(
            "participants",
            "integer",
            "person",
            "实际参加人数（活动情况表）",
            "volunteers who took part",
            "12",
            Activity::participants));
    a.add(
        col(
            "records_service_hours",
            "boolean",
            "",
            "是否记录服务时长",
            "records service hours",
            "true",
            Activity::recordsServiceHours));
    a.add(
        col(
            "published_nationally",
            "boolean",
            "",
            "是否在全国志愿服务信息系统发布",
            "published nationally",
            "false",
            Activity::publishedNationally));
    a.add(
        col(
            "approximate_location",
            "boolean",
            "",
            "位置为近似",
            "approximate location",
            "false",
            Activity::approximate));
    a.add(
        col(
            "synthetic",
            "boolean",
            "",
            "合成演示数据",
            "synthetic demo data",
            "false",
            Activity::synthetic));
    ACTIVITIES =
        new Spec<>(
            new Dataset("activities", "志愿服务活动", "Volunteer activities", fields(a)),
            a,
            Activity::location,
            Activity::synthetic);
  }

  static {
    List<Column<Region>> r = new ArrayList<>();
    r.add(col("code", "string", "", "区划代码（统计用区划代码）", "region code (NBS)", "150602", Region::code));
    r.add(col("name", "string", "", "名称", "name", "东胜区", Region::name));
    r.add(col("level", "string", "", "层级代码", "level code", "COUNTY", x -> x.level().name()));
    r.add(col("level_zh", "string", "", "层级", "level (Chinese)", "县级", x -> x.level().zh()));
    r.add(
        col(
            "parent_code",
            "string",
            "",
            "上级区划代码",
            "parent region code",
            "1506",
            Region::parentCode));
    r.add(
        col(
            "population",
            "integer",
            "person",
            "常住人口",
            "resident population",
            "",
            Region::population));
    r.add(
        col(
            "lon",
            "number",
            "degree (WGS84)",
            "代表点经度",
            "representative point longitude",
            "109.95",
            x -> x.centroid() == null ? null : x.centroid().lon()));
    r.add(
        col(
            "lat",
            "number",
            "degree (WGS84)",
            "代表点纬度",
            "representative point latitude",
            "39.82",
            x -> x.centroid() == null ? null : x.centroid().lat()));
    REGIONS =
        new Spec<>(
            new Dataset("regions", "行政区划", "Administrative regions", fields(r)),
            r,
            Region::centroid,
            x -> false);
  }

  static {
    List<Column<org.vsmap.geo.model.Honour>> h = new ArrayList<>();
    h.add(
        col(
            "id",
            "string",
            "",
            "荣誉编号",
            "honour id",
            "hn-2025-001",
            org.vsmap.geo.model.Honour::id));
    h.add(
        col("title", "string", "", "荣誉名称", "title", "最美志愿服务站", org.vsmap.geo.model.Honour::title));
    h.add(col("year", "integer", "year", "年度", "year", "2025", org.vsmap.geo.model.Honour::year));
    h.add(
        col(
            "level",
            "string",
            "",
            "级别代码（NATIONAL/PROVINCE/CITY/DISTRICT）",
            "level code",
            "CITY",
            x -> x.level().name()));
    h.add(col("level_zh", "string", "", "级别", "level (Chinese)", "市级", x -> x.level().zh()));
    h.add(
        col(
            "awarded_by",
            "string",
            "",
            "授予单位",
            "awarding body",
            "鄂尔多斯市文明办",
            org.vsmap.geo.model.Honour::awardedBy));
    h.add(
        col(
            "subject",
            "string",
            "",
            "对象类型代码（STATION/TEAM/ACTIVITY/COMMUNITY/VOLUNTEER）",
            "subject code",
            "STATION",
            x -> x.subject().name()));
    h.add(
        col("subject_zh", "string", "", "对象类型", "subject (Chinese)", "站点", x -> x.subject().zh()));
    h.add(
        col(
            "subject_id",
            "string",
            "",
            "对象编号（站点、队伍、活动编号；社区为区划代码；志愿者为所属队伍，可空）",
            "subject id (station, team or activity id; a community's region code; a volunteer's team, optional)",
            "st-150602001002",
            org.vsmap.geo.model.Honour::subjectId));
    h.add(
        col(
            "region_code",
            "string",
            "",
            "所属区划代码",
            "region code",
            "150602001002",
            org.vsmap.geo.model.Honour::regionCode));
    h.add(
        col(
            "volunteer_name",
            "string",
            "",
            "志愿者姓名（仅在本人同意公开时）",
            "volunteer's name (only with the volunteer's consent)",
            "",
            org.vsmap.geo.model.Honour::volunteerName));
    h.add(
        col(
            "citation",
            "string",
            "",
            "事迹简介",
            "citation",
            "",
            org.vsmap.geo.model.Honour::citation));
    h.add(
        col(
            "lon",
            "number",
            "degree (WGS84)",
            "对象位置经度（写入时）",
            "subject's longitude (when written)",
            "109.953453",
            x -> x.point() == null ? null : x.point().lon()));
    h.add(
        col(
            "lat",
            "number",
            "degree (WGS84)",
            "对象位置纬度（写入时）",
            "subject's latitude (when written)",
            "39.881668",
            x -> x.point() == null ? null : x.point().lat()));
    h.add(
        col(
            "synthetic",
            "boolean",
            "",
            "合成演示数据",
            "synthetic demo data",
            "false",
            org.vsmap.geo.model.Honour::synthetic));
    HONOURS =
        new Spec<>(
            new Dataset("honours", "志愿服务荣誉表彰", "Volunteer service honours", fields(h)),
            h,
            org.vsmap.geo.model.Honour::point,
            org.vsmap.geo.model.Honour::synthetic);
  }

  /**
   * Teams with the point of their home station: columns, FROM clause (t = team, s = station) and
   * row reader.
   */
  static final String TEAM_COLUMNS =
      "t.id, t.name, t.level, t.parent_id, t.region_code, t.supervising_unit, t.founded, t.speciality, "
          + "t.home_station_id, t.member_count, t.synthetic, ST_X(s.geom) AS home_lon, ST_Y(s.geom) AS home_lat";

  static final String TEAM_FROM = "team t LEFT JOIN station s ON s.id = t.home_station_id";

  static TeamAt teamAt(java.sql.ResultSet rs) throws java.sql.SQLException {
    double lon = rs.getDouble("home_lon");
    GeoPoint p = rs.wasNull() ? null : new GeoPoint(lon, rs.getDouble("home_lat"));
    return new TeamAt(JdbiTeamStore.read(rs), p);
  }

  /**
   * Regions without their boundary (a reference layer with its own terms): columns and row reader.
   */
  static final String REGION_COLUMNS =
      "code, name, level, parent_code, population, ST_X(centroid) AS lon, ST_Y(centroid) AS lat";

  static Region region(java.sql.ResultSet rs) throws java.sql.SQLException {
    double lon = rs.getDouble("lon");
    GeoPoint c = rs.wasNull() ? null : new GeoPoint(lon, rs.getDouble("lat"));
    long pop = rs.getLong("population");
    Long population = rs.wasNull() ? null : pop;
    return new Region(
        rs.getString("code"),
        rs.getString("name"),
        org.vsmap.geo.model.RegionLevel.valueOf(rs.getString("level")),
        rs.getString("parent_code"),
        population,
        null,
        c);
  }

  private static <T> Column<T> col(
      String name,
      String type,
      String unit,
      String zh,
      String en,
      String example,
      Function<T, Object> value) {
    return new Column<>(new Field(name, type, unit, zh, en, example), value);
  }

  private static <T> List<Field> fields(List<Column<T>> columns) {
    return columns.stream().map(Column::field).toList();
  }

  /** Data rows per XLSX sheet: Excel's 1,048,576 rows less the header. */
  static final int XLSX_ROWS_PER_SHEET = 1_048_575;

  private final Jdbi jdbi;
  private final java.nio.file.Path scratch;
  private final int xlsxRowsPerSheet;

  /** Scratch files (GeoPackage, FlatGeobuf) go to the JVM's temporary directory. */
  public DatasetExports(Jdbi jdbi) {
    this(jdbi, java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** Scratch files of the file-based formats go to {@code scratch}, removed when written. */
  public DatasetExports(Jdbi jdbi, java.nio.file.Path scratch) {
    this(jdbi, scratch, XLSX_ROWS_PER_SHEET);
  }

  /** With fewer rows per XLSX sheet, for the test of the sheets that follow. */
  DatasetExports(Jdbi jdbi, java.nio.file.Path scratch, int xlsxRowsPerSheet) {
    this.jdbi = jdbi;
    this.scratch = scratch;
    this.xlsxRowsPerSheet = xlsxRowsPerSheet;
  }

  @Override
  public List<Dataset> datasets() {
    return List.of(
        STATIONS.dataset(),
        TEAMS_AT.dataset(),
        ACTIVITIES.dataset(),
        REGIONS.dataset(),
        HONOURS.dataset());
  }

  @Override
  public String version() {
    // honours are not in the change log (the index does not hold them): their newest write counts
    // too
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT (SELECT v FROM store_info WHERE k = 'store_id') || '-' "
                        + "|| CAST(COALESCE((SELECT MAX(seq) FROM change_log), 0) AS VARCHAR(20)) || '-' "
                        + "|| CAST((SELECT COUNT(*) FROM honour) AS VARCHAR(20)) || '-' "
                        + "|| COALESCE(CAST((SELECT MAX(updated_at) FROM honour) AS VARCHAR(40)), '0') || '-' "
                        + "|| COALESCE(CAST((SELECT MAX(retired_at) FROM honour) AS VARCHAR(40)), '0')")
                .mapTo(String.class)
                .one());
  }

  @Override
  public java.time.LocalDateTime lastModified() {
    return jdbi.withHandle(
        h -> {
          java.util.Optional<Timestamp> changed =
              h.createQuery("SELECT MAX(changed_at) FROM change_log")
                  .mapTo(Timestamp.class)
                  .findOne();
          if (changed.isPresent() && changed.get() != null) {
            return changed.get().toLocalDateTime();
          }
          return h.createQuery("SELECT v FROM store_info WHERE k = 'seeded_at'")
              .mapTo(String.class)
              .findOne()
              .map(java.time.LocalDateTime::parse)
              .orElse(null);
        });
  }

  @Override
  public long count(String dataset) {
    String table =
        switch (dataset) {
          case "stations" -> "station";
          case "teams" -> "team";
          case "activities" -> "activity";
          case "regions" -> "region";
          case "honours" -> "honour";
          default -> throw new IllegalArgumentException("unknown dataset '" + dataset + "'");
        };
    String where = table.equals("region") ? "" : " WHERE retired_at IS NULL";
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM " + table + where).mapTo(Long.class).one());
  }

  @Override
  public void write(String dataset, Format format, Filter filter, OutputStream out)
      throws IOException {
    Filter f = filter == null ? Filter.ALL : filter;
    String prefix = (f.region() == null ? "" : f.region().replaceAll("[^0-9]", "")) + "%";
    String limit = f.limit() > 0 ? " LIMIT " + f.limit() : "";
    switch (dataset) {
      case "stations" ->
          write(
              STATIONS,
              format,
              out,
              "station",
              "WHERE retired_at IS NULL AND region_code LIKE :p",
              sink ->
                  streaming(
                      h ->
                          stream(
                              h.createQuery(
                                      JdbiStationStore.selectAll()
                                          + "WHERE retired_at IS NULL AND region_code LIKE :p ORDER BY id"
                                          + limit)
                                  .bind("p", prefix),
                              JdbiStationStore::read,
                              sink)),
              prefix,
              f);
      case "teams" ->
          write(
              TEAMS_AT,
              format,
              out,
              "team",
              "WHERE retired_at IS NULL AND region_code LIKE :p",
              sink ->
                  streaming(
                      h ->
                          stream(
                              h.createQuery(
                                      "SELECT "
                                          + TEAM_COLUMNS
                                          + " FROM "
                                          + TEAM_FROM
                                          + " WHERE t.retired_at IS NULL AND t.region_code LIKE :p ORDER BY t.id"
                                          + limit)
                                  .bind("p", prefix),
                              DatasetExports::teamAt,
                              sink)),
              prefix,
              f);
      case "activities" -> {
        StringBuilder where = new StringBuilder("WHERE retired_at IS NULL AND region_code LIKE :p");
        if (f.theme() != null) {
          where.append(" AND theme = :theme");
        }
        if (f.from() != null) {
          where.append(" AND ends_at > :from");
        }
        if (f.to() != null) {
          where.append(" AND starts_at < :to");
        }
        write(
            ACTIVITIES,
            format,
            out,
            "activity",
            where.toString(),
            sink ->
                streaming(
                    h -> {
                      Query q =
                          h.createQuery(
                                  JdbiActivityStore.selectAll() + where + " ORDER BY id" + limit)
                              .bind("p", prefix);
                      bindActivity(q, f);
                      stream(q, JdbiActivityStore::read, sink);
                    }),
            prefix,
            f);
      }
      case "regions" ->
          write(
              REGIONS,
              format,
              out,
              "region",
              "WHERE code LIKE :p",
              sink ->
                  streaming(
                      h ->
                          stream(
                              h.createQuery(
                                      "SELECT "
                                          + REGION_COLUMNS
                                          + " FROM region WHERE code LIKE :p ORDER BY code"
                                          + limit)
                                  .bind("p", prefix),
                              DatasetExports::region,
                              sink)),
              prefix,
              f);
      case "honours" ->
          write(
              HONOURS,
              format,
              out,
              "honour",
              "WHERE retired_at IS NULL AND region_code LIKE :p",
              sink ->
                  streaming(
                      h ->
                          stream(
                              h.createQuery(
                                      "SELECT "
                                          + org.vsmap.pipeline.store.JdbiHonours.columns()
                                          + " FROM honour "
                                          + "WHERE retired_at IS NULL AND region_code LIKE :p ORDER BY id"
                                          + limit)
                                  .bind("p", prefix),
                              org.vsmap.pipeline.store.JdbiHonours::read,
                              sink)),
              prefix,
              f);
      default ->
          throw new IllegalArgumentException(
              "unknown dataset '" + dataset + "': stations, teams, activities, regions or honours");
    }
  }

  private static void bindActivity(Query q, Filter f) {
    if (f.theme() != null) {
      q.bind("theme", f.theme().name());
    }
    if (f.from() != null) {
      q.bind("from", Timestamp.valueOf(f.from()));
    }
    if (f.to() != null) {
      q.bind("to", Timestamp.valueOf(f.to()));
    }
  }

  private void streaming(org.jdbi.v3.core.HandleConsumer<RuntimeException> work) {
    Streaming.read(jdbi, work);
  }

  private static <T> void stream(
      Query q, Streaming.RowReader<T> reader, java.util.function.Consumer<T> sink) {
    Streaming.each(q, reader, sink);
  }

  private interface Source<T> {
    void each(java.util.function.Consumer<T> sink);
  }

  private <T> void write(
      Spec<T> spec,
      Format format,
      OutputStream out,
      String table,
      String where,
      Source<T> source,
      String prefix,
      Filter f)
      throws IOException {
    boolean[] synthetic = {false};
    if (!table.equals("region")) {
      streaming(
          h -> {
            // written so that no index on synthetic is used: nearly every row of a demo or
            // generated set
            // is synthetic, and H2 then walks that index past a whole country to reach one region
            // (1 s);
            // the region's own index finds it in under a millisecond
            Query q =
                h.createQuery(
                        "SELECT 1 FROM "
                            + table
                            + " "
                            + where
                            + " AND CASE WHEN synthetic THEN 1 ELSE 0 END = 1 LIMIT 1")
                    .bind("p", prefix);
            if (table.equals("activity")) {
              bindActivity(q, f);
            }
            synthetic[0] = q.mapTo(Integer.class).findOne().isPresent();
          });
    }
    source = pipelined(source);
    try {
      switch (format) {
        case CSV -> csv(spec, out, source);
        case XLSX -> xlsx(spec, out, source, synthetic[0], xlsxRowsPerSheet);
        case GEOJSON -> geojson(spec, out, source, synthetic[0]);
        case KML -> kml(spec, out, source, synthetic[0]);
        case GPKG -> GeoPackageExport.write(spatial(spec, source, synthetic[0]), out, scratch);
        case FGB -> FlatGeobufExport.write(spatial(spec, source, synthetic[0]), out, scratch);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The source read on its own thread, handed over in batches through a small bounded queue: the
   * database read and the encoding run on two cores at once, and memory stays bounded (at most
   * {@code 4 × 512} records in flight). When the writer fails (a client gone), the reader stops.
   */
  static <T> Source<T> pipelined(Source<T> source) {
    return sink -> {
      java.util.concurrent.BlockingQueue<List<T>> queue =
          new java.util.concurrent.ArrayBlockingQueue<>(4);
      List<T> end = new ArrayList<>(0);
      Throwable[] failure = {null};
      java.util.concurrent.atomic.AtomicBoolean stop =
          new java.util.concurrent.atomic.AtomicBoolean();
      Thread reader =
          Thread.ofPlatform()
              .name("export-read")
              .daemon()
              .start(
                  () -> {
                    List<T>[] batch = new List[] {new ArrayList<>(512)};
                    try {
                      source.each(
                          r -> {
                            if (stop.get()) {
                              throw new java.util.concurrent.CancellationException(
                                  "the writer stopped");
                            }
                            batch[0].add(r);
                            if (batch[0].size() == 512) {
                              put(queue, batch[0], stop);
                              batch[0] = new ArrayList<>(512);
                            }
                          });
                      put(queue, batch[0], stop);
                    } catch (Throwable t) {
                      failure[0] = t;
                    } finally {
                      try {
                        put(queue, end, stop);
                      } catch (RuntimeException ignored) {
                        // the writer has stopped and will not read the end marker
                      }
                    }
                  });
      try {
        while (true) {
          List<T> b = queue.take();
          if (b == end) {
            break;
          }
          b.forEach(sink);
        }
        reader.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while exporting", e);
      } finally {
        stop.set(true);
        queue.clear();
      }
      if (failure[0] instanceof RuntimeException e) {
        throw e;
      } else if (failure[0] instanceof Error e) {
        throw e;
      } else if (failure[0] != null) {
        throw new IllegalStateException(failure[0]);
      }
    };
  }

  private static <T> void put(
      java.util.concurrent.BlockingQueue<List<T>> queue,
      List<T> batch,
      java.util.concurrent.atomic.AtomicBoolean stop) {
    try {
      while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (stop.get()) {
          throw new java.util.concurrent.CancellationException("the writer stopped");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("interrupted");
    }
  }

  /**
   * The dataset as the file-based spatial writers see it: attributes without lon/lat, description
   * with the terms.
   */
  private static <T> SpatialTable spatial(Spec<T> spec, Source<T> source, boolean synthetic) {
    List<Column<T>> attributes =
        spec.columns().stream()
            .filter(c -> !c.field().name().equals("lon") && !c.field().name().equals("lat"))
            .toList();
    String description =
        spec.dataset().titleZh()
            + " / "
            + spec.dataset().titleEn()
            + ". "
            + LICENCE
            + ". "
            + ATTRIBUTION
            + (synthetic ? ". " + SYNTHETIC_NOTICE : "");
    return new SpatialTable(
        spec.dataset().id(),
        spec.dataset().titleZh() + " / " + spec.dataset().titleEn(),
        description,
        attributes.stream().map(Column::field).toList(),
        sink ->
            source.each(
                r -> {
                  Object[] values = new Object[attributes.size()];
                  for (int i = 0; i < values.length; i++) {
                    values[i] = attributes.get(i).value().apply(r);
                  }
                  sink.accept(
                      String.valueOf(spec.columns().get(0).value().apply(r)),
                      spec.point().apply(r),
                      values);
                }));
  }

  // ---- CSV
  // ---------------------------------------------------------------------------------------

  private static <T> void csv(Spec<T> spec, OutputStream out, Source<T> source) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    w.write('\uFEFF');
    List<String> header = spec.columns().stream().map(c -> c.field().name()).toList();
    w.write(String.join(",", header));
    w.write("\r\n");
    source.each(
        r -> {
          try {
            for (int i = 0; i < spec.columns().size(); i++) {
              if (i > 0) {
                w.write(',');
              }
              w.write(csvCell(spec.columns().get(i).value().apply(r)));
            }
            w.write("\r\n");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    w.flush();
  }

  /**
   * One CSV cell: numbers as they are, text neutralised when a spreadsheet would run it, quoted per
   * RFC 4180 when needed.
   */
  static String csvCell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Number n) {
      return number(n);
    }
    return org.vsmap.geo.format.CsvCells.text(v.toString());
  }

  private static String number(Number n) {
    if (n instanceof Double d) {
      return BigDecimal.valueOf(d)
          .setScale(6, RoundingMode.HALF_UP)
          .stripTrailingZeros()
          .toPlainString();
    }
    return n.toString();
  }

  // ---- XLSX
  // --------------------------------------------------------------------------------------

  /**
   * A streaming workbook; beyond Excel's row limit the records go on in sheets "data 2", "data 3"…,
   * each with the header (a national activities file has 2,000,000 rows).
   */
  private static <T> void xlsx(
      Spec<T> spec, OutputStream out, Source<T> source, boolean synthetic, int rowsPerSheet)
      throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(200);
    wb.setCompressTempFiles(true);
    try {
      Sheet[] data = {dataSheet(wb, spec, "data")};
      int[] r = {1};
      int[] sheets = {1};
      source.each(
          rec -> {
            if (r[0] > rowsPerSheet) {
              data[0] = dataSheet(wb, spec, "data " + ++sheets[0]);
              r[0] = 1;
            }
            Row row = data[0].createRow(r[0]++);
            for (int i = 0; i < spec.columns().size(); i++) {
              Object v = spec.columns().get(i).value().apply(rec);
              if (v == null) {
                continue;
              }
              Cell c = row.createCell(i);
              if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
              } else if (v instanceof Boolean b) {
                c.setCellValue(b);
              } else {
                c.setCellValue(
                    v.toString()); // a text cell, never a formula, whatever it starts with
              }
            }
          });
      Sheet about = wb.createSheet("about");
      int a = 0;
      a =
          line(
              about,
              a,
              "dataset",
              spec.dataset().id()
                  + " — "
                  + spec.dataset().titleZh()
                  + " / "
                  + spec.dataset().titleEn());
      a = line(about, a, "licence", LICENCE);
      a = line(about, a, "attribution", ATTRIBUTION);
      if (synthetic) {
        a = line(about, a, "notice", SYNTHETIC_NOTICE);
      }
      a++;
      Row h = about.createRow(a++);
      String[] cols = {"field", "type", "unit", "含义", "meaning", "example"};
      for (int i = 0; i < cols.length; i++) {
        h.createCell(i).setCellValue(cols[i]);
      }
      for (Field fd : spec.dataset().fields()) {
        Row row = about.createRow(a++);
        String[] v = {fd.name(), fd.type(), fd.unit(), fd.zh(), fd.en(), fd.example()};
        for (int i = 0; i < v.length; i++) {
          row.createCell(i).setCellValue(v[i]);
        }
      }
      wb.write(out);
    } finally {
      wb.close();
    }
  }

  private static Sheet dataSheet(SXSSFWorkbook wb, Spec<?> spec, String name) {
    Sheet sheet = wb.createSheet(name);
    Row head = sheet.createRow(0);
    for (int i = 0; i < spec.columns().size(); i++) {
      head.createCell(i).setCellValue(spec.columns().get(i).field().name());
    }
    return sheet;
  }

  private static int line(Sheet s, int r, String key, String value) {
    Row row = s.createRow(r);
    row.createCell(0).setCellValue(key);
    row.createCell(1).setCellValue(value);
    return r + 1;
  }

  // ---- KML
  // ---------------------------------------------------------------------------------------

  /**
   * KML 2.2: one Placemark per record (name, ExtendedData of every field, Point), written with StAX
   * so every value is escaped.
   */
  private static <T> void kml(Spec<T> spec, OutputStream out, Source<T> source, boolean synthetic)
      throws IOException {
    try {
      java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
      javax.xml.stream.XMLStreamWriter x =
          javax.xml.stream.XMLOutputFactory.newFactory().createXMLStreamWriter(buffered, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("kml");
      x.writeDefaultNamespace("http://www.opengis.net/kml/2.2");
      x.writeStartElement("Document");
      element(x, "name", spec.dataset().titleZh() + " / " + spec.dataset().titleEn());
      element(
          x,
          "description",
          LICENCE + " · " + ATTRIBUTION + (synthetic ? " · " + SYNTHETIC_NOTICE : ""));
      String nameField = spec.columns().get(1).field().name();
      source.each(
          r -> {
            try {
              x.writeStartElement("Placemark");
              x.writeAttribute("id", String.valueOf(spec.columns().get(0).value().apply(r)));
              element(
                  x,
                  "name",
                  String.valueOf(
                      spec.columns().stream()
                          .filter(c -> c.field().name().equals(nameField))
                          .findFirst()
                          .orElseThrow()
                          .value()
                          .apply(r)));
              x.writeStartElement("ExtendedData");
              for (Column<T> c : spec.columns()) {
                Object v = c.value().apply(r);
                x.writeStartElement("Data");
                x.writeAttribute("name", c.field().name());
                element(
                    x, "value", v == null ? "" : v instanceof Double d ? number(d) : v.toString());
                x.writeEndElement();
              }
              x.writeEndElement();
              GeoPoint p = spec.point().apply(r);
              if (p != null) {
                x.writeStartElement("Point");
                element(x, "coordinates", number(p.lon()) + "," + number(p.lat()));
                x.writeEndElement();
              }
              x.writeEndElement();
            } catch (javax.xml.stream.XMLStreamException e) {
              throw new UncheckedIOException(new IOException(e));
            }
          });
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
      buffered.flush();
    } catch (javax.xml.stream.XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private static void element(javax.xml.stream.XMLStreamWriter x, String name, String text)
      throws javax.xml.stream.XMLStreamException {
    x.writeStartElement(name);
    // XML 1.0 cannot carry most control characters at all: drop them rather than write a broken
    // file
    x.writeCharacters(text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
    x.writeEndElement();
  }

  // ---- GeoJSON
  // -----------------------------------------------------------------------------------

  private static final JsonFactory JSON =
      new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private static <T> void geojson(
      Spec<T> spec, OutputStream out, Source<T> source, boolean synthetic) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeStringField("name", spec.dataset().id());
      g.writeStringField("license", LICENCE);
      g.writeStringField("attribution", ATTRIBUTION);
      if (synthetic) {
        g.writeStringField("notice", SYNTHETIC_NOTICE);
      }
      g.writeArrayFieldStart("features");
      source.each(
          r -> {
            try {
              g.writeStartObject();
              g.writeStringField("type", "Feature");
              g.writeStringField("id", spec.columns().get(0).value().apply(r).toString());
              GeoPoint p = spec.point().apply(r);
              if (p == null) {
                g.writeNullField("geometry");
              } else {
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "Point");
                g.writeArrayFieldStart("coordinates");
                g.writeNumber(BigDecimal.valueOf(p.lon()).setScale(6, RoundingMode.HALF_UP));
                g.writeNumber(BigDecimal.valueOf(p.lat()).setScale(6, RoundingMode.HALF_UP));
                g.writeEndArray();
                g.writeEndObject();
              }
              g.writeObjectFieldStart("properties");
              for (Column<T> c : spec.columns()) {
                String name = c.field().name();
                if (name.equals("lon") || name.equals("lat")) {
                  continue;
                }
                Object v = c.value().apply(r);
                if (v == null) {
                  g.writeNullField(name);
                } else if (v instanceof Number n) {
                  g.writeNumberField(name, n.longValue());
                } else if (v instanceof Boolean b) {
                  g.writeBooleanField(name, b);
                } else {
                  g.writeStringField(name, v.toString());
                }
              }
              g.writeEndObject();
              g.writeEndObject();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      g.writeEndArray();
      g.writeEndObject();
    }
  }
}
