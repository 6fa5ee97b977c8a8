package org.vsmap.pipeline.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vsmap.geo.model.TeamLevel;
import org.vsmap.geo.port.Offices.Account;
import org.vsmap.geo.port.Offices.Forbidden;
import org.vsmap.geo.port.Offices.Role;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.port.Reporting;
import org.vsmap.geo.reporting.Deadline;
import org.vsmap.geo.reporting.Supervision;
import org.vsmap.pipeline.store.JdbiStoreInfo;
import org.vsmap.pipeline.store.ReportingTables;

/**
 * The {@link Reporting} port over the store: reporting units, holiday weeks and the deadline rule
 * as tables, report arrivals as {@code JdbiImportWriter} records them; the statuses are computed by
 * {@link Supervision} on every read.
 */
public final class JdbiReporting implements Reporting {
  private static final String FEED_SECRET_KEY = "reporting.feed_secret";

  private final Jdbi jdbi;
  private final Clock clock;

  public JdbiReporting(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** The deadline rule in force. */
  public Deadline deadline() {
    return jdbi.withHandle(ReportingTables::deadline);
  }

  @Override
  public Board board(Account account, int weeks) {
    LocalDateTime now = LocalDateTime.now(clock);
    Deadline deadline = deadline();
    LocalDate due = deadline.weekDueNext(now);
    List<LocalDate> list = Supervision.weeks(due, weeks);
    List<Supervision.Unit> units = units(scope(account), null);
    List<Supervision.Exempt> exempt = exempt();
    List<Supervision.Row> rows =
        Supervision.grid(units, receipts(list.get(0), due, units), exempt, deadline, list, now);
    return new Board(deadline, now, due, list, rows, exempt, synthetic());
  }

  private boolean synthetic() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM reporting_unit u JOIN team t ON t.id = u.team_id WHERE t.synthetic")
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  @Override
  public void assessment(Account account, int weeks, boolean xlsx, java.io.OutputStream out)
      throws java.io.IOException {
    Board b = board(account, weeks);
    List<String> headers = org.vsmap.geo.reporting.Assessment.headers(b.weeks());
    List<List<Object>> rows = org.vsmap.geo.reporting.Assessment.rows(b.rows());
    if (!xlsx) {
      org.vsmap.geo.format.CsvWriter w = org.vsmap.geo.format.CsvWriter.forSpreadsheets(out);
      w.row(headers);
      rows.forEach(w::row);
      w.flush();
      return;
    }
    Map<String, String> about = new LinkedHashMap<>();
    about.put("表名 / table", "志愿服务活动情况表报送考核表 / weekly report assessment");
    about.put(
        "范围 / scope",
        account.regionName() != null
            ? account.regionName()
            : account.regionCode() == null ? "全市 / whole city" : account.regionCode());
    about.put(
        "截止规则 / deadline",
        b.deadline().zh() + " 前报送上周（周一至周日）/ " + b.deadline().en() + " for the week before");
    about.put("统计时点 / as of", b.now().withNano(0) + " (UTC+8)");
    about.put("口径 / method", "应报周数 = 截止时间已过或已经报送、且不是无需报送的周；按时报送率 = 按时 ÷ 应报周数。状态由导入的活动情况表计算，不可手填。");
    if (b.synthetic()) {
      about.put("注意 / notice", "演示数据，为合成数据，并非真实报送情况 / synthetic demo data");
    }
    org.vsmap.pipeline.export.SheetWriter.xlsx("考核 assessment", headers, rows, about, out);
  }

  @Override
  public Optional<Supervision.Row> history(Account account, String teamId) {
    List<Supervision.Unit> units = units(scope(account), teamId);
    if (units.isEmpty()) {
      return Optional.empty();
    }
    LocalDateTime now = LocalDateTime.now(clock);
    Deadline deadline = deadline();
    LocalDate due = deadline.weekDueNext(now);
    LocalDate since = Deadline.weekOf(units.get(0).since());
    long span = java.time.temporal.ChronoUnit.WEEKS.between(since, due) + 1;
    List<LocalDate> list = Supervision.weeks(due, (int) Math.max(1, Math.min(52, span)));
    return Optional.of(
        Supervision.grid(units, receipts(list.get(0), due, units), exempt(), deadline, list, now)
            .get(0));
  }

  @Override
  public List<Contact> contacts(Account account, List<String> teamIds) {
    Map<String, String> names = new LinkedHashMap<>();
    units(scope(account), null).stream()
        .filter(u -> teamIds.contains(u.teamId()))
        .forEach(u -> names.put(u.teamId(), u.name()));
    if (names.isEmpty()) {
      return List.of();
    }
    return jdbi.inTransaction(
        h -> {
          Map<String, String[]> found = new LinkedHashMap<>();
          h.createQuery(
                  "SELECT record_id, person_name, mobile FROM restricted_contact "
                      + "WHERE kind = 'TEAM' AND record_id IN (<ids>)")
              .bindList("ids", List.copyOf(names.keySet()))
              .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
              .forEach(r -> found.put(r[0], r));
          audit(h, account, "REPORTING_CONTACTS", null, names.size() + " units' contacts viewed");
          List<Contact> out = new ArrayList<>();
          names.forEach(
              (id, name) -> {
                String[] c = found.get(id);
                out.add(new Contact(id, name, c == null ? null : c[1], c == null ? null : c[2]));
              });
          return out;
        });
  }

  @Override
  public Added addUnits(Account admin, Selection selection, LocalDate since) {
    admin(admin);
    if (selection.levels().isEmpty()) {
      throw new IllegalArgumentException("请至少选择一个队伍层级 / choose at least one tier");
    }
    String scope = selection.regionCode() == null ? "" : selection.regionCode().strip();
    if (!scope.isEmpty() && !org.vsmap.geo.model.RegionCode.isValid(scope)) {
      throw new IllegalArgumentException("区划代码无效：" + scope + " / not a region code: " + scope);
    }
    return jdbi.inTransaction(
        h -> {
          List<String> ids =
              h.createQuery(
                      "SELECT t.id FROM team t WHERE t.retired_at IS NULL AND t.region_code LIKE :scope "
                          + "AND t.level IN (<levels>)"
                          + (selection.pairedOnly()
                              ? " AND EXISTS (SELECT 1 FROM team_pairing p WHERE p.team_id = t.id)"
                              : "")
                          + " ORDER BY t.region_code, t.name")
                  .bind("scope", scope + "%")
                  .bindList("levels", selection.levels().stream().map(TeamLevel::name).toList())
                  .mapTo(String.class)
                  .list();
          return add(h, admin, ids, since, List.of());
        });
  }

  @Override
  public Added addUnitsByName(Account admin, String file, byte[] list, LocalDate since) {
    admin(admin);
    List<ReportingNames.Named> named = ReportingNames.read(file, list);
    List<ReportingNames.Known> teams =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT id, name FROM team WHERE retired_at IS NULL")
                    .map((rs, ctx) -> new ReportingNames.Known(rs.getString(1), rs.getString(2)))
                    .list());
    List<Problem> problems = new ArrayList<>();
    List<String> ids = ReportingNames.match(file, named, teams, problems);
    if (!problems.isEmpty()) {
      return new Added(List.of(), 0, List.copyOf(problems));
    }
    return jdbi.inTransaction(h -> add(h, admin, ids, since, problems));
  }

