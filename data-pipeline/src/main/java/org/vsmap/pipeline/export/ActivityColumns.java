package org.vsmap.pipeline.export;

import static org.vsmap.pipeline.export.DatasetExports.*;
import static org.vsmap.pipeline.export.DatasetSpecs.*;

import java.util.ArrayList;
import java.util.List;
import org.vsmap.geo.model.Activity;

/** The activities dataset's columns: its field dictionary and how each value is read. */
final class ActivityColumns {
  private ActivityColumns() {}

  static Spec<Activity> spec() {
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
    where(a);
    when(a);
    return new Spec<>(
        new Dataset("activities", "志愿服务活动", "Volunteer activities", fields(a)),
        a,
        Activity::location,
        Activity::synthetic);
  }

  /** Where: the point (longitude, latitude). */
  private static void where(List<Column<Activity>> a) {
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
  }

  /** When and how often; then who. */
  private static void when(List<Column<Activity>> a) {
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
    who(a);
  }

  /** How many are wanted, signed up and took part, and the flags. */
  private static void who(List<Column<Activity>> a) {
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
  }
}
