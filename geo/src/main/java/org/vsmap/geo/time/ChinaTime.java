package org.vsmap.geo.time;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * China's one time zone (UTC+8, no daylight saving), and the clock every part of the portal reads
 * "now" from. Pass the {@link Clock} on; never call {@code now()} without it.
 */
public final class ChinaTime {
  /** Asia/Shanghai: the zone of every local date and time the portal stores and shows. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /**
   * The environment variable that makes the portal run as if today were another day ({@code
   * 2026-12-07}): its clock is moved by whole days, so the time of day and the flow of time stay
   * real and several processes started one after another agree. For tests and rehearsals of a given
   * day; unset in production.
   */
  public static final String TODAY_ENV = "VSMAP_TODAY";

  private ChinaTime() {}

  /** The system clock in China's zone. */
  public static Clock system() {
    return Clock.system(ZONE);
  }

  /**
   * The system clock, or — when {@value #TODAY_ENV} is set — the system clock moved by whole days
   * to that date.
   *
   * @throws IllegalArgumentException naming the variable when its value is not a date like
   *     2026-12-07
   */
  public static Clock fromEnvironment() {
    return asIfToday(System.getenv(TODAY_ENV), system());
  }

  /**
   * {@code clock} moved by whole days so that its date is {@code day} (unchanged when {@code day}
   * is blank).
   */
  public static Clock asIfToday(String day, Clock clock) {
    if (day == null || day.isBlank()) {
      return clock;
    }
    try {
      long days = ChronoUnit.DAYS.between(LocalDate.now(clock), LocalDate.parse(day.strip()));
      return Clock.offset(clock, Duration.ofDays(days));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          TODAY_ENV + " must be a date like 2026-12-07, got: " + day);
    }
  }
}
