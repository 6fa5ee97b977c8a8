package org.vsmap.web.view;

import java.time.format.DateTimeFormatter;

/** How pages write dates and times. */
public final class Formats {
  private Formats() {}

  /** A local date and time as pages show it: {@code 2026-12-07 09:30}. */
  public static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
}
