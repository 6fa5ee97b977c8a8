package org.vsmap.pipeline.importer;

import java.util.List;
import java.util.Set;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RestrictedContact;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.VolunteerFigure;

/**
 * What one import brings. {@code retireMissing}: kinds for which this is the full list of {@code
 * source}.
 */
public record ImportBatch(
    String source,
    String username,
    List<Region> regions,
    List<Station> stations,
    List<Team> teams,
    List<Activity> activities,
    List<RestrictedContact> contacts,
    List<VolunteerFigure> figures,
    Set<Kind> retireMissing,
    List<org.vsmap.geo.model.Pairing> pairings,
    List<org.vsmap.geo.model.Honour> honours) {

  public static ImportBatch of(String source, String username) {
    return new ImportBatch(
        source, username, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        Set.of(), List.of(), List.of());
  }

  /** Honours: inserted, or rewritten when they differ from what is stored. */
  public ImportBatch withHonours(List<org.vsmap.geo.model.Honour> h) {
    return new ImportBatch(
        source,
        username,
        regions,
        stations,
        teams,
        activities,
        contacts,
        figures,
        retireMissing,
        pairings,
        List.copyOf(h));
  }

  /** The pairings of the batch's teams: they replace what those teams had. */
  public ImportBatch withPairings(List<org.vsmap.geo.model.Pairing> p) {
    return new ImportBatch(
        source,
        username,
        regions,
        stations,
        teams,
        activities,
        contacts,
        figures,
        retireMissing,
        List.copyOf(p),
        honours);
  }

  public ImportBatch withRegions(List<Region> r) {
    return new ImportBatch(
        source,
        username,
        r,
        stations,
        teams,
        activities,
        contacts,
        figures,
        retireMissing,
        pairings,
        honours);
  }

  public ImportBatch withStations(List<Station> s) {
    return new ImportBatch(
        source,
        username,
        regions,
        s,
        teams,
        activities,
        contacts,
        figures,
        retireMissing,
        pairings,
        honours);
  }

  public ImportBatch withTeams(List<Team> t) {
    return new ImportBatch(
        source,
        username,
        regions,
        stations,
        t,
        activities,
        contacts,
        figures,
        retireMissing,
        pairings,
        honours);
  }

  public ImportBatch withActivities(List<Activity> a) {
    return new ImportBatch(
        source,
        username,
        regions,
        stations,
        teams,
        a,
        contacts,
        figures,
        retireMissing,
        pairings,
        honours);
  }

  public ImportBatch withContacts(List<RestrictedContact> c) {
    return new ImportBatch(
        source,
        username,
        regions,
        stations,
        teams,
        activities,
        c,
        figures,
        retireMissing,
        pairings,
        honours);
  }

  public ImportBatch withFigures(List<VolunteerFigure> f) {
    return new ImportBatch(
        source,
        username,
        regions,
        stations,
        teams,
        activities,
        contacts,
        f,
        retireMissing,
        pairings,
        honours);
  }

  /**
   * This file is the complete list of {@code kinds} from its source: what it no longer lists is
   * retired.
   */
  public ImportBatch full(Set<Kind> kinds) {
    return new ImportBatch(
        source,
        username,
        regions,
        stations,
        teams,
        activities,
        contacts,
        figures,
        Set.copyOf(kinds),
        pairings,
        honours);
  }
}
