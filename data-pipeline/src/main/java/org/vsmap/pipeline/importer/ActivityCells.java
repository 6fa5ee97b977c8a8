package org.vsmap.pipeline.importer;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Recurrence;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.spatial.ChinaOffsets;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.csv.CsvTable;

/** The cells of an activity list, each read and checked (TeamActivityImport.activities). */
final class ActivityCells {
  private ActivityCells() {}

  /** The theme given (code, Chinese or English name), or guessed from the title and description. */
  static Theme theme(
      String file, CsvTable.Row row, Map<String, String> c, String title, List<Problem> problems) {
    int line = row.line();
    Theme theme = null;
    String themeText = TeamActivityImport.cell(row, c, "theme");
    if (themeText != null) {
      for (Theme t : Theme.values()) {
        if (t.name().equalsIgnoreCase(themeText)
            || t.zh().equals(themeText)
            || t.en().equalsIgnoreCase(themeText)) {
          theme = t;
        }
      }
      if (theme == null) {
        problems.add(
            new Problem(
                file,
                line,
                c.get("theme"),
                themeText,
                "未知的活动主题（18 类之一）",
                "unknown theme (one of the 18)"));
      }
    } else if (title != null) {
      theme =
          ReportImport.theme(
              title
                  + " "
                  + (TeamActivityImport.cell(row, c, "description") == null
                      ? ""
                      : TeamActivityImport.cell(row, c, "description")));
    }
    return theme;
  }

  /**
   * When: the start (a date, a date and time, or a range), the end (a time that day or a date);
   * participants only for what has ended, nothing past without them. Null when it is a problem.
   */
  static ReportDates.Span span(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      LocalDateTime now,
      List<Problem> problems) {
    int line = row.line();
    ReportDates.Span span = null;
    String startText = TeamActivityImport.cell(row, c, "start");
    String participantsText =
        TeamActivityImport.cell(
            row, c, "participants"); // given: a held activity, reported; absent: upcoming
    try {
      if (startText == null) {
        throw new IllegalArgumentException("开始时间为必填项 / the start is required");
      }
      span = ReportDates.parse(startText, now.toLocalDate());
      String endText = TeamActivityImport.cell(row, c, "end");
      if (endText != null) {
        LocalDateTime end =
            endText.matches("\\d{1,2}[:：]\\d{2}")
                ? span.start()
                    .toLocalDate()
                    .atTime(
                        Integer.parseInt(endText.split("[:：]")[0]),
                        Integer.parseInt(endText.split("[:：]")[1]))
                : ReportDates.parse(endText, now.toLocalDate()).start();
        if (!end.isAfter(span.start())) {
          throw new IllegalArgumentException("结束时间不晚于开始时间 / the end is not after the start");
        }
        span = new ReportDates.Span(span.start(), end);
      }
      if (participantsText != null && span.end().isAfter(now)) {
        problems.add(
            new Problem(
                file,
                line,
                c.get("participants"),
                participantsText,
                "参加人数只能填写已结束的活动（即将开展的活动请留空）",
                "participants can only be given for an activity that has ended (leave it empty for upcoming ones)"));
      } else if (participantsText == null && !span.end().isAfter(now)) {
        problems.add(
            new Problem(
                file,
                line,
                c.get("start"),
                startText,
                "活动时间已过：这里只收即将开展的活动（已开展的请用活动情况表）",
                "the activity is in the past: this list is for upcoming activities (report held ones with the 活动情况表)"));
      }
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      String[] parts = String.valueOf(e.getMessage()).split(" / ", 2);
      problems.add(
          new Problem(
              file,
              line,
              c.get("start"),
              startText,
              parts[0],
              parts.length > 1 ? parts[1] : parts[0]));
    }
    return span;
  }

  static Recurrence recurrence(
      String file, CsvTable.Row row, Map<String, String> c, List<Problem> problems) {
    int line = row.line();
    Recurrence recurrence = Recurrence.ONCE;
    String rec = TeamActivityImport.cell(row, c, "recurrence");
    if (rec != null) {
      recurrence =
          switch (rec.toLowerCase(Locale.ROOT)) {
            case "once", "一次", "单次" -> Recurrence.ONCE;
            case "weekly", "每周" -> Recurrence.WEEKLY;
            default -> {
              problems.add(
                  new Problem(
                      file,
                      line,
                      c.get("recurrence"),
                      rec,
                      "频次应为“一次”或“每周”",
                      "recurrence is once or weekly"));
              yield Recurrence.ONCE;
            }
          };
    }
    return recurrence;
  }

