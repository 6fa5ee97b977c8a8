package org.vsmap.pipeline.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.RestrictedContact;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.port.Offices;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.importer.ImportBatch;
import org.vsmap.pipeline.importer.OfficeImport;
import org.vsmap.pipeline.store.ImportPipeline;
import org.vsmap.pipeline.store.JdbiActivityStore;
import org.vsmap.pipeline.store.JdbiImportWriter;
import org.vsmap.pipeline.store.JdbiRestrictedContacts;
import org.vsmap.pipeline.store.JdbiStationStore;
import org.vsmap.pipeline.store.JdbiTeamStore;

/**
 * The admin port over the store: accounts ({@link JdbiAccounts}), office files through {@link
 * OfficeImport} in the account's region, edits through the same {@link JdbiImportWriter} (change
 * and audit log). Checked uploads wait in memory for their confirmation for 30 minutes.
 */
public final class JdbiOffices implements Offices {
  static final Duration PENDING = Duration.ofMinutes(30);

  private record Pending(String username, OfficeImport.Prepared prepared, Instant expires) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final JdbiAccounts accounts;

  /** Uploads and photo archives take the same path as the import command. */
  private final ImportPipeline pipeline;

  /** Checked uploads waiting for their confirmation; dropped 30 minutes after the check. */
  private final com.github.benmanes.caffeine.cache.Cache<String, Pending> pending =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(PENDING).build();

  /** Every check's report, clean or not, for its full problem list; the last 32 for 30 minutes. */
  private final com.github.benmanes.caffeine.cache.Cache<String, Checked> checked =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
          .expireAfterWrite(PENDING)
          .maximumSize(32)
          .build();

  private record Checked(String username, Preview preview) {}

  public JdbiOffices(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.accounts = new JdbiAccounts(jdbi, clock);
    this.pipeline = new ImportPipeline(jdbi, clock);
  }

  @Override
  public SignIn signIn(String username, String password) {
    return accounts.signIn(username, password);
  }

  @Override
  public void recordSecurityEvent(String action, String detail) {
    accounts.securityEvent(action, detail);
  }

  @Override
  public List<AccountEntry> accounts(Account admin) {
    adminOnly(admin);
    return accounts.entries();
  }

  @Override
  public void createAccount(
      Account admin, String username, Role role, String regionCode, String password) {
    adminOnly(admin);
    accounts.create(username, password, role, regionCode, admin.username());
  }

  @Override
  public void resetPassword(Account admin, String username, String password) {
    adminOnly(admin);
    accounts.resetPassword(username, password, admin.username());
  }

  @Override
  public void setDisabled(Account admin, String username, boolean disabled) {
    adminOnly(admin);
    if (disabled && admin.username().equals(username)) {
      throw new IllegalArgumentException("an administrator cannot disable their own account");
    }
    accounts.setDisabled(username, disabled, admin.username());
  }

  @Override
  public void setRegion(Account admin, String username, String regionCode) {
    adminOnly(admin);
    accounts.setRegion(username, regionCode, admin.username());
  }

  private static void adminOnly(Account account) {
    if (account.role() != Role.ADMIN) {
      throw new Forbidden("only an administrator manages accounts");
    }
  }

  @Override
  public boolean hasSecondFactor(Account account) {
    return accounts.hasSecondFactor(account.username());
  }

  @Override
  public boolean enableSecondFactor(Account account, String secret, String code) {
    return accounts.enableSecondFactor(account.username(), secret, code);
  }

  @Override
  public boolean checkSecondFactor(Account account, String code) {
    return accounts.checkSecondFactor(account.username(), code);
  }

  @Override
  public boolean disableSecondFactor(Account account, String code) {
    return accounts.checkSecondFactor(account.username(), code)
        && accounts.disableSecondFactor(account.username(), account.username());
  }

  @Override
  public String newSecondFactorSecret() {
    return SecondFactor.newSecret();
  }

