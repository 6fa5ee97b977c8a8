package org.vsmap.geo.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * How a resident signs up for an activity: its project in 志愿中国 (the national volunteer service
 * information system) or another sign-up link, how to sign up (报名方式), the deadline, and the
 * organiser's public office line. Every part is optional; a personal mobile number is refused.
 *
 * @param projectId the project's number in 志愿中国 (志愿中国项目编号), or null
 * @param signUpUrl an http(s) link to the project's sign-up page, or null
 * @param method how to sign up in the organiser's words (报名方式), or null
 * @param deadline when sign-up closes (China local time), or null
 * @param officeLine the organiser's public office line, or null
 */
public record Joining(
    String projectId, String signUpUrl, String method, LocalDateTime deadline, String officeLine) {

  /** A 志愿中国 project number: letters, digits, '_' and '-', at most 40. */
  public static final java.util.regex.Pattern PROJECT_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

  /** Nothing known about signing up. */
  public static final Joining NONE = new Joining(null, null, null, null, null);

  public Joining {
    projectId = blankToNull(projectId);
    if (projectId != null && !PROJECT_ID.matcher(projectId).matches()) {
      throw new IllegalArgumentException(
          "志愿中国项目编号 is letters, digits and '-' (at most 40): " + projectId);
    }
    signUpUrl = link(signUpUrl, "sign-up link");
    method = blankToNull(method);
    if (method != null && method.length() > 200) {
      throw new IllegalArgumentException("报名方式 is longer than 200 characters");
    }
    officeLine = PublicContact.check(officeLine, "the activity's organiser");
  }

  /** True when nothing is known. */
  public boolean isEmpty() {
    return projectId == null
        && signUpUrl == null
        && method == null
        && deadline == null
        && officeLine == null;
  }

  /** True when sign-up has closed at {@code now}. */
  public boolean closedAt(LocalDateTime now) {
    return deadline != null && !now.isBefore(deadline);
  }

  /**
   * A web link a page may show: http or https with a host, no spaces, at most 500 characters; null
   * for blank. Anything else (javascript:, a bare word, a mail address) is refused.
   */
  public static String link(String url, String what) {
    String u = blankToNull(url);
    if (u == null) {
      return null;
    }
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (u.length() > 500
          || !(scheme.equals("https") || scheme.equals("http"))
          || uri.getHost() == null) {
        throw new URISyntaxException(u, "not an http(s) link");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          what + " must be a web address starting with https:// (at most 500 characters): " + u);
    }
    return u;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
