package org.vsmap.geo.fake;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.port.ActivityStore;
import org.vsmap.geo.port.RegionStore;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.geo.port.StationStore;
import org.vsmap.geo.port.TeamStore;

/** In-memory fakes of every read port, for tests of the layers above the store (shipped in geo's test-jar). */
public final class InMemoryStores implements RegionStore, StationStore, TeamStore, ActivityStore, SearchIndex {
  public final List<Region> regions = new ArrayList<>();
  public final List<Station> stations = new ArrayList<>();
  public final List<Team> teams = new ArrayList<>();
  public final List<Activity> activities = new ArrayList<>();

  @Override
  public Optional<Region> regionByCode(String code) {
    return regions.stream().filter(r -> r.code().equals(code)).findFirst();
  }

  @Override
  public List<Region> regionsAtLevel(RegionLevel level) {
    return regions.stream().filter(r -> r.level() == level).sorted(Comparator.comparing(Region::code)).toList();
  }

  @Override
  public long regionCount() {
    return regions.size();
  }

  @Override
  public Optional<Station> stationById(String id) {
    return stations.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  @Override
  public List<Station> stations() {
    return stations.stream().sorted(Comparator.comparing(Station::id)).toList();
  }

  @Override
  public List<Station> stationsWithin(BBox box) {
    return stations().stream().filter(s -> box.contains(s.location())).toList();
  }

  @Override
  public long stationCount() {
    return stations.size();
  }

  @Override
  public Optional<Team> teamById(String id) {
    return teams.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  @Override
  public List<Team> teams() {
    return teams.stream().sorted(Comparator.comparing(Team::id)).toList();
  }

  @Override
  public List<Team> teamsBasedAt(String stationId) {
    return teams.stream().filter(t -> stationId.equals(t.homeStationId())).sorted(Comparator.comparing(Team::name)).toList();
  }

  @Override
  public long teamCount() {
    return teams.size();
  }

  @Override
  public Optional<Activity> activityById(String id) {
    return activities.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  @Override
  public List<Activity> activities() {
    return activities.stream().sorted(Comparator.comparing(Activity::id)).toList();
  }

  @Override
  public List<Activity> activitiesAt(String stationId, LocalDateTime from, int limit) {
    return activities.stream().filter(a -> stationId.equals(a.stationId()) && a.end().isAfter(from))
        .sorted(Comparator.comparing(Activity::start)).limit(limit).toList();
  }

  @Override
  public long activityCount() {
    return activities.size();
  }

  /** Substring match on names: enough to test callers, not a model of Lucene's ranking. */
  @Override
  public Result search(Query query) {
    List<Hit> hits = new ArrayList<>();
    Set<Kind> kinds = query.kinds().isEmpty() ? Set.of(Kind.values()) : query.kinds();
    if (kinds.contains(Kind.STATION)) {
      stations().stream().filter(s -> s.name().contains(query.text()))
          .forEach(s -> hits.add(new Hit(Kind.STATION, s.id(), s.name(), s.regionCode(), s.location(), s.synthetic())));
    }
    return new Result(hits.size(), hits.stream().limit(query.limit()).toList());
  }

  @Override
  public long size() {
    return stations.size() + teams.size() + activities.size();
  }
}
