package org.vsmap.geo.port;

/**
 * One problem in an office's file: where (the line or Excel row, 1-based; 0 for the file as a
 * whole), which column (or form label), what value, and why — in Chinese and in English.
 */
public record Problem(
    String file, int row, String column, String value, String reasonZh, String reasonEn) {

  /** A required column the header row lacks, with the headers that would be read as it. */
  public static Problem missingColumn(String file, String column, Object accepted) {
    return new Problem(
        file,
        1,
        column,
        null,
        "缺少必填列（可用表头：" + accepted + "）",
        "required column missing (headers accepted: " + accepted + ")");
  }

  /** A row whose record (same id) an earlier row already gave. */
  public static Problem duplicate(String file, int row, String column, String value, int first) {
    return new Problem(file, row, column, value, "与第 " + first + " 行重复", "duplicates row " + first);
  }

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
