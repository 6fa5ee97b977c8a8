package org.vsmap.geo.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The person responsible for a record (负责人姓名 / 负责人手机号码) — personal data. It is kept only in the
 * restricted table, readable by the office that owns {@code regionCode} (and admins), and never
 * reaches a public page, API, tile, search result, statistic or download.
 *
 * @param mobile an 11-digit mainland mobile number (spaces, dashes and a +86 prefix are dropped),
 *     or null
 */
public record RestrictedContact(
    Kind kind, String recordId, String regionCode, String personName, String mobile) {
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

  public RestrictedContact {
    Objects.requireNonNull(kind, "kind");
    Require.text(recordId, "record id of a contact");
    Require.text(regionCode, "region code of a contact");
    personName = personName == null || personName.isBlank() ? null : personName.strip();
    mobile = normaliseMobile(mobile);
    if (personName == null && mobile == null) {
      throw new IllegalArgumentException("a contact needs a name or a mobile number");
    }
  }

  /**
   * The number in its plain 11-digit form, or null for no number.
   *
   * @throws IllegalArgumentException when it is not a mainland mobile number
   */
  public static String normaliseMobile(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String digits = text.strip().replaceAll("[\\s\\-()（）]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    } else if (digits.startsWith("86") && digits.length() == 13) {
      digits = digits.substring(2);
    }
    if (!MOBILE.matcher(digits).matches()) {
      throw new IllegalArgumentException(
          "not a mobile number (11 digits starting 13–19): " + text.strip());
    }
    return digits;
  }
}
