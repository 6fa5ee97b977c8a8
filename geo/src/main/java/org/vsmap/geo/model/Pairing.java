package org.vsmap.geo.model;

/**
 * A unit's volunteer team paired with a community (结对共建, seed 001): the team is to serve there at
 * least once a week.
 *
 * @param communityCode the 12-digit code of the community (社区 or 村)
 */
public record Pairing(String teamId, String communityCode) {
  public Pairing {
    Require.text(teamId, "team id of a pairing");
    Require.text(communityCode, "community of a pairing");
    if (!communityCode.matches("\\d{12}")) {
      throw new IllegalArgumentException(
          "a team is paired with a community (a 12-digit code), not " + communityCode);
    }
  }
}
