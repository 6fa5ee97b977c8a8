package org.vsmap.pipeline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The codes of an authenticator app (RFC 6238), and which the portal accepts. */
class SecondFactorTest {
  /** RFC 6238 appendix B's SHA-1 secret, "12345678901234567890", in Base32. */
  static final String RFC = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @Test
  void theCodesAreTheRfcsTestVectorsCutToSixDigits() {
    // RFC 6238 B: 94287082 at 59 s, 07081804 at 1111111109 s, 14050471 at 1111111111 s
    assertThat(SecondFactor.code(RFC, Instant.ofEpochSecond(59))).isEqualTo("287082");
    assertThat(SecondFactor.code(RFC, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    assertThat(SecondFactor.code(RFC, Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
  }

  @Test
  void aCodeCountsForTheStepsBesideNowOnlyOnceAndOnlyAsSixDigits() {
    Instant now = Instant.ofEpochSecond(1_800_000_015L); // step 60,000,000
    long step = 60_000_000L;
    String current = SecondFactor.code(RFC, now);
    assertThat(SecondFactor.step(RFC, current, now, null)).isEqualTo(OptionalLong.of(step));
    assertThat(
            SecondFactor.step(RFC, current.substring(0, 3) + " " + current.substring(3), now, null))
        .as("as the app shows it, with a space")
        .isEqualTo(OptionalLong.of(step));
    String previous = SecondFactor.code(RFC, now.minusSeconds(30));
    String next = SecondFactor.code(RFC, now.plusSeconds(30));
    assertThat(SecondFactor.step(RFC, previous, now, null)).isEqualTo(OptionalLong.of(step - 1));
    assertThat(SecondFactor.step(RFC, next, now, null)).isEqualTo(OptionalLong.of(step + 1));
    assertThat(SecondFactor.step(RFC, SecondFactor.code(RFC, now.minusSeconds(90)), now, null))
        .as("three steps old")
        .isEmpty();
    assertThat(SecondFactor.step(RFC, current, now, step)).as("used already").isEmpty();
    assertThat(SecondFactor.step(RFC, previous, now, step))
        .as("older than the last used")
        .isEmpty();
    assertThat(SecondFactor.step(RFC, "12345", now, null)).isEmpty();
    assertThat(SecondFactor.step(RFC, "abcdef", now, null)).isEmpty();
    assertThat(SecondFactor.step(RFC, null, now, null)).isEmpty();
  }

  @Test
  void newSecretsAreRandomBase32OfTwentyBytes() {
    String a = SecondFactor.newSecret();
    assertThat(a).matches("[A-Z2-7]{32}").isNotEqualTo(SecondFactor.newSecret());
    assertThat(SecondFactor.wellFormed(a)).isTrue();
    assertThat(SecondFactor.wellFormed("SHORT")).isFalse();
    assertThat(SecondFactor.wellFormed("not base32 at all, not at all!!")).isFalse();
  }
}
