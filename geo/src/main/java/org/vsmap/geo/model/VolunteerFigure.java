package org.vsmap.geo.model;

import java.util.regex.Pattern;

/**
 * Aggregate volunteer figures an office reports for its region and a period: registered volunteers,
 * active volunteers and service hours. Any of the three may be unknown (null).
 *
 * @param period a year ({@code 2026}), a month ({@code 2026-11}) or an ISO week ({@code 2026-W47})
 */
public record VolunteerFigure(
    String regionCode, String period, Long registered, Long active, Double serviceHours) {
  private static final Pattern PERIOD =
      Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])|-W(0[1-9]|[1-4]\\d|5[0-3]))?");

  public VolunteerFigure {
    Require.text(regionCode, "region code of a figure");
    Require.text(period, "period of a figure");
    if (!PERIOD.matcher(period).matches()) {
      throw new IllegalArgumentException(
          "period must be a year (2026), a month (2026-11) or a week (2026-W47): " + period);
    }
    if (registered != null && registered < 0
        || active != null && active < 0
        || serviceHours != null && serviceHours < 0) {
      throw new IllegalArgumentException("figures cannot be negative");
    }
    if (registered != null && active != null && active > registered) {
      throw new IllegalArgumentException(
          "active volunteers (" + active + ") exceed registered ones (" + registered + ")");
    }
    if (registered == null && active == null && serviceHours == null) {
      throw new IllegalArgumentException(
          "a figure needs at least one of registered, active, service hours");
    }
  }
}
