package org.vsmap.pipeline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RelatedWordsTest {
  private static RelatedWords of(String text) throws Exception {
    return RelatedWords.parse(new BufferedReader(new StringReader(text)));
  }

  @Test
  void aWordIsReplacedByEachOtherWordOfItsGroup() throws Exception {
    RelatedWords w = of("# comment\n助老 敬老 老人 空巢老人\n\n环保 生态\n");
    assertThat(w.alternatives("社区敬老")).containsExactly("社区空巢老人", "社区助老", "社区老人");
    assertThat(w.alternatives("环保")).containsExactly("生态");
    assertThat(w.alternatives("图书馆")).isEmpty();
  }

  @Test
  void theLongestWordOfAGroupIsTheOneReplaced() throws Exception {
    // 空巢老人 holds 老人 too: replacing 老人 inside it would make 空巢助老
    assertThat(of("助老 老人 空巢老人").alternatives("空巢老人")).containsExactly("助老", "老人");
  }

  @Test
  void theShippedVocabularyCoversTheResidentsWordsOfTheIssue() {
    RelatedWords shipped = RelatedWords.shipped();
    for (String word : new String[] {"敬老", "养老", "敬老院", "为老", "空巢老人"}) {
      assertThat(shipped.alternatives(word)).as(word).contains("助老");
    }
    assertThat(shipped.alternatives("残疾人")).contains("助残");
    assertThat(shipped.alternatives("环保")).contains("生态");
    assertThat(shipped.alternatives("医疗")).contains("义诊");
    assertThat(shipped.alternatives("义诊")).contains("医疗");
  }
}
