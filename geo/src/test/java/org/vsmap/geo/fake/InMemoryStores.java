package org.vsmap.geo.fake;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.GeoPoint;
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
import org.vsmap.geo.spatial.Geodesy;

/**
 * In-memory fakes of every read port, for tests of the layers above the store (shipped in geo's
 * test-jar).
 */
public final class InMemoryStores
    implements RegionStore, StationStore, TeamStore, ActivityStore, SearchIndex {
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
    return regions.stream()
        .filter(r -> r.level() == level)
        .sorted(Comparator.comparing(Region::code))
        .toList();
  }

  @Override
  public List<Region> regionsUnder(String parentCode) {
    return regions.stream()
        .filter(r -> parentCode.equals(r.parentCode()))
        .sorted(Comparator.comparing(Region::code))
        .toList();
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
    return teams.stream()
        .filter(t -> stationId.equals(t.homeStationId()))
        .sorted(Comparator.comparing(Team::name))
        .toList();
  }

  @Override
  public List<Team> teamsUnder(String parentId) {
    return teams.stream()
        .filter(t -> parentId.equals(t.parentId()))
        .sorted(Comparator.comparing(Team::name))
        .toList();
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
    return ActivityStore.soonestNext(
        activities.stream().filter(a -> stationId.equals(a.stationId())).toList(), from, limit);
  }

  @Override
  public List<Activity> activitiesBy(String teamId, LocalDateTime from, int limit) {
    return ActivityStore.soonestNext(
        activities.stream().filter(a -> teamId.equals(a.organiserTeamId())).toList(), from, limit);
  }

  /**
   * When each activity was published, for {@link #recentlyPublished}; activities not in it count as
   * published at 2000-01-01.
   */
  public final java.util.Map<String, LocalDateTime> publishedAt = new java.util.HashMap<>();

  @Override
  public List<Published> recentlyPublished(
      String regionPrefix, org.vsmap.geo.model.Theme theme, int limit) {
    LocalDateTime old = LocalDateTime.of(2000, 1, 1, 0, 0);
    return activities.stream()
        .filter(a -> regionPrefix == null || a.regionCode().startsWith(regionPrefix))
        .filter(a -> theme == null || a.theme() == theme)
        .map(a -> new Published(a, publishedAt.getOrDefault(a.id(), old)))
        .sorted(
            Comparator.comparing(Published::at).thenComparing(p -> p.activity().id()).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public long activityCount() {
    return activities.size();
  }

  /**
   * Stations whose name contains the text: enough to test callers, not a model of Lucene's ranking.
   */
  @Override
  public Result search(Request r) {
    List<Hit> hits = new ArrayList<>();
    if (r.kindsOrAll().contains(Kind.STATION)) {
      for (Station s : stations()) {
        if ((r.text() == null || s.name().contains(r.text()))
            && (r.bbox() == null || r.bbox().contains(s.location()))) {
          Double d = r.near() == null ? null : Geodesy.metres(r.near(), s.location());
          hits.add(
              new Hit(
                  Kind.STATION,
                  s.id(),
                  s.name(),
                  s.name(),
                  null,
                  s.regionCode(),
                  s.location(),
                  d,
                  s.synthetic(),
                  s.type().name(),
                  null,
                  s.approximate(),
                  s.openingHours()));
        }
      }
    }
    List<Hit> page = hits.stream().skip(r.offset()).limit(r.limit()).toList();
    return new Result(
        hits.size(), page, Map.of("kind", List.of(new Count("STATION", hits.size()))));
  }

  @Override
  public List<Suggestion> suggest(String prefix, int limit) {
    return stations().stream()
        .filter(s -> s.name().startsWith(prefix))
        .limit(limit)
        .map(s -> new Suggestion(Kind.STATION, s.id(), s.name()))
        .toList();
  }

  @Override
  public List<Hit> nearest(GeoPoint p, Set<Kind> kinds, int limit) {
    return stations().stream()
        .map(
            s ->
                new Hit(
                    Kind.STATION,
                    s.id(),
                    s.name(),
                    s.name(),
                    null,
                    s.regionCode(),
                    s.location(),
                    Geodesy.metres(p, s.location()),
                    s.synthetic(),
                    s.type().name(),
                    null,
                    s.approximate(),
                    s.openingHours()))
        .sorted(Comparator.comparingDouble(Hit::distanceMetres))
        .limit(limit)
        .toList();
  }

  @Override
  public List<Cluster> clusters(Request r, int zoom) {
    return stations().stream()
        .filter(s -> r.bbox().contains(s.location()))
        .map(s -> new Cluster(Kind.STATION, s.location(), 1, s.id(), s.name()))
        .toList();
  }

  @Override
  public long size() {
    return stations.size() + teams.size() + activities.size();
  }
}
