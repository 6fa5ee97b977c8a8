package org.vsmap.geo.model;

/** The three kinds of things on the map. */
public enum Kind {
  STATION("站点", "Station", "stations"),
  TEAM("队伍", "Team", "teams"),
  ACTIVITY("活动", "Activity", "activities");

  private final String zh;
  private final String en;
  private final String path;

  Kind(String zh, String en, String path) {
    this.zh = zh;
    this.en = en;
    this.path = path;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** The URL segment of the kind's pages: /stations, /teams, /activities. */
  public String path() {
    return path;
  }
}
