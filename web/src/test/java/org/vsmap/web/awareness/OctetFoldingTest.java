package org.vsmap.web.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OctetFoldingTest {
  @Test
  void linesAreAtMost75OctetsNeverSplitACharacterAndUnfoldToTheOriginal() {
    String description =
        "DESCRIPTION:在锦秀社区志愿服务站开展读书分享会，面向老年人和青少年，" + "欢迎报名参加。地址：东胜区交通街道锦秀社区居民委员会一楼活动室😀，联系电话请见页面。";
    String calendar = "BEGIN:VCALENDAR\r\n" + description + "\r\nEND:VCALENDAR\r\n";
    String folded = OctetFolding.fold(calendar);
    for (String line : folded.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length)
          .as("octets of " + line)
          .isLessThanOrEqualTo(75);
      assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
          .doesNotContain("\uFFFD");
    }
    assertThat(folded.split("\r\n").length).as("the long line was folded").isGreaterThan(3);
    assertThat(folded.replace("\r\n ", "")).as("unfolding gives it back").isEqualTo(calendar);
    assertThat(OctetFolding.fold("SHORT:x\r\n")).isEqualTo("SHORT:x\r\n");
  }
}
