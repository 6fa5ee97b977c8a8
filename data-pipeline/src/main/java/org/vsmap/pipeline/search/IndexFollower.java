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
 * Keeps the search index in step with the store: every {@code intervalMillis} it reads the
 * change log past the sequence the index reflects, re-reads each changed record and updates or
 * deletes its document, then commits with the new sequence. An edit is searchable within one
 * interval (200 ms by default). On the PostGIS backend every node runs its own follower.
 */
public final class IndexFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);

  private final LuceneSearchIndex index;
  private final JdbiChangeLog changes;
  private final StationStore stations;
  private final TeamStore teams;
  private final ActivityStore activities;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "vsmap-index-follower");
    t.setDaemon(true);
    return t;
  });

  public IndexFollower(LuceneSearchIndex index, JdbiChangeLog changes, StationStore stations, TeamStore teams,
      ActivityStore activities) {
    this.index = index;
    this.changes = changes;
    this.stations = stations;
    this.teams = teams;
    this.activities = activities;
  }

  public IndexFollower start(long intervalMillis) {
    timer.scheduleWithFixedDelay(() -> {
      try {
        catchUp();
      } catch (RuntimeException e) {
        LOG.warn("search index could not follow the store this time: {}", e.getMessage());
      }
    }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Applies every pending change; returns how many. */
  public synchronized int catchUp() {
    long from = index.storeSequence();
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
        t.ifPresentOrElse(team -> index.upsert(team, home(team)), () -> index.delete(c.kind(), c.id()));
      }
      case ACTIVITY -> {
        Optional<Activity> a = c.deleted() ? Optional.empty() : activities.activityById(c.id());
        a.ifPresentOrElse(index::upsert, () -> index.delete(c.kind(), c.id()));
      }
    }
  }

  private GeoPoint home(Team t) {
    return t.homeStationId() == null ? null : stations.stationById(t.homeStationId()).map(Station::location).orElse(null);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