  @Override
  public Session openSession(Account account) {
    return accounts.openSession(account);
  }

  @Override
  public Optional<Session> session(String token) {
    return accounts.session(token);
  }

  @Override
  public void closeSession(String token) {
    accounts.closeSession(token);
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
    OfficeImport.What w = OfficeImport.What.parse(what);
    CoordinateSystem cs = crs == null || crs.isBlank() ? null : CoordinateSystem.parse(crs);
    String name = file == null || file.isBlank() ? "upload" : file.replaceAll("[\\\\/]", "_");
    OfficeImport.Prepared p =
        pipeline.check(
            new OfficeImport.Request(
                w,
                name,
                bytes,
                encoding == null || encoding.isBlank() ? null : encoding,
                cs,
                account.regionCode(),
                account.role() == Role.ADMIN ? null : account.regionCode(),
                name.replaceFirst("\\.[^.]+$", ""),
                full,
                account.username(),
                mapping == null || mapping.isBlank() ? null : mapping,
                saveMapping));
    List<Change> changes = List.of();
    List<ChangedRecord> records = List.of();
    int contacts = 0;
    int figures = 0;
    if (p.clean()) {
      JdbiImportWriter.Outcome o = pipeline.preview(p);
      changes = changes(o);
      records = ChangedRecords.named(o.changed(), p.batch());
      contacts = o.contacts();
      figures = o.figures();
    }
    Instant now = clock.instant();
    String id = JdbiAccounts.random();
    if (p.clean()) {
      pending.put(id, new Pending(account.username(), p, now.plus(PENDING)));
    }
    Preview preview =
        new Preview(
            id,
            name,
            w.zh() + " / " + w.en(),
            p.readAs(),
            p.records(),
            p.problems(),
            p.warnings(),
            changes,
            records,
            contacts,
            figures);
    checked.put(id, new Checked(account.username(), preview));
    return preview;
  }

  @Override
  public Optional<Preview> checked(Account account, String previewId) {
    Checked c = previewId == null ? null : checked.getIfPresent(previewId);
    return c != null && c.username().equals(account.username())
        ? Optional.of(c.preview())
        : Optional.empty();
  }

  @Override
  public List<Change> confirm(Account account, String previewId) {
    Pending p = previewId == null ? null : pending.getIfPresent(previewId);
    if (p == null
        || !p.username().equals(account.username())
        || p.expires().isBefore(clock.instant())) {
      throw new NoSuchElementException(
          "no checked upload "
              + previewId
              + " waits for "
              + account.username()
              + " (it was confirmed already, or it expired after 30 minutes)");
    }
    pending.invalidate(previewId);
    return changes(pipeline.write(p.prepared(), n -> {}));
  }

  @Override
  public void save(Account account, Station station) {
    String old =
        new JdbiStationStore(jdbi)
            .stationById(station.id())
            .map(Station::regionCode)
            .orElse(station.regionCode());
    permit(account, Kind.STATION, station.id(), old, station.regionCode());
    new JdbiImportWriter(jdbi, clock)
        .apply(ImportBatch.of("admin-form", account.username()).withStations(List.of(station)));
  }

  @Override
  public void save(Account account, Team team) {
    String old =
        new JdbiTeamStore(jdbi).teamById(team.id()).map(Team::regionCode).orElse(team.regionCode());
    permit(account, Kind.TEAM, team.id(), old, team.regionCode());
    new JdbiImportWriter(jdbi, clock)
        .apply(ImportBatch.of("admin-form", account.username()).withTeams(List.of(team)));
  }

  @Override
  public void save(Account account, Activity activity) {
    String old =
        new JdbiActivityStore(jdbi)
            .activityById(activity.id())
            .map(Activity::regionCode)
            .orElse(activity.regionCode());
    permit(account, Kind.ACTIVITY, activity.id(), old, activity.regionCode());
    new JdbiImportWriter(jdbi, clock)
        .apply(ImportBatch.of("admin-form", account.username()).withActivities(List.of(activity)));
  }

