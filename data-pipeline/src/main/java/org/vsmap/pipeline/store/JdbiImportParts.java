package org.vsmap.pipeline.store;

import java.sql.Timestamp;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.model.VolunteerFigure;
import org.vsmap.pipeline.importer.ImportBatch;

/**
 * The parts of an import written after the records themselves, in the same transaction: volunteer
 * figures, pairings, honours, and the one audit line of a large import.
 */
final class JdbiImportParts {
  private JdbiImportParts() {}

  static void figures(Handle h, ImportBatch b, ImportLog log) {
    for (VolunteerFigure f : b.figures()) {
      log.step();
      h.createUpdate(
              "DELETE FROM volunteer_figure WHERE region_code = :region AND period = :period")
          .bind("region", f.regionCode())
          .bind("period", f.period())
          .execute();
      h.createUpdate(
              "INSERT INTO volunteer_figure (region_code, period, registered, active, service_hours, source) "
                  + "VALUES (:region, :period, :registered, :active, :hours, :source)")
          .bind("region", f.regionCode())
          .bind("period", f.period())
          .bind("registered", f.registered())
          .bind("active", f.active())
          .bind("hours", f.serviceHours())
          .bind("source", b.source())
          .execute();
      log.add("FIGURES", f.regionCode(), "period " + f.period());
    }
  }

  /** Figures, pairings and a weekly report's arrival, after the records they belong to. */
  static void figuresPairingsReceipts(Handle h, ImportBatch b, ImportLog log, Timestamp now) {
    figures(h, b, log);
    pairings(h, b, log);
    receipts(h, b, now);
  }

  /** A unit's pairings are replaced by the ones the file gives. */
  static void pairings(Handle h, ImportBatch b, ImportLog log) {
    java.util.Set<String> paired = new java.util.LinkedHashSet<>();
    b.pairings().forEach(p -> paired.add(p.teamId()));
    for (String team : paired) {
      h.createUpdate("DELETE FROM team_pairing WHERE team_id = :team").bind("team", team).execute();
    }
    for (org.vsmap.geo.model.Pairing p : b.pairings()) {
      log.step();
      h.createUpdate(
              "INSERT INTO team_pairing (team_id, community_code, source) VALUES (:team, :community, :source)")
          .bind("team", p.teamId())
          .bind("community", p.communityCode())
          .bind("source", b.source())
          .execute();
      log.add("PAIRING", p.communityCode(), "team " + p.teamId());
    }
  }

  /**
   * A weekly report's arrival, once per team and week its activities cover: the first arrival is
   * kept, so importing the same report again changes nothing. How many were new.
   */
  static int receipts(Handle h, ImportBatch b, Timestamp now) {
    if (!b.weeklyReport()) {
      return 0;
    }
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    int added = 0;
    for (org.vsmap.geo.model.Activity a : b.activities()) {
      java.time.LocalDate week = org.vsmap.geo.reporting.Deadline.weekOf(a.start().toLocalDate());
      if (!seen.add(a.organiserTeamId() + "|" + week)) {
        continue;
      }
      boolean known =
          h.createQuery(
                      "SELECT COUNT(*) FROM report_receipt WHERE team_id = :team AND week_start = :week")
                  .bind("team", a.organiserTeamId())
                  .bind("week", week)
                  .mapTo(Integer.class)
                  .one()
              > 0;
      if (known) {
        continue;
      }
      h.createUpdate(
              "INSERT INTO report_receipt (team_id, week_start, received_at, username, source) "
                  + "VALUES (:team, :week, :at, :user, :source)")
          .bind("team", a.organiserTeamId())
          .bind("week", week)
          .bind("at", now)
          .bind("user", b.username())
          .bind("source", b.source())
          .execute();
      added++;
    }
    return added;
  }

  /** Honours placed at their subjects, written when new or changed; how many were. */
  static int honours(Handle h, ImportBatch b, ImportLog log, Timestamp now) {
    int honours = 0;
    for (org.vsmap.geo.model.Honour x : b.honours()) {
      log.step();
      org.vsmap.geo.model.Honour placed = x.at(JdbiHonours.placeOf(h, x));
      java.util.Optional<org.vsmap.geo.model.Honour> stored = JdbiHonours.byId(h, x.id());
      boolean retired =
          h.createQuery("SELECT COUNT(*) FROM honour WHERE id = :id AND retired_at IS NOT NULL")
                  .bind("id", x.id())
                  .mapTo(Integer.class)
                  .one()
              > 0;
      if (stored.isPresent() && stored.get().equals(placed) && !retired) {
        continue;
      }
      JdbiHonours.put(h, placed, b.source(), now);
      honours++;
      log.add(
          stored.isPresent() ? "HONOUR_UPDATE" : "HONOUR",
          x.regionCode(),
          "honour " + x.id() + ": " + x.year() + " " + x.title());
    }
    return honours;
  }

  /** One audit line for an import too large to audit record by record. */
  static void audit(
      Handle h,
      ImportBatch b,
      Map<Kind, JdbiImportWriter.Counts> counts,
      JdbiImportWriter.Counts regions,
      long firstSeq,
      Timestamp now) {
    long lastSeq =
        h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM change_log").mapTo(Long.class).one();
    StringBuilder d = new StringBuilder("source " + b.source() + ":");
    counts.forEach(
        (k, c) -> {
          if (c.changed() > 0) {
            d.append(' ')
                .append(k.path())
                .append(' ')
                .append(c.created())
                .append(" new ")
                .append(c.updated())
                .append(" updated ")
                .append(c.retired())
                .append(" retired;");
          }
        });
    d.append(" regions ")
        .append(regions.created())
        .append(" new ")
        .append(regions.updated())
        .append(" updated;");
    d.append(" each change is in the change log, seq ")
        .append(firstSeq)
        .append('–')
        .append(lastSeq);
    h.createUpdate(
            "INSERT INTO audit_log (at, username, action, detail) VALUES (:at, :u, 'IMPORT', :d)")
        .bind("at", now)
        .bind("u", b.username())
        .bind("d", d.toString())
        .execute();
  }
}
