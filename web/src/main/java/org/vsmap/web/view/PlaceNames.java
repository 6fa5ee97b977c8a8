package org.vsmap.web.view;

import java.util.Locale;
import java.util.Properties;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Place names on English pages: the English name in use where there is one ({@code
 * i18n/place-names_en.properties}: Ordos, its banners and districts), else the name in pinyin with
 * its kind in English (交通街道 → Jiaotong Subdistrict, 锦秀社区居委会 → Jinxiu Community, 漫赖村委会 → Manlai
 * Village), as Chinese place names are written in English.
 */
public final class PlaceNames {
  private static final Properties KNOWN = PropertiesFile.load("i18n/place-names_en.properties");

  /** Kinds of place at the end of a name, longest first, and their English words. */
  private static final String[][] KINDS = {
    {"社区居民委员会", "Community"},
    {"社区居委会", "Community"},
    {"居民委员会", "Community"},
    {"居委会", "Community"},
    {"嘎查村民委员会", "Gacha"},
    {"嘎查村委会", "Gacha"},
    {"村民委员会", "Village"},
    {"村委会", "Village"},
    {"委员会", "Committee"},
    {"开发区", "Development Zone"},
    {"嘎查村", "Gacha"},
    {"嘎查", "Gacha"},
    {"社区", "Community"},
    {"街道", "Subdistrict"},
    {"苏木", "Sumu"},
    {"园区", "Park"},
    {"村", "Village"},
    {"镇", "Town"},
    {"乡", "Township"},
    {"旗", "Banner"},
    {"区", "District"},
    {"县", "County"},
    {"市", "City"}
  };

  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

  static {
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    FORMAT.setVCharType(HanyuPinyinVCharType.WITH_U_UNICODE);
  }

  private PlaceNames() {}

  /** The English name of the region with this code and Chinese name. */
  public static String english(String code, String zh) {
    String known = KNOWN.getProperty(code);
    if (known != null) {
      return known;
    }
    for (String[] k : KINDS) {
      if (zh.endsWith(k[0]) && zh.length() > k[0].length()) {
        return pinyin(zh.substring(0, zh.length() - k[0].length())) + " " + k[1];
      }
    }
    return pinyin(zh);
  }

  /** Chinese characters as one capitalised word of pinyin (锦秀 → Jinxiu); other text as it is. */
  static String pinyin(String zh) {
    StringBuilder out = new StringBuilder();
    for (char c : zh.toCharArray()) {
      String[] readings;
      try {
        readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
      } catch (BadHanyuPinyinOutputFormatCombination e) {
        throw new IllegalStateException(e);
      }
      out.append(readings == null || readings.length == 0 ? String.valueOf(c) : readings[0]);
    }
    String s = out.toString().strip();
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
