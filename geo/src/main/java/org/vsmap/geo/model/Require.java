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
}
