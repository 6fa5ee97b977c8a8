package org.vsmap.web.detail;

import java.time.LocalDateTime;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Joining;
import org.vsmap.geo.model.Team;
import org.vsmap.web.view.Details;
import org.vsmap.web.view.Formats;

/**
 * An activity page's 报名 panel: whether sign-up is open, the button and QR code to the project's
 * sign-up (its own link, else its 志愿中国 project, else its team's page), the deadline and places
 * left, how to sign up, and whom to call.
 *
 * @param status open, closed (deadline passed), full, or past (the activity is over)
 * @param url where the 报名 button and QR code lead, or null when there is no link
 * @param label message key of the button's words
 * @param projectId the 志愿中国 project number to search for, or null
 * @param qr the QR code of {@code url}, or null
 * @param deadline when sign-up closes (formatted), or null
 * @param placesLeft places still open
 * @param method how to sign up in the organiser's words, or null
 * @param contact whom to call, or null when no public line is known
 * @param team the organiser (named when there is neither link nor line), or null
 */
public record JoinPanel(
    String status,
    String url,
    String label,
    String projectId,
    org.vsmap.web.view.QrCode qr,
    String deadline,
    int placesLeft,
    String method,
    ContactLine contact,
    Team team) {

  /** The panel of {@code a} at {@code now}. */
  public static JoinPanel of(Activity a, Team team, ContactLine contact, LocalDateTime now) {
    Joining j = a.joining();
    String status;
    if (!a.lastEnd().isAfter(now)) {
      status = "past";
    } else if (j.closedAt(now)) {
      status = "closed";
    } else if (a.volunteersWanted() > 0 && a.placesLeft() == 0) {
      status = "full";
    } else {
      status = "open";
    }
    String url;
    String label;
    if (j.signUpUrl() != null) {
      url = j.signUpUrl();
      label = "join.button";
    } else if (j.projectId() != null) {
      url = Details.REGISTRATION_URL;
      label = "join.national";
    } else if (team != null && team.signUpUrl() != null) {
      url = team.signUpUrl();
      label = "join.team";
    } else {
      url = null;
      label = null;
    }
    return new JoinPanel(
        status,
        url,
        label,
        j.projectId(),
        url == null || !status.equals("open") ? null : org.vsmap.web.view.QrCode.of(url),
        j.deadline() == null ? null : Formats.WHEN.format(j.deadline()),
        a.placesLeft(),
        j.method(),
        contact,
        team);
  }

  /** The national system's home, where volunteers register (named under the panel). */
  public String nationalUrl() {
    return Details.REGISTRATION_URL;
  }
}
