package org.vsmap.pipeline.seed;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.jdbi.v3.core.Handle;
import org.vsmap.geo.model.Pairing;
import org.vsmap.geo.model.Team;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.reporting.Deadline;

/**
 * Synthetic weekly reporting for the demo, so /admin/reporting has something to show: the
 * districts' 分队, the units' 总队 and every paired unit report weekly from twelve weeks back; each
 * week's report arrives on time, late or not at all by a fixed digest of the team and the week
 * (about 78 %, 12 %, 10 %). Only synthetic teams; every arrival is marked synthetic; none is later
 * than the start of the seeding day.
 */
final class DemoReporting {
  static final String BY = "demo (synthetic)";

  private DemoReporting() {}

  static void seed(Handle h, List<Team> teams, List<Pairing> pairings, LocalDateTime now) {
    Deadline deadline = Deadline.SEED_001;
    LocalDate due = deadline.weekDueNext(now);
    LocalDate since = due.minusWeeks(12);
    Set<String> paired = new java.util.HashSet<>();
    pairings.forEach(p -> paired.add(p.teamId()));
    Timestamp at = Timestamp.valueOf(now);
    // arrivals up to the start of the seeding day: the same demo whatever the hour it starts
    LocalDateTime cutoff = now.toLocalDate().atStartOfDay();
    var units =
        h.prepareBatch(
            "INSERT INTO reporting_unit (team_id, since, added_by, added_at) VALUES (:t, :s, :by, :at)");
    var receipts =
        h.prepareBatch(
            "INSERT INTO report_receipt (team_id, week_start, received_at, username, source, synthetic) "
                + "VALUES (:t, :w, :r, :by, :by, TRUE)");
    int n = 0;
    for (Team t : teams) {
      boolean reports =
          t.synthetic()
              && (t.level() == TeamLevel.DIVISION
                  || t.level() == TeamLevel.UNIT_CORPS
                  || paired.contains(t.id()));
      if (!reports) {
        continue;
      }
      units.bind("t", t.id()).bind("s", since).bind("by", BY).bind("at", at).add();
      n++;
      for (LocalDate w = since; !w.isAfter(due); w = w.plusWeeks(1)) {
        LocalDateTime received = arrival(t.id(), w, deadline);
        if (received == null || received.isAfter(cutoff)) {
          continue;
        }
        receipts
            .bind("t", t.id())
            .bind("w", w)
            .bind("r", Timestamp.valueOf(received))
            .bind("by", BY)
            .add();
      }
    }
    if (n > 0) {
      units.execute();
    }
    if (receipts.size() > 0) {
      receipts.execute();
    }
  }

  /** When the week's report arrives, or null when it never does. */
  static LocalDateTime arrival(String team, LocalDate week, Deadline deadline) {
    CRC32 crc = new CRC32();
    crc.update((team + "|" + week).getBytes(StandardCharsets.UTF_8));
    long v = crc.getValue();
    int roll = (int) (v % 100);
    int minutes = (int) ((v / 100) % (30 * 60));
    LocalDateTime due = deadline.due(week);
    if (roll < 78) {
      return due.minusMinutes(30 + minutes); // Monday morning to half an hour before
    }
    if (roll < 90) {
      return due.plusMinutes(60 + minutes); // Tuesday evening to Thursday
    }
    return null;
  }
}
