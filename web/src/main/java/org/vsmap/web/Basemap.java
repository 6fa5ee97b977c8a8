package org.vsmap.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the maps draw under the stations, teams and activities (the {@code --basemap} presets). The
 * pages receive it as JSON ({@code static/basemap.js} draws it); a basemap in GCJ-02 (高德, 腾讯)
 * shifts what is drawn on it for display only — the data, the API and the downloads stay WGS84.
 *
 * @param name the preset: osm, tianditu, tianditu-imagery, amap, tencent, xyz, pmtiles or none
 * @param layers the raster layers, bottom first (天地图: the map, then its annotation layer); empty
 *     for pmtiles and none
 * @param attribution the credit line the tile provider's terms require (plain text)
 * @param crs {@code wgs84} (天地图's CGCS2000 lines up with it) or {@code gcj02}
 * @param pmtiles the offline vector basemap file the portal serves at {@link #PMTILES_PATH}, or
 *     null
 */
public record Basemap(
    String name, List<Layer> layers, String attribution, String crs, @JsonIgnore Path pmtilesFile) {

  /** Where the portal serves a pmtiles basemap (with HTTP Range). */
  public static final String PMTILES_PATH = "/basemap/basemap.pmtiles";

  /** OpenStreetMap's own tiles: the demo default (their tile policy asks for the credit line). */
  public static final String OSM_CREDIT = "© OpenStreetMap 贡献者 contributors";

  /**
   * One raster tile layer: a Leaflet URL template ({s}, {z}, {x}, {y}; {-y} for TMS rows) and its
   * subdomains.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Layer(String url, String subdomains, int maxZoom) {}

  public Basemap {
    layers = List.copyOf(layers);
    if (!crs.equals("wgs84") && !crs.equals("gcj02")) {
      throw new IllegalArgumentException("tile CRS must be wgs84 or gcj02, not " + crs);
    }
  }

  /** No basemap: the maps draw the district boundaries alone. */
  public static Basemap none() {
    return new Basemap("none", List.of(), "", "wgs84", null);
  }

  /** The offline vector basemap's URL for the page, or null. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @com.fasterxml.jackson.annotation.JsonProperty("pmtiles")
  public String pmtiles() {
    return pmtilesFile == null ? null : PMTILES_PATH;
  }

  /**
   * The basemap an operator asked for.
   *
   * @param spec {@code osm}, {@code tianditu}, {@code tianditu-imagery}, {@code amap}, {@code
   *     tencent}, {@code xyz:TEMPLATE}, {@code pmtiles:FILE} or {@code none}; null or blank for the
   *     default (天地图 when a key is given, OpenStreetMap otherwise)
   * @param tiandituKey the 天地图 key (tk) a 天地图 preset needs
   * @param tileCrs for {@code xyz:}: {@code wgs84} (default) or {@code gcj02}
   * @param credit the credit line; replaces the preset's when given ({@code xyz:} should set it)
   * @param dataDir where a relative pmtiles file is looked for
   * @throws IllegalArgumentException saying what is wrong, for the operator
   */
  public static Basemap of(
      String spec, String tiandituKey, String tileCrs, String credit, Path dataDir) {
    String key = blank(tiandituKey) ? null : tiandituKey.strip();
    String s = blank(spec) ? (key == null ? "osm" : "tianditu") : spec.strip();
    String preset = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
    String crs = blank(tileCrs) ? "wgs84" : tileCrs.strip().toLowerCase(Locale.ROOT);
    if (!crs.equals("wgs84") && !crs.equals("gcj02")) {
      throw new IllegalArgumentException("--tile-crs must be wgs84 or gcj02, not " + tileCrs);
    }
    if (!blank(tileCrs) && !preset.equals("xyz")) {
      throw new IllegalArgumentException(
          "--tile-crs applies to xyz: basemaps only; the presets know their own");
    }
    Basemap b =
        switch (preset.toLowerCase(Locale.ROOT)) {
          case "none" -> none();
          case "osm" ->
              new Basemap(
                  "osm",
                  List.of(new Layer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "", 19)),
                  OSM_CREDIT,
                  "wgs84",
                  null);
          case "tianditu" -> tianditu(key, "vec", "cva", "tianditu");
          case "tianditu-imagery" -> tianditu(key, "img", "cia", "tianditu-imagery");
          case "amap" ->
              new Basemap(
                  "amap",
                  List.of(
                      new Layer(
                          "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
                          "1234",
                          18)),
                  "© 高德地图 AutoNavi",
                  "gcj02",
                  null);
          case "tencent" ->
              new Basemap(
                  "tencent",
                  List.of(
                      new Layer(
                          "https://rt{s}.map.gtimg.com/tile?z={z}&x={x}&y={-y}&styleid=1000&scene=0",
                          "0123",
                          18)),
                  "© 腾讯地图 Tencent",
                  "gcj02",
                  null);
          case "xyz" -> new Basemap("xyz", List.of(xyz(s.substring(4))), "", crs, null);
          case "pmtiles" -> pmtiles(s.substring(8), dataDir);
          default ->
              throw new IllegalArgumentException(
                  "unknown basemap '"
                      + s
                      + "': use osm, tianditu, tianditu-imagery, amap, tencent, xyz:TEMPLATE, "
                      + "pmtiles:FILE or none");
        };
    return blank(credit) ? b : new Basemap(b.name, b.layers, credit.strip(), b.crs, b.pmtilesFile);
  }

  private static Basemap tianditu(String key, String map, String labels, String name) {
    if (key == null) {
      throw new IllegalArgumentException(
          "the 天地图 basemap needs a key: --tianditu-key (apply at console.tianditu.gov.cn)");
    }
    if (!key.matches("[A-Za-z0-9]{8,64}")) {
      throw new IllegalArgumentException("a 天地图 key is letters and digits, not " + key);
    }
    return new Basemap(
        name,
        List.of(tiandituLayer(map, key), tiandituLayer(labels, key)),
        "© 国家地理信息公共服务平台 天地图",
        "wgs84",
        null);
  }

  private static Layer tiandituLayer(String layer, String key) {
    return new Layer(
        "https://t{s}.tianditu.gov.cn/"
            + layer
            + "_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER="
            + layer
            + "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk="
            + key,
        "01234567",
        18);
  }

  private static Layer xyz(String template) {
    String t = template.strip();
    if (!(t.startsWith("https://") || t.startsWith("http://") || t.startsWith("/"))) {
      throw new IllegalArgumentException(
          "an xyz: tile URL must start with https://, http:// or /: " + t);
    }
    if (!(t.contains("{z}") && t.contains("{x}") && (t.contains("{y}") || t.contains("{-y}")))) {
      throw new IllegalArgumentException("an xyz: tile URL must contain {z}, {x} and {y}: " + t);
    }
    if (t.contains("\"") || t.contains("<") || t.contains(" ")) {
      throw new IllegalArgumentException("an xyz: tile URL must not contain quotes, < or spaces");
    }
    return new Layer(t, t.contains("{s}") ? "abc" : "", 19);
  }

  private static Basemap pmtiles(String file, Path dataDir) {
    Path p = Path.of(file.strip());
    if (!p.isAbsolute() && dataDir != null) {
      p = dataDir.resolve(p);
    }
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new IllegalArgumentException(
          "no readable pmtiles file at "
              + p.toAbsolutePath()
              + " (place a Protomaps extract there, e.g. from `pmtiles extract`)");
    }
    return new Basemap(
        "pmtiles", List.of(), "© OpenStreetMap 贡献者 contributors · Protomaps", "wgs84", p);
  }

  /**
   * The CSP sources for the basemap's images: each tile server's origin, a subdomain placeholder as
   * {@code *}; none when the tiles are ours or there are none.
   */
  public String imageSources() {
    Set<String> out = new LinkedHashSet<>();
    Pattern origin = Pattern.compile("^(https?://)([^/?]+)");
    for (Layer l : layers) {
      Matcher m = origin.matcher(l.url());
      if (!m.find()) {
        continue;
      }
      String host = m.group(2);
      if (host.contains("{")) {
        // a label with {s} in it (t{s}., webrd0{s}.) stands for any subdomain of the rest
        int dot = host.indexOf('.');
        String first = dot < 0 ? host : host.substring(0, dot);
        host = first.contains("{") && dot > 0 ? "*" + host.substring(dot) : null;
      }
      out.add(
          host == null || host.contains("{") ? m.group(1).replace("//", "") : m.group(1) + host);
    }
    return String.join(" ", out);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
