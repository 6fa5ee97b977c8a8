package org.vsmap.pipeline.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Theme;

/** The demo's activities: a few per team, at its stations, over the next eight weeks. */
final class DemoActivities {
  private final List<List<String>> rows = new ArrayList<>();
  private int seq;

  List<List<String>> rows() {
    return rows;
  }

  void add(
      SplittableRandom rnd,
      String teamId,
      String teamName,
      DemoSeedGenerator.StationRow at,
      int count,
      Theme fixed) {
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
      seq++;
      // drawn in the order the rows have always been, so the demo stays the same set
      String time =
          String.format(
              Locale.ROOT,
              "%02d:%02d",
              startHours[rnd.nextInt(startHours.length)],
              rnd.nextBoolean() ? 0 : 30);
      String minutes = Integer.toString(60 + 30 * rnd.nextInt(5));
      boolean hours = rnd.nextDouble() < 0.8;
      boolean national = rnd.nextDouble() < 0.6;
      String id = String.format(Locale.ROOT, "ac-%05d", seq);
      rows.add(
          List.of(
              id,
              at.shortName() + "·" + what,
              teamName + "在" + at.name() + "开展" + what + "活动。（合成演示数据）",
              theme.name(),
              teamId,
              at.id(),
              at.regionCode(),
              DemoSeedGenerator.coord(at.point().lon()),
              DemoSeedGenerator.coord(at.point().lat()),
              Integer.toString(dayOffset),
              time,
              minutes,
              (weekly ? Recurrence.WEEKLY : Recurrence.ONCE).name(),
              Integer.toString(wanted),
              Integer.toString(signed),
              Boolean.toString(hours),
              Boolean.toString(national),
              "true",
              // a made-up project number that says so: no real project in 志愿中国 has it
              national ? String.format(Locale.ROOT, "DEMO-%05d", seq) : "",
              national ? "在志愿中国搜索项目编号报名" : seq % 2 == 0 ? "活动开始前到站点现场报名" : "联系组织队伍报名",
              // sign-up closes the evening before a one-off activity; a weekly one stays open
              weekly ? "" : "1"));
    }
  }
}
