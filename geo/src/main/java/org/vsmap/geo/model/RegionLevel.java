package org.vsmap.geo.model;

/** The five tiers of China's administrative divisions, with the length of their official codes. */
public enum RegionLevel {
  PROVINCE("省", "province", 2),
  CITY("市", "city", 4),
  COUNTY("区县/旗区", "county / district", 6),
  STREET("乡镇/街道", "township / street", 9),
  COMMUNITY("社区/村", "community / village", 12);

  private final String zh;
  private final String en;
  private final int codeLength;

  RegionLevel(String zh, String en, int codeLength) {
    this.zh = zh;
    this.en = en;
    this.codeLength = codeLength;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public int codeLength() {
    return codeLength;
  }

  /** The level whose official codes have this many digits. */
  public static RegionLevel ofCode(String code) {
    for (RegionLevel level : values()) {
      if (level.codeLength == code.length()) {
        return level;
      }
    }
    throw new IllegalArgumentException("not a region code (2, 4, 6, 9 or 12 digits): " + code);
  }
}
