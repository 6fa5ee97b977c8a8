package org.vsmap.geo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class JoiningTest {
  @Test
  void onlyHttpLinksWithAHostArePublished() {
    assertThat(Joining.link(" https://example.org/p?id=1 ", "link"))
        .isEqualTo("https://example.org/p?id=1");
    assertThat(Joining.link("  ", "link")).isNull();
    for (String bad :
        new String[] {
          "javascript:alert(1)", "example.org/p", "https://", "mailto:a@b.cn", "https://a b.cn/"
        }) {
      assertThatThrownBy(() -> Joining.link(bad, "link"))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("https://");
    }
  }

  @Test
  void aPersonalMobileIsNeverAnOfficeLine() {
    assertThatThrownBy(() -> new Joining(null, null, null, null, "139 1234 5678".replace(" ", "")))
        .hasMessageContaining("mobile");
    assertThat(new Joining(null, null, null, null, "0477-8581234").officeLine())
        .isEqualTo("0477-8581234");
  }

  @Test
  void signUpClosesAtItsDeadlineAndNeverWithoutOne() {
    LocalDateTime deadline = LocalDateTime.of(2026, 12, 6, 18, 0);
    Joining j = new Joining("P1", null, null, deadline, null);
    assertThat(j.closedAt(deadline.minusMinutes(1))).isFalse();
    assertThat(j.closedAt(deadline)).isTrue();
    assertThat(Joining.NONE.closedAt(deadline.plusYears(5))).isFalse();
    assertThat(Joining.NONE.isEmpty()).isTrue();
    assertThat(j.isEmpty()).isFalse();
    assertThatThrownBy(() -> new Joining("P 1", null, null, null, null))
        .hasMessageContaining("项目编号");
  }
}
