package org.vsmap.web.data;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vsmap.geo.port.Downloads;
import org.vsmap.geo.port.Snapshots;
import org.vsmap.geo.port.Statistics;

/**
 * {@code /catalog.jsonld}: the catalogue in DCAT-AP 3 terms for harvesters (data.gov.cn-style
 * portals, CKAN, the EU's): every dataset with its publisher, contact point, keywords, theme,
 * licence, times with their zone, spatial coverage, landing page; every distribution with an access
 * URL (and a download URL, media type, format, licence); every dated version a titled dataset of
 * its own with its files. JSON-LD is open-ended (@context, @type, @id): built from maps.
 */
final class DcatCatalog {
  static final String DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/";

  private static final Map<String, List<String>> KEYWORDS =
      Map.of(
          "stations", List.of("志愿服务站", "新时代文明实践", "volunteer station"),
          "teams", List.of("志愿服务队", "志愿服务组织", "volunteer team"),
          "activities", List.of("志愿服务活动", "志愿服务项目", "volunteer activity"),
          "regions", List.of("行政区划", "统计用区划代码", "administrative division"),
          "honours", List.of("志愿服务表彰", "最美志愿者", "honours"),
          "statistics", List.of("志愿服务统计", "指标", "statistics"));

  private final String base;
  private final Function<String, String> aboutZh;
  private final Function<String, String> aboutEn;

  DcatCatalog(String base, Function<String, String> aboutZh, Function<String, String> aboutEn) {
    this.base = base;
    this.aboutZh = aboutZh;
    this.aboutEn = aboutEn;
  }

  /** A China time with its zone, as xsd:dateTime wants it: 2026-12-08T07:41:14+08:00. */
  static String zoned(LocalDateTime chinaTime) {
    return chinaTime == null
        ? null
        : chinaTime
            .withNano(0)
            .atOffset(ZoneOffset.ofHours(8))
            .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  Map<String, Object> catalog(
      Downloads d, Function<String, List<Snapshots.Version>> versions, Statistics stats) {
    String modified = zoned(d.lastModified());
    Map<String, Object> cat = new LinkedHashMap<>();
    cat.put(
        "@context",
        Map.of(
            "dcat", "http://www.w3.org/ns/dcat#",
            "dct", "http://purl.org/dc/terms/",
            "foaf", "http://xmlns.com/foaf/0.1/",
            "xsd", "http://www.w3.org/2001/XMLSchema#",
            "adms", "http://www.w3.org/ns/adms#",
            "vcard", "http://www.w3.org/2006/vcard/ns#"));
    cat.put("@id", base + "/catalog.jsonld");
    cat.put("@type", "dcat:Catalog");
    cat.put("dct:title", texts("志愿服务地图开放数据", "Volunteer Service Map open data"));
    cat.put(
        "dct:description",
        texts(
            "志愿服务站点、队伍、活动、行政区划、荣誉表彰和统计指标的开放数据，CC BY 4.0。",
            "Open data on volunteer stations, teams, activities, regions, honours and statistics, CC BY 4.0."));
    cat.put("dct:publisher", publisher());
    cat.put("dcat:contactPoint", contact());
    cat.put("dct:license", Map.of("@id", DataCatalogue.LICENCE_URL));
    cat.put("dct:modified", Map.of("@value", modified, "@type", "xsd:dateTime"));
    cat.put("foaf:homepage", Map.of("@id", base + "/data"));
    List<Map<String, Object>> sets = new ArrayList<>();
    for (Downloads.Dataset ds : d.datasets()) {
      sets.add(dataset(ds, modified, versions.apply(ds.id())));
    }
    if (stats != null) {
      sets.add(statistics(stats.table()));
    }
    cat.put("dcat:dataset", sets);
    return cat;
  }

  private static List<Map<String, Object>> texts(String zh, String en) {
    return List.of(
        Map.of("@value", zh, "@language", "zh"), Map.of("@value", en, "@language", "en"));
  }

  private static Map<String, Object> publisher() {
    return Map.of(
        "@type",
        "foaf:Agent",
        "foaf:name",
        texts(DataCatalogue.PUBLISHER_ZH, DataCatalogue.PUBLISHER_EN));
  }

  private Map<String, Object> contact() {
    return Map.of(
        "@type",
        "vcard:Organization",
        "vcard:fn",
        DataCatalogue.PUBLISHER_ZH + " / " + DataCatalogue.PUBLISHER_EN,
        "vcard:hasURL",
        Map.of("@id", base + "/data"));
  }

  /** What every dataset says about who, what about, under which licence, where. */
  private void common(Map<String, Object> set, String id, String landing) {
    set.put("dct:publisher", publisher());
    set.put("dcat:contactPoint", contact());
    set.put(
        "dcat:keyword",
        KEYWORDS.getOrDefault(id, List.of()).stream()
            .map(k -> Map.of("@value", k, "@language", k.matches(".*\\p{IsHan}.*") ? "zh" : "en"))
            .toList());
    set.put("dcat:theme", Map.of("@id", DATA_THEME + (id.equals("regions") ? "REGI" : "SOCI")));
    set.put("dct:license", Map.of("@id", DataCatalogue.LICENCE_URL));
    set.put("dct:spatial", Map.of("@id", "http://sws.geonames.org/2037355/"));
    set.put("dcat:landingPage", Map.of("@id", landing));
  }

  private Map<String, Object> distribution(
      String title, String url, boolean download, String mediaType, String format, Long bytes) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("@type", "dcat:Distribution");
    if (title != null) {
      d.put("dct:title", title);
    }
    d.put("dcat:accessURL", Map.of("@id", url));
    if (download) {
      d.put("dcat:downloadURL", Map.of("@id", url));
    }
    d.put("dcat:mediaType", mediaType);
    d.put("dct:format", format);
    if (bytes != null) {
      d.put("dcat:byteSize", bytes);
    }
    d.put("dct:license", Map.of("@id", DataCatalogue.LICENCE_URL));
    return d;
  }

