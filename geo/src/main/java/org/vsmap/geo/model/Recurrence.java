package org.vsmap.geo.model;

/** How an activity repeats; many community activities are weekly (seed 001). */
public enum Recurrence {
  ONCE("单次", "Once", 1),
  WEEKLY("每周", "Weekly", 8);

  private final String zh;
  private final String en;
  private final int occurrences;

  Recurrence(String zh, String en, int occurrences) {
    this.zh = zh;
    this.en = en;
    this.occurrences = occurrences;
  }

  /**
   * How many times an activity with this recurrence takes place: a weekly one on its first date and
   * the seven weeks after (the index, the map's date filters, the calendars, the pages and the
   * statistics all count these).
   */
  public int occurrences() {
    return occurrences;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