  @Override
  public void save(Account account, org.vsmap.geo.model.Honour honour) {
    String old =
        new org.vsmap.pipeline.store.JdbiHonours(jdbi)
            .honourById(honour.id())
            .map(org.vsmap.geo.model.Honour::regionCode)
            .orElse(honour.regionCode());
    permit(
        account,
        (String) null,
        honour.id(),
        old,
        honour.regionCode()); // the audit log has no kind for honours
    new JdbiImportWriter(jdbi, clock)
        .apply(ImportBatch.of("admin-form", account.username()).withHonours(List.of(honour)));
  }

  @Override
  public List<org.vsmap.geo.port.Photos.Photo> addPhotos(
      Account account,
      Kind kind,
      String subjectId,
      List<org.vsmap.geo.port.Photos.Upload> uploads) {
    String region =
        switch (kind) {
          case STATION ->
              new JdbiStationStore(jdbi)
                  .stationById(subjectId)
                  .map(Station::regionCode)
                  .orElse(null);
          case ACTIVITY ->
              new JdbiActivityStore(jdbi)
                  .activityById(subjectId)
                  .map(Activity::regionCode)
                  .orElse(null);
          case TEAM ->
              throw new IllegalArgumentException(
                  "照片只能添加到站点或活动 / photos belong to stations and activities");
        };
    if (region == null) {
      throw new NoSuchElementException("no " + kind.name().toLowerCase() + " with id " + subjectId);
    }
    permit(account, kind, subjectId, region, region);
    if (uploads.isEmpty()) {
      throw new IllegalArgumentException("请选择 JPG 或 PNG 照片 / choose one or more JPG or PNG photos");
    }
    // every file is checked and re-encoded first; one refusal and nothing is stored
    List<String> refused = new ArrayList<>();
    List<org.vsmap.pipeline.photos.PhotoAttach.Checked> checked = new ArrayList<>();
    for (org.vsmap.geo.port.Photos.Upload u : uploads) {
      try {
        checked.add(
            org.vsmap.pipeline.photos.PhotoAttach.check(
                new org.vsmap.pipeline.photos.PhotoAttach.Item(kind, subjectId, region, u)));
      } catch (IllegalArgumentException r) {
        refused.add(r.getMessage());
      }
    }
    if (!refused.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", refused));
    }
    return jdbi.inTransaction(
        h ->
            org.vsmap.pipeline.store.JdbiPhotoAttach.store(
                h, checked, account.username(), java.time.LocalDateTime.now(clock)));
  }

