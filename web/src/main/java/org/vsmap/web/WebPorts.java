package org.vsmap.web;

import org.vsmap.geo.port.ActivityStore;
import org.vsmap.geo.port.RegionStore;
import org.vsmap.geo.port.SearchIndex;
import org.vsmap.geo.port.StationStore;
import org.vsmap.geo.port.TeamStore;

/** The ports the web layer reads through; it never sees how they are implemented. */
public record WebPorts(RegionStore regions, StationStore stations, TeamStore teams, ActivityStore activities,
    SearchIndex search) {}
