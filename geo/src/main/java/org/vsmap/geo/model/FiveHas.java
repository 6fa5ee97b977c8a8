package org.vsmap.geo.model;

/** The "五有" checklist of seed 004: 有场所和设备, 有管理者和队伍, 有制度和流程, 有项目和活动, 有运行经费和活动资金. */
public record FiveHas(
    boolean venueAndEquipment,
    boolean managerAndTeam,
    boolean rulesAndProcess,
    boolean projectsAndActivities,
    boolean runningFunds) {

  public static final FiveHas NONE = new FiveHas(false, false, false, false, false);

  /** How many of the five criteria are met. */
  public int met() {
    int n = 0;
    for (boolean b : asArray()) {
      n += b ? 1 : 0;
    }
    return n;
  }

  /** True when all five are met, the standard a 示范站点 must reach. */
  public boolean complete() {
    return met() == 5;
  }

  public boolean[] asArray() {
    return new boolean[] {
      venueAndEquipment, managerAndTeam, rulesAndProcess, projectsAndActivities, runningFunds
    };
  }

  /** Parses the five flags from a string of five 0/1 characters, in the order above. */
  public static FiveHas parse(String flags) {
    if (flags == null || !flags.matches("[01]{5}")) {
      throw new IllegalArgumentException(
          "五有 flags must be five characters of 0 or 1, got: " + flags);
    }
    return new FiveHas(
        flags.charAt(0) == '1',
        flags.charAt(1) == '1',
        flags.charAt(2) == '1',
        flags.charAt(3) == '1',
        flags.charAt(4) == '1');
  }

  public String flags() {
    StringBuilder sb = new StringBuilder(5);
    for (boolean b : asArray()) {
      sb.append(b ? '1' : '0');
    }
    return sb.toString();
  }
}
