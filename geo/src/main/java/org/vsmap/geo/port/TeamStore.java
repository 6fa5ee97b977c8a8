package org.vsmap.geo.port;

import java.util.List;
import java.util.Optional;
import org.vsmap.geo.model.Team;

/** Reads volunteer teams. */
public interface TeamStore {
  Optional<Team> teamById(String id);

  /** All teams, ordered by id. */
  List<Team> teams();

  /** Teams whose home station is this one, ordered by name. */
  List<Team> teamsBasedAt(String stationId);

  /** Teams directly under a team, ordered by name. */
  List<Team> teamsUnder(String parentId);

  long teamCount();

  /**
   * Every public team, one at a time, without holding them all (the index rebuild of a national
   * store).
   */
  default void forEachTeam(java.util.function.Consumer<Team> sink) {
    teams().forEach(sink);
  }
}
