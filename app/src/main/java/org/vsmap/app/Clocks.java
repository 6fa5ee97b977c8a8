package org.vsmap.app;

import java.time.Clock;
import org.vsmap.geo.time.ChinaTime;

/**
 * The clock every command runs on: China's time, or as if today were the day {@code VSMAP_TODAY}
 * names (tests, rehearsals).
 */
final class Clocks {
  private Clocks() {}

  /**
   * @throws Failure (exit 2) naming the variable when {@code VSMAP_TODAY} is not a date
   */
  static Clock portal() {
    try {
      return ChinaTime.fromEnvironment();
    } catch (IllegalArgumentException e) {
      throw new Failure(e.getMessage());
    }
  }
}
