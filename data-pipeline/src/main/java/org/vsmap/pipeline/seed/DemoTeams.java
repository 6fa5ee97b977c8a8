package org.vsmap.pipeline.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.model.Theme;

/**
 * The demo's teams: the city's 总队, a 分队 per city department (one with its whole tree below it) and
 * per county, a 总队 per street and a 小队 in most communities with a station; each holds a few
 * activities.
 */
final class DemoTeams {
  private final DemoGeography geography;
  private final Map<String, DemoSeedGenerator.StationRow> stationsByRegion;
  private final DemoActivities activities;
  private final List<List<String>> rows = new ArrayList<>();

  DemoTeams(
      DemoGeography geography,
      Map<String, DemoSeedGenerator.StationRow> stationsByRegion,
      DemoActivities activities) {
    this.geography = geography;
    this.stationsByRegion = stationsByRegion;
    this.activities = activities;
  }

  List<List<String>> rows() {
    return rows;
  }

  void build(List<DemoGeography.Place> countyList, DemoSeedGenerator.StationRow head) {
    cityCorps(head);
    departmentTeams();
    countyTeams(countyList);
    streetTeams();
  }

  /** The city's 学雷锋志愿服务总队 at the head station. */
  private void cityCorps(DemoSeedGenerator.StationRow head) {
    SplittableRandom cityRnd = DemoSeedGenerator.random(DemoSeedGenerator.CITY);
    addTeam(
        "tm-1506",
        "鄂尔多斯市学雷锋志愿服务总队",
        TeamLevel.CITY_CORPS,
        null,
        DemoSeedGenerator.CITY,
        "鄂尔多斯市文明办",
        "2013-03-05",
        "综合",
        head.id(),
        200,
        cityRnd);
    activities.add(cityRnd, "tm-1506", "鄂尔多斯市学雷锋志愿服务总队", head, 4, null);
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
    List<DemoSeedGenerator.StationRow> publicStations =
        stationsByRegion.values().stream()
            .filter(
                s ->
                    s.id().contains("-hall")
                        || s.id().contains("-library")
                        || s.id().contains("-park"))
            .toList();
    for (String[] d : DEPARTMENTS) {
      SplittableRandom rnd = DemoSeedGenerator.random("dept-" + d[0]);
      String id = "tm-1506-" + d[0];
      DemoSeedGenerator.StationRow base = publicStations.get(rnd.nextInt(publicStations.size()));
      addTeam(
          id,
          d[1],
          TeamLevel.DIVISION,
          "tm-1506",
          DemoSeedGenerator.CITY,
          d[2],
          DemoSeedGenerator.date(rnd, 2013, 2018),
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
              : new String[] {d[1].replace("分队", "总队"), supportName(d[1], d[3])};
      for (int i = 0; i < chain.length; i++) {
        String childId = id + "-" + (i + 1);
        addTeam(
            childId,
            names[i],
            chain[i],
            parent,
            DemoSeedGenerator.CITY,
            d[2],
            DemoSeedGenerator.date(rnd, 2014, 2020),
            d[3],
            base.id(),
            10 + rnd.nextInt(60),
            rnd);
        parent = childId;
      }
      for (int i = 0; i < 3; i++) {
        DemoSeedGenerator.StationRow at = publicStations.get(rnd.nextInt(publicStations.size()));
        activities.add(
            rnd, i == 0 ? id : id + "-" + (1 + rnd.nextInt(chain.length)), d[1], at, 1, theme);
      }
      pairCommunities(id);
    }
  }

  /** A 分队 per county at its service hall. */
  private void countyTeams(List<DemoGeography.Place> countyList) {
    for (DemoGeography.Place county : countyList) {
      String c = county.code();
      SplittableRandom rnd = DemoSeedGenerator.random("team-" + c);
      DemoSeedGenerator.StationRow hall = stationsByRegion.get("st-" + c + "-hall");
      addTeam(
          "tm-" + c,
          county.name() + "志愿服务分队",
          TeamLevel.DIVISION,
          "tm-1506",
          c,
          county.name() + "文明办",
          DemoSeedGenerator.date(rnd, 2013, 2016),
          "综合",
          hall.id(),
          50 + rnd.nextInt(150),
          rnd);
      activities.add(rnd, "tm-" + c, county.name() + "志愿服务分队", hall, 2, null);
    }
  }

  /** A 总队 per street, and a 小队 in most of its communities with a station. */
  private void streetTeams() {
    for (DemoGeography.Place street : geography.byLevel("STREET")) {
      SplittableRandom rnd = DemoSeedGenerator.random("team-" + street.code());
      List<DemoSeedGenerator.StationRow> inStreet =
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
          DemoSeedGenerator.date(rnd, 2014, 2019),
          "综合",
          home,
          20 + rnd.nextInt(80),
          rnd);
      if (!inStreet.isEmpty()) {
        activities.add(rnd, streetTeam, street.name() + "志愿服务总队", inStreet.get(0), 1, null);
      }
      for (DemoSeedGenerator.StationRow s : inStreet) {
        SplittableRandom r = DemoSeedGenerator.random("team-" + s.regionCode());
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
            DemoSeedGenerator.date(r, 2015, 2023),
            "社区服务",
            s.id(),
            8 + r.nextInt(50),
            r);
        activities.add(r, "tm-" + s.regionCode(), teamName, s, 1 + r.nextInt(2), null);
      }
    }
  }

  /** A city department's 分队 is paired with two communities that have a station (结对共建, seed 001). */
  private void pairCommunities(String teamId) {
    List<String> communities =
        stationsByRegion.values().stream()
            .map(DemoSeedGenerator.StationRow::regionCode)
            .filter(c -> c.length() == 12)
            .distinct()
            .toList();
    SplittableRandom rnd = DemoSeedGenerator.random("pair-" + teamId);
    String a = communities.get(rnd.nextInt(communities.size()));
    String b = communities.get(rnd.nextInt(communities.size()));
    List<String> row;
    for (int i = rows.size() - 1; i >= 0; i--) {
      if (rows.get(i).get(0).equals(teamId)) {
        row = new ArrayList<>(rows.get(i));
        row.set(row.size() - 1, a.equals(b) ? a : a + ";" + b);
        rows.set(i, row);
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
    rows.add(
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

  /** 市司法局法律志愿服务分队 + 法律 → 市司法局法律志愿服务支队 (the speciality once, not twice). */
  static String supportName(String unitTeam, String speciality) {
    String base = unitTeam.replace("志愿服务分队", "").replace("分队", "");
    return (base.endsWith(speciality) ? base : base + speciality) + "志愿服务支队";
  }
}