  private Added add(
      Handle h, Account admin, List<String> ids, LocalDate since, List<Problem> problems) {
    List<String> added = new ArrayList<>();
    int already = 0;
    LocalDate from = since != null ? since : deadline().weekDueNext(LocalDateTime.now(clock));
    Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
    for (String id : new java.util.LinkedHashSet<>(ids)) {
      boolean listed =
          h.createQuery("SELECT COUNT(*) FROM reporting_unit WHERE team_id = :id")
                  .bind("id", id)
                  .mapTo(Integer.class)
                  .one()
              > 0;
      if (listed) {
        already++;
        continue;
      }
      h.createUpdate(
              "INSERT INTO reporting_unit (team_id, since, added_by, added_at) VALUES (:id, :since, :by, :at)")
          .bind("id", id)
          .bind("since", from)
          .bind("by", admin.username())
          .bind("at", now)
          .execute();
      audit(h, admin, "REPORTING_UNIT_ADD", id, "reports from the week of " + from);
      added.add(id);
    }
    return new Added(List.copyOf(added), already, List.copyOf(problems));
  }

  @Override
  public void removeUnit(Account admin, String teamId) {
    admin(admin);
    jdbi.useTransaction(
        h -> {
          int n =
              h.createUpdate("DELETE FROM reporting_unit WHERE team_id = :id")
                  .bind("id", teamId)
                  .execute();
          if (n == 0) {
            throw new IllegalArgumentException(
                "不在报送单位名单中：" + teamId + " / not a reporting unit: " + teamId);
          }
          audit(h, admin, "REPORTING_UNIT_REMOVE", teamId, "no longer reports weekly");
        });
  }

