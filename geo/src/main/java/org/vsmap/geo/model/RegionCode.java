package org.vsmap.geo.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An official statistical region code (统计用区划代码): 2 digits for a province, 4 for a city, 6 for a
 * county, 9 for a township or street, 12 for a community or village. Each code begins with its
 * parent's, so a region holds every code it is a prefix of — the scope of an office's account.
 */
public record RegionCode(String value) {
  private static final Pattern CODE = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}");

  public RegionCode {
    if (value == null || !CODE.matcher(value).matches()) {
      throw new IllegalArgumentException("not a region code (2, 4, 6, 9 or 12 digits): " + value);
    }
  }

  public static RegionCode of(String value) {
    return new RegionCode(value);
  }

  /** Whether {@code text} is a region code of one of the five lengths. */
  public static boolean isValid(String text) {
    return text != null && CODE.matcher(text).matches();
  }

  /**
   * Whether a record in region {@code code} lies within {@code scope} (the region itself or below
   * it). False when either is missing: no scope is not "everywhere" here — callers that mean that
   * (administrators) say so themselves.
   */
  public static boolean within(String code, String scope) {
    return code != null && scope != null && code.startsWith(scope);
  }

  public RegionLevel level() {
    return RegionLevel.ofCode(value);
  }

  /** The region one tier up; none for a province. */
  public Optional<RegionCode> parent() {
    RegionLevel level = level();
    if (level == RegionLevel.PROVINCE) {
      return Optional.empty();
    }
    return Optional.of(
        new RegionCode(value.substring(0, RegionLevel.values()[level.ordinal() - 1].codeLength())));
  }

  /** Whether {@code other} is this region or lies below it. */
  public boolean contains(RegionCode other) {
    return other.value.startsWith(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
