package org.vsmap.geo.model;

import java.util.Objects;

/**
 * An honour (荣誉表彰) given for volunteer service — 最美志愿者, 最佳志愿服务组织, 最佳志愿服务项目, 最美志愿服务社区 (seeds 003,
 * 004) — to a station, a team, an activity (project), a community or one volunteer. A volunteer's
 * name is kept only when the volunteer agreed to its publication; an honour without one shows no
 * person.
 *
 * @param subjectId the station, team or activity id, the community's region code, or for a
 *     volunteer the team (optional)
 * @param regionCode where it belongs (the subject's region; a volunteer's region): scopes edits and
 *     filters
 * @param volunteerName the honoured volunteer's name, published with the volunteer's consent; null
 *     otherwise
 * @param point where the map shows it (the subject's place when written), or null
 */
public record Honour(
    String id,
    String title,
    int year,
    HonourLevel level,
    String awardedBy,
    HonourSubject subject,
    String subjectId,
    String regionCode,
    String volunteerName,
    String citation,
    boolean synthetic,
    GeoPoint point) {

  /** Who or what is honoured. */
  public enum HonourSubject {
    STATION("站点", "station"),
    TEAM("志愿服务组织", "organisation"),
    ACTIVITY("志愿服务项目", "project"),
    COMMUNITY("社区", "community"),
    VOLUNTEER("志愿者", "volunteer");

    private final String zh;
    private final String en;

    HonourSubject(String zh, String en) {
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

  /** Who gives it: the country, the province, the city or a district (区/县/旗). */
  public enum HonourLevel {
    NATIONAL("国家级", "national"),
    PROVINCE("省级", "provincial"),
    CITY("市级", "city"),
    DISTRICT("区县级", "district");

    private final String zh;
    private final String en;

    HonourLevel(String zh, String en) {
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

  public Honour {
    Require.text(id, "honour id");
    Require.text(title, "title of honour " + id);
    if (title.length() > 100) {
      throw new IllegalArgumentException(
          "the title of honour " + id + " is longer than 100 characters");
    }
    if (year < 1949 || year > 2100) {
      throw new IllegalArgumentException(
          "the year of honour " + id + " must be between 1949 and 2100, not " + year);
    }
    Objects.requireNonNull(level, "level of honour " + id);
    Require.text(awardedBy, "awarding body of honour " + id);
    Objects.requireNonNull(subject, "subject of honour " + id);
    if (subject != HonourSubject.VOLUNTEER) {
      Require.text(subjectId, "what honour " + id + " is for");
    }
    Require.text(regionCode, "region of honour " + id);
    if (volunteerName != null && volunteerName.isBlank()) {
      volunteerName = null;
    }
    if (volunteerName != null && subject != HonourSubject.VOLUNTEER) {
      throw new IllegalArgumentException(
          "honour " + id + " is not for a volunteer: it has no volunteer's name");
    }
    if (volunteerName != null && volunteerName.length() > 40) {
      throw new IllegalArgumentException(
          "the volunteer's name of honour " + id + " is longer than 40 characters");
    }
    if (citation != null && citation.isBlank()) {
      citation = null;
    }
    if (citation != null && citation.length() > 1000) {
      throw new IllegalArgumentException(
          "the citation of honour " + id + " is longer than 1,000 characters");
    }
  }

  /** The same honour at another point (the subject's place, found when it is written). */
  public Honour at(GeoPoint p) {
    return new Honour(
        id,
        title,
        year,
        level,
        awardedBy,
        subject,
        subjectId,
        regionCode,
        volunteerName,
        citation,
        synthetic,
        p);
  }
}
