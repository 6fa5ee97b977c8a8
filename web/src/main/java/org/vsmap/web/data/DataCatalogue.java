package org.vsmap.web.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsmap.geo.port.Downloads;
import org.vsmap.web.Readiness;
import org.vsmap.web.WebSettings;
import org.vsmap.web.http.Json;
import org.vsmap.web.http.Origin;
import org.vsmap.web.http.WebError;
import org.vsmap.web.view.Lang;
import org.vsmap.web.view.Views;

/**
 * The open-data catalogue: {@code /data} lists the datasets, {@code /data/{dataset}} describes one
 * (description, field dictionary, licence, publisher, update frequency, last modified, coverage,
 * provenance, how to cite, a preview table, downloads) with schema.org {@code Dataset} JSON-LD, and
 * {@code /catalog.jsonld} is the DCAT (DCAT-AP style) catalogue of them all.
 */
public final class DataCatalogue {
  public static final String LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";
  public static final String PUBLISHER_ZH = "志愿服务地图（演示部署）";
  public static final String PUBLISHER_EN = "Volunteer Service Map (demo deployment)";

  private record About(String zh, String en, String provenanceZh, String provenanceEn) {}

  private static final Map<String, About> ABOUT =
      Map.of(
          "stations",
              new About(
                  "新时代文明实践志愿服务站点：社区站、便民服务点、窗口单位、文化设施、示范站点，含“五有”情况、开放时间、服务内容和办公电话。",
                  "Volunteer service stations: community stations, convenience points, service windows, cultural facilities and model "
                      + "stations, with their five-has status, opening hours, services and office phone.",
                  "各地文明办和街道办通过导入命令或管理页面上传的站点名录；坐标统一为 WGS84，无坐标者标为近似位置。",
                  "Station lists uploaded by the offices (import command or admin pages); coordinates in WGS84, points without "
                      + "coordinates flagged approximate."),
          "teams",
              new About(
                  "志愿服务队伍（总队、分队、支队、大队、中队、小队），含上级队伍、主管单位、成立日期和队员人数；不含负责人个人信息。",
                  "Volunteer teams in their tree (corps to squads) with parent, supervising unit, founding date and members; no "
                      + "personal data of their leaders.",
                  "队伍名录与每周活动情况表（附件1、附件2）。",
                  "Team lists and the weekly activity reports (seed 001)."),
          "activities",
              new About(
                  "志愿服务活动与项目：主题（18 类）、时间、地点、招募与报名人数、实际参加人数、是否记录时长。",
                  "Volunteer activities and projects: theme (18), time, place, volunteers wanted and signed up, who took part, "
                      + "whether service hours are recorded.",
                  "活动计划与每周活动情况汇总表。",
                  "Activity plans and the weekly summaries (seed 001)."),
          "regions",
              new About(
                  "行政区划：统计用区划代码、名称、层级、上级区划、常住人口（已知时）和代表点。不含边界（边界为参考图层，另有条款）。",
                  "Administrative regions: official statistical codes, names, levels, parents, resident population where known and a "
                      + "representative point. Boundaries are not included (they are a reference layer with its own terms).",
                  "区划代码与名称来自 china-division 数据（WTFPL）；代表点由参考边界计算，人口来自各地导入的统计数据。",
                  "Codes and names from the china-division data (WTFPL); representative points computed from the reference "
                      + "boundaries; population from the statistics the offices import."),
          "honours",
              new About(
                  "志愿服务荣誉表彰（最美志愿者、最佳志愿服务组织、最佳志愿服务项目、最美志愿服务社区等）：名称、年度、级别、授予单位和受表彰的站点、队伍、项目、社区或志愿者。"
                      + "志愿者个人只在本人同意时公开姓名。",
                  "Honours for volunteer service (best volunteer, organisation, project, community…): title, year, level, awarding body and "
                      + "the station, team, project, community or volunteer honoured. A volunteer's name only with the volunteer's consent.",
                  "各地文明办通过导入命令或管理页面上传的荣誉表彰名单，可在管理页面修改。",
                  "Honour lists uploaded by the offices (import command or admin pages), editable in the admin pages."));

  private final Views views;
  private final Readiness readiness;

  private final WebSettings settings;

  public DataCatalogue(Views views, Readiness readiness, WebSettings settings) {
    this.views = views;
    this.readiness = readiness;
    this.settings = settings;
  }

  private List<org.vsmap.geo.port.Snapshots.Version> versions(String dataset) {
    org.vsmap.geo.port.Snapshots s = readiness.ports().snapshots();
    return s == null ? List.of() : s.versions(dataset);
  }

  private Downloads downloads() {
    Downloads d = readiness.ports().downloads();
    if (d == null) {
      throw new WebError(
          503, "Service Unavailable", "the data catalogue is not available on this server");
    }
    return d;
  }

  public void index(Context ctx) {
    Lang lang = Lang.of(ctx);
    Downloads d = downloads();
    List<Summary> datasets = new ArrayList<>();
    LocalDateTime modified = d.lastModified();
    for (Downloads.Dataset ds : d.datasets()) {
      datasets.add(summary(ds, d, modified, lang));
    }
    org.vsmap.geo.port.Statistics stats = readiness.ports().statistics();
    org.vsmap.geo.port.Statistics.Table t = stats == null ? null : stats.table();
    CataloguePage page =
        new CataloguePage(
            datasets,
            stamp(modified),
            t == null ? null : t.indicators(),
            t == null ? null : t.asOf().replace('T', ' '));
    ctx.html(views.render(ctx, "data/data", lang, page));
  }