  @Override
  public PhotoBatch importPhotos(Account account, String filename, byte[] zip) {
    java.nio.file.Path dir;
    try {
      dir = java.nio.file.Files.createTempDirectory("vsmap-photos-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try {
      java.nio.file.Path list = org.vsmap.pipeline.photos.PhotoArchive.unpack(zip, dir);
      byte[] bytes;
      try {
        bytes = java.nio.file.Files.readAllBytes(list);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      OfficeImport.Prepared p =
          pipeline.check(
              OfficeImport.Request.photos(
                  list.getFileName().toString(),
                  bytes,
                  null,
                  dir,
                  account.role() == Role.ADMIN ? null : account.regionCode(),
                  account.username()));
      if (!p.clean()) {
        return new PhotoBatch(List.of(), p.problems());
      }
      try {
        return new PhotoBatch(pipeline.write(p, done -> {}).photos(), List.of());
      } catch (IllegalArgumentException e) {
        return new PhotoBatch(
            List.of(),
            List.of(new Problem(filename, 0, null, null, e.getMessage(), e.getMessage())));
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(java.nio.file.Path dir) {
    try {
      org.vsmap.pipeline.Folders.deleteTree(dir);
    } catch (java.io.IOException e) {
      // a scratch folder left in the system's temp directory: nothing of it is served
    }
  }

  @Override
  public void retirePhoto(Account account, String photoId) {
    jdbi.useTransaction(
        h -> {
          String[] subject =
              org.vsmap.pipeline.store.JdbiPhotos.subject(h, photoId)
                  .orElseThrow(() -> new NoSuchElementException("no photo with id " + photoId));
          permit(account, Kind.valueOf(subject[0]), subject[1], subject[2], subject[2]);
          org.vsmap.pipeline.store.JdbiPhotos.retire(
              h, photoId, java.time.LocalDateTime.now(clock));
          audit(
              h, account, "PHOTO_RETIRE", Kind.valueOf(subject[0]), subject[1], "photo " + photoId);
        });
  }

  private void audit(
      org.jdbi.v3.core.Handle h,
      Account account,
      String action,
      Kind kind,
      String id,
      String detail) {
    h.createUpdate(
            "INSERT INTO audit_log (at, username, action, kind, record_id, detail) VALUES (:at, :u, :a, :kind, :id, :d)")
        .bind("at", java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(clock)))
        .bind("u", account.username())
        .bind("a", action)
        .bind("kind", kind.name())
        .bind("id", id)
        .bind("d", detail.length() > 500 ? detail.substring(0, 500) : detail)
        .execute();
  }

  private void permit(Account account, Kind kind, String id, String oldRegion, String newRegion) {
    permit(account, kind.name(), id, oldRegion, newRegion);
  }

  private void permit(Account account, String kind, String id, String oldRegion, String newRegion) {
    if (!account.mayChange(oldRegion) || !account.mayChange(newRegion)) {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO audit_log (at, username, action, kind, record_id, detail) "
                          + "VALUES (:at, :u, 'DENIED', :kind, :id, :d)")
                  .bind("at", java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(clock)))
                  .bind("u", account.username())
                  .bind("kind", kind)
                  .bind("id", id)
                  .bind("d", "region " + oldRegion + " → " + newRegion)
                  .execute());
      throw new Forbidden(
          account.username()
              + " may only change records in region "
              + account.regionCode()
              + "; "
              + id
              + " is in "
              + (account.mayChange(oldRegion) ? newRegion : oldRegion));
    }
  }

  @Override
  public List<AuditEntry> audit(Account account, int limit) {
    String scoped =
        account.role() == Role.ADMIN
            ? ""
            : "WHERE l.username IN (SELECT username FROM account WHERE region_code LIKE :p) ";
    return jdbi.withHandle(
        h -> {
          var q =
              h.createQuery(
                      "SELECT l.seq, l.at, l.username, l.action, l.kind, l.record_id, l.detail FROM audit_log l "
                          + scoped
                          + "ORDER BY l.seq DESC LIMIT :limit")
                  .bind("limit", limit);
          if (account.role() != Role.ADMIN) {
            q.bind("p", account.regionCode() + "%");
          }
          return q.map(
                  (rs, ctx) ->
                      new AuditEntry(
                          rs.getLong(1),
                          rs.getTimestamp(2).toLocalDateTime(),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getString(5) == null ? null : Kind.valueOf(rs.getString(5)),
                          rs.getString(6),
                          rs.getString(7)))
              .list();
        });
  }

  @Override
  public List<RestrictedContact> contacts(Account account) {
    return new JdbiRestrictedContacts(jdbi)
        .inRegion(account.role() == Role.ADMIN ? "" : account.regionCode());
  }

  private static List<Change> changes(JdbiImportWriter.Outcome o) {
    List<Change> out = new ArrayList<>();
    o.counts()
        .forEach(
            (k, c) -> {
              if (c.created() + c.updated() + c.unchanged() + c.retired() > 0) {
                out.add(new Change(k, c.created(), c.updated(), c.unchanged(), c.retired()));
              }
            });
    return out;
  }
}
