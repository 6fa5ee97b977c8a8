package org.vsmap.geo.model;

/** The kinds of volunteer service stations named in the source documents (seeds 000, 002, 004). */
public enum StationType {
  HEAD_STATION("志愿服务总站", "Head station"),
  COMMUNITY("社区志愿服务站", "Community station"),
  CONVENIENCE_POINT("公共场所便民志愿服务点", "Convenience point in a public place"),
  WINDOW_UNIT("窗口单位志愿服务站", "Service-window unit station"),
  CULTURAL_FACILITY("公共文化设施志愿服务站", "Public cultural facility station"),
  DEMONSTRATION("志愿服务示范站点", "Demonstration station");

  private final String zh;
  private final String en;

  StationType(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
