package org.vsmap.pipeline.stats;

import java.util.List;
import org.vsmap.geo.port.Statistics.Indicator;

/** What each published indicator means, how it is computed, its target and where that is from. */
final class Indicators {
  private Indicators() {}

  public static final List<Indicator> ALL =
      List.of(
          new Indicator(
              "volunteer_rate",
              "注册志愿者占常住人口比例",
              "Registered volunteers per resident population",
              "年末（或本年截至目前）注册志愿者人数 ÷ 常住人口 × 100%。",
              "Registered volunteers at the end of the year (or so far this year) "
                  + "divided by the resident population, in per cent.",
              "注册志愿者人数",
              "常住人口",
              "%",
              ">=",
              13.0,
              "种子文件 004：注册志愿者占常住人口比例达到 13% 以上 / seed 004",
              "volunteer figures (registered) and region population"),
          new Indicator(
              "active_rate",
              "注册志愿者参与服务比例",
              "Registered volunteers who served",
              "期内参加过志愿服务的注册志愿者人数 ÷ 注册志愿者人数 × 100%（年度目标；月度为当月参与比例）。",
              "Registered volunteers who served in the period divided by registered volunteers, in per cent (the target is yearly; "
                  + "monthly values are that month's share).",
              "参与服务的注册志愿者人数",
              "注册志愿者人数",
              "%",
              ">=",
              70.0,
              "种子文件 004：实名注册志愿者参与志愿服务比例达到 70% 以上 / seed 004",
              "volunteer figures (active, registered)"),
          new Indicator(
              "hours_per_volunteer",
              "人均志愿服务时长",
              "Service hours per registered volunteer",
              "全年志愿服务时长 ÷ 注册志愿者人数（小时/人/年）。",
              "Service hours in the year divided by registered volunteers (hours per "
                  + "volunteer per year).",
              "志愿服务时长（小时）",
              "注册志愿者人数",
              "h",
              ">=",
              25.0,
              "种子文件 004：人均志愿服务时长达到 25 小时以上 / seed 004",
              "volunteer figures (service hours, registered)"),
          new Indicator(
              "community_station_coverage",
              "城市社区志愿服务站覆盖率",
              "Urban communities with a volunteer station",
              "至少有一个在册志愿服务站的城市社区（名称含“社区”或“居委会”的村级区划）÷ 城市社区总数 × 100%，按当前数据。",
              "Urban communities (village-level regions named 社区 or 居委会) with at least one station, divided by all urban communities, "
                  + "in per cent, as of now.",
              "有站点的城市社区数",
              "城市社区数",
              "%",
              ">=",
              100.0,
              "种子文件 002：年底前城市社区志愿服务站全覆盖 / seed 002",
              "stations, regions"),
          new Indicator(
              "five_has_complete",
              "“五有”全部达标的站点比例",
              "Stations meeting all five 五有 criteria",
              "场地、人员、制度、项目、经费五项均达标的站点 ÷ 站点总数 × 100%，按当前数据。",
              "Stations meeting all five criteria (place, people, rules, projects, funds) divided by all stations, in per cent, as of now.",
              "五有全部达标的站点数",
              "站点数",
              "%",
              null,
              null,
              "种子文件 004：逐步提高并报告（无数值目标）/ seed 004: rising, reported",
              "stations"),
          new Indicator(
              "weekly_activity_coverage",
              "每周都开展活动的社区比例",
              "Communities with an activity every week",
              "期内每个已开始的自然周都至少有一次活动的社区（村）÷ 社区（村）总数 × 100%；每周重复的活动自首次起计 8 周。",
              "Communities (and villages) with at least one activity in every week of the period that has begun, divided by all "
                  + "communities, in per cent; a weekly activity counts for eight weeks from its first date.",
              "每周都有活动的社区数",
              "社区（村）数",
              "%",
              ">=",
              100.0,
              "种子文件 001：每个社区每周至少开展一次志愿服务活动 / seed 001",
              "activities, regions"),
          new Indicator(
              "paired_unit_weekly",
              "每周到结对社区开展活动的结对单位比例",
              "Paired units serving their community every week",
              "期内每个已开始的自然周都在所结对的社区至少开展一次活动（组织队伍为该单位队伍）的单位 ÷ 有结对社区的单位 × 100%，按单位所属区划统计。",
              "Units' teams that held at least one activity in a community they are paired with in every week of the period that has "
                  + "begun, divided by the teams with a paired community, in per cent, by the team's own region.",
              "每周都到结对社区服务的单位数",
              "有结对社区的单位数",
              "%",
              ">=",
              100.0,
              "种子文件 001：结对单位每周至少到所结对的社区开展一次学雷锋志愿服务活动 / seed 001",
              "teams' pairings (team list), activities"),
          new Indicator(
              "on_time_reporting",
              "活动情况表按时报送率",
              "Weekly activity reports on time",
              "期内每个截止时间已过的周（以周一所在月份计），各报送单位在截止时间（默认每周二 18:00）前报送上周活动情况表的单位周数 ÷ 应报的单位周数 × 100%。"
                  + "市文明办标为无需报送的周不计。只公布全市和各区（县）的比率，不公布区以下和单位名单；报送单位少于抑制阈值的区不公布。",
              "Of the weeks whose deadline has passed (counted in the month of their Monday), the unit-weeks whose report of the week "
                  + "before arrived by the deadline (Tuesday 18:00 by default), divided by the unit-weeks due, in per cent. Weeks the city "
                  + "office marked as not due are left out. Published for the city and its districts only, never below a district or by "
                  + "unit; a district with fewer reporting units than the suppression threshold is withheld.",
              "按时报送的单位周数",
              "应报送的单位周数",
              "%",
              ">=",
              100.0,
              "种子文件 001：每周二下午下班前将上周开展活动情况表报送，实行考核，强化督查 / seed 001",
              "reporting units, weekly reports as imported (arrival time), holiday weeks"),
          new Indicator(
              "activities",
              "志愿服务活动数",
              "Volunteer activities",
              "期内开始（已开展或已计划）的志愿服务活动数，按区划、月份、季度、年份。活动是公开记录，不做抑制。",
              "Activities starting in the period (held or planned), by region, month, quarter and year. Activities are public records "
                  + "and are not suppressed.",
              "活动数",
              null,
              "count",
              null,
              null,
              "种子文件 001：按周报送 / seed 001",
              "activities"),
          new Indicator(
              "activities_by_theme",
              "各主题志愿服务活动数",
              "Volunteer activities by theme",
              "期内开始的志愿服务活动数，按 18 类主题。",
              "Activities starting in the period, by the 18 themes.",
              "活动数",
              null,
              "count",
              null,
              null,
              "种子文件 001 / seed 001",
              "activities"));
}