  /** The catalogue (data/data.peb): every dataset, and the statistics when this server has them. */
  public record CataloguePage(
      List<Summary> datasets,
      String lastModified,
      List<org.vsmap.geo.port.Statistics.Indicator> statistics,
      String statisticsAsOf) {}

  /** A dataset as the catalogue lists it. */
  public record Summary(
      String id,
      String title,
      String description,
      String provenance,
      long count,
      String lastModified,
      List<String> formats,
      String publisher,
      String licenceUrl) {}

  /**
   * A dataset's page (data/dataset.peb): its summary, field dictionary, the first ten records, its
   * schema.org description and its dated versions.
   */
  public record DatasetPage(
      String id,
      String title,
      String description,
      String provenance,
      long count,
      String lastModified,
      List<String> formats,
      String publisher,
      String licenceUrl,
      List<Downloads.Field> fields,
      List<String> previewColumns,
      List<List<String>> previewRows,
      String notice,
      String jsonLd,
      List<org.vsmap.geo.port.Snapshots.Version> versions,
      String basemap) {}

  public void dataset(Context ctx, String id) throws IOException {
    Lang lang = Lang.of(ctx);
    Downloads d = downloads();
    Downloads.Dataset ds =
        d.datasets().stream()
            .filter(x -> x.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    WebError.notFound(
                        "no dataset " + id + ": stations, teams, activities or regions"));
    LocalDateTime modified = d.lastModified();
    Summary sum = summary(ds, d, modified, lang);
    ByteArrayOutputStream preview = new ByteArrayOutputStream();
    d.write(id, Downloads.Format.GEOJSON, Downloads.Filter.ALL.limited(10), preview);
    JsonNode fc = Json.MAPPER.readTree(preview.toByteArray());
    List<String> columns =
        ds.fields().stream()
            .map(Downloads.Field::name)
            .filter(n -> !n.equals("lon") && !n.equals("lat"))
            .toList();
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode f : fc.path("features")) {
      List<String> row = new ArrayList<>();
      for (String c : columns) {
        JsonNode v = f.path("properties").path(c);
        row.add(v.isMissingNode() || v.isNull() ? "" : v.asText());
      }
      rows.add(row);
    }
    // inside a script element: no "<", ">" or "&" may survive (as Details.jsonLd)
    String jsonLd =
        Json.MAPPER
            .writeValueAsString(schemaOrg(ds, modified, ctx))
            .replace("<", "\\u003c")
            .replace(">", "\\u003e")
            .replace("&", "\\u0026");
    DatasetPage page =
        new DatasetPage(
            sum.id(),
            sum.title(),
            sum.description(),
            sum.provenance(),
            sum.count(),
            sum.lastModified(),
            sum.formats(),
            sum.publisher(),
            sum.licenceUrl(),
            ds.fields(),
            columns,
            rows,
            fc.path("notice").asText(null),
            jsonLd,
            versions(id),
            settings.basemapJson());
    ctx.html(views.render(ctx, "data/dataset", lang, page));
  }

  public void catalog(Context ctx) throws IOException {
    Map<String, Object> cat =
        new DcatCatalog(base(ctx), id -> ABOUT.get(id).zh(), id -> ABOUT.get(id).en())
            .catalog(downloads(), this::versions, readiness.ports().statistics());
    ctx.contentType("application/ld+json; charset=utf-8")
        .result(Json.MAPPER.writeValueAsString(cat));
  }

  private Map<String, Object> schemaOrg(Downloads.Dataset ds, LocalDateTime modified, Context ctx) {
    String base = base(ctx);
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "Dataset");
    ld.put("name", ds.titleZh() + " / " + ds.titleEn());
    ld.put("description", ABOUT.get(ds.id()).zh() + " " + ABOUT.get(ds.id()).en());
    ld.put("url", base + "/data/" + ds.id());
    ld.put("license", LICENCE_URL);
    ld.put("creator", Map.of("@type", "Organization", "name", PUBLISHER_EN));
    ld.put("dateModified", DcatCatalog.zoned(modified));
    ld.put("spatialCoverage", "鄂尔多斯市 Ordos, Inner Mongolia, China");
    ld.put("variableMeasured", ds.fields().stream().map(Downloads.Field::name).toList());
    ld.put(
        "distribution",
        java.util.Arrays.stream(Downloads.Format.values())
            .map(
                f ->
                    Map.of(
                        "@type",
                        "DataDownload",
                        "encodingFormat",
                        f.mediaType().replaceFirst(";.*", ""),
                        "contentUrl",
                        base + "/data/" + ds.id() + "." + f.extension()))
            .toList());
    return ld;
  }

  private static Summary summary(
      Downloads.Dataset ds, Downloads d, LocalDateTime modified, Lang lang) {
    About a = ABOUT.get(ds.id());
    return new Summary(
        ds.id(),
        lang == Lang.ZH ? ds.titleZh() : ds.titleEn(),
        lang == Lang.ZH ? a.zh() : a.en(),
        lang == Lang.ZH ? a.provenanceZh() : a.provenanceEn(),
        d.count(ds.id()),
        stamp(modified),
        java.util.Arrays.stream(Downloads.Format.values())
            .map(Downloads.Format::extension)
            .toList(),
        lang == Lang.ZH ? PUBLISHER_ZH : PUBLISHER_EN,
        LICENCE_URL);
  }

  private static String stamp(LocalDateTime t) {
    return t == null ? "" : t.withNano(0).toString().replace('T', ' ');
  }

  private static String base(Context ctx) {
    return Origin.of(ctx);
  }
}