  /**
   * The organiser team (required), the station or the home station (optional) a cell names by id or
   * exact name (spacing and width aside); a name that matches none is a problem naming the names it
   * is near.
   */
  static <T> Optional<T> found(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      String key,
      TeamActivityImport.Lookup<T> lookup,
      List<Problem> problems) {
    String text = TeamActivityImport.cell(row, c, key);
    Optional<T> found = lookup.find(text);
    if (found.isPresent() || (!key.equals("team") && text == null)) {
      return found;
    }
    String[] what =
        switch (key) {
          case "team" -> new String[] {"找不到组织队伍", "unknown organiser team"};
          case "home_station" -> new String[] {"找不到驻地站点", "unknown home station"};
          default -> new String[] {"找不到站点", "unknown station"};
        };
    List<String> near = lookup.near(text);
    problems.add(
        new Problem(
            file,
            row.line(),
            c.get(key),
            text,
            near.isEmpty()
                ? what[0] + "（编号或全称）"
                : what[0] + "：您是不是指 " + String.join("、", near) + "？",
            near.isEmpty()
                ? what[1] + " (give its id or exact name)"
                : what[1] + ": did you mean " + String.join(" or ", near) + "?"));
    return found;
  }

  /** The region given, else its station's, else its team's; an unknown code is a problem. */
  static String region(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      Optional<Station> station,
      Optional<Team> team,
      Map<String, Region> regions,
      List<Problem> problems) {
    String region = TeamActivityImport.cell(row, c, "region_code");
    if (region == null) {
      region = station.map(Station::regionCode).or(() -> team.map(Team::regionCode)).orElse(null);
    }
    if (region != null && !regions.containsKey(region)) {
      problems.add(
          new Problem(
              file, row.line(), c.get("region_code"), region, "未知的区划代码", "unknown region code"));
    }
    return region;
  }

  static Problem unplaced(String file, int line, Map<String, String> c) {
    return new Problem(
        file,
        line,
        c.getOrDefault("lon", "lon"),
        null,
        "无法确定位置：请给出坐标、站点或区划",
        "cannot place the activity: give coordinates, a station or a region");
  }

  /** Where an activity is, and whether that is only approximate. */
  record Located(GeoPoint point, boolean approximate) {}

  /**
   * The coordinates given, else its station's place, else its region's centre (approximate, with a
   * warning); null when none of these is known.
   */
  static Located locate(
      String file,
      CsvTable.Row row,
      Map<String, String> c,
      CoordinateSystem crs,
      Optional<Station> station,
      String region,
      Map<String, Region> regions,
      Placement placement,
      List<Problem> problems,
      List<Problem> warnings) {
    int line = row.line();
    GeoPoint point = null;
    boolean approximate = false;
    String lon = TeamActivityImport.cell(row, c, "lon");
    String lat = TeamActivityImport.cell(row, c, "lat");
    if (lon != null && lat != null) {
      try {
        double x = Double.parseDouble(lon);
        double y = Double.parseDouble(lat);
        if (!ChinaOffsets.inChina(x, y)) {
          problems.add(
              new Problem(
                  file,
                  line,
                  c.get("lon") + "/" + c.get("lat"),
                  lon + "," + lat,
                  "坐标不在中国境内",
                  "point is outside China"));
        } else {
          point = crs.toWgs84(new GeoPoint(x, y));
        }
      } catch (NumberFormatException e) {
        problems.add(
            new Problem(
                file,
                line,
                c.get("lon") + "/" + c.get("lat"),
                lon + "," + lat,
                "坐标不是数字",
                "coordinates are not numbers"));
      }
    } else if (station.isPresent()) {
      point = station.get().location();
      approximate = station.get().approximate();
    } else if (region != null && regions.containsKey(region)) {
      Placement.Place at = placement.atRegion(region, null);
      if (at != null) {
        point = at.point();
        approximate = true;
        warnings.add(
            new Problem(
                file,
                line,
                "lon",
                null,
                "缺少坐标和站点，位置为近似：" + at.howZh(),
                "no coordinates or station: approximate location at the " + at.howEn()));
      }
    }
    return new Located(point, approximate);
  }
}
