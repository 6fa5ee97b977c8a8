package org.vsmap.web.detail;

import java.util.Comparator;
import java.util.List;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.BBox;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.port.StationStore;
import org.vsmap.geo.spatial.Geodesy;
import org.vsmap.web.view.Details;

/**
 * Whom a resident can call about a station or an activity: its own public office line, else its
 * team's, else its station's, else its community's station's — always an office line or hotline
 * (the domain refuses personal mobiles), and always saying whose line it is.
 *
 * @param number the line as written
 * @param href its {@code tel:} link, or null when it is not dialable as written
 * @param whose message key of whose line it is (contact.own, contact.team, …)
 * @param name the team, station or community station it belongs to (null for the record's own)
 * @param url that record's page, or null
 */
public record ContactLine(String number, String href, String whose, String name, String url) {

  /** How far a community's station may be from the record (same community code as well). */
  private static final double NEAR_DEGREES = 0.03;

  /** An activity: its organiser's line, its team's, its station's, then its community's. */
  public static ContactLine forActivity(
      Activity a, Team team, Station station, StationStore stations) {
    if (a.joining().officeLine() != null) {
      return new ContactLine(
          a.joining().officeLine(),
          Details.tel(a.joining().officeLine()),
          "contact.own",
          null,
          null);
    }
    if (team != null && team.publicContact() != null) {
      return ofTeam(team);
    }
    if (station != null && station.publicContact() != null) {
      return of(station, "contact.station");
    }
    return community(a.regionCode(), a.location(), stations);
  }

  /** A station: its own line, a team's based there, then its community's station's. */
  public static ContactLine forStation(Station s, List<Team> teamsHere, StationStore stations) {
    if (s.publicContact() != null) {
      return new ContactLine(
          s.publicContact(), Details.tel(s.publicContact()), "contact.own", null, null);
    }
    for (Team t : teamsHere) {
      if (t.publicContact() != null) {
        return ofTeam(t);
      }
    }
    return community(s.regionCode(), s.location(), stations);
  }

  private static ContactLine ofTeam(Team t) {
    return new ContactLine(
        t.publicContact(),
        Details.tel(t.publicContact()),
        "contact.team",
        t.name(),
        "/teams/" + t.id());
  }

  private static ContactLine of(Station s, String whose) {
    return new ContactLine(
        s.publicContact(), Details.tel(s.publicContact()), whose, s.name(), "/stations/" + s.id());
  }

  /** The nearest community station of the same community with a public line, or null. */
  private static ContactLine community(
      String regionCode, org.vsmap.geo.model.GeoPoint p, StationStore stations) {
    if (p == null || regionCode == null || regionCode.length() < 12) {
      return null; // only a community (12 digits) has a community station
    }
    BBox near =
        new BBox(
            Math.max(-180, p.lon() - NEAR_DEGREES),
            Math.max(-90, p.lat() - NEAR_DEGREES),
            Math.min(180, p.lon() + NEAR_DEGREES),
            Math.min(90, p.lat() + NEAR_DEGREES));
    return stations.stationsWithin(near).stream()
        .filter(s -> s.type() == StationType.COMMUNITY)
        .filter(s -> regionCode.equals(s.regionCode()) && s.publicContact() != null)
        .min(Comparator.comparingDouble(s -> Geodesy.metres(p, s.location())))
        .map(s -> of(s, "contact.community"))
        .orElse(null);
  }
}
