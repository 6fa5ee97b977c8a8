package org.vsmap.web.admin;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Joining;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.Theme;

/** The admin edit forms' fields, each with the stored value or the one just posted. */
public final class AdminForms {
  private AdminForms() {}

  /** One field of a form; {@code options} (value → label) only for a select. */
  public record FormField(
      String name, String label, String value, String type, Map<String, String> options) {}

  /** 否 first, 是 second, always (Map.of has no order). */
  static Map<String, String> consentOptions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("no", "否 / No");
    m.put("yes", "是 / Yes");
    return m;
  }

  static List<FormField> honourFields(org.vsmap.geo.model.Honour h, Context posted) {
    List<FormField> f = new ArrayList<>();
    f.add(field("title", "荣誉名称 / Title", h.title(), "text", posted));
    f.add(field("year", "年度 / Year", Integer.toString(h.year()), "number", posted));
    f.add(
        select(
            "level",
            "级别 / Level",
            h.level().name(),
            Arrays.stream(org.vsmap.geo.model.Honour.HonourLevel.values())
                .collect(
                    LinkedHashMap::new,
                    (m, l) -> m.put(l.name(), l.zh() + " / " + l.en()),
                    Map::putAll),
            posted));
    f.add(field("awarded_by", "授予单位 / Awarded by", h.awardedBy(), "text", posted));
    f.add(field("citation", "事迹简介 / Citation", h.citation(), "textarea", posted));
    if (h.subject() == org.vsmap.geo.model.Honour.HonourSubject.VOLUNTEER) {
      f.add(
          field(
              "volunteer_name",
              "志愿者姓名（仅在本人同意公开时填写）/ Volunteer's name (only with consent)",
              h.volunteerName(),
              "text",
              posted));
      f.add(
          select(
              "consent",
              "本人同意公开姓名 / The volunteer agreed to publish the name",
              h.volunteerName() != null ? "yes" : "no",
              consentOptions(),
              posted));
    }
    return f;
  }

  static List<FormField> stationFields(Station s, Context posted) {
    List<FormField> f = new ArrayList<>();
    f.add(field("name", "名称 / Name", s.name(), "text", posted));
    f.add(
        select(
            "type",
            "类型 / Type",
            s.type().name(),
            Arrays.stream(StationType.values())
                .collect(
                    LinkedHashMap::new,
                    (m, t) -> m.put(t.name(), t.zh() + " / " + t.en()),
                    Map::putAll),
            posted));
    f.add(field("region_code", "区划代码 / Region code", s.regionCode(), "text", posted));
    f.add(field("address", "地址 / Address", s.address(), "text", posted));
    f.add(
        field("lon", "经度 WGS84 / Longitude", Double.toString(s.location().lon()), "text", posted));
    f.add(field("lat", "纬度 WGS84 / Latitude", Double.toString(s.location().lat()), "text", posted));
    f.add(field("opening_hours", "开放时间 / Opening hours", s.openingHours(), "text", posted));
    f.add(
        field("services", "服务内容（；分隔） / Services", String.join("；", s.services()), "text", posted));
    f.add(field("public_contact", "办公电话 / Office phone", s.publicContact(), "text", posted));
    f.add(field("five_has", "五有（5 位 0/1） / Five-has flags", s.fiveHas().flags(), "text", posted));
    return f;
  }

  static List<FormField> teamFields(Team t, Context posted) {
    List<FormField> f = new ArrayList<>();
    f.add(field("name", "名称 / Name", t.name(), "text", posted));
    f.add(
        field("supervising_unit", "主管单位 / Supervising unit", t.supervisingUnit(), "text", posted));
    f.add(
        field(
            "founded",
            "成立日期 / Founded",
            t.founded() == null ? null : t.founded().toString(),
            "date",
            posted));
    f.add(field("speciality", "专长 / Speciality", t.speciality(), "text", posted));
    f.add(
        field(
            "member_count", "队员人数 / Members", Integer.toString(t.memberCount()), "number", posted));
    f.add(
        field(
            "public_contact",
            "办公电话（不填个人手机） / Office line (no personal mobile)",
            t.publicContact(),
            "tel",
            posted));
    f.add(
        field(
            "signup_url",
            "加入链接（志愿中国队伍页） / Join link (team's page in China Volunteer)",
            t.signUpUrl(),
            "url",
            posted));
    return f;
  }

  static List<FormField> activityFields(Activity a, Context posted) {
    List<FormField> f = new ArrayList<>();
    f.add(field("title", "标题 / Title", a.title(), "text", posted));
    f.add(field("description", "简介 / Description", a.description(), "textarea", posted));
    f.add(
        select(
            "theme",
            "主题 / Theme",
            a.theme().name(),
            Arrays.stream(Theme.values())
                .collect(
                    LinkedHashMap::new,
                    (m, t) -> m.put(t.name(), t.zh() + " / " + t.en()),
                    Map::putAll),
            posted));
    f.add(field("start", "开始 / Start", a.start().toString(), "datetime-local", posted));
    f.add(field("end", "结束 / End", a.end().toString(), "datetime-local", posted));
    f.add(
        field(
            "volunteers_wanted",
            "招募人数 / Volunteers wanted",
            Integer.toString(a.volunteersWanted()),
            "number",
            posted));
    f.add(
        field(
            "volunteers_signed_up",
            "已报名 / Signed up",
            Integer.toString(a.volunteersSignedUp()),
            "number",
            posted));
    f.add(
        field(
            "participants",
            "实际参加 / Took part",
            a.participants() == null ? null : a.participants().toString(),
            "number",
            posted));
    joiningFields(f, a.joining(), posted);
    return f;
  }

  /** The sign-up fields of an activity: project, link, method, deadline and office line. */
  private static void joiningFields(List<FormField> f, Joining j, Context posted) {
    f.add(field("project_id", "志愿中国项目编号 / Project number", j.projectId(), "text", posted));
    f.add(field("signup_url", "报名链接 / Sign-up link", j.signUpUrl(), "url", posted));
    f.add(field("signup_method", "报名方式 / How to sign up", j.method(), "text", posted));
    f.add(
        field(
            "signup_deadline",
            "报名截止 / Sign-up closes",
            j.deadline() == null ? null : j.deadline().toString(),
            "datetime-local",
            posted));
    f.add(
        field(
            "office_line",
            "组织方办公电话（不填个人手机） / Organiser's office line (no personal mobile)",
            j.officeLine(),
            "tel",
            posted));
  }

  static FormField field(String name, String label, String value, String type, Context posted) {
    return new FormField(name, label, posted == null ? value : posted.formParam(name), type, null);
  }

  static FormField select(
      String name, String label, String value, Map<String, String> options, Context posted) {
    return new FormField(
        name, label, posted == null ? value : posted.formParam(name), "select", options);
  }

  /** The sign-up fields as posted; a bad link, deadline or a mobile number throws. */
  static Joining joining(Context ctx) {
    String deadline = AdminAccess.text(ctx, "signup_deadline");
    return new Joining(
        AdminAccess.text(ctx, "project_id"),
        AdminAccess.text(ctx, "signup_url"),
        AdminAccess.text(ctx, "signup_method"),
        deadline == null ? null : java.time.LocalDateTime.parse(deadline),
        AdminAccess.text(ctx, "office_line"));
  }
}
