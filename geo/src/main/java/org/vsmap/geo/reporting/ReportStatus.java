package org.vsmap.geo.reporting;

/** How a reporting unit stands for one week. Derived from what was imported, never typed in. */
public enum ReportStatus {
  /** Not reported and past the deadline. */
  MISSING("未报", "Not reported"),
  /** Reported after the deadline. */
  LATE("逾期", "Late"),
  /** Not reported yet, and the deadline has not passed. */
  PENDING("待报", "Due"),
  /** Reported by the deadline. */
  ON_TIME("按时", "On time"),
  /** Nothing due: a holiday week, or before the unit had to report. */
  EXEMPT("无需", "Not due");

  private final String zh;
  private final String en;

  ReportStatus(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** Whether a report was due and its deadline has passed (the weeks an on-time rate counts). */
  public boolean counted() {
    return this == ON_TIME || this == LATE || this == MISSING;
  }
}
