package org.vsmap.geo.port;

import java.util.List;

/**
 * The published statistics: indicators of the source documents per region and period, computed from
 * the store, with small counts of people suppressed (and the cells that would give them away)
 * before anything leaves the process.
 */
public interface Statistics {

  /**
   * What an indicator is: its definition (numerator, denominator, period, source), its unit, and
   * its target and where the target comes from (null when the documents set none).
   */
  record Indicator(
      String id,
      String titleZh,
      String titleEn,
      String definitionZh,
      String definitionEn,
      String numeratorZh,
      String denominatorZh,
      String unit,
      String comparison,
      Double target,
      String targetSource,
      String inputs) {}

  /** Why a published cell is empty. */
  enum Status {
    OK,
    SUPPRESSED,
    PROTECTED,
    NO_DATA
  }

  /**
   * One published figure: an indicator for a region and a period ({@code 2026}, {@code 2026-Q4},
   * {@code 2026-11} or {@code current}), optionally for a category (a theme for the breakdowns).
   * {@code value}, {@code numerator} and {@code denominator} are null unless {@code status} is OK:
   * SUPPRESSED means a count of people below the threshold, PROTECTED a cell withheld so that a
   * suppressed one cannot be worked out from the totals.
   */
  record Value(
      String indicator,
      String regionCode,
      String regionName,
      String level,
      String period,
      String category,
      String categoryLabel,
      Double value,
      Double numerator,
      Double denominator,
      Status status,
      Boolean met) {}

  /** Everything published at once: as of when, from which data version, under which threshold. */
  record Table(
      String asOf,
      String dataVersion,
      int threshold,
      boolean synthetic,
      List<Indicator> indicators,
      List<Value> values) {}

  /** The current table, recomputed when the data changed since it was last made. */
  Table table();
}
