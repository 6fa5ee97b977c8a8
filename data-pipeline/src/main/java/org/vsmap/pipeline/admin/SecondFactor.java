package org.vsmap.pipeline.admin;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time codes (TOTP, RFC 6238, as authenticator apps make them: HMAC-SHA1, six
 * digits, 30-second steps; java-otp computes them). A code is accepted for the step before, the
 * step of and the step after now (a phone's clock may be a little off), and only for a step later
 * than the last one accepted, so a code seen over a shoulder cannot be used again.
 */
public final class SecondFactor {
  static final Duration STEP = Duration.ofSeconds(30);
  private static final TimeBasedOneTimePasswordGenerator TOTP =
      new TimeBasedOneTimePasswordGenerator(STEP, 6);
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecondFactor() {}

  /** A new shared secret: 20 random bytes in Base32, as apps take it. */
  public static String newSecret() {
    byte[] b = new byte[20];
    RANDOM.nextBytes(b);
    return new Base32().encodeToString(b).replace("=", "");
  }

  /** The code for {@code secret} at {@code at} (what the app shows then). */
  public static String code(String secret, Instant at) {
    try {
      return TOTP.generateOneTimePasswordString(key(secret), at);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("not a usable secret", e);
    }
  }

  /**
   * The step {@code code} is right for, near {@code now} and after {@code lastStep} (null: none
   * yet); empty when it is wrong, old or used.
   */
  static OptionalLong step(String secret, String code, Instant now, Long lastStep) {
    if (secret == null || code == null) {
      return OptionalLong.empty();
    }
    String c = code.replaceAll("\\s", "");
    if (!c.matches("\\d{6}")) {
      return OptionalLong.empty();
    }
    long current = now.getEpochSecond() / STEP.toSeconds();
    for (long s = current - 1; s <= current + 1; s++) {
      if ((lastStep == null || s > lastStep)
          && java.security.MessageDigest.isEqual(
              code(secret, Instant.ofEpochSecond(s * STEP.toSeconds())).getBytes(), c.getBytes())) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }

  /** Whether {@code secret} is a Base32 secret of at least 16 bytes. */
  static boolean wellFormed(String secret) {
    return secret != null
        && secret.matches("[A-Z2-7]{26,64}")
        && new Base32().decode(secret).length >= 16;
  }

  private static SecretKeySpec key(String secret) {
    return new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
  }
}
