package org.vsmap.geo.port;

/**
 * One problem in an office's file: where (the line or Excel row, 1-based; 0 for the file as a
 * whole), which column (or form label), what value, and why — in Chinese and in English.
 */
public record Problem(
    String file, int row, String column, String value, String reasonZh, String reasonEn) {
  @Override
  public String toString() {
    return file
        + " row "
        + row
        + " column "
        + column
        + (value == null ? "" : " '" + value + "'")
        + ": "
        + reasonEn
        + " / "
        + reasonZh;
  }
}
