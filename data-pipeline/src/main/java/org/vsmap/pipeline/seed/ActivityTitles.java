package org.vsmap.pipeline.seed;

import org.vsmap.geo.model.Theme;

/** What the demo activities of each theme are called, after the kinds of service in the seeds. */
final class ActivityTitles {
  private ActivityTitles() {}

  static String[] of(Theme theme) {
    return switch (theme) {
      case PARTY_MEMBER -> new String[] {"党员责任岗志愿服务", "党员进社区政策宣讲"};
      case WORKER -> new String[] {"关爱困难职工邻里相助", "职工技能免费培训"};
      case COMMUNITY -> new String[] {"洁净家园环境整治", "关爱空巢老人上门探访"};
      case PUBLIC_SAFETY -> new String[] {"平安巡逻", "防范电信诈骗宣传"};
      case CULTURE -> new String[] {"文明创建入户宣传", "传统文化讲堂"};
      case ARTS -> new String[] {"文艺志愿者惠民演出", "广场舞文艺辅导"};
      case SCIENCE -> new String[] {"科普讲座", "青少年科学实验课"};
      case TOURISM -> new String[] {"“爱我家乡、爱我鄂尔多斯”文明旅游引导", "游客咨询便民服务"};
      case RED_CROSS -> new String[] {"应急救护知识培训", "无偿献血宣传"};
      case FIVE_ELDERS -> new String[] {"“五老”关爱下一代", "老党员讲传统"};
      case YOUTH_MODEL_POST -> new String[] {"青年文明号便民服务", "青年志愿者服务日"};
      case NEIGHBOURHOOD_WATCH -> new String[] {"邻里守望互助", "楼栋邻里议事"};
      case WOMEN -> new String[] {"巾帼志愿者关爱留守儿童", "家庭教育讲座"};
      case MOUNTAINS_AND_RIVERS -> new String[] {"河湖巡护清洁行动", "植树护绿"};
      case PUBLIC_HEALTH -> new String[] {"义诊与健康咨询", "慢病管理健康讲座"};
      case DISABILITY_SUNSHINE -> new String[] {"助残阳光行动上门服务", "残疾人康复陪伴"};
      case POVERTY_ALLEVIATION -> new String[] {"精准扶贫入户帮扶", "农牧产品助销"};
      case CIVILISED_TRAFFIC -> new String[] {"“请您将车停至车位”文明交通劝导", "路口文明交通引导"};
    };
  }
}
