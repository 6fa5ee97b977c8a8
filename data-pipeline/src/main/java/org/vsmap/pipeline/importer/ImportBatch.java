package org.vsmap.pipeline.importer;

import java.util.List;
import java.util.Set;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Honour;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Pairing;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RestrictedContact;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.VolunteerFigure;
import org.vsmap.pipeline.photos.PhotoAttach;

/**
 * What one import brings, written in one transaction by {@code JdbiImportWriter}. {@code
 * retireMissing}: kinds for which this is the full list of {@code source}. {@code weeklyReport}:
 * the file is a weekly report (活动情况表), so its arrival counts for each team and week it covers.
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
    List<Pairing> pairings,
    List<Honour> honours,
    List<PhotoAttach.Checked> photos,
    boolean weeklyReport) {

  public static ImportBatch of(String source, String username) {
    return new ImportBatch(
        source, username, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        Set.of(), List.of(), List.of(), List.of(), false);
  }

  /** The same batch, marked as a weekly report: its arrival is recorded per team and week. */
  public ImportBatch asWeeklyReport() {
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
        honours,
        photos,
        true);
  }

  /** Honours: inserted, or rewritten when they differ from what is stored. */
  public ImportBatch withHonours(List<Honour> h) {
    return with(new Parts().honours(List.copyOf(h)));
  }

  /** The pairings of the batch's teams: they replace what those teams had. */
  public ImportBatch withPairings(List<Pairing> p) {
    return with(new Parts().pairings(List.copyOf(p)));
  }

  public ImportBatch withRegions(List<Region> r) {
    return with(new Parts().regions(r));
  }

  public ImportBatch withStations(List<Station> s) {
    return with(new Parts().stations(s));
  }

  public ImportBatch withTeams(List<Team> t) {
    return with(new Parts().teams(t));
  }

  public ImportBatch withActivities(List<Activity> a) {
    return with(new Parts().activities(a));
  }

  public ImportBatch withContacts(List<RestrictedContact> c) {
    return with(new Parts().contacts(c));
  }

  public ImportBatch withFigures(List<VolunteerFigure> f) {
    return with(new Parts().figures(f));
  }

  /** Checked photos to attach to their records (all or none, with the rest of the batch). */
  public ImportBatch withPhotos(List<PhotoAttach.Checked> p) {
    return with(new Parts().photos(List.copyOf(p)));
  }

  /**
   * This file is the complete list of {@code kinds} from its source: what it no longer lists is
   * retired.
   */
  public ImportBatch full(Set<Kind> kinds) {
    return with(new Parts().retireMissing(Set.copyOf(kinds)));
  }

  /** The parts a wither replaces; null keeps the batch's own. */
  private static final class Parts {
    List<Region> regions;
    List<Station> stations;
    List<Team> teams;
    List<Activity> activities;
    List<RestrictedContact> contacts;
    List<VolunteerFigure> figures;
    Set<Kind> retireMissing;
    List<Pairing> pairings;
    List<Honour> honours;
    List<PhotoAttach.Checked> photos;

    Parts regions(List<Region> v) {
      regions = v;
      return this;
    }

    Parts stations(List<Station> v) {
      stations = v;
      return this;
    }

    Parts teams(List<Team> v) {
      teams = v;
      return this;
    }

    Parts activities(List<Activity> v) {
      activities = v;
      return this;
    }

    Parts contacts(List<RestrictedContact> v) {
      contacts = v;
      return this;
    }

    Parts figures(List<VolunteerFigure> v) {
      figures = v;
      return this;
    }

    Parts retireMissing(Set<Kind> v) {
      retireMissing = v;
      return this;
    }

    Parts pairings(List<Pairing> v) {
      pairings = v;
      return this;
    }

    Parts honours(List<Honour> v) {
      honours = v;
      return this;
    }

    Parts photos(List<PhotoAttach.Checked> v) {
      photos = v;
      return this;
    }
  }

  private ImportBatch with(Parts p) {
    return new ImportBatch(
        source,
        username,
        p.regions != null ? p.regions : regions,
        p.stations != null ? p.stations : stations,
        p.teams != null ? p.teams : teams,
        p.activities != null ? p.activities : activities,
        p.contacts != null ? p.contacts : contacts,
        p.figures != null ? p.figures : figures,
        p.retireMissing != null ? p.retireMissing : retireMissing,
        p.pairings != null ? p.pairings : pairings,
        p.honours != null ? p.honours : honours,
        p.photos != null ? p.photos : photos,
        weeklyReport);
  }
}
