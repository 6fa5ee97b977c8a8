package org.vsmap.pipeline.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Names typed in sheets against the names in the store. */
class NameMatchTest {
  static final List<String> TEAMS = List.of("东胜区蓝天救援志愿服务队", "交通街道志愿服务总队", "锦秀社区志愿服务小队", "ABC志愿队");

  static List<String> near(String name) {
    return NameMatch.near(name, TEAMS, Function.identity()).stream()
        .map(NameMatch.Near::name)
        .toList();
  }

  @Test
  void spacingWidthPunctuationAndCaseDoNotMakeAnotherName() {
    assertThat(NameMatch.same("东胜区 蓝天救援志愿服务队", TEAMS, Function.identity()))
        .hasValue("东胜区蓝天救援志愿服务队");
    assertThat(NameMatch.same("ＡＢＣ志愿队", TEAMS, Function.identity())).hasValue("ABC志愿队");
    assertThat(NameMatch.same("abc 志愿队。", TEAMS, Function.identity())).hasValue("ABC志愿队");
    assertThat(NameMatch.same("东胜区蓝天救援队", TEAMS, Function.identity())).isEmpty();
  }

  @Test
  void typosHomophonesAndTraditionalCharactersAreNearMisses() {
    assertThat(near("东胜区蓝天救缓志愿服务队")).as("one wrong character").containsExactly("东胜区蓝天救援志愿服务队");
    assertThat(near("交通街到志愿服务总队")).as("a homophone: 道/到").containsExactly("交通街道志愿服务总队");
    assertThat(near("東勝區藍天救援志願服務隊")).as("traditional characters").containsExactly("东胜区蓝天救援志愿服务队");
    assertThat(near("东胜区蓝天救援志愿服队")).as("a character left out").containsExactly("东胜区蓝天救援志愿服务队");
    assertThat(near("锦绣社区志愿服务小队")).as("锦秀/锦绣").containsExactly("锦秀社区志愿服务小队");
  }

  @Test
  void aReallyNewNameIsNearNothing() {
    assertThat(near("不存在的志愿服务队")).isEmpty();
    assertThat(near("康巴什区爱心志愿服务队")).isEmpty();
    assertThat(near("")).isEmpty();
  }

  @Test
  void theEditDistanceCountsSwapsAsOneAndStopsEarly() {
    assertThat(NameMatch.distance("蓝天救援", "蓝天援救", 2)).isEqualTo(1);
    assertThat(NameMatch.distance("abc", "abc", 1)).isZero();
    assertThat(NameMatch.distance("abcdef", "uvwxyz", 1)).isEqualTo(2);
  }
}
