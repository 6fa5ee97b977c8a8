package org.vsmap.pipeline.store;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vsmap.geo.model.Activity;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RestrictedContact;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.port.Photos;
import org.vsmap.pipeline.importer.ImportBatch;

/**
 * Writes what an import (or an edit form) brings, all in one transaction: new records inserted,
 * changed ones updated in place, identical ones left alone, and — for a full re-import — records of
 * the same source that the file no longer lists retired (kept, no longer public). Every change goes
 * to the change log (the search index follows it) and to the audit log (who, what, when). A failure
 * or a kill at any point leaves the store as it was.
 */
public final class JdbiImportWriter {

  /** What happened to one kind. */
  public record Counts(int created, int updated, int unchanged, int retired) {
    public int changed() {
      return created + updated + retired;
    }
  }

  /**
   * What an import did (or, for a preview, would do); {@code regions} counts new and changed
   * regions.
   */
  public record Outcome(
      Map<Kind, Counts> counts,
      int contacts,
      int figures,
      Counts regions,
      int honours,
      List<Photos.Photo> photos,
      List<Changed> changed) {}

  /** A record the import adds, changes or retires (CREATE, UPDATE, RESTORE, RETIRE). */
  public record Changed(Kind kind, String id, String action) {}

  static final int BATCH = 1000;

  /**
   * Up to this many records an import writes one audit row per changed record; a larger one writes
   * one IMPORT row naming who, the counts and the change-log range that lists every record.
   */
  static final int AUDIT_EACH = 10_000;

  private final Jdbi jdbi;

  private final java.time.Clock clock;

  public JdbiImportWriter(Jdbi jdbi) {
    this(jdbi, org.vsmap.geo.time.ChinaTime.system());
  }

