package org.vsmap.geo.model;

/**
 * The tiers of the volunteer team tree of seed 000: the city 总队; 分队 of districts, departments,
 * enterprises and organisations; their own 总队; 支队 for specific activities; then 大队, 中队, 小队.
 */
public enum TeamLevel {
  CITY_CORPS(1, "总队（市）", "City corps"),
  DIVISION(2, "分队", "Division"),
  UNIT_CORPS(3, "总队", "Unit corps"),
  DETACHMENT(4, "支队", "Detachment"),
  BRIGADE(5, "大队", "Brigade"),
  COMPANY(6, "中队", "Company"),
  SQUAD(7, "小队", "Squad");

  private final int tier;
  private final String zh;
  private final String en;

  TeamLevel(int tier, String zh, String en) {
    this.tier = tier;
    this.zh = zh;
    this.en = en;
  }

  public int tier() {
    return tier;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
