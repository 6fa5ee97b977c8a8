package org.vsmap.geo.port;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.RegionCode;
import org.vsmap.geo.model.RestrictedContact;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;

/**
 * What the admin pages may do: sign offices in, check and apply their files, save edits, and show
 * the audit log and the restricted contacts — always within the account's region. Every write names
 * the account, is refused with {@link Forbidden} outside its region, and is audited.
 */
public interface Offices {

  /** admin: everything; office: only records whose region lies in its region subtree. */
  enum Role {
    ADMIN,
    OFFICE
  }

  /** A signed-in account. */
  record Account(String username, Role role, String regionCode, String regionName) {
    /** An account whose region's name is not at hand (the pages show the name when it is). */
    public Account(String username, Role role, String regionCode) {
      this(username, role, regionCode, null);
    }

    /** Whether this account may change a record of {@code recordRegion}. */
    public boolean mayChange(String recordRegion) {
      return role == Role.ADMIN || RegionCode.within(recordRegion, regionCode);
    }
  }

  /** How a sign-in went. */
  sealed interface SignIn {
    record Ok(Account account) implements SignIn {}

    record Refused() implements SignIn {}
  }

  /** A session: the cookie token (only its digest is stored) and the CSRF token of its forms. */
  record Session(String token, String csrf, Account account) {}

  /** Thrown when an account tries to change what is not in its region; nothing was changed. */
  final class Forbidden extends RuntimeException {
    public Forbidden(String message) {
      super(message);
    }
  }

  /** What an import did or would do to one kind. */
  record Change(Kind kind, int created, int updated, int unchanged, int retired) {}

  /**
   * One record confirming would add, change or retire: its kind, id, name (when the file gives it)
   * and how — 新增 CREATE, 修改 UPDATE, 恢复 RESTORE, 撤销 RETIRE.
   */
  record ChangedRecord(Kind kind, String id, String name, String action) {
    public String actionZh() {
      return switch (action) {
        case "CREATE" -> "新增";
        case "UPDATE" -> "修改";
        case "RESTORE" -> "恢复";
        case "RETIRE" -> "撤销";
        default -> action;
      };
    }
  }

  /** A checked upload, kept for its account until confirmed (or for 30 minutes). */
  record Preview(
      String id,
      String file,
      String what,
      String readAs,
      int records,
      List<Problem> problems,
      List<Problem> warnings,
      List<Change> changes,
      List<ChangedRecord> written,
      int contacts,
      int figures) {
    public boolean clean() {
      return problems.isEmpty();
    }

    /** The problems by kind, the first {@link ProblemGroups#SHOWN_PER_KIND} of each. */
    public ProblemGroups problemGroups() {
      return ProblemGroups.of(problems);
    }

    /** The warnings by kind, the first {@link ProblemGroups#SHOWN_PER_KIND} of each. */
    public ProblemGroups warningGroups() {
      return ProblemGroups.of(warnings);
    }

    /** The first 50 records confirming would change (the whole list: changes.csv). */
    public List<ChangedRecord> firstWritten() {
      return written.subList(0, Math.min(50, written.size()));
    }
  }

  /** One line of the audit log. */
  record AuditEntry(
      long seq,
      LocalDateTime at,
      String username,
      String action,
      Kind kind,
      String recordId,
      String detail) {}

  SignIn signIn(String username, String password);

  /**
   * A check this account ran in the last 30 minutes, clean or not, with every problem and warning
   * (the report page shows the first of each kind; this is the whole list).
   */
  Optional<Preview> checked(Account account, String previewId);

  /** An account as administrators manage it on /admin/accounts. */
  record AccountEntry(
      String username,
      Role role,
      String regionCode,
      boolean disabled,
      boolean secondFactor,
      LocalDateTime created) {}

  /** Every account (administrators only, else {@link Forbidden}). */
  List<AccountEntry> accounts(Account admin);

  /**
   * Creates an account (administrators only): a name of 3–64 letters, digits or _.@-, a password
   * the rules accept, an office's region. Audited. {@link IllegalArgumentException} saying what is
   * wrong, nothing created.
   */
  void createAccount(Account admin, String username, Role role, String regionCode, String password);

