package org.vsmap.pipeline.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * An account's password: at least {@value #MIN_LENGTH} characters and not easy to guess — judged by
 * nbvcxz (a port of zxcvbn) against its lists of leaked and common passwords, names and words,
 * keyboard patterns, repeats and dates, plus the account's own name and the portal's names, which
 * may not be part of it. At least 35 bits of estimated entropy are needed.
 */
final class PasswordRules {
  static final int MIN_LENGTH = 12;

  /** Words of the portal itself: a password built on them is the first an attacker tries. */
  private static final List<String> PORTAL_WORDS =
      List.of(
          "vsmap",
          "volunteer",
          "zhiyuan",
          "zhiyuanfuwu",
          "ditu",
          "ordos",
          "eerduosi",
          "wenmingban",
          "志愿服务地图",
          "志愿服务",
          "鄂尔多斯",
          "文明办");

  private PasswordRules() {}

  /**
   * @throws IllegalArgumentException saying why the password is refused and how to choose one
   */
  static void check(String username, String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
    }
    List<String> own = new ArrayList<>(PORTAL_WORDS);
    if (username != null) {
      own.add(username.toLowerCase(Locale.ROOT));
    }
    DictionaryBuilder words =
        new DictionaryBuilder().setDictionaryName("portal").setExclusion(true);
    own.forEach(w -> words.addWord(w, 0));
    List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
    dictionaries.add(words.createDictionary());
    Result r =
        new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries).createConfiguration())
            .estimate(password);
    if (!r.isMinimumEntropyMet()) {
      String why = r.getFeedback().getWarning();
      throw new IllegalArgumentException(
          "this password is too easy to guess"
              + (why == null ? "" : " (" + why + ")")
              + ": use four or more unrelated words, or a password manager's; not the account's"
              + " name or the portal's");
    }
  }
}
