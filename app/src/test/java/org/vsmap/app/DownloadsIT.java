package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The dataset downloads against the packaged jar, each read back by a real reader (Jackson CSV,
 * Apache POI, Jackson JSON) and compared with the store, including names built to break files.
 */
@Tag("integration")
class DownloadsIT {
  /** Names that break naive CSV, HTML or spreadsheets; the last two start like formulas. */
  static final List<String> HOSTILE =
      List.of("他说\"你好\",再见站", "第一行\n第二行站", "<script>alert(1)</script>站", "+1+2 站", "-负号站");

  static RunningPortal portal;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Path data = Files.createTempDirectory("vsmap-downloads-").resolve("data");
    try (RunningPortal first = RunningPortal.start(data)) {
      assertThat(first.get("/health").statusCode()).isEqualTo(200);
    }
    StringBuilder csv = new StringBuilder("站点名称,行政区划代码,经度,纬度\n");
    for (String name : HOSTILE) {
      csv.append('"').append(name.replace("\"", "\"\"")).append("\",150602,109.96,39.82\n");
    }
    Path file = Files.writeString(data.getParent().resolve("hostile.csv"), csv.toString());
    RunningPortal.Outcome o =
        RunningPortal.cli(
            "import",
            file.toString(),
            "--kind",
            "station",
            "--crs",
            "wgs84",
            "--data-dir",
            data.toString());
    assertThat(o.exit()).as(o.out()).isZero();
    portal = RunningPortal.start(data);
  }

  @AfterAll
  static void stop() throws Exception {
    portal.close();
  }

  static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(portal.url(path))).timeout(Duration.ofSeconds(60));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static List<Map<String, String>> csv(byte[] body) throws Exception {
    assertThat(body[0] & 0xff).as("UTF-8 BOM for Excel").isEqualTo(0xEF);
    String text = new String(body, StandardCharsets.UTF_8).substring(1);
    try (MappingIterator<Map<String, String>> it =
        new CsvMapper()
            .readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(text)) {
      return it.readAll();
    }
  }

  @Test
  void stationsInEveryFormatMatchTheStoreAndKeepHostileNamesIntactAndHarmless() throws Exception {
    JsonNode store =
        new ObjectMapper().readTree(portal.get("/api/stations.geojson").body()).get("features");
    Map<String, String> names = new HashMap<>();
    store.forEach(
        f ->
            names.put(
                f.get("properties").get("id").asText(), f.get("properties").get("name").asText()));

    HttpResponse<byte[]> c = get("/data/stations.csv");
    assertThat(c.statusCode()).isEqualTo(200);
    assertThat(c.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
    assertThat(c.headers().firstValue("link").orElse(""))
        .contains("creativecommons.org/licenses/by/4.0");
    List<Map<String, String>> rows = csv(c.body());
    assertThat(rows).hasSize(names.size());
    for (Map<String, String> r : rows) {
      String original = names.get(r.get("id"));
      String expected =
          original.startsWith("+") || original.startsWith("-") ? "'" + original : original;
      assertThat(r.get("name")).as("CSV name of %s", r.get("id")).isEqualTo(expected);
    }
    assertThat(rows)
        .extracting(r -> r.get("name"))
        .contains("'+1+2 站", "'-负号站", "他说\"你好\",再见站", "第一行\n第二行站");
    assertThat(new String(c.body(), StandardCharsets.UTF_8)).contains("\r\n");

    HttpResponse<byte[]> x = get("/data/stations.xlsx");
    assertThat(x.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
      Sheet data = wb.getSheet("data");
      assertThat(data.getLastRowNum()).isEqualTo(names.size());
      List<String> header = new ArrayList<>();
      data.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
      int id = header.indexOf("id");
      int name = header.indexOf("name");
      for (int i = 1; i <= data.getLastRowNum(); i++) {
        Row r = data.getRow(i);
        assertThat(r.getCell(name).getCellType())
            .as("text, never a formula")
            .isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
        assertThat(r.getCell(name).getStringCellValue())
            .isEqualTo(names.get(r.getCell(id).getStringCellValue()));
      }
      String about =
          new org.apache.poi.ss.usermodel.DataFormatter()
              .formatCellValue(wb.getSheet("about").getRow(1).getCell(1));
      assertThat(about).startsWith("CC BY 4.0");
      boolean noticed = false;
      for (Row r : wb.getSheet("about")) {
        noticed |= r.getCell(0) != null && r.getCell(0).toString().equals("notice");
      }
      assertThat(noticed).as("the synthetic notice travels with the file").isTrue();
    }

    HttpResponse<byte[]> k = get("/data/stations.kml");
    assertThat(k.headers().firstValue("content-type").orElse(""))
        .startsWith("application/vnd.google-earth.kml+xml");
    javax.xml.parsers.DocumentBuilderFactory dbf =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    org.w3c.dom.Document kml = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(k.body()));
    org.w3c.dom.NodeList marks =
        kml.getElementsByTagNameNS("http://www.opengis.net/kml/2.2", "Placemark");
    assertThat(marks.getLength()).isEqualTo(names.size());
    for (int i = 0; i < marks.getLength(); i++) {
      org.w3c.dom.Element m = (org.w3c.dom.Element) marks.item(i);
      String name =
          m.getElementsByTagNameNS("http://www.opengis.net/kml/2.2", "name")
              .item(0)
              .getTextContent();
      assertThat(name).isEqualTo(names.get(m.getAttribute("id")));
    }
    assertThat(
            kml.getElementsByTagNameNS("http://www.opengis.net/kml/2.2", "description")
                .item(0)
                .getTextContent())
        .contains("CC BY 4.0")
        .contains("synthetic");

    HttpResponse<byte[]> g = get("/data/stations.geojson");
    JsonNode fc = new ObjectMapper().readTree(g.body());
    assertThat(g.headers().firstValue("content-type").orElse(""))
        .startsWith("application/geo+json");
    assertThat(fc.get("license").asText()).startsWith("CC BY 4.0");
    assertThat(fc.get("notice").asText()).contains("synthetic");
    assertThat(fc.get("features")).hasSize(names.size());
    nonEmpty(fc.get("features"))
        .forEach(
            f ->
                assertThat(f.get("properties").get("name").asText())
                    .isEqualTo(names.get(f.get("id").asText())));
  }

  /**
   * The FlatGeobuf download read with the format's own library: header, every feature, and its
   * spatial index.
   */
  @Test
  void flatGeobufHasEveryStationAndAnIndexThatFindsThem() throws Exception {
    JsonNode store =
        new ObjectMapper().readTree(portal.get("/api/stations.geojson").body()).get("features");
    HttpResponse<byte[]> r = get("/data/stations.fgb");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse(""))
        .isEqualTo("application/flatgeobuf");
    java.nio.ByteBuffer bb =
        java.nio.ByteBuffer.wrap(r.body()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertThat(org.wololo.flatgeobuf.Constants.isFlatgeobuf(bb)).isTrue();
    bb.position(0);
    org.wololo.flatgeobuf.HeaderMeta header = org.wololo.flatgeobuf.HeaderMeta.read(bb);
    assertThat(header.featuresCount).isEqualTo(store.size());
    assertThat(header.srid).isEqualTo(4326);
    assertThat(header.indexNodeSize).isEqualTo(16);
    List<String> columns = header.columns.stream().map(c -> c.name).toList();
    assertThat(columns)
        .contains("id", "name", "region_code", "synthetic")
        .doesNotContain("lon", "lat");
    int indexStart = header.offset;
    long indexSize =
        org.wololo.flatgeobuf.PackedRTree.calcSize(
            (int) header.featuresCount, header.indexNodeSize);
    int featuresStart = (int) (indexStart + indexSize);

    Map<String, JsonNode> byId = new HashMap<>();
    store.forEach(f -> byId.put(f.get("properties").get("id").asText(), f));
    Map<String, double[]> read = new HashMap<>();
    int pos = featuresStart;
    while (pos < r.body().length) {
      Map<String, Object> props = new HashMap<>();
      double[] xy = fgbFeature(bb, pos, header, props);
      read.put((String) props.get("id"), xy);
      JsonNode s = byId.get(props.get("id"));
      assertThat(s).as("feature %s is a station", props.get("id")).isNotNull();
      assertThat(props.get("name")).isEqualTo(s.get("properties").get("name").asText());
      assertThat(props.get("synthetic"))
          .isEqualTo(s.get("properties").get("synthetic").asBoolean());
      assertThat(xy[0])
          .isCloseTo(
              s.get("geometry").get("coordinates").get(0).asDouble(),
              org.assertj.core.data.Offset.offset(1e-6));
      assertThat(xy[1])
          .isCloseTo(
              s.get("geometry").get("coordinates").get(1).asDouble(),
              org.assertj.core.data.Offset.offset(1e-6));
      pos += 4 + bb.getInt(pos);
    }
    assertThat(read.keySet()).isEqualTo(byId.keySet());
    assertThat(read.values().stream().map(p -> p[0] + "," + p[1]).toList()).isNotEmpty();

    // the index: a box around Dongsheng finds exactly the stations inside it
    org.locationtech.jts.geom.Envelope box =
        new org.locationtech.jts.geom.Envelope(109.90, 110.05, 39.75, 39.90);
    List<org.wololo.flatgeobuf.PackedRTree.SearchHit> hits =
        org.wololo.flatgeobuf.PackedRTree.search(
            bb, indexStart, (int) header.featuresCount, header.indexNodeSize, box);
    java.util.Set<String> found = new java.util.HashSet<>();
    for (var hit : hits) {
      Map<String, Object> props = new HashMap<>();
      fgbFeature(bb, (int) (featuresStart + hit.offset), header, props);
      found.add((String) props.get("id"));
    }
    java.util.Set<String> inside = new java.util.HashSet<>();
    read.forEach(
        (id, xy) -> {
          if (box.contains(xy[0], xy[1])) {
            inside.add(id);
          }
        });
    assertThat(inside).hasSizeGreaterThan(5);
    assertThat(found).isEqualTo(inside);
    assertThat(found)
        .containsAll(
            byId.keySet().stream()
                .filter(id -> HOSTILE.contains(byId.get(id).get("properties").get("name").asText()))
                .toList());
  }

  /**
   * Reads the size-prefixed feature at {@code pos}: its properties into {@code props}, its point
   * returned.
   */
  private static double[] fgbFeature(
      java.nio.ByteBuffer bb,
      int pos,
      org.wololo.flatgeobuf.HeaderMeta header,
      Map<String, Object> props) {
    java.nio.ByteBuffer slice = bb.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    slice.position(pos + 4);
    org.wololo.flatgeobuf.generated.Feature f =
        org.wololo.flatgeobuf.generated.Feature.getRootAsFeature(slice);
    java.nio.ByteBuffer p = f.propertiesAsByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    while (p.hasRemaining()) {
      int col = Short.toUnsignedInt(p.getShort());
      org.wololo.flatgeobuf.ColumnMeta c = header.columns.get(col);
      Object v =
          switch (c.type) {
            case org.wololo.flatgeobuf.generated.ColumnType.Bool -> p.get() != 0;
            case org.wololo.flatgeobuf.generated.ColumnType.Long -> p.getLong();
            case org.wololo.flatgeobuf.generated.ColumnType.Double -> p.getDouble();
            default -> {
              byte[] text = new byte[p.getInt()];
              p.get(text);
              yield new String(text, StandardCharsets.UTF_8);
            }
          };
      props.put(c.name, v);
    }
    org.wololo.flatgeobuf.generated.Geometry g = f.geometry();
    return g == null ? null : new double[] {g.xy(0), g.xy(1)};
  }

  /**
   * The GeoPackage download opened with NGA's GeoPackage library: every station, typed columns,
   * licence, spatial index.
   */
  @Test
  void geoPackageHasEveryStationWithItsTerms() throws Exception {
    JsonNode store =
        new ObjectMapper().readTree(portal.get("/api/stations.geojson").body()).get("features");
    Map<String, JsonNode> byId = new HashMap<>();
    store.forEach(f -> byId.put(f.get("properties").get("id").asText(), f));
    HttpResponse<byte[]> r = get("/data/stations.gpkg");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse(""))
        .isEqualTo("application/geopackage+sqlite3");
    Path file = Files.createTempFile("stations-", ".gpkg");
    Files.write(file, r.body());
    try (mil.nga.geopackage.GeoPackage gp =
        mil.nga.geopackage.GeoPackageManager.open(file.toFile())) {
      assertThat(gp.getFeatureTables()).containsExactly("stations");
      mil.nga.geopackage.contents.Contents contents = gp.getContentsDao().queryForId("stations");
      assertThat(contents.getDescription()).contains("CC BY 4.0").contains("synthetic");
      assertThat(new mil.nga.geopackage.extension.rtree.RTreeIndexExtension(gp).has("stations"))
          .as("R-tree index")
          .isTrue();
      mil.nga.geopackage.features.user.FeatureDao dao = gp.getFeatureDao("stations");
      assertThat(dao.count()).isEqualTo(byId.size());
      mil.nga.geopackage.features.user.FeatureResultSet rows = dao.queryForAll();
      try {
        while (rows.moveToNext()) {
          mil.nga.geopackage.features.user.FeatureRow row = rows.getRow();
          JsonNode s = byId.get((String) row.getValue("id"));
          assertThat(s).isNotNull();
          assertThat(row.getValue("name")).isEqualTo(s.get("properties").get("name").asText());
          assertThat(row.getValue("five_has_met"))
              .as("a typed integer column")
              .isInstanceOf(Long.class);
          mil.nga.sf.Point p = (mil.nga.sf.Point) row.getGeometry().getGeometry();
          assertThat(p.getX())
              .isCloseTo(
                  s.get("geometry").get("coordinates").get(0).asDouble(),
                  org.assertj.core.data.Offset.offset(1e-6));
          assertThat(p.getY())
              .isCloseTo(
                  s.get("geometry").get("coordinates").get(1).asDouble(),
                  org.assertj.core.data.Offset.offset(1e-6));
        }
      } finally {
        rows.close();
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** GDAL, as QGIS would use it, opens every spatial download and finds the same records. */
  @Test
  void gdalOpensEverySpatialDownload() throws Exception {
    Gdal.require();
    Path dir = Files.createTempDirectory("vsmap-gdal-");
    for (String dataset : List.of("stations", "teams", "activities", "regions", "honours")) {
      long count = csv(get("/data/" + dataset + ".csv").body()).size();
      for (String ext : List.of("geojson", "gpkg", "fgb", "kml", "csv")) {
        Path f = dir.resolve(dataset + "." + ext);
        Files.write(f, get("/data/" + dataset + "." + ext).body());
        String info = Gdal.ogrinfo("-ro", "-so", "-al", f.toString());
        assertThat(info).as("%s.%s", dataset, ext).contains("Feature Count: " + count);
      }
    }
    String one =
        Gdal.ogrinfo(
            "-ro",
            "-al",
            "-q",
            "-where",
            "name LIKE '%script%'",
            dir.resolve("stations.gpkg").toString());
    assertThat(one).contains("<script>alert(1)</script>站");
    String fgb =
        Gdal.ogrinfo(
            "-ro",
            "-al",
            "-q",
            "-spat",
            "109.90",
            "39.75",
            "110.05",
            "39.90",
            dir.resolve("stations.fgb").toString());
    assertThat(fgb).contains("POINT (");
  }

  @Test
  void theCatalogueDescribesEachDatasetAndDcatListsEveryDownload() throws Exception {
    String index = portal.get("/data").body();
    assertThat(index)
        .contains("开放数据")
        .contains("/data/stations")
        .contains("/data/activities.geojson")
        .contains("CC BY 4.0")
        .contains("/api/stats/volunteer_rate.csv")
        .contains("不是开放许可数据");
    String page = portal.get("/data/stations").body();
    assertThat(page)
        .contains("字段说明")
        .contains("<code>five_has</code>")
        .contains("合成演示数据")
        .contains("数据预览");
    String ld =
        page.substring(page.indexOf("application/ld+json\">") + 21, page.indexOf("</script>"));
    JsonNode dataset = new ObjectMapper().readTree(ld);
    assertThat(dataset.get("@type").asText()).isEqualTo("Dataset");
    assertThat(dataset.get("license").asText())
        .isEqualTo("https://creativecommons.org/licenses/by/4.0/");
    assertThat(portal.get("/data/stations?lang=en").body())
        .contains("Field dictionary")
        .contains("Preview (first 10 records)");
    assertThat(portal.get("/data/people").statusCode()).isEqualTo(404);

    HttpResponse<String> cat = portal.get("/catalog.jsonld");
    assertThat(cat.headers().firstValue("content-type").orElse(""))
        .startsWith("application/ld+json");
    JsonNode catalog = new ObjectMapper().readTree(cat.body());
    assertThat(catalog.get("@type").asText()).isEqualTo("dcat:Catalog");
    assertThat(catalog.get("dcat:dataset")).hasSize(6);
    assertThat(catalog.get("dcat:dataset").findValuesAsText("dct:identifier"))
        .containsExactly("stations", "teams", "activities", "regions", "honours", "statistics");
    for (JsonNode ds : catalog.get("dcat:dataset")) {
      assertThat(ds.get("dcat:distribution"))
          .as("statistics: a CSV and a JSON per indicator (10, on_time_reporting the newest)")
          .hasSize(ds.get("dct:identifier").asText().equals("statistics") ? 20 : 6);
      // DCAT-AP 3 for harvesters: who, whom to ask, about what, when (with its zone)
      String id = ds.get("dct:identifier").asText();
      assertThat(ds.at("/dct:publisher/foaf:name")).as(id).isNotEmpty();
      assertThat(ds.at("/dcat:contactPoint/vcard:hasURL/@id").asText()).as(id).endsWith("/data");
      assertThat(ds.get("dcat:keyword")).as(id).isNotEmpty();
      assertThat(ds.at("/dcat:theme/@id").asText())
          .as(id)
          .startsWith("http://publications.europa.eu/resource/authority/data-theme/");
      assertThat(ds.at("/dct:modified/@value").asText())
          .as(id)
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\+08:00|Z)");
      for (JsonNode dist : ds.get("dcat:distribution")) {
        assertThat(dist.has("dcat:accessURL")).as("every distribution has an access URL").isTrue();
        String url =
            dist.has("dcat:downloadURL")
                ? dist.get("dcat:downloadURL").get("@id").asText()
                : dist.get("dcat:accessURL").get("@id").asText();
        assertThat(get(URI.create(url).getPath()).statusCode()).as(url).isEqualTo(200);
      }
      for (JsonNode v : ds.path("dcat:hasVersion")) {
        assertThat(v.get("@id").asText())
            .as("a version is named, not a blank node")
            .contains("/versions/");
        assertThat(v.at("/dct:title/0/@value").asText()).contains(v.get("dcat:version").asText());
      }
    }
    assertThat(catalog.at("/dct:modified/@value").asText()).endsWith("+08:00");
  }

  @Test
  void theOpenApiDocumentDescribesPathsThatAnswer() throws Exception {
    HttpResponse<String> r = portal.get("/api/openapi.json");
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
    JsonNode doc = new ObjectMapper().readTree(r.body());
    assertThat(doc.get("openapi").asText()).startsWith("3.0");
    Map<String, String> examples =
        Map.of(
            "/api/nearby",
            "?lat=39.82&lon=109.98",
            "/api/clusters",
            "?bbox=109,39,111,41&z=10",
            "/api/suggest",
            "?q=jx",
            "/data/{file}",
            "");
    List<String> paths = new ArrayList<>();
    doc.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .contains(
            "/api/search",
            "/api/suggest",
            "/api/nearby",
            "/api/clusters",
            "/api/regions",
            "/api/stations.geojson",
            "/api/regions.geojson",
            "/data/{file}");
    for (String p : paths) {
      String url = p.replace("{file}", "stations.csv") + examples.getOrDefault(p, "");
      assertThat(portal.get(url).statusCode()).as(url).isEqualTo(200);
      doc.get("paths")
          .get(p)
          .get("get")
          .get("parameters")
          .forEach(
              param -> {
                if (param.path("required").asBoolean(false)
                    && !param.get("in").asText().equals("path")) {
                  assertThat(examples.getOrDefault(p, ""))
                      .as("example of %s names required %s", p, param.get("name"))
                      .contains(param.get("name").asText() + "=");
                }
              });
    }
    assertThat(
            portal
                .get(
                    "/api/search?kind="
                        + doc.at("/components/parameters/kind/schema/enum/0").asText())
                .statusCode())
        .isEqualTo(200);
    for (JsonNode theme : doc.at("/components/parameters/theme/schema/enum")) {
      assertThat(portal.get("/api/search?theme=" + theme.asText()).statusCode())
          .as("theme %s", theme)
          .isEqualTo(200);
    }
  }

  @Test
  void filtersConditionalRequestsAndBadParameters() throws Exception {
    List<Map<String, String>> all = csv(get("/data/activities.csv").body());
    List<Map<String, String>> health =
        csv(get("/data/activities.csv?theme=public_health&region=150602").body());
    List<Map<String, String>> expected =
        all.stream()
            .filter(
                r ->
                    r.get("theme").equals("PUBLIC_HEALTH")
                        && r.get("region_code").startsWith("150602"))
            .toList();
    assertThat(health).isNotEmpty().isEqualTo(expected);
    List<Map<String, String>> december =
        csv(get("/data/activities.csv?from=2026-12-01&to=2026-12-31").body());
    assertThat(december)
        .allMatch(
            r ->
                r.get("end").compareTo("2026-12-01") > 0
                    && r.get("start").compareTo("2027-01-01") < 0);

    JsonNode teams =
        new ObjectMapper()
            .readTree(get("/data/teams.geojson?region=150602").body())
            .get("features");
    assertThat(teams).isNotEmpty();
    assertThat(teams)
        .allMatch(f -> f.get("properties").get("region_code").asText().startsWith("150602"));
    assertThat(teams).anyMatch(f -> f.get("geometry").isObject());

    HttpResponse<byte[]> zipped = get("/data/activities.csv", "Accept-Encoding", "gzip");
    assertThat(zipped.headers().firstValue("content-encoding")).hasValue("gzip");
    byte[] unzipped =
        new java.util.zip.GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
    assertThat(unzipped.length).isGreaterThan(zipped.body().length * 3);
    assertThat(csv(unzipped)).isEqualTo(all);
    assertThat(
            get("/data/stations.xlsx", "Accept-Encoding", "gzip")
                .headers()
                .firstValue("content-encoding"))
        .isEmpty();
    assertThat(portal.get("/api/search?q=x").headers().firstValue("access-control-allow-origin"))
        .hasValue("*");
    assertThat(portal.get("/admin/login").headers().firstValue("access-control-allow-origin"))
        .isEmpty();

    HttpResponse<byte[]> first = get("/data/stations.geojson");
    String etag = first.headers().firstValue("etag").orElseThrow();
    HttpResponse<byte[]> again = get("/data/stations.geojson", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(
            get("/data/stations.geojson?region=150602").headers().firstValue("etag").orElseThrow())
        .as("another filter, another ETag")
        .isNotEqualTo(etag);

    assertThat(get("/data/stations.csv?region=15x").statusCode()).isEqualTo(400);
    assertThat(get("/data/stations.csv?theme=arts").statusCode()).isEqualTo(400);
    assertThat(get("/data/activities.csv?from=yesterday").statusCode()).isEqualTo(400);
    assertThat(get("/data/activities.csv?colour=red").statusCode()).isEqualTo(400);
    assertThat(get("/data/people.csv").statusCode()).isEqualTo(404);
    assertThat(get("/data/stations.exe").statusCode()).isEqualTo(404);
  }

  /**
   * Once published, a whole current download is the newest version's file: its length, byte ranges
   * (single, suffix, 416) and a strong ETag, the version in its file name — what GDAL's /vsicurl/
   * needs (it opens the current FlatGeobuf remotely); a browser asking for gzip still gets text
   * compressed.
   */
  @Test
  void aCurrentDownloadIsThePublishedFileWithLengthAndRanges() throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
    String version = null;
    long records = -1;
    while (System.nanoTime() < deadline) {
      JsonNode versions = new ObjectMapper().readTree(get("/data/stations/versions").body());
      JsonNode list = versions.isArray() ? versions : versions.path("versions");
      if (list.size() > 0) {
        version = list.get(0).get("version").asText();
        records = list.get(0).get("records").asLong();
        break;
      }
      Thread.sleep(500);
    }
    assertThat(version).as("the fresh portal published its first versions").isNotNull();
    HttpResponse<byte[]> whole = get("/data/stations.gpkg");
    assertThat(whole.statusCode()).isEqualTo(200);
    long size = whole.body().length;
    assertThat(whole.headers().firstValue("content-length")).hasValue(Long.toString(size));
    assertThat(whole.headers().firstValue("accept-ranges")).hasValue("bytes");
    String etag = whole.headers().firstValue("etag").orElseThrow();
    assertThat(etag).as("a strong ETag").startsWith("\"");
    assertThat(whole.headers().firstValue("content-disposition").orElse(""))
        .contains("stations-" + version + ".gpkg");
    HttpResponse<byte[]> part = get("/data/stations.gpkg", "Range", "bytes=0-99");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("content-range")).hasValue("bytes 0-99/" + size);
    assertThat(part.body()).isEqualTo(java.util.Arrays.copyOf(whole.body(), 100));
    HttpResponse<byte[]> tail = get("/data/stations.gpkg", "Range", "bytes=-16");
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body())
        .isEqualTo(java.util.Arrays.copyOfRange(whole.body(), (int) size - 16, (int) size));
    assertThat(get("/data/stations.gpkg", "Range", "bytes=" + size + "-").statusCode())
        .isEqualTo(416);
    HttpResponse<String> head =
        HTTP.send(
            java.net.http.HttpRequest.newBuilder(URI.create(portal.url("/data/stations.gpkg")))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(head.headers().firstValue("content-length")).hasValue(Long.toString(size));
    assertThat(head.headers().firstValue("etag")).hasValue(etag);
    HttpResponse<byte[]> zipped = get("/data/stations.csv", "Accept-Encoding", "gzip");
    assertThat(zipped.headers().firstValue("content-encoding")).hasValue("gzip");
    assertThat(get("/data/stations.csv?region=150602").headers().firstValue("content-disposition"))
        .as("a filtered download is made from the store")
        .hasValue("attachment; filename=\"stations.csv\"");
    if (Gdal.available()) {
      String info =
          Gdal.ogrinfo("-ro", "-so", "-al", "/vsicurl/" + portal.url("/data/stations.fgb"));
      assertThat(info).contains("Layer name: stations").contains("Feature Count: " + records);
    }
  }

  /** The node's elements, after asserting there are some: a check over nothing passes. */
  private static com.fasterxml.jackson.databind.JsonNode nonEmpty(
      com.fasterxml.jackson.databind.JsonNode node) {
    assertThat(node.isArray() || node.isObject()).as("an array or object").isTrue();
    assertThat(node.size()).as("elements to check").isPositive();
    return node;
  }
}
