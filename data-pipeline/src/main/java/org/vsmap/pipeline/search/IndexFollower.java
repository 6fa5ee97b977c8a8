package org.vsmap.pipeline.search;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.port.ActivityStore;
import org.vsmap.geo.port.StationStore;
import org.vsmap.geo.port.TeamStore;
import org.vsmap.pipeline.store.JdbiChangeLog;

/**
 * Keeps the search index in step with the store: every {@code intervalMillis} it reads the change
 * log past the sequence the index reflects, re-reads each changed record and updates or deletes its
 * document, then commits with the new sequence. An edit is searchable within one interval (200 ms
 * by default). On the PostGIS backend every node runs its own follower. When it is more than {@link
 * #REBUILD_LAG} changes behind (a large import), it writes a new generation from the store instead
 * — faster than replaying each change, and queries keep being answered from the old generation
 * meanwhile.
 */
public final class IndexFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);

  /** Beyond this many pending changes a rebuild is cheaper than replaying them one by one. */
  public static final long REBUILD_LAG = 50_000;

  private final LuceneSearchIndex index;
  private final JdbiChangeLog changes;
  private final StationStore stations;
  private final TeamStore teams;
  private final ActivityStore activities;
  private volatile String problem;
  private volatile java.util.function.Consumer<String> health = p -> {};
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "vsmap-index-follower");
            t.setDaemon(true);
            return t;
          });

  public IndexFollower(
      LuceneSearchIndex index,
      JdbiChangeLog changes,
      StationStore stations,
      TeamStore teams,
      ActivityStore activities) {
    this.index = index;
    this.changes = changes;
    this.stations = stations;
    this.teams = teams;
    this.activities = activities;
  }

  public IndexFollower start(long intervalMillis) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            catchUp();
            if (problem != null) {
              LOG.info("the store answers again; the search index follows it again");
              problem = null;
              health.accept(null);
            }
          } catch (RuntimeException e) {
            if (problem == null) {
              // once per outage, not every interval
              LOG.warn("the search index cannot follow the store: {}", e.getMessage());
            }
            problem = reason(e);
            health.accept(problem);
          }
        },
        intervalMillis,
        intervalMillis,
        TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * Told after each interval whether the store could be read: null when it could, else why not (the
   * database stopped, unreachable…). The index keeps answering from what it has meanwhile.
   */
  public IndexFollower onHealth(java.util.function.Consumer<String> listener) {
    this.health = listener;
    return this;
  }

  /** The innermost cause's first line, without the statement (no SQL in /health). */
  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m =
        root.getMessage() == null
            ? root.getClass().getSimpleName()
            : root.getMessage().lines().findFirst().orElse("");
    return m.replaceAll("\\s*\\[statement:.*$", "");
  }

  /** Why the store could not be read at the last interval, or null when it could. */
  public String problem() {
    return problem;
  }

  /** Writes a new generation from the whole store now (the one served answers meanwhile). */
  public synchronized int rebuildNow() {
    return rebuild(index, stations, teams, activities, index.storeId(), changes.maxSeq());
  }

  /**
   * Applies every pending change (or rebuilds, when far behind); returns how many changes it
   * covered.
   */
  public synchronized int catchUp() {
    long from = index.storeSequence();
    long newest = changes.maxSeq();
    if (newest - from > REBUILD_LAG) {
      LOG.info("search index is {} changes behind the store: rebuilding it", newest - from);
      rebuild(index, stations, teams, activities, index.storeId(), newest);
      return (int) (newest - from);
    }
    int applied = 0;
    while (true) {
      List<JdbiChangeLog.Change> batch = changes.since(from, 1000);
      if (batch.isEmpty()) {
        break;
      }
      for (JdbiChangeLog.Change c : batch) {
        apply(c);
        from = c.seq();
      }
      index.commit(from);
      applied += batch.size();
    }
    return applied;
  }

  private void apply(JdbiChangeLog.Change c) {
    switch (c.kind()) {
      case STATION -> {
        Optional<Station> s = c.deleted() ? Optional.empty() : stations.stationById(c.id());
        s.ifPresentOrElse(index::upsert, () -> index.delete(c.kind(), c.id()));
      }
      case TEAM -> {
        Optional<Team> t = c.deleted() ? Optional.empty() : teams.teamById(c.id());
        t.ifPresentOrElse(
            team -> index.upsert(team, home(team)), () -> index.delete(c.kind(), c.id()));
      }
      case ACTIVITY -> {
        Optional<Activity> a = c.deleted() ? Optional.empty() : activities.activityById(c.id());
        a.ifPresentOrElse(index::upsert, () -> index.delete(c.kind(), c.id()));
      }
    }
  }

  /**
   * Writes a new generation from everything in the store, as of change {@code seq} (read before
   * calling, so a change made meanwhile is applied again afterwards — upserts are idempotent). The
   * store is streamed (a national store does not fit in a 2 GB heap as lists) on this thread while
   * two workers index what it reads; only the stations' points are kept, for the teams' home
   * locations.
   */
  public static int rebuild(
      LuceneSearchIndex index,
      StationStore stations,
      TeamStore teams,
      ActivityStore activities,
      String storeId,
      long seq) {
    return org.vsmap.pipeline.Stage.run(
        "build-index",
        () ->
            index.rebuild(
                storeId,
                seq,
                sink -> {
                  java.util.Map<String, GeoPoint> points = new java.util.HashMap<>();
                  Workers workers = new Workers();
                  stations.forEachStation(
                      s -> {
                        points.put(s.id(), s.location());
                        workers.add(() -> sink.station(s));
                      });
                  teams.forEachTeam(
                      t -> {
                        GeoPoint home =
                            t.homeStationId() == null ? null : points.get(t.homeStationId());
                        workers.add(() -> sink.team(t, home));
                      });
                  activities.forEachActivity(a -> workers.add(() -> sink.activity(a)));
                  workers.finish();
                }));
  }

  /** Two indexing threads fed in batches through a short queue, so reading and indexing overlap. */
  private static final class Workers {
    private static final List<Runnable> END = List.of();
    private final java.util.concurrent.BlockingQueue<List<Runnable>> queue =
        new java.util.concurrent.ArrayBlockingQueue<>(16);
    private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    private final Thread[] threads = new Thread[2];
    private List<Runnable> batch = new java.util.ArrayList<>(1000);

    Workers() {
      for (int i = 0; i < threads.length; i++) {
        threads[i] =
            new Thread(
                () -> {
                  try {
                    for (List<Runnable> b = queue.take(); b != END; b = queue.take()) {
                      if (failure.get() == null) {
                        b.forEach(Runnable::run);
                      }
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    queue.clear();
                  }
                },
                "vsmap-index-rebuild-" + i);
        threads[i].setDaemon(true);
        threads[i].start();
      }
    }

    void add(Runnable r) {
      batch.add(r);
      if (batch.size() == 1000) {
        put(batch);
        batch = new java.util.ArrayList<>(1000);
      }
    }

    void finish() {
      put(batch);
      for (int i = 0; i < threads.length; i++) {
        put(END);
      }
      for (Thread t : threads) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      if (failure.get() != null) {
        throw failure.get();
      }
    }

    private void put(List<Runnable> b) {
      if (failure.get() != null && b != END) {
        throw failure.get();
      }
      try {
        queue.put(b);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private GeoPoint home(Team t) {
    return t.homeStationId() == null
        ? null
        : stations.stationById(t.homeStationId()).map(Station::location).orElse(null);
  }

  /**
   * Stops following; a catch-up under way finishes first (interrupting it would leave the index
   * writer broken).
   */
  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("the search index was still catching up after 30 s; stopping it");
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      timer.shutdownNow();
    }
  }
}
