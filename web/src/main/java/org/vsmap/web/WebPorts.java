package org.vsmap.web;

import org.vsmap.geo.port.ActivityStore;
import org.vsmap.geo.port.Downloads;
import org.vsmap.geo.port.FeatureCollections;
import org.vsmap.geo.port.Honours;
import org.vsmap.geo.port.Offices;
import org.vsmap.geo.port.Photos;
import org.vsmap.geo.port.RegionStore;
import org.vsmap.geo.port.Reporting;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.geo.port.Snapshots;
import org.vsmap.geo.port.StationStore;
import org.vsmap.geo.port.Statistics;
import org.vsmap.geo.port.TeamStore;

/** The ports the web layer reads through; it never sees how they are implemented. */
public record WebPorts(
    RegionStore regions,
    StationStore stations,
    TeamStore teams,
    ActivityStore activities,
    SearchIndex search,
    Offices offices,
    Downloads downloads,
    FeatureCollections features,
    Snapshots snapshots,
    Statistics statistics,
    Photos photos,
    Honours honours,
    Reporting reporting) {

  /** Without weekly reporting: its pages answer 503. */
  public WebPorts(
      RegionStore regions,
      StationStore stations,
      TeamStore teams,
      ActivityStore activities,
      SearchIndex search,
      Offices offices,
      Downloads downloads,
      FeatureCollections features,
      Snapshots snapshots,
      Statistics statistics,
      Photos photos,
      Honours honours) {
    this(
        regions,
        stations,
        teams,
        activities,
        search,
        offices,
        downloads,
        features,
        snapshots,
        statistics,
        photos,
        honours,
        null);
  }

  /** The public ports only: the admin pages, downloads and OGC API answer 503. */
  public WebPorts(
      RegionStore regions,
      StationStore stations,
      TeamStore teams,
      ActivityStore activities,
      SearchIndex search) {
    this(
        regions,
        stations,
        teams,
        activities,
        search,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
