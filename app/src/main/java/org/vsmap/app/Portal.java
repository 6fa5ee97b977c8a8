package org.vsmap.app;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Station;
import org.vsmap.pipeline.Stage;
import org.vsmap.pipeline.search.LuceneSearchIndex;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;
import org.vsmap.pipeline.store.Database;
import org.vsmap.pipeline.store.JdbiActivityStore;
import org.vsmap.pipeline.store.JdbiRegionStore;
import org.vsmap.pipeline.store.JdbiStationStore;
import org.vsmap.pipeline.store.JdbiTeamStore;
import org.vsmap.web.WebPorts;

/**
 * The wiring of concrete adapters: the store (migrated, filled from the seeds when empty) and the
 * search index (rebuilt from the store at every start, so it never disagrees with it).
 */
final class Portal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Portal.class);

  private final Database db;
  private final LuceneSearchIndex index;
  private final WebPorts ports;

  private Portal(Database db, LuceneSearchIndex index, WebPorts ports) {
    this.db = db;
    this.index = index;
    this.ports = ports;
  }

  static Portal open(DataDirectory dir, StoreOptions options, SeedSource seeds, Clock clock) {
    Database db = options.open(dir);
    try {
      JdbiRegionStore regions = new JdbiRegionStore(db.jdbi());
      JdbiStationStore stations = new JdbiStationStore(db.jdbi());
      JdbiTeamStore teams = new JdbiTeamStore(db.jdbi());
      JdbiActivityStore activities = new JdbiActivityStore(db.jdbi());
      if (regions.regionCount() == 0 && stations.stationCount() == 0) {
        LOG.info("the store is empty: filling it from {}", seeds.describe());
        SeedLoader.Counts c = SeedLoader.load(db, seeds, clock);
        LOG.info("filled: {} regions, {} stations, {} teams, {} activities", c.regions(), c.stations(), c.teams(),
            c.activities());
      }
      LuceneSearchIndex index = new LuceneSearchIndex(dir.index());
      Stage.run("build-index", () -> {
        var all = stations.stations();
        Map<String, GeoPoint> points = new HashMap<>();
        for (Station s : all) {
          points.put(s.id(), s.location());
        }
        return index.rebuild(all, teams.teams(), activities.activities(), points);
      });
      return new Portal(db, index, new WebPorts(regions, stations, teams, activities, index));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  WebPorts ports() {
    return ports;
  }

  @Override
  public void close() {
    try {
      index.close();
    } catch (IOException e) {
      LOG.warn("closing the search index: {}", e.getMessage());
    }
    db.close();
  }
}
