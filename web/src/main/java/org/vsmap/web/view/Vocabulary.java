package org.vsmap.web.view;

import java.util.List;
import java.util.Properties;

/**
 * The words offices write in services, honour titles and awarding bodies, in English for English
 * pages ({@code i18n/vocabulary_en.properties}); a word not in it is shown as written.
 */
public final class Vocabulary {
  private static final Properties EN = PropertiesFile.load("i18n/vocabulary_en.properties");

  private Vocabulary() {}

  /** The word in the page's language. */
  public static String of(String word, Lang lang) {
    return word == null || lang == Lang.ZH ? word : EN.getProperty(word.strip(), word);
  }

  /** Each word in the page's language. */
  public static List<String> of(List<String> words, Lang lang) {
    return lang == Lang.ZH ? words : words.stream().map(w -> of(w, lang)).toList();
  }
}