  /** Sets a new password (administrators only); the account's sessions end. Audited. */
  void resetPassword(Account admin, String username, String password);

  /**
   * Disables or enables an account (administrators only, not their own); a disabled one cannot sign
   * in and its sessions end. Audited.
   */
  void setDisabled(Account admin, String username, boolean disabled);

  /** Moves an office account to another region (administrators only). Audited. */
  void setRegion(Account admin, String username, String regionCode);

  /** Whether the account gives a code from its authenticator app after its password. */
  boolean hasSecondFactor(Account account);

  /**
   * Puts {@code secret} (Base32, from {@link #newSecondFactorSecret}) in force when {@code code} is
   * its current code; false and nothing changed otherwise. Audited.
   */
  boolean enableSecondFactor(Account account, String secret, String code);

  /** Whether {@code code} is the account's current code, never used before (it is used up). */
  boolean checkSecondFactor(Account account, String code);

  /** Turns the second factor off when {@code code} is the account's current code. Audited. */
  boolean disableSecondFactor(Account account, String code);

  /** A new random secret for an authenticator app (not in force until enabled). */
  String newSecondFactorSecret();

  Session openSession(Account account);

  Optional<Session> session(String token);

  void closeSession(String token);

  /**
   * Checks a file; nothing is written.
   *
   * @param what station, report, figures or regions
   * @param mapping the file's headers read as ours ({@code 站名=name,...}), or null for the one saved
   *     for this source
   * @param saveMapping remember {@code mapping} for this source
   * @throws IllegalArgumentException when the file or an option cannot be used at all, with the
   *     reason
   */
  Preview check(
      Account account,
      String what,
      String file,
      byte[] bytes,
      String crs,
      String encoding,
      boolean full,
      String mapping,
      boolean saveMapping);

  /**
   * Applies a clean preview of this account.
   *
   * @throws java.util.NoSuchElementException when there is no such pending preview for this account
   */
  List<Change> confirm(Account account, String previewId);

  /**
   * Saves an edited station; {@link Forbidden} when either its old or its new region is not the
   * account's.
   */
  void save(Account account, Station station);

  void save(Account account, Team team);

  void save(Account account, Activity activity);

  /**
   * Saves an edited honour; {@link Forbidden} outside the account's region; a volunteer's name only
   * with consent (the caller checks the form).
   */
  void save(Account account, org.vsmap.geo.model.Honour honour);

  /**
   * Attaches photos to a station or activity of the account's region, all or none: each upload is
   * checked (a real JPEG or PNG by its content, within the size and pixel limits, with a
   * description) and re-encoded without its metadata before anything is stored; audited.
   *
   * @throws IllegalArgumentException when any file is refused, with every file's reason (zh / en);
   *     nothing is stored
   * @throws java.util.NoSuchElementException when there is no such station or activity
   */
  List<Photos.Photo> addPhotos(
      Account account, Kind kind, String subjectId, List<Photos.Upload> uploads);

  /** What a photo archive did: the photos attached, or the problems (then nothing was attached). */
  record PhotoBatch(List<Photos.Photo> attached, List<Problem> problems) {}

  /**
   * Attaches the photos of a ZIP (a list — 对象类型, 对象编号, 文件, 照片说明 — and the files beside it) to
   * stations and activities of the account's region: every row checked first, then all or none.
   *
   * @throws IllegalArgumentException when the archive itself is refused (not a ZIP, a bomb, a path
   *     outside it, no list)
   */
  PhotoBatch importPhotos(Account account, String filename, byte[] zip);

  /** Takes a photo of the account's region off the public pages (kept, audited). */
  void retirePhoto(Account account, String photoId);

  /**
   * The newest audit entries this account may see (an office: those made by accounts of its
   * region).
   */
  List<AuditEntry> audit(Account account, int limit);

  /** Writes a sign-in throttle starting or being cleared to the audit log. */
  void recordSecurityEvent(String action, String detail);

  /** The restricted contacts of the records in this account's region. */
  List<RestrictedContact> contacts(Account account);
}
