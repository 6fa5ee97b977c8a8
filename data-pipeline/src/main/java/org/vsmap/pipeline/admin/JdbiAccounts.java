package org.vsmap.pipeline.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.vsmap.geo.port.Offices;

/**
 * Office accounts and their sessions. Passwords are hashed with bcrypt (Spring Security Crypto,
 * cost 12); nothing is ever locked (the portal throttles attempts by address and name); an unknown
 * name costs the same bcrypt check as a known one. An account may add a second factor ({@link
 * SecondFactor}: codes from an authenticator app). A session cookie is 32 random bytes of which
 * only the SHA-256 digest is stored; sessions last 8 hours and are shared by every node of one
 * store.
 */
public final class JdbiAccounts {
  static final Duration SESSION = Duration.ofHours(8);

  private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(12);
  private static final String DUMMY = BCRYPT.encode("not a password of anyone");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;
  private final Clock clock;

  /**
   * The real time, for second-factor codes: the app on a phone knows nothing of a portal started as
   * another day ({@code VSMAP_TODAY}).
   */
  private final Clock codeClock;

  public JdbiAccounts(Jdbi jdbi, Clock clock) {
    this(jdbi, clock, Clock.systemUTC());
  }

  JdbiAccounts(Jdbi jdbi, Clock clock, Clock codeClock) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.codeClock = codeClock;
  }

  /**
   * Creates an account.
   *
   * @throws IllegalArgumentException for a taken or malformed name, a short or guessable password
   *     (PasswordRules), an office without a region
   */
  public void create(String username, String password, Offices.Role role, String regionCode) {
    create(username, password, role, regionCode, "cli");
  }

  /** Creates an account; {@code by}: who did, for the audit log ("cli" or an administrator). */
  public void create(
      String username, String password, Offices.Role role, String regionCode, String by) {
    if (username == null || !username.matches("[A-Za-z0-9_.@-]{3,64}")) {
      throw new IllegalArgumentException("a user name is 3–64 letters, digits or _.@-");
    }
    PasswordRules.check(username, password);
    if (role == Offices.Role.OFFICE && (regionCode == null || regionCode.isBlank())) {
      throw new IllegalArgumentException("an office account needs its region code");
    }
    jdbi.useTransaction(
        h -> {
          if (regionCode != null) {
            knownRegion(h, regionCode);
          }
          if (h.createQuery("SELECT COUNT(*) FROM account WHERE username = :u")
                  .bind("u", username)
                  .mapTo(Integer.class)
                  .one()
              > 0) {
            throw new IllegalArgumentException("the account " + username + " exists already");
          }
          h.createUpdate(
                  "INSERT INTO account (username, password_hash, role, region_code, created_at) "
                      + "VALUES (:u, :hash, :role, :region, :now)")
              .bind("u", username)
              .bind("hash", BCRYPT.encode(password))
              .bind("role", role.name())
              .bind("region", role == Offices.Role.ADMIN ? null : regionCode)
              .bind("now", now())
              .execute();
          securityEvent(
              h,
              by,
              "ACCOUNT",
              "created " + username + " " + role + (regionCode == null ? "" : " " + regionCode));
        });
  }

  /** Checks a password (the same bcrypt work for a name that does not exist). */
  public Offices.SignIn signIn(String username, String password) {
    record Row(String hash, String role, String region) {}
    Optional<Row> row =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT password_hash, role, region_code FROM account"
                            + " WHERE username = :u AND disabled = FALSE")
                    .bind("u", username == null ? "" : username)
                    .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .findOne());
    if (row.isEmpty()) { // no such account, or a disabled one: the same bcrypt work, refused
      BCRYPT.matches(password == null ? "" : password, DUMMY);
      return new Offices.SignIn.Refused();
    }
    Row r = row.get();
    // no lock here: a stranger could trigger it against a real office (the portal's SignInGuard
    // throttles the attempts instead, by address and by name)
    if (password != null && BCRYPT.matches(password, r.hash())) {
      return new Offices.SignIn.Ok(
          new Offices.Account(username, Offices.Role.valueOf(r.role()), r.region()));
    }
    return new Offices.SignIn.Refused();
  }

  /** Every account as administrators see it, by name. */
  public List<Offices.AccountEntry> entries() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT username, role, region_code, disabled, totp_secret IS NOT NULL, created_at"
                        + " FROM account ORDER BY username")
                .map(
                    (rs, ctx) ->
                        new Offices.AccountEntry(
                            rs.getString(1),
                            Offices.Role.valueOf(rs.getString(2)),
                            rs.getString(3),
                            rs.getBoolean(4),
                            rs.getBoolean(5),
                            rs.getTimestamp(6).toLocalDateTime()))
                .list());
  }

  /** A new password (the same rules as at creation); the account's sessions end. */
  public void resetPassword(String username, String password, String by) {
    PasswordRules.check(username, password);
    jdbi.useTransaction(
        h -> {
          existing(h, username);
          h.createUpdate("UPDATE account SET password_hash = :hash WHERE username = :u")
              .bind("hash", BCRYPT.encode(password))
              .bind("u", username)
              .execute();
          endSessions(h, username);
          securityEvent(h, by, "ACCOUNT", "new password for " + username);
        });
  }

  /** Disables (its sessions end, it cannot sign in) or enables an account. */
  public void setDisabled(String username, boolean disabled, String by) {
    jdbi.useTransaction(
        h -> {
          existing(h, username);
          h.createUpdate("UPDATE account SET disabled = :d WHERE username = :u")
              .bind("d", disabled)
              .bind("u", username)
              .execute();
          if (disabled) {
            endSessions(h, username);
          }
          securityEvent(h, by, "ACCOUNT", (disabled ? "disabled " : "enabled ") + username);
        });
  }

  /** Moves an office account to another region (what it may edit); its sessions end. */
  public void setRegion(String username, String regionCode, String by) {
    jdbi.useTransaction(
        h -> {
          if (!"OFFICE".equals(existing(h, username))) {
            throw new IllegalArgumentException("only an office account has a region");
          }
          knownRegion(h, regionCode);
          h.createUpdate("UPDATE account SET region_code = :r WHERE username = :u")
              .bind("r", regionCode)
              .bind("u", username)
              .execute();
          endSessions(h, username);
          securityEvent(h, by, "ACCOUNT", "region of " + username + " set to " + regionCode);
        });
  }

  /** Refuses a region code the store does not hold. */
  private static void knownRegion(org.jdbi.v3.core.Handle h, String code) {
    if (h.createQuery("SELECT COUNT(*) FROM region WHERE code = :c")
            .bind("c", code)
            .mapTo(Integer.class)
            .one()
        == 0) {
      throw new IllegalArgumentException("unknown region code " + code);
    }
  }

  /** The account's role; an unknown name is refused. */
  private static String existing(org.jdbi.v3.core.Handle h, String username) {
    return h.createQuery("SELECT role FROM account WHERE username = :u")
        .bind("u", username)
        .mapTo(String.class)
        .findOne()
        .orElseThrow(() -> new IllegalArgumentException("no account " + username));
  }

  private static void endSessions(org.jdbi.v3.core.Handle h, String username) {
    h.createUpdate("DELETE FROM account_session WHERE username = :u").bind("u", username).execute();
  }

  /** Whether the account signs in with a code from its authenticator app too. */
  public boolean hasSecondFactor(String username) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT totp_secret IS NOT NULL FROM account WHERE username = :u")
                .bind("u", username)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false));
  }

  /**
   * Puts {@code secret} in force for the account when {@code code} is the app's current code for it
   * (proof the app holds it); false, and nothing changed, otherwise.
   */
  public boolean enableSecondFactor(String username, String secret, String code) {
    if (!SecondFactor.wellFormed(secret)) {
      return false;
    }
    var step = SecondFactor.step(secret, code, codeClock.instant(), null);
    if (step.isEmpty()) {
      return false;
    }
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "UPDATE account SET totp_secret = :s, totp_last_step = :step WHERE username = :u")
              .bind("s", secret)
              .bind("step", step.getAsLong())
              .bind("u", username)
              .execute();
          securityEvent(h, username, "SECOND_FACTOR_ON", "second factor turned on");
        });
    return true;
  }

  /**
   * Whether {@code code} is the account's current code, not used before; a right code is used up.
   */
  public boolean checkSecondFactor(String username, String code) {
    record Row(String secret, Long last) {}
    Optional<Row> row =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT totp_secret, totp_last_step FROM account WHERE username = :u")
                    .bind("u", username)
                    .map((rs, ctx) -> new Row(rs.getString(1), (Long) rs.getObject(2, Long.class)))
                    .findOne());
    if (row.isEmpty() || row.get().secret() == null) {
      return false;
    }
    var step = SecondFactor.step(row.get().secret(), code, codeClock.instant(), row.get().last());
    if (step.isEmpty()) {
      return false;
    }
    // used once: only the first of two requests with the same code moves the step on
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE account SET totp_last_step = :step WHERE username = :u"
                            + " AND (totp_last_step IS NULL OR totp_last_step < :step)")
                    .bind("step", step.getAsLong())
                    .bind("u", username)
                    .execute())
        == 1;
  }

  /** Turns the second factor off; {@code by}: who did (the account itself, or the command line). */
  public boolean disableSecondFactor(String username, String by) {
    return jdbi.inTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "UPDATE account SET totp_secret = NULL, totp_last_step = NULL"
                          + " WHERE username = :u AND totp_secret IS NOT NULL")
                  .bind("u", username)
                  .execute();
          if (n == 1) {
            securityEvent(h, username, "SECOND_FACTOR_OFF", "second factor turned off by " + by);
          }
          return n == 1;
        });
  }

  private void securityEvent(
      org.jdbi.v3.core.Handle h, String username, String action, String detail) {
    h.createUpdate("INSERT INTO audit_log (at, username, action, detail) VALUES (:now, :u, :a, :d)")
        .bind("now", now())
        .bind("u", username)
        .bind("a", action)
        .bind("d", detail)
        .execute();
  }

  /** Writes a sign-in throttle starting or being cleared to the audit log. */
  public void securityEvent(String action, String detail) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO audit_log (at, username, action, detail) VALUES (:now, '(sign-in)', :a, :d)")
                .bind("now", now())
                .bind("a", action)
                .bind("d", detail.length() > 4000 ? detail.substring(0, 4000) : detail)
                .execute());
  }

  /** Names, roles and regions of every account. */
  public List<Offices.Account> accounts() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT username, role, region_code FROM account ORDER BY username")
                .map(
                    (rs, ctx) ->
                        new Offices.Account(
                            rs.getString(1),
                            Offices.Role.valueOf(rs.getString(2)),
                            rs.getString(3)))
                .list());
  }

  public Offices.Session openSession(Offices.Account account) {
    String token = random();
    String csrf = random();
    jdbi.useHandle(
        h -> {
          h.createUpdate("DELETE FROM account_session WHERE expires_at < :now")
              .bind("now", now())
              .execute();
          h.createUpdate(
                  "INSERT INTO account_session (token_hash, username, csrf_token, expires_at) VALUES (:t, :u, :c, :exp)")
              .bind("t", digest(token))
              .bind("u", account.username())
              .bind("c", csrf)
              .bind("exp", Timestamp.valueOf(LocalDateTime.now(clock).plus(SESSION)))
              .execute();
        });
    return new Offices.Session(token, csrf, account);
  }

  public Optional<Offices.Session> session(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT s.csrf_token, a.username, a.role, a.region_code, g.name"
                        + " FROM account_session s JOIN account a ON a.username = s.username"
                        + " LEFT JOIN region g ON g.code = a.region_code"
                        + " WHERE s.token_hash = :t AND s.expires_at > :now AND a.disabled = FALSE")
                .bind("t", digest(token))
                .bind("now", now())
                .map(
                    (rs, ctx) ->
                        new Offices.Session(
                            token,
                            rs.getString(1),
                            new Offices.Account(
                                rs.getString(2),
                                Offices.Role.valueOf(rs.getString(3)),
                                rs.getString(4),
                                rs.getString(5))))
                .findOne());
  }

  public void closeSession(String token) {
    if (token != null) {
      jdbi.useHandle(
          h ->
              h.createUpdate("DELETE FROM account_session WHERE token_hash = :t")
                  .bind("t", digest(token))
                  .execute());
    }
  }

  private Timestamp now() {
    return Timestamp.valueOf(LocalDateTime.now(clock));
  }

  static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String digest(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
