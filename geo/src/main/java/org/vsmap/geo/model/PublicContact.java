package org.vsmap.geo.model;

import java.util.regex.Pattern;

/**
 * A station's or team's public contact: an office landline or a service hotline. Personal mobile
 * numbers are refused here, so none can reach a page, an API or a download.
 */
public final class PublicContact {
  private static final Pattern MOBILE =
      Pattern.compile(".*(?<!\\d)(\\+?86[- ]?)?1[3-9]\\d{9}(?!\\d).*");
  private static final Pattern LANDLINE =
      Pattern.compile("(0\\d{2,3}-?)?\\d{7,8}(-\\d{1,6})?|\\d{5}|400-?\\d{3}-?\\d{4}|12\\d{3}");

  private PublicContact() {}

  /** Returns the contact unchanged, or null for blank; throws when it is not a public number. */
  public static String check(String contact, String owner) {
    if (contact == null || contact.isBlank()) {
      return null;
    }
    String c = contact.strip();
    if (MOBILE.matcher(c).matches()) {
      throw new IllegalArgumentException(
          "public contact of "
              + owner
              + " looks like a personal mobile number; only office lines are published");
    }
    if (!LANDLINE.matcher(c).matches()) {
      throw new IllegalArgumentException(
          "public contact of " + owner + " is not a telephone number: " + c);
    }
    return c;
  }
}
