package org.vsmap.geo.port;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.port.Offices.Account;
import org.vsmap.geo.reporting.Deadline;
import org.vsmap.geo.reporting.Supervision;

/**
 * Weekly reporting supervision (督查): who must report (reporting units, kept by administrators),
 * when (the deadline rule, holiday weeks), and what arrived (the weekly reports imported through
 * the upload page or {@code vsmap import}). Everything an office reads is within its region; every
 * change is an administrator's and is audited.
 */
public interface Reporting {

  /** Weeks shown on the grid and counted in the assessment. */
  int WEEKS = 12;

  /**
   * The units of the account's region over {@code weeks} weeks ending with the week due next, as of
   * now.
   *
   * @param dueWeek the week whose report is due next (its deadline not yet passed)
   * @param synthetic whether any unit or report shown is synthetic demo data
   */
  record Board(
      Deadline deadline,
      LocalDateTime now,
      LocalDate dueWeek,
      List<LocalDate> weeks,
      List<Supervision.Row> rows,
      List<Supervision.Exempt> exempt,
      boolean synthetic) {
    /** The last week whose deadline has passed. */
    public LocalDate closedWeek() {
      return dueWeek.minusWeeks(1);
    }
  }

  /** A unit's contact person from the restricted contacts (office eyes only). */
  record Contact(String teamId, String teamName, String personName, String mobile) {}

  /** What adding units did: the teams added, those already listed, the names not found. */
  record Added(List<String> added, int already, List<Problem> problems) {}

  /** Units to add: every team of these tiers in the region, or only paired ones. */
  record Selection(String regionCode, List<TeamLevel> levels, boolean pairedOnly) {}

  Board board(Account account, int weeks);

  /**
   * The 考核 table of the account's region over {@code weeks} weeks ({@link
   * org.vsmap.geo.reporting.Assessment}), as CSV (UTF-8 with BOM for spreadsheets) or XLSX.
   */
  void assessment(Account account, int weeks, boolean xlsx, java.io.OutputStream out)
      throws java.io.IOException;

  /** A unit of the account's region with its weeks since it was listed (up to 52). */
  Optional<Supervision.Row> history(Account account, String teamId);

  /** The contacts of these teams of the account's region; the viewing is audited. */
  List<Contact> contacts(Account account, List<String> teamIds);

  /** Adds every team of a selection (administrators). Audited. */
  Added addUnits(Account admin, Selection selection, LocalDate since);

  /**
   * Adds teams by name (a list typed or uploaded, one per line or a 志愿服务组织名称 column), each matched
   * to exactly one stored team; a near miss is a problem naming the candidates and nothing is
   * added. Administrators; audited.
   */
  Added addUnitsByName(Account admin, String file, byte[] list, LocalDate since);

  /** Takes a team off the list (administrators); its history stays. Audited. */
  void removeUnit(Account admin, String teamId);

  /** Marks a week as not due (holiday), with why (administrators). Audited. */
  void setExempt(Account admin, LocalDate week, String reason);

  /** Makes a marked week due again (administrators). Audited. */
  void clearExempt(Account admin, LocalDate week);

  /** Changes the deadline rule (administrators). Audited. */
  void setDeadline(Account admin, Deadline deadline);

  /**
   * The secret part of the account's Atom feed of overdue units; it changes when the password does.
   */
  String feedKey(Account account);

  /** The account a feed key belongs to, if it still does. */
  Optional<Account> feedAccount(String username, String key);
}