  /** A dataset in DCAT: titles, description, licence, its current files and dated versions. */
  private Map<String, Object> dataset(
      Downloads.Dataset ds, String modified, List<Snapshots.Version> versions) {
    Map<String, Object> set = new LinkedHashMap<>();
    String landing = base + "/data/" + ds.id();
    set.put("@id", landing);
    set.put("@type", "dcat:Dataset");
    set.put("dct:identifier", ds.id());
    set.put("dct:title", texts(ds.titleZh(), ds.titleEn()));
    set.put("dct:description", texts(aboutZh.apply(ds.id()), aboutEn.apply(ds.id())));
    common(set, ds.id(), landing);
    set.put("dct:accrualPeriodicity", Map.of("@id", "http://purl.org/cld/freq/continuous"));
    set.put("dct:modified", Map.of("@value", modified, "@type", "xsd:dateTime"));
    List<Map<String, Object>> dist = new ArrayList<>();
    for (Downloads.Format f : Downloads.Format.values()) {
      dist.add(
          distribution(
              ds.titleZh() + " " + f.extension().toUpperCase() + " / " + ds.titleEn(),
              landing + "." + f.extension(),
              true,
              f.mediaType().replaceFirst(";.*", ""),
              f.extension().toUpperCase(),
              null));
    }
    set.put("dcat:distribution", dist);
    List<Map<String, Object>> past = new ArrayList<>();
    for (Snapshots.Version v : versions) {
      past.add(version(ds, v));
    }
    set.put("dcat:hasVersion", past);
    return set;
  }

  /** A dated version: a dataset of its own, titled, with its files. */
  private Map<String, Object> version(Downloads.Dataset ds, Snapshots.Version v) {
    Map<String, Object> set = new LinkedHashMap<>();
    String id = base + "/data/" + ds.id() + "/versions/" + v.version();
    set.put("@id", id);
    set.put("@type", "dcat:Dataset");
    set.put(
        "dct:title",
        texts(
            ds.titleZh() + "（" + v.version() + " 版）",
            ds.titleEn() + " (version " + v.version() + ")"));
    set.put("dcat:version", v.version());
    set.put("dct:issued", Map.of("@value", v.publishedAt(), "@type", "xsd:dateTime"));
    set.put(
        "adms:versionNotes",
        v.added() + " added, " + v.updated() + " updated, " + v.retired() + " retired");
    set.put("dct:license", Map.of("@id", DataCatalogue.LICENCE_URL));
    List<Map<String, Object>> files = new ArrayList<>();
    for (String ext : v.bytes().keySet()) {
      Downloads.Format f = Downloads.Format.ofExtension(ext);
      files.add(
          distribution(
              null,
              id + "." + ext,
              true,
              f == null ? ext : f.mediaType().replaceFirst(";.*", ""),
              ext.toUpperCase(),
              v.bytes().get(ext)));
    }
    set.put("dcat:distribution", files);
    return set;
  }

  /** The published statistics in DCAT: each indicator as CSV and as JSON. */
  private Map<String, Object> statistics(Statistics.Table t) {
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("@id", base + "/stats");
    set.put("@type", "dcat:Dataset");
    set.put("dct:identifier", "statistics");
    set.put("dct:title", texts("志愿服务统计指标", "Published volunteer service statistics"));
    set.put(
        "dct:description",
        texts(
            "按区划和期间计算的志愿服务指标及其目标，小数字已抑制；方法见 /stats/method。",
            "The indicators of the source documents per region and period, with targets; small "
                + "counts suppressed; method at /stats/method."));
    common(set, "statistics", base + "/stats");
    set.put("dct:modified", Map.of("@value", t.asOf(), "@type", "xsd:dateTime"));
    List<Map<String, Object>> dist = new ArrayList<>();
    for (Statistics.Indicator i : t.indicators()) {
      String title = i.titleZh() + " / " + i.titleEn();
      dist.add(
          distribution(
              title, base + "/api/stats/" + i.id() + ".csv", true, "text/csv", "CSV", null));
      dist.add(
          distribution(
              title, base + "/api/stats/" + i.id(), false, "application/json", "JSON", null));
    }
    set.put("dcat:distribution", dist);
    return set;
  }
}
