package org.vsmap.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceNamesTest {
  @Test
  void namesInUseFirstThenPinyinWithTheKindOfPlace() {
    assertThat(PlaceNames.english("150602", "东胜区")).isEqualTo("Dongsheng District");
    assertThat(PlaceNames.english("150627", "伊金霍洛旗")).isEqualTo("Ejin Horo Banner");
    assertThat(PlaceNames.english("150602001", "交通街道")).isEqualTo("Jiaotong Subdistrict");
    assertThat(PlaceNames.english("150602001002", "锦秀社区居委会")).isEqualTo("Jinxiu Community");
    assertThat(PlaceNames.english("150602100200", "漫赖村委会")).isEqualTo("Manlai Village");
    assertThat(PlaceNames.english("150625200201", "巴音嘎查村委会")).isEqualTo("Bayin Gacha");
    assertThat(PlaceNames.english("150602100", "罕台镇")).isEqualTo("Hantai Town");
  }

  @Test
  void officeWordsAreTranslatedOnEnglishPagesOnly() {
    assertThat(Vocabulary.of(List.of("助老助残", "义诊", "某项新服务"), Lang.EN))
        .containsExactly("Help for older and disabled people", "Free health checks", "某项新服务");
    assertThat(Vocabulary.of("最美志愿服务站", Lang.ZH)).isEqualTo("最美志愿服务站");
  }
}
