package org.vsmap.pipeline.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;

/**
 * What an import checks a file against, and the column mappings it remembers: the store as the
 * importers see it. They never see a database; {@code JdbiImportLookups} answers on one.
 */
public interface ImportLookups {
  /** Every region of every level, by code. */
  Map<String, Region> regions();

  List<Team> teams();

  List<Station> stations();

  /** The region of a station, team or activity by its id, or null when there is none. */
  String stationRegion(String id);

  String teamRegion(String id);

  String activityRegion(String id);

  /**
   * The ids of the activities with this title that take place on this day (a weekly one on any of
   * its weeks), with their regions: how a photo list names an activity it has no id for.
   */
  Map<String, String> activitiesOn(String title, LocalDate day);

  /** The column mapping saved for a source and kind, or an empty one. */
  Map<String, String> savedMapping(String source, OfficeImport.What what);

  /** Saves (or, empty, removes) the column mapping of a source and kind. */
  void saveMapping(String source, OfficeImport.What what, Map<String, String> mapping);
}
