package org.vsmap.pipeline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.port.Offices;
import org.vsmap.pipeline.store.Database;

/**
 * An account's second factor in the store (H2GIS): on with a right code, used once, off, audited.
 */
@Tag("integration")
class SecondFactorStoreIT {

  @Test
  void onWithARightCodeEachCodeOnceOffAndEveryChangeInTheAuditLog() throws Exception {
    Path tmp = Files.createTempDirectory("vsmap-2fa-");
    Instant now = Instant.parse("2026-12-07T02:00:10Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    try (Database db = Database.open(Database.embeddedUrl(tmp.resolve("store")), null, null)) {
      JdbiAccounts accounts = new JdbiAccounts(db.jdbi(), clock, clock);
      accounts.create("cityadmin", "a long enough passphrase 7", Offices.Role.ADMIN, null);
      assertThat(accounts.hasSecondFactor("cityadmin")).isFalse();
      String secret = SecondFactor.newSecret();
      assertThat(accounts.enableSecondFactor("cityadmin", secret, "000000"))
          .as("a wrong code turns nothing on")
          .isFalse();
      assertThat(accounts.hasSecondFactor("cityadmin")).isFalse();
      String code = SecondFactor.code(secret, now);
      assertThat(accounts.enableSecondFactor("cityadmin", secret, code)).isTrue();
      assertThat(accounts.hasSecondFactor("cityadmin")).isTrue();
      assertThat(accounts.checkSecondFactor("cityadmin", code))
          .as("the code that turned it on is used up")
          .isFalse();
      String next = SecondFactor.code(secret, now.plusSeconds(30));
      assertThat(accounts.checkSecondFactor("cityadmin", next)).isTrue();
      assertThat(accounts.checkSecondFactor("cityadmin", next)).as("used once").isFalse();
      assertThat(accounts.checkSecondFactor("nobody", next)).isFalse();
      assertThat(accounts.disableSecondFactor("cityadmin", "cli:root")).isTrue();
      assertThat(accounts.hasSecondFactor("cityadmin")).isFalse();
      assertThat(accounts.disableSecondFactor("cityadmin", "cli:root")).as("already off").isFalse();
      List<String> audit =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT action || ' ' || detail FROM audit_log WHERE username = 'cityadmin' ORDER BY seq")
                          .mapTo(String.class)
                          .list());
      assertThat(audit)
          .contains("SECOND_FACTOR_ON second factor turned on")
          .contains("SECOND_FACTOR_OFF second factor turned off by cli:root");
    }
  }
}
