package org.vsmap.geo.fake;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vsmap.geo.format.CsvWriter;
import org.vsmap.geo.port.Offices;
import org.vsmap.geo.port.Offices.Account;
import org.vsmap.geo.port.Reporting;
import org.vsmap.geo.reporting.Assessment;
import org.vsmap.geo.reporting.Deadline;
import org.vsmap.geo.reporting.Supervision;

/**
 * The {@link Reporting} port in memory: units, arrivals and holiday weeks in lists, statuses from
 * {@link Supervision} like the store's adapter, scoped by the account's region. The key of an
 * account's feed is {@code "key-" + username}. Adding by name and the XLSX table need the real
 * importer and POI: ReportingStoreIT and ReportingIT test those against the store.
 */
public final class InMemoryReporting implements Reporting {
  public final List<Supervision.Unit> units = new ArrayList<>();
  public final List<Supervision.Receipt> receipts = new ArrayList<>();
  public final List<Supervision.Exempt> exempt = new ArrayList<>();
  public final List<Account> accounts = new ArrayList<>();
  public final List<Contact> contacts = new ArrayList<>();

  /** What was done, one line each (the audit log's stand-in). */
  public final List<String> audit = new ArrayList<>();

  public Deadline deadline = Deadline.SEED_001;
  private final Clock clock;

  public InMemoryReporting(Clock clock) {
    this.clock = clock;
  }

  private List<Supervision.Unit> scoped(Account a) {
    return units.stream()
        .filter(u -> a.role() == Offices.Role.ADMIN || u.regionCode().startsWith(a.regionCode()))
        .toList();
  }

  @Override
  public Board board(Account account, int weeks) {
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDate due = deadline.weekDueNext(now);
    List<LocalDate> list = Supervision.weeks(due, weeks);
    return new Board(
        deadline,
        now,
        due,
        list,
        Supervision.grid(scoped(account), receipts, exempt, deadline, list, now),
        List.copyOf(exempt),
        true);
  }

  @Override
  public void assessment(Account account, int weeks, boolean xlsx, OutputStream out) {
    if (xlsx) {
      throw new UnsupportedOperationException("the XLSX table is tested against the store");
    }
    Board b = board(account, weeks);
    CsvWriter w = CsvWriter.forSpreadsheets(out);
    w.row(Assessment.headers(b.weeks()));
    Assessment.rows(b.rows()).forEach(w::row);
    w.flush();
  }

  @Override
  public Optional<Supervision.Row> history(Account account, String teamId) {
    Board b = board(account, 12);
    return b.rows().stream().filter(r -> r.unit().teamId().equals(teamId)).findFirst();
  }

  @Override
  public List<Contact> contacts(Account account, List<String> teamIds) {
    List<String> mine = scoped(account).stream().map(Supervision.Unit::teamId).toList();
    audit.add(account.username() + " CONTACTS " + teamIds);
    return contacts.stream()
        .filter(c -> teamIds.contains(c.teamId()) && mine.contains(c.teamId()))
        .toList();
  }

  private static void admin(Account a) {
    if (a.role() != Offices.Role.ADMIN) {
      throw new Offices.Forbidden("only an administrator keeps the reporting rules");
    }
  }

  @Override
  public Added addUnits(Account admin, Selection selection, LocalDate since) {
    admin(admin);
    throw new UnsupportedOperationException("adding by tier is tested against the store");
  }

  @Override
  public Added addUnitsByName(Account admin, String file, byte[] list, LocalDate since) {
    admin(admin);
    throw new UnsupportedOperationException("adding by name is tested against the store");
  }

  @Override
  public void removeUnit(Account admin, String teamId) {
    admin(admin);
    if (!units.removeIf(u -> u.teamId().equals(teamId))) {
      throw new IllegalArgumentException("not a reporting unit: " + teamId);
    }
    audit.add(admin.username() + " REMOVE " + teamId);
  }

  @Override
  public void setExempt(Account admin, LocalDate week, String reason) {
    admin(admin);
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("give the reason");
    }
    exempt.add(new Supervision.Exempt(Deadline.weekOf(week), reason));
    audit.add(admin.username() + " EXEMPT " + Deadline.weekOf(week));
  }

  @Override
  public void clearExempt(Account admin, LocalDate week) {
    admin(admin);
    exempt.removeIf(e -> e.week().equals(Deadline.weekOf(week)));
  }

  @Override
  public void setDeadline(Account admin, Deadline d) {
    admin(admin);
    deadline = d;
    audit.add(admin.username() + " DEADLINE " + d.text());
  }

  @Override
  public String feedKey(Account account) {
    return "key-" + account.username();
  }

  @Override
  public Optional<Account> feedAccount(String username, String key) {
    return accounts.stream()
        .filter(a -> a.username().equals(username) && ("key-" + username).equals(key))
        .findFirst();
  }
}
