package org.vsmap.geo.model;

/**
 * The 18 themed categories of 学雷锋 volunteer service listed in seed 001, each placed in one of the
 * three 关爱 groups. The seeds name both lists but not the mapping; the grouping is ours and is
 * documented in ARCHITECTURE.md.
 */
public enum Theme {
  PARTY_MEMBER("党员", "Party members", CareGroup.SOCIETY),
  WORKER("职工", "Workers", CareGroup.OTHERS),
  COMMUNITY("社区", "Community", CareGroup.OTHERS),
  PUBLIC_SAFETY("平安", "Public safety", CareGroup.SOCIETY),
  CULTURE("文化", "Culture", CareGroup.SOCIETY),
  ARTS("文艺", "Performing arts", CareGroup.SOCIETY),
  SCIENCE("科普", "Science outreach", CareGroup.SOCIETY),
  TOURISM("旅游", "Civilised tourism", CareGroup.SOCIETY),
  RED_CROSS("红十字", "Red Cross", CareGroup.OTHERS),
  FIVE_ELDERS("“五老”", "The \"five elders\"", CareGroup.OTHERS),
  YOUTH_MODEL_POST("青年文明号", "Youth civilisation posts", CareGroup.SOCIETY),
  NEIGHBOURHOOD_WATCH("邻里守望", "Neighbourhood watch", CareGroup.OTHERS),
  WOMEN("巾帼", "Women volunteers", CareGroup.OTHERS),
  MOUNTAINS_AND_RIVERS("关爱山川河流", "Caring for mountains and rivers", CareGroup.NATURE),
  PUBLIC_HEALTH("服务百姓健康", "Public health", CareGroup.OTHERS),
  DISABILITY_SUNSHINE("助残阳光行动", "Sunshine action for the disabled", CareGroup.OTHERS),
  POVERTY_ALLEVIATION("精准扶贫", "Targeted poverty alleviation", CareGroup.OTHERS),
  CIVILISED_TRAFFIC("文明交通", "Civilised traffic", CareGroup.SOCIETY);

  private final String zh;
  private final String en;
  private final CareGroup group;

  Theme(String zh, String en, CareGroup group) {
    this.zh = zh;
    this.en = en;
    this.group = group;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public CareGroup group() {
    return group;
  }
}
