package org.vsmap.pipeline.seed;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.pipeline.Stage;
import org.vsmap.pipeline.csv.CsvTable;
import org.vsmap.pipeline.store.Database;
import org.vsmap.pipeline.store.JdbiActivityStore;
import org.vsmap.pipeline.store.JdbiRegionStore;
import org.vsmap.pipeline.store.JdbiStationStore;
import org.vsmap.pipeline.store.JdbiStoreInfo;
import org.vsmap.pipeline.store.JdbiTeamStore;

/**
 * Fills an empty store from the seed files in named stages: read regions, read stations, read
 * teams, read activities, then write everything in one transaction, so a failure or a kill midway
 * leaves the store as empty as it was. Demo activities are dated relative to the day of loading
 * (day_offset 0 = today in China), so the demo always shows the coming eight weeks.
 */
public final class SeedLoader {

  /** What a load wrote. */
  public record Counts(int regions, int stations, int teams, int activities) {}

  /** Everything read from the seed files, checked, before anything is written. */
  public record SeedData(
      List<Region> regions,
      List<Station> stations,
      List<Team> teams,
      List<Activity> activities,
      List<org.vsmap.geo.model.VolunteerFigure> figures,
      List<org.vsmap.geo.model.Pairing> pairings) {}

  /**
   * The source recorded with the demo's volunteer figures: the statistics flag them as synthetic by
   * it.
   */
  public static final String DEMO_FIGURES_SOURCE = "demo (synthetic)";

  private SeedLoader() {}

  /** Reads and checks every seed file; throws with file, row and column on the first problem. */
  public static SeedData read(SeedSource source, LocalDate today) {
    List<Region> regions = new ArrayList<>();
    Stage.run(
        "read-regions",
        () -> {
          regions.addAll(SeedFiles.readRegions(source));
          return regions.size();
        });
    Map<String, Region> regionByCode = SeedFiles.index(regions, Region::code);
    List<Station> stations = new ArrayList<>();
    Stage.run(
        "read-stations",
        () -> {
          stations.addAll(SeedFiles.readStations(source, regionByCode));
          return stations.size();
        });
    Map<String, Station> stationById = SeedFiles.index(stations, Station::id);
    List<Team> teams = new ArrayList<>();
    Stage.run(
        "read-teams",
        () -> {
          teams.addAll(SeedFiles.readTeams(source, regionByCode, stationById));
          return teams.size();
        });
    Map<String, Team> teamById = SeedFiles.index(teams, Team::id);
    List<Activity> activities = new ArrayList<>();
    Stage.run(
        "read-activities",
        () -> {
          activities.addAll(
              SeedFiles.readActivities(source, today, regionByCode, stationById, teamById));
          return activities.size();
        });
    List<org.vsmap.geo.model.VolunteerFigure> figures = new ArrayList<>();
    if (source.has(SeedSource.FIGURES)) {
      Stage.run(
          "read-figures",
          () -> {
            figures.addAll(SeedFiles.readFigures(source, today, regionByCode));
            return figures.size();
          });
    }
    List<org.vsmap.geo.model.Pairing> pairings = new ArrayList<>();
    for (CsvTable.Row row : CsvTable.read(SeedSource.TEAMS, source.open(SeedSource.TEAMS)).rows()) {
      String paired = row.get("paired_communities");
      if (paired != null) {
        for (String code : paired.split(";")) {
          Region community = regionByCode.get(code.strip());
          if (community == null || community.level() != RegionLevel.COMMUNITY) {
            throw new CsvTable.RowException(
                row, "paired_communities", "is not a known community code: " + code);
          }
          pairings.add(new org.vsmap.geo.model.Pairing(row.require("id"), community.code()));
        }
      }
    }
    return new SeedData(regions, stations, teams, activities, figures, pairings);
  }

  /** Loads the seeds into the store in one transaction, recording when and from where. */
  public static Counts load(Database db, SeedSource source, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    SeedData data = read(source, today);
    Stage.run(
        "write-store",
        () -> {
          db.jdbi()
              .useTransaction(
                  h -> {
                    JdbiRegionStore.insert(h, data.regions());
                    JdbiStationStore.insert(h, data.stations());
                    JdbiTeamStore.insert(h, data.teams());
                    JdbiActivityStore.insert(
                        h, data.activities(), java.sql.Timestamp.valueOf(LocalDateTime.now(clock)));
                    var insert =
                        h.prepareBatch(
                            "INSERT INTO volunteer_figure (region_code, period, registered, active, service_hours, source) "
                                + "VALUES (:r, :p, :reg, :act, :hours, :src)");
                    for (org.vsmap.geo.model.VolunteerFigure f : data.figures()) {
                      insert
                          .bind("r", f.regionCode())
                          .bind("p", f.period())
                          .bind("reg", f.registered())
                          .bind("act", f.active())
                          .bind("hours", f.serviceHours())
                          .bind("src", DEMO_FIGURES_SOURCE)
                          .add();
                    }
                    if (!data.figures().isEmpty()) {
                      insert.execute();
                    }
                    for (org.vsmap.geo.model.Pairing p : data.pairings()) {
                      h.createUpdate(
                              "INSERT INTO team_pairing (team_id, community_code, source) VALUES (:t, :c, 'demo (synthetic)')")
                          .bind("t", p.teamId())
                          .bind("c", p.communityCode())
                          .execute();
                    }
                    DemoReporting.seed(h, data.teams(), data.pairings(), LocalDateTime.now(clock));
                    java.sql.Timestamp now = java.sql.Timestamp.valueOf(LocalDateTime.now(clock));
                    for (org.vsmap.geo.model.Honour x :
                        SeedFiles.readHonours(source, today, data)) {
                      org.vsmap.pipeline.store.JdbiHonours.put(
                          h,
                          x.at(org.vsmap.pipeline.store.JdbiHonours.placeOf(h, x)),
                          "demo (synthetic)",
                          now);
                    }
                    JdbiStoreInfo.put(
                        h, JdbiStoreInfo.SEEDED_AT, LocalDateTime.now(clock).toString());
                    JdbiStoreInfo.put(h, JdbiStoreInfo.SEED_SOURCE, source.describe());
                  });
          return data.regions().size()
              + data.stations().size()
              + data.teams().size()
              + data.activities().size();
        });
    return new Counts(
        data.regions().size(),
        data.stations().size(),
        data.teams().size(),
        data.activities().size());
  }
}
