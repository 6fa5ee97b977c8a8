package org.vsmap.geo.fake;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Honour;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.RestrictedContact;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.port.Offices;
import org.vsmap.geo.port.Photos;

/**
 * The {@link Offices} port over {@link InMemoryStores}: accounts with plain passwords, sessions in
 * a map, edits scoped by {@link Account#mayChange} and written to the stores, an audit line per
 * edit. Files (check, confirm, photos) are read by the real importer only: here they refuse, and
 * AdminIT, PhotosIT and OfficeDataIT test them over HTTP against the store.
 */
public final class InMemoryOffices implements Offices {
  private final InMemoryStores stores;
  private final Map<String, String> passwords = new HashMap<>();
  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<String, Session> sessions = new HashMap<>();
  public final List<AuditEntry> audit = new ArrayList<>();
  public final List<RestrictedContact> contacts = new ArrayList<>();

  public InMemoryOffices(InMemoryStores stores) {
    this.stores = stores;
  }

  public InMemoryOffices account(Account account, String password) {
    accounts.put(account.username(), account);
    passwords.put(account.username(), password);
    return this;
  }

  @Override
  public SignIn signIn(String username, String password) {
    return username != null && password != null && password.equals(passwords.get(username))
        ? new SignIn.Ok(accounts.get(username))
        : new SignIn.Refused();
  }

  /** Security events (THROTTLED, THROTTLE_CLEARED) with their detail, in order. */
  public final List<String> securityEvents = new ArrayList<>();

  @Override
  public void recordSecurityEvent(String action, String detail) {
    securityEvents.add(action + " " + detail);
  }

  @Override
  public Session openSession(Account account) {
    Session s = new Session(UUID.randomUUID().toString(), UUID.randomUUID().toString(), account);
    sessions.put(s.token(), s);
    return s;
  }

  @Override
  public Optional<Session> session(String token) {
    return Optional.ofNullable(token == null ? null : sessions.get(token));
  }

  @Override
  public void closeSession(String token) {
    sessions.remove(token);
  }

  @Override
  public Preview check(
      Account account,
      String what,
      String file,
      byte[] bytes,
      String crs,
      String encoding,
      boolean full,
      String mapping,
      boolean saveMapping) {
    throw new UnsupportedOperationException("files are read by the real importer (AdminIT)");
  }

  @Override
  public List<AccountEntry> accounts(Account admin) {
    throw new UnsupportedOperationException("accounts are managed by the real store (AdminIT)");
  }

  @Override
  public void createAccount(
      Account admin, String username, Role role, String regionCode, String password) {
    throw new UnsupportedOperationException("accounts are managed by the real store (AdminIT)");
  }

  @Override
  public void resetPassword(Account admin, String username, String password) {
    throw new UnsupportedOperationException("accounts are managed by the real store (AdminIT)");
  }

  @Override
  public void setDisabled(Account admin, String username, boolean disabled) {
    throw new UnsupportedOperationException("accounts are managed by the real store (AdminIT)");
  }

  @Override
  public void setRegion(Account admin, String username, String regionCode) {
    throw new UnsupportedOperationException("accounts are managed by the real store (AdminIT)");
  }

  /** The fake keeps no second factors: every account signs in with its password alone. */
  @Override
  public boolean hasSecondFactor(Account account) {
    return false;
  }

  @Override
  public boolean enableSecondFactor(Account account, String secret, String code) {
    return false;
  }

  @Override
  public boolean checkSecondFactor(Account account, String code) {
    return false;
  }

  @Override
  public boolean disableSecondFactor(Account account, String code) {
    return false;
  }

  @Override
  public String newSecondFactorSecret() {
    return "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  }

  @Override
  public Optional<Preview> checked(Account account, String previewId) {
    return Optional.empty();
  }

  @Override
  public List<Change> confirm(Account account, String previewId) {
    throw new UnsupportedOperationException("files are read by the real importer (AdminIT)");
  }

  @Override
  public void save(Account account, Station station) {
    Station before = stores.stationById(station.id()).orElseThrow();
    scope(account, before.regionCode(), station.regionCode(), station.id());
    stores.stations.replaceAll(s -> s.id().equals(station.id()) ? station : s);
    log(account, Kind.STATION, station.id());
  }

  @Override
  public void save(Account account, Team team) {
    Team before = stores.teamById(team.id()).orElseThrow();
    scope(account, before.regionCode(), team.regionCode(), team.id());
    stores.teams.replaceAll(t -> t.id().equals(team.id()) ? team : t);
    log(account, Kind.TEAM, team.id());
  }

  @Override
  public void save(Account account, Activity activity) {
    Activity before = stores.activityById(activity.id()).orElseThrow();
    scope(account, before.regionCode(), activity.regionCode(), activity.id());
    stores.activities.replaceAll(a -> a.id().equals(activity.id()) ? activity : a);
    log(account, Kind.ACTIVITY, activity.id());
  }

  @Override
  public void save(Account account, Honour honour) {
    throw new UnsupportedOperationException("honours are edited against the store (HonoursIT)");
  }

  @Override
  public List<Photos.Photo> addPhotos(
      Account account, Kind kind, String subjectId, List<Photos.Upload> uploads) {
    throw new UnsupportedOperationException("photos go through the intake (PhotosIT)");
  }

  @Override
  public PhotoBatch importPhotos(Account account, String filename, byte[] zip) {
    throw new UnsupportedOperationException("photos go through the intake (PhotosIT)");
  }

  @Override
  public void retirePhoto(Account account, String photoId) {
    throw new UnsupportedOperationException("photos go through the intake (PhotosIT)");
  }

  @Override
  public List<AuditEntry> audit(Account account, int limit) {
    return audit.stream().limit(limit).toList();
  }

  @Override
  public List<RestrictedContact> contacts(Account account) {
    return contacts.stream().filter(c -> account.mayChange(c.regionCode())).toList();
  }

  private static void scope(Account account, String before, String after, String id) {
    if (!account.mayChange(before) || !account.mayChange(after)) {
      throw new Forbidden(id + " is outside " + account.username() + "'s region");
    }
  }

  private void log(Account account, Kind kind, String id) {
    audit.add(
        new AuditEntry(
            audit.size() + 1,
            LocalDateTime.of(2026, 12, 7, 10, 0),
            account.username(),
            "UPDATE",
            kind,
            id,
            "edited in the form"));
  }
}
