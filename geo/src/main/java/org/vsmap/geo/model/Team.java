package org.vsmap.geo.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A volunteer team (志愿服务队伍) in the tree of seed 000. Only the city 总队 has no parent.
 *
 * @param homeStationId the station the team is based at, or null
 */
public record Team(
    String id,
    String name,
    TeamLevel level,
    String parentId,
    String regionCode,
    String supervisingUnit,
    LocalDate founded,
    String speciality,
    String homeStationId,
    int memberCount,
    boolean synthetic) {

  public Team {
    Require.text(id, "team id");
    Require.text(name, "team name");
    Objects.requireNonNull(level, "team level");
    Require.text(regionCode, "region code of team " + id);
    if (level == TeamLevel.CITY_CORPS && parentId != null) {
      throw new IllegalArgumentException("the city corps " + id + " cannot have a parent team");
    }
    if (level != TeamLevel.CITY_CORPS) {
      Require.text(parentId, "parent team of " + id);
      if (parentId.equals(id)) {
        throw new IllegalArgumentException("team " + id + " cannot be its own parent");
      }
    }
    Require.nonNegative(memberCount, "member count of team " + id);
  }

  /** True when a team of {@code childLevel} may sit directly under this team. */
  public boolean mayParent(TeamLevel childLevel) {
    return childLevel.tier() > level.tier();
  }
}
