package org.vsmap.pipeline.export;

import static org.vsmap.pipeline.export.DatasetExports.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.pipeline.store.JdbiTeamStore;

/**
 * The published datasets, each a {@link Spec}: its fields with their dictionary (name, type,
 * description in Chinese and English) and how each is read from a record. Downloads, versions and
 * the OGC collections all publish exactly these fields.
 */
final class DatasetSpecs {
  private DatasetSpecs() {}

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

    ACTIVITIES = ActivityColumns.spec();
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
          + "t.home_station_id, t.member_count, t.synthetic, t.public_contact, t.signup_url, "
          + "ST_X(s.geom) AS home_lon, ST_Y(s.geom) AS home_lat";

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

  static <T> Column<T> col(
      String name,
      String type,
      String unit,
      String zh,
      String en,
      String example,
      Function<T, Object> value) {
    return new Column<>(new Field(name, type, unit, zh, en, example), value);
  }

  static <T> List<Field> fields(List<Column<T>> columns) {
    return columns.stream().map(Column::field).toList();
  }
}