  @Override
  public void setExempt(Account admin, LocalDate week, String reason) {
    admin(admin);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 200) {
      throw new IllegalArgumentException(
          "请写明无需报送的原因（最多 200 字），如“国庆假期” / give the reason (up to 200 characters)");
    }
    LocalDate monday = Deadline.weekOf(week);
    jdbi.useTransaction(
        h -> {
          h.createUpdate("DELETE FROM reporting_exempt_week WHERE week_start = :w")
              .bind("w", monday)
              .execute();
          h.createUpdate(
                  "INSERT INTO reporting_exempt_week (week_start, reason, set_by, set_at) VALUES (:w, :r, :by, :at)")
              .bind("w", monday)
              .bind("r", why)
              .bind("by", admin.username())
              .bind("at", Timestamp.valueOf(LocalDateTime.now(clock)))
              .execute();
          audit(h, admin, "REPORTING_WEEK_EXEMPT", null, monday + ": " + why);
        });
  }

  @Override
  public void clearExempt(Account admin, LocalDate week) {
    admin(admin);
    LocalDate monday = Deadline.weekOf(week);
    jdbi.useTransaction(
        h -> {
          h.createUpdate("DELETE FROM reporting_exempt_week WHERE week_start = :w")
              .bind("w", monday)
              .execute();
          audit(h, admin, "REPORTING_WEEK_DUE", null, monday + " is due again");
        });
  }

  @Override
  public void setDeadline(Account admin, Deadline deadline) {
    admin(admin);
    jdbi.useTransaction(
        h -> {
          ReportingTables.setDeadline(h, deadline);
          audit(h, admin, "REPORTING_DEADLINE", null, deadline.text());
        });
  }

  @Override
  public String feedKey(Account account) {
    String hash =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT password_hash FROM account WHERE username = :u")
                    .bind("u", account.username())
                    .mapTo(String.class)
                    .findOne()
                    .orElse(""));
    return hmac(account.username() + "|" + account.regionCode() + "|" + hash);
  }

  @Override
  public Optional<Account> feedAccount(String username, String key) {
    if (username == null || key == null) {
      return Optional.empty();
    }
    Optional<Account> account =
        new JdbiAccounts(jdbi, clock)
            .accounts().stream().filter(a -> a.username().equals(username)).findFirst();
    return account.filter(
        a ->
            MessageDigest.isEqual(
                feedKey(a).getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8)));
  }

  private String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 32);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] secret() {
    JdbiStoreInfo info = new JdbiStoreInfo(jdbi);
    Optional<String> stored = info.get(FEED_SECRET_KEY);
    if (stored.isPresent()) {
      return HexFormat.of().parseHex(stored.get());
    }
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    jdbi.useTransaction(
        h -> {
          if (h.createQuery("SELECT COUNT(*) FROM store_info WHERE k = :k")
                  .bind("k", FEED_SECRET_KEY)
                  .mapTo(Integer.class)
                  .one()
              == 0) {
            JdbiStoreInfo.put(h, FEED_SECRET_KEY, HexFormat.of().formatHex(fresh));
          }
        });
    return HexFormat.of().parseHex(info.get(FEED_SECRET_KEY).orElseThrow());
  }

  private static String scope(Account account) {
    return account.role() == Role.ADMIN || account.regionCode() == null ? "" : account.regionCode();
  }

  private static void admin(Account account) {
    if (account.role() != Role.ADMIN) {
      throw new Forbidden("only the city office (an administrator) keeps the reporting rules");
    }
  }

  /** The units within {@code scope} (a region code prefix), or the one of {@code teamId}. */
  List<Supervision.Unit> units(String scope, String teamId) {
    return jdbi.withHandle(
        h -> {
          Map<String, String> names = new java.util.HashMap<>();
          h.createQuery("SELECT code, name FROM region WHERE LENGTH(code) <= 6")
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
              .forEach(e -> names.put(e.getKey(), e.getValue()));
          return h.createQuery(
                  "SELECT u.team_id, t.name, t.region_code, r.name AS region_name, t.level, u.since, "
                      + "(SELECT COUNT(*) FROM team_pairing p WHERE p.team_id = t.id) AS paired "
                      + "FROM reporting_unit u JOIN team t ON t.id = u.team_id "
                      + "LEFT JOIN region r ON r.code = t.region_code "
                      + "WHERE t.retired_at IS NULL AND t.region_code LIKE :scope"
                      + (teamId == null ? "" : " AND u.team_id = :id")
                      + " ORDER BY t.region_code, t.name")
              .bind("scope", scope + "%")
              .bind("id", teamId)
              .map(
                  (rs, ctx) -> {
                    String region = rs.getString("region_code");
                    String district = region.length() >= 6 ? region.substring(0, 6) : region;
                    TeamLevel level = TeamLevel.valueOf(rs.getString("level"));
                    return new Supervision.Unit(
                        rs.getString("team_id"),
                        rs.getString("name"),
                        region,
                        rs.getString("region_name"),
                        district,
                        district.length() < 6
                            ? names.getOrDefault(district, district) + "（市直）"
                            : names.getOrDefault(district, district),
                        level.zh() + (rs.getInt("paired") > 0 ? " · 结对单位" : ""),
                        rs.getDate("since").toLocalDate());
                  })
              .list();
        });
  }

  private List<Supervision.Receipt> receipts(
      LocalDate from, LocalDate to, List<Supervision.Unit> units) {
    Set<String> ids = new java.util.HashSet<>();
    units.forEach(u -> ids.add(u.teamId()));
    return jdbi.withHandle(h -> ReportingTables.receipts(h, from, to)).stream()
        .filter(r -> ids.contains(r.teamId()))
        .toList();
  }

  /** The holiday weeks, newest first. */
  public List<Supervision.Exempt> exempt() {
    return jdbi.withHandle(ReportingTables::exempt);
  }

  private void audit(Handle h, Account account, String action, String teamId, String detail) {
    h.createUpdate(
            "INSERT INTO audit_log (at, username, action, kind, record_id, detail) VALUES (:at, :u, :a, :kind, :id, :d)")
        .bind("at", Timestamp.valueOf(LocalDateTime.now(clock)))
        .bind("u", account.username())
        .bind("a", action)
        .bind("kind", teamId == null ? null : "TEAM")
        .bind("id", teamId)
        .bind("d", detail)
        .execute();
  }
}
