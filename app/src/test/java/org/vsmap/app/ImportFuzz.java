package org.vsmap.app;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.importer.OfficeImport;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;
import org.vsmap.pipeline.store.Database;
import org.vsmap.pipeline.store.JdbiImportWriter;

/**
 * Jazzer target: the importers (CSV in UTF-8 or GBK, XLSX, GeoJSON; every kind) on an embedded
 * store holding the demo set, fed whatever the fuzzer makes — often behind a real header row so the
 * rows are reached. A file either reads (its problems listed, nothing written unless clean) or is
 * refused with an IllegalArgumentException that says why; anything else thrown is a finding. When a
 * clean file is written it is all or nothing: a write that fails leaves the store as it was. Run by
 * {@link FuzzIT}.
 */
public final class ImportFuzz {
  private static final List<String> HEADERS =
      List.of(
          "站点名称,行政区划代码,经度,纬度,地址,类型,开放时间,联系电话",
          "name,region_code,lon,lat,address,type,hours,phone,合成数据",
          "队伍名称,行政区划代码,层级,上级队伍,服务领域,招募中",
          "活动名称,行政区划代码,开始时间,结束时间,经度,纬度,服务领域,队伍,参加人数,合成数据",
          "类别,志愿服务组织名称,活动内容,日期及时间,志愿者参加人数",
          "行政区划代码,注册志愿者,活跃志愿者,服务时长,统计期",
          "统计用区划代码,名称,上级代码,人口,边界");
  private static final OfficeImport.What[] WHAT = OfficeImport.What.values();
  private static final String[] EXT = {"csv", "xlsx", "geojson", "txt"};
  private static final CoordinateSystem[] CRS = CoordinateSystem.values();
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  private static Database db;
  private static JdbiImportWriter writer;

  private ImportFuzz() {}

  public static void fuzzerInitialize() throws Exception {
    Path dir = Files.createTempDirectory("vsmap-fuzz-import-");
    db = Database.open(Database.embeddedUrl(dir), null, null);
    SeedLoader.load(db, SeedSource.classpath(), Clock.system(ZoneId.of("Asia/Shanghai")));
    writer = new JdbiImportWriter(db.jdbi());
  }

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    OfficeImport.What what = WHAT[data.consumeInt(0, WHAT.length - 1)];
    String ext = EXT[data.consumeInt(0, EXT.length - 1)];
    CoordinateSystem crs = data.consumeBoolean() ? CRS[data.consumeInt(0, CRS.length - 1)] : null;
    String scope = data.consumeBoolean() ? "150602" : null;
    String encoding =
        data.consumeBoolean() ? null : data.pickValue(new String[] {"UTF-8", "GB18030", "GBK"});
    byte[] bytes;
    if (ext.equals("csv") && data.consumeBoolean()) {
      String body =
          HEADERS.get(data.consumeInt(0, HEADERS.size() - 1))
              + "\n"
              + data.consumeRemainingAsString();
      bytes = body.getBytes(StandardCharsets.UTF_8);
    } else {
      bytes = data.consumeRemainingAsBytes();
    }
    String before = fingerprint();
    OfficeImport.Prepared p;
    try {
      p =
          OfficeImport.prepare(
              new org.vsmap.pipeline.store.JdbiImportLookups(db.jdbi()),
              new OfficeImport.Request(
                  what,
                  "fuzz." + ext,
                  bytes,
                  encoding,
                  crs,
                  "150602",
                  scope,
                  "fuzz",
                  false,
                  "fuzz"),
              TODAY.atTime(10, 0));
    } catch (IllegalArgumentException refused) {
      if (refused.getMessage() == null || refused.getMessage().isBlank()) {
        throw new AssertionError("a refusal without a reason", refused);
      }
      unchanged(before, "a refused file");
      return;
    }
    unchanged(before, "checking a file");
    if (!p.clean() || p.records() == 0) {
      return;
    }
    try {
      writer.apply(p.batch());
    } catch (RuntimeException failed) {
      unchanged(before, "a failed write (" + failed + ")");
    }
  }

  private static void unchanged(String before, String what) {
    String after = fingerprint();
    if (!after.equals(before)) {
      throw new AssertionError(what + " changed the store: " + before + " → " + after);
    }
  }

  /** The row counts of every table an import writes. */
  private static String fingerprint() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT (SELECT count(*) FROM region) || '/' || (SELECT count(*) FROM station) || '/' "
                            + "|| (SELECT count(*) FROM team) || '/' || (SELECT count(*) FROM activity) || '/' || (SELECT count(*) FROM restricted_contact) "
                            + "|| '/' || (SELECT count(*) FROM volunteer_figure) || '/' || (SELECT count(*) FROM change_log)")
                    .mapTo(String.class)
                    .one());
  }
}
