package org.vsmap.geo.model;

/** How an activity repeats; many community activities are weekly (seed 001). */
public enum Recurrence {
  ONCE("单次", "Once"),
  WEEKLY("每周", "Weekly");

  private final String zh;
  private final String en;

  Recurrence(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() { return zh; }

  public String en() { return en; }
}
