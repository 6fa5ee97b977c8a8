package org.vsmap.web.admin;

import java.util.List;
import org.vsmap.geo.model.Honour;
import org.vsmap.geo.model.RestrictedContact;
import org.vsmap.geo.port.Offices;
import org.vsmap.web.view.PhotoItems;

/**
 * The models of the smaller admin pages (templates/admin). Every page after sign-in carries the
 * signed-in account and its session's CSRF token, which admin/_admin.peb reads.
 */
public final class AdminViews {
  private AdminViews() {}

  /** The sign-in form: the token of its cookie, and what was wrong with the last try. */
  public record LoginPage(String csrf, String error) {}

  /** The second step of signing in: the code from the authenticator app. */
  public record CodePage(String csrf, String error) {}

  /**
   * The account's second factor: on or off; when off, a new secret with its QR code and the otpauth
   * address (for apps that take a link), to be confirmed with a code.
   */
  public record SecondFactorPage(
      Offices.Account account,
      String csrf,
      boolean on,
      String secret,
      String secretGrouped,
      String otpauth,
      org.vsmap.web.view.QrCode qr,
      String message,
      String error) {}

  /** The audit log, newest first. */
  public record AuditPage(Offices.Account account, String csrf, List<Offices.AuditEntry> audit) {}

  /** Contacts of the office's region, seen only here. */
  /** The sign-in throttles in force (administrators). */
  public record ThrottlesPage(
      Offices.Account account, String csrf, List<SignInGuard.Throttle> throttles) {}

  public record ContactsPage(Offices.Account account, String csrf, List<ContactRow> contacts) {}

  /** A contact with its record's name (the kind's edit page links to it) and where it is. */
  public record ContactRow(
      RestrictedContact contact, String recordName, String place, String edit) {}

  /** What an upload would change, or every problem with its row and column. */
  public record PreviewPage(Offices.Account account, String csrf, Offices.Preview preview) {}

  /** What a confirmed upload changed. */
  public record DonePage(Offices.Account account, String csrf, List<Offices.Change> changes) {}

  /** A ZIP of photos: what was attached, or every problem. */
  public record PhotosPage(
      Offices.Account account, String csrf, String file, Offices.PhotoBatch batch) {}

  /** The honours this account may edit. */
  public record HonoursPage(Offices.Account account, String csrf, List<Honour> honours) {}

  /**
   * The edit form of one record (admin/admin_edit.peb): its fields, the error of the last save, and
   * for stations and activities their photos (null for teams and honours).
   */
  public record EditPage(
      Offices.Account account,
      String csrf,
      String kind,
      String kindPath,
      String publicUrl,
      String id,
      String name,
      List<AdminForms.FormField> fields,
      String error,
      List<PhotoItems.PhotoItem> photos,
      List<Integer> photoSlots,
      List<String> photoError) {}
}
