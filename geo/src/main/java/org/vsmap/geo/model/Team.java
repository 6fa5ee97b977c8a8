package org.vsmap.geo.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A volunteer team (志愿服务队伍) in the tree of seed 000. Only the city 总队 has no parent.
 *
 * @param homeStationId the station the team is based at, or null
 * @param publicContact the team's public office line (never a person's mobile), or null
 * @param signUpUrl where to join the team (its page in 志愿中国), or null
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
    boolean synthetic,
    String publicContact,
    String signUpUrl) {

  public Team {
    Require.maxLength(Require.text(id, "team id"), 64, "team id");
    Require.maxLength(Require.text(name, "team name"), 200, "name of team " + id);
    Require.maxLength(supervisingUnit, 200, "supervising unit of team " + id);
    Require.maxLength(speciality, 100, "speciality of team " + id);
    if (founded != null) {
      Require.year(founded.getYear(), 1900, 2100, "founding year of team " + id);
    }
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
    Require.atMost(memberCount, 1_000_000, "member count of team " + id);
    publicContact = PublicContact.check(publicContact, "team " + id);
    signUpUrl = Joining.link(signUpUrl, "sign-up link of team " + id);
  }

  /** A team without a public line or sign-up link. */
  public Team(
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
    this(
        id,
        name,
        level,
        parentId,
        regionCode,
        supervisingUnit,
        founded,
        speciality,
        homeStationId,
        memberCount,
        synthetic,
        null,
        null);
  }

  /** True when a team of {@code childLevel} may sit directly under this team. */
  public boolean mayParent(TeamLevel childLevel) {
    return childLevel.tier() > level.tier();
  }
}
