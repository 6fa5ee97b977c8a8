package org.vsmap.geo.model;

/** The three "关爱" groups under which the seeds gather volunteer service (seeds 000 and 003). */
public enum CareGroup {
  OTHERS("关爱他人", "Caring for others"),
  SOCIETY("关爱社会", "Caring for society"),
  NATURE("关爱自然", "Caring for nature");

  private final String zh;
  private final String en;

  CareGroup(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