  /**
   * A writer that stamps what it writes (audit, change log, publication) with this clock's time.
   */
  public JdbiImportWriter(Jdbi jdbi, java.time.Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Writes the batch in one transaction. */
  public Outcome apply(ImportBatch b) {
    return apply(b, n -> {});
  }

  /**
   * Writes the batch in one transaction, calling {@code progress} with the number of records
   * handled so far.
   */
  public Outcome apply(ImportBatch b, java.util.function.IntConsumer progress) {
    return jdbi.inTransaction(h -> write(h, b, progress));
  }

  /** How many records {@link #apply} goes through (for a progress bar). */
  public static int size(ImportBatch b) {
    return b.regions().size()
        + b.stations().size()
        + b.teams().size()
        + b.activities().size()
        + b.contacts().size()
        + b.figures().size()
        + b.pairings().size()
        + b.honours().size()
        + b.photos().size();
  }

  /**
   * Exactly what {@link #apply} would do, computed inside a transaction that is then rolled back.
   */
  public Outcome preview(ImportBatch b) {
    try (Handle h = jdbi.open()) {
      h.begin();
      try {
        return write(h, b, n -> {});
      } finally {
        h.rollback();
      }
    }
  }

  /** Honours after the records they honour: an honour's point is its subject's place. */
  private static int honoursAndPhotos(Handle h, ImportBatch b, ImportLog log, Timestamp now) {
    if (!b.stations().isEmpty() || !b.teams().isEmpty() || !b.activities().isEmpty()) {
      JdbiHonours.followSubjects(h, now);
    }
    return JdbiImportParts.honours(h, b, log, now);
  }

  /** Photos last: they may belong to the stations and activities just written. */
  private static List<Photos.Photo> photosOf(Handle h, ImportBatch b, Timestamp now) {
    return b.photos().isEmpty()
        ? List.of()
        : JdbiPhotoAttach.store(h, b.photos(), b.username(), now.toLocalDateTime());
  }

  private Outcome write(Handle h, ImportBatch b, java.util.function.IntConsumer progress) {
    Map<Kind, Counts> counts = new EnumMap<>(Kind.class);
    Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
    ImportLog log =
        new ImportLog(h, b.username(), b.source(), now, progress, size(b) <= AUDIT_EACH);
    long firstSeq =
        h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM change_log").mapTo(Long.class).one() + 1;
    Counts regions = regions(h, b.regions(), log);
    counts.put(
        Kind.STATION,
        write(
            h,
            b,
            Kind.STATION,
            "station",
            b.stations(),
            Station::id,
            id ->
                h.createQuery(JdbiStationStore.SELECT_ANY + "WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> JdbiStationStore.map(rs))
                    .findOne(),
            list -> JdbiStationStore.insert(h, list, b.source()),
            s -> JdbiStationStore.update(h, s, b.source()),
            log));
    counts.put(
        Kind.TEAM,
        write(
            h,
            b,
            Kind.TEAM,
            "team",
            b.teams(),
            Team::id,
            id ->
                h.createQuery(JdbiTeamStore.SELECT_ANY + "WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> JdbiTeamStore.map(rs))
                    .findOne(),
            list -> JdbiTeamStore.insert(h, list, b.source()),
            t -> JdbiTeamStore.update(h, t, b.source()),
            log));
    counts.put(
        Kind.ACTIVITY,
        write(
            h,
            b,
            Kind.ACTIVITY,
            "activity",
            b.activities(),
            Activity::id,
            id ->
                h.createQuery(JdbiActivityStore.SELECT_ANY + "WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> JdbiActivityStore.map(rs))
                    .findOne(),
            list -> JdbiActivityStore.insert(h, list, b.source(), now),
            a -> JdbiActivityStore.update(h, a, b.source()),
            log));
    for (RestrictedContact c : b.contacts()) {
      log.step();
      JdbiRestrictedContacts.put(h, c, now);
    }
    JdbiImportParts.figuresPairingsReceipts(h, b, log, now);
    int honours = honoursAndPhotos(h, b, log, now);
    List<Photos.Photo> photos = photosOf(h, b, now);
    log.flush();
    if (!log.each) {
      JdbiImportParts.audit(h, b, counts, regions, firstSeq, now);
    }
    return new Outcome(
        counts,
        b.contacts().size(),
        b.figures().size(),
        regions,
        honours,
        photos,
        List.copyOf(log.changed));
  }

  /**
   * Regions, parents first (the caller sorts by code length): inserted, rewritten or left alone;
   * not retired.
   */
  private static Counts regions(Handle h, List<Region> regions, ImportLog log) {
    if (regions.isEmpty()) {
      return new Counts(0, 0, 0, 0);
    }
    Set<String> stored =
        new HashSet<>(h.createQuery("SELECT code FROM region").mapTo(String.class).list());
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    List<Region> fresh = new ArrayList<>();
    for (Region r : regions) {
      log.step();
      if (!stored.contains(r.code())) {
        fresh.add(r);
        created++;
        log.add("REGION", r.code(), "created " + r.name());
        if (fresh.size() == BATCH) {
          JdbiRegionStore.insert(h, fresh);
          fresh.clear();
        }
      } else if (JdbiRegionStore.find(h, r.code()).map(r::equals).orElse(false)) {
        unchanged++;
      } else {
        if (!fresh.isEmpty()) {
          JdbiRegionStore.insert(h, fresh);
          fresh.clear();
        }
        JdbiRegionStore.update(h, r);
        updated++;
        log.add("REGION", r.code(), "updated " + r.name());
      }
    }
    if (!fresh.isEmpty()) {
      JdbiRegionStore.insert(h, fresh);
    }
    return new Counts(created, updated, unchanged, 0);
  }

  private interface Inserter<T> {
    void insert(List<T> records);
  }

  private interface Updater<T> {
    void update(T record);
  }

  private static <T> Counts write(
      Handle h,
      ImportBatch b,
      Kind kind,
      String table,
      List<T> records,
      Function<T, String> idOf,
      Function<String, Optional<T>> findAny,
      Inserter<T> inserter,
      Updater<T> updater,
      ImportLog log) {
    Set<String> stored =
        new HashSet<>(h.createQuery("SELECT id FROM " + table).mapTo(String.class).list());
    Set<String> retired =
        new HashSet<>(
            h.createQuery("SELECT id FROM " + table + " WHERE retired_at IS NOT NULL")
                .mapTo(String.class)
                .list());
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    List<T> fresh = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (T r : records) {
      log.step();
      String id = idOf.apply(r);
      listed.add(id);
      if (!stored.contains(id)) {
        fresh.add(r);
        if (fresh.size() == BATCH) {
          inserter.insert(fresh);
          fresh.clear();
        }
        log.change(kind, id, false, "CREATE");
        created++;
      } else if (!retired.contains(id) && findAny.apply(id).map(r::equals).orElse(false)) {
        unchanged++;
      } else {
        updater.update(r);
        log.change(kind, id, false, retired.contains(id) ? "RESTORE" : "UPDATE");
        updated++;
      }
    }
    if (!fresh.isEmpty()) {
      inserter.insert(fresh);
    }
    int retiredNow = 0;
    if (b.retireMissing().contains(kind)) {
      List<String> gone =
          h
              .createQuery(
                  "SELECT id FROM " + table + " WHERE source = :source AND retired_at IS NULL")
              .bind("source", b.source())
              .mapTo(String.class)
              .list()
              .stream()
              .filter(id -> !listed.contains(id))
              .toList();
      for (String id : gone) {
        h.createUpdate("UPDATE " + table + " SET retired_at = :now WHERE id = :id")
            .bind("now", log.now)
            .bind("id", id)
            .execute();
        log.change(kind, id, true, "RETIRE");
        retiredNow++;
      }
    }
    return new Counts(created, updated, unchanged, retiredNow);
  }
}
