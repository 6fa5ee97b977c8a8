package org.vsmap.geo.model;

/** Checks shared by the validating constructors of the domain records. */
final class Require {
  private Require() {}

  static String text(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }

  static int nonNegative(int value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value);
    }
    return value;
  }

  /** A text no longer than the store keeps (characters), or null. */
  static String maxLength(String value, int max, String what) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(
          what + " is longer than " + max + " characters (" + value.length() + ")");
    }
    return value;
  }

  /** A count within sensible limits. */
  static int atMost(int value, int max, String what) {
    if (value > max) {
      throw new IllegalArgumentException(what + " is more than " + max + ": " + value);
    }
    return value;
  }

  /** A year the portal's dates may carry (2000–2100 for activities, from 1900 for founding). */
  static void year(int year, int from, int to, String what) {
    if (year < from || year > to) {
      throw new IllegalArgumentException(
          what + " must lie between " + from + " and " + to + ": " + year);
    }
  }
}
