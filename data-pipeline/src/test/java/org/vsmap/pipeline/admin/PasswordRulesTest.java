package org.vsmap.pipeline.admin;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Passwords (issue 20, finding 9): length alone no longer passes. */
class PasswordRulesTest {
  @Test
  void guessablePasswordsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> PasswordRules.check("dongsheng", "short"))
        .hasMessageContaining("at least 12 characters");
    assertThatThrownBy(() -> PasswordRules.check("dongsheng", "aaaaaaaaaaaa"))
        .hasMessageContaining("too easy to guess")
        .hasMessageContaining("Repeats");
    assertThatThrownBy(() -> PasswordRules.check("dongsheng", "password1234"))
        .hasMessageContaining("common password");
    assertThatThrownBy(() -> PasswordRules.check("dongsheng", "woaini1314520"))
        .as("a common password of Chinese users")
        .hasMessageContaining("too easy to guess");
    assertThatThrownBy(() -> PasswordRules.check("dongsheng", "dongsheng2026!"))
        .as("the account's own name")
        .hasMessageContaining("too easy to guess");
    assertThatThrownBy(() -> PasswordRules.check("office7", "vsmap-ordos-2026"))
        .as("the portal's names")
        .hasMessageContaining("too easy to guess");
  }

  @Test
  void unrelatedWordsPass() {
    assertThatCode(() -> PasswordRules.check("dongsheng", "correct horse battery"))
        .doesNotThrowAnyException();
    assertThatCode(() -> PasswordRules.check("kangbashi", "kettle-lantern-orbit-47"))
        .doesNotThrowAnyException();
  }
}
