package org.vsmap.pipeline.store;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.pipeline.importer.Grid;
import org.vsmap.pipeline.importer.ImportLookups;
import org.vsmap.pipeline.importer.OfficeImport;

/**
 * {@link ImportLookups} on the relational store: the importers' view of it, and the saved column
 * mappings.
 */
public final class JdbiImportLookups implements ImportLookups {
  private final Jdbi jdbi;

  public JdbiImportLookups(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Map<String, Region> regions() {
    Map<String, Region> m = new HashMap<>();
    JdbiRegionStore store = new JdbiRegionStore(jdbi);
    for (RegionLevel level : RegionLevel.values()) {
      store.regionsAtLevel(level).forEach(x -> m.put(x.code(), x));
    }
    return m;
  }

  @Override
  public List<Team> teams() {
    return new JdbiTeamStore(jdbi).teams();
  }

  @Override
  public List<Station> stations() {
    return new JdbiStationStore(jdbi).stations();
  }

  @Override
  public String stationRegion(String id) {
    return new JdbiStationStore(jdbi).stationById(id).map(Station::regionCode).orElse(null);
  }

  @Override
  public String teamRegion(String id) {
    return new JdbiTeamStore(jdbi).teamById(id).map(Team::regionCode).orElse(null);
  }

  @Override
  public String activityRegion(String id) {
    return new JdbiActivityStore(jdbi).activityById(id).map(Activity::regionCode).orElse(null);
  }

  @Override
  public Map<String, String> activitiesOn(String title, LocalDate day) {
    Map<String, String> found = new TreeMap<>();
    for (Activity a : new JdbiActivityStore(jdbi).titledAround(title, day)) {
      for (int k = 0; k < a.recurrence().occurrences(); k++) {
        if (a.start().plusWeeks(k).toLocalDate().equals(day)) {
          found.put(a.id(), a.regionCode());
        }
      }
    }
    return found;
  }

  @Override
  public Map<String, String> savedMapping(String source, OfficeImport.What what) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT mapping FROM column_mapping WHERE source = :s AND kind = :k")
                .bind("s", source)
                .bind("k", what.name())
                .mapTo(String.class)
                .findOne()
                .map(Grid::parseMapping)
                .orElse(Map.of()));
  }

  @Override
  public void saveMapping(String source, OfficeImport.What what, Map<String, String> mapping) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate("DELETE FROM column_mapping WHERE source = :s AND kind = :k")
              .bind("s", source)
              .bind("k", what.name())
              .execute();
          if (!mapping.isEmpty()) {
            h.createUpdate(
                    "INSERT INTO column_mapping (source, kind, mapping, updated_at) VALUES (:s, :k, :m, CURRENT_TIMESTAMP)")
                .bind("s", source)
                .bind("k", what.name())
                .bind("m", Grid.formatMapping(mapping))
                .execute();
          }
        });
  }
}
