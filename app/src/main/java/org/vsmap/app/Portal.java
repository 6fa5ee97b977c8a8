package org.vsmap.app;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vsmap.pipeline.export.DatasetExports;
import org.vsmap.pipeline.export.OgcFeatures;
import org.vsmap.pipeline.export.SnapshotStore;
import org.vsmap.pipeline.search.IndexFollower;
import org.vsmap.pipeline.search.LuceneSearchIndex;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;
import org.vsmap.pipeline.store.Database;
import org.vsmap.pipeline.store.JdbiActivityStore;
import org.vsmap.pipeline.store.JdbiChangeLog;
import org.vsmap.pipeline.store.JdbiRegionStore;
import org.vsmap.pipeline.store.JdbiStationStore;
import org.vsmap.pipeline.store.JdbiStoreInfo;
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
  private final IndexFollower follower;
  private final WebPorts ports;

  private Portal(Database db, LuceneSearchIndex index, IndexFollower follower, WebPorts ports) {
    this.db = db;
    this.index = index;
    this.follower = follower;
    this.ports = ports;
  }

  static Portal open(
      DataDirectory dir, StoreOptions options, SeedSource seeds, Clock clock, int suppressBelow) {
    return open(dir, options, seeds, clock, suppressBelow, step -> {});
  }

  /**
   * As above, telling {@code status} what it is doing while it starts (shown by /health meanwhile).
   */
  static Portal open(
      DataDirectory dir,
      StoreOptions options,
      SeedSource seeds,
      Clock clock,
      int suppressBelow,
      java.util.function.Consumer<String> status) {
    status.accept("opening the store");
    Database db = options.open(dir);
    try {
      JdbiRegionStore regions = new JdbiRegionStore(db.jdbi());
      JdbiStationStore stations = new JdbiStationStore(db.jdbi());
      JdbiTeamStore teams = new JdbiTeamStore(db.jdbi());
      JdbiActivityStore activities = new JdbiActivityStore(db.jdbi());
      if (regions.regionCount() == 0 && stations.stationCount() == 0) {
        LOG.info("the store is empty: filling it from {}", seeds.describe());
        status.accept("filling the empty store from " + seeds.describe());
        SeedLoader.Counts c = SeedLoader.load(db, seeds, clock);
        LOG.info(
            "filled: {} regions, {} stations, {} teams, {} activities",
            c.regions(),
            c.stations(),
            c.teams(),
            c.activities());
      }
      LuceneSearchIndex index = new LuceneSearchIndex(dir.index(), clock);
      JdbiChangeLog changes = new JdbiChangeLog(db.jdbi());
      String storeId = new JdbiStoreInfo(db.jdbi()).get(JdbiStoreInfo.STORE_ID).orElseThrow();
      long seq = changes.maxSeq();
      if (!storeId.equals(index.storeId()) || index.storeSequence() > seq) {
        status.accept(
            index.storeId() == null
                ? "building the search index from the store (it was missing, unreadable or of an older format)"
                : "rebuilding the search index from the store (it was built from another store)");
        rebuild(index, stations, teams, activities, storeId, seq);
      } else {
        LOG.info(
            "search index is current up to change {} of {}; catching up",
            index.storeSequence(),
            seq);
      }
      status.accept("bringing the search index up to date with the store");
      IndexFollower follower = new IndexFollower(index, changes, stations, teams, activities);
      follower.catchUp();
      follower.start(200);
      DatasetExports exports = new DatasetExports(db.jdbi(), dir.scratch());
      SnapshotStore snapshots = new SnapshotStore(dir.snapshots(), exports, clock);
      if (exports.datasets().stream().anyMatch(d -> snapshots.versions(d.id()).isEmpty())) {
        publishInBackground(
            snapshots); // a fresh portal publishes its first version of each dataset
      }
      return new Portal(
          db,
          index,
          follower,
          new WebPorts(
              regions,
              stations,
              teams,
              activities,
              index,
              new org.vsmap.pipeline.admin.JdbiOffices(db.jdbi(), clock),
              exports,
              new OgcFeatures(db.jdbi(), exports),
              snapshots,
              new org.vsmap.pipeline.stats.JdbiStatistics(db.jdbi(), clock, suppressBelow),
              new org.vsmap.pipeline.store.JdbiPhotos(db.jdbi()),
              new org.vsmap.pipeline.store.JdbiHonours(db.jdbi()),
              new org.vsmap.pipeline.admin.JdbiReporting(db.jdbi(), clock)));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Checks every checksum of the served index on a low-priority thread (a flipped bit the open did
   * not find); if one does not match, rebuilds the index from the store, telling {@code problem}
   * meanwhile (null once done).
   */
  void verifyIndexInBackground(java.util.function.Consumer<String> problem) {
    Thread t =
        new Thread(
            () -> {
              long t0 = System.nanoTime();
              if (index.intact()) {
                LOG.info(
                    "search index checked: every checksum matches ({} ms)",
                    (System.nanoTime() - t0) / 1_000_000);
                return;
              }
              problem.accept(
                  "the search index failed its integrity check and is being rebuilt from the store");
              try {
                follower.rebuildNow();
                problem.accept(null);
              } catch (RuntimeException e) {
                LOG.error("rebuilding the search index failed", e);
                problem.accept(
                    "the search index failed its integrity check and could not be rebuilt: "
                        + e.getMessage());
              }
            },
            "index-check");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /**
   * Publishes on a low-priority daemon thread; a failure is logged and the next publish tries
   * again.
   */
  static void publishInBackground(SnapshotStore snapshots) {
    Thread t =
        new Thread(
            () -> {
              try {
                snapshots.publish();
              } catch (Exception e) {
                LOG.error(
                    "publishing the dataset versions failed; the current downloads are unaffected",
                    e);
              }
            },
            "publish");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** Rebuilds the whole index from the store (a new generation; the old one answers meanwhile). */
  static int rebuild(
      LuceneSearchIndex index,
      JdbiStationStore stations,
      JdbiTeamStore teams,
      JdbiActivityStore activities,
      String storeId,
      long seq) {
    return IndexFollower.rebuild(index, stations, teams, activities, storeId, seq);
  }

  WebPorts ports() {
    return ports;
  }

  /**
   * Told whether the store could be read at each interval of the index follower (null: it could).
   */
  void onStoreHealth(java.util.function.Consumer<String> listener) {
    follower.onHealth(listener);
  }

  @Override
  public void close() {
    follower.close();
    index.close();
    db.close();
  }
}
