package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasemapTest {
  @Test
  void theDefaultIsOpenStreetMapUnlessATiandituKeyIsGiven() {
    Basemap osm = Basemap.of(null, null, null, null, null);
    assertThat(osm.name()).isEqualTo("osm");
    assertThat(osm.crs()).isEqualTo("wgs84");
    assertThat(osm.attribution()).contains("OpenStreetMap");
    assertThat(osm.imageSources()).isEqualTo("https://tile.openstreetmap.org");

    Basemap tianditu = Basemap.of(" ", "abcdef0123456789", null, null, null);
    assertThat(tianditu.name()).isEqualTo("tianditu");
    assertThat(tianditu.layers()).hasSize(2);
    assertThat(tianditu.layers().get(0).url()).contains("vec_w").contains("tk=abcdef0123456789");
    assertThat(tianditu.layers().get(1).url()).as("the annotation layer").contains("cva_w");
    assertThat(tianditu.attribution()).contains("天地图");
    assertThat(tianditu.imageSources()).isEqualTo("https://*.tianditu.gov.cn");
  }

  @Test
  void chineseCommercialTilesAreGcj02AndTheirSubdomainsAreAllowed() {
    Basemap amap = Basemap.of("amap", null, null, null, null);
    assertThat(amap.crs()).isEqualTo("gcj02");
    assertThat(amap.imageSources()).isEqualTo("https://*.is.autonavi.com");
    Basemap tencent = Basemap.of("tencent", null, null, null, null);
    assertThat(tencent.crs()).isEqualTo("gcj02");
    assertThat(tencent.layers().get(0).url()).contains("{-y}");
    assertThat(tencent.imageSources()).isEqualTo("https://*.map.gtimg.com");
  }

  @Test
  void xyzTakesItsCrsAndCreditAndOurOwnTilesNeedNoImageSource() {
    Basemap own = Basemap.of("xyz:http://127.0.0.1:9/{z}/{x}/{y}.png", null, "gcj02", "本地瓦片", null);
    assertThat(own.crs()).isEqualTo("gcj02");
    assertThat(own.attribution()).isEqualTo("本地瓦片");
    assertThat(own.imageSources()).isEqualTo("http://127.0.0.1:9");
    assertThat(Basemap.of("xyz:/tiles/{z}/{x}/{y}.png", null, null, null, null).imageSources())
        .isEmpty();
    assertThat(Basemap.of("none", null, null, null, null).layers()).isEmpty();
  }

  @Test
  void mistakesAreNamedForTheOperator(@TempDir Path dir) {
    assertThatThrownBy(() -> Basemap.of("tianditu", null, null, null, null))
        .hasMessageContaining("--tianditu-key");
    assertThatThrownBy(() -> Basemap.of("google", null, null, null, null))
        .hasMessageContaining("unknown basemap 'google'");
    assertThatThrownBy(() -> Basemap.of("xyz:https://t/{z}/{x}.png", null, null, null, null))
        .hasMessageContaining("{z}, {x} and {y}");
    assertThatThrownBy(() -> Basemap.of("osm", null, "gcj02", null, null))
        .hasMessageContaining("--tile-crs applies to xyz:");
    assertThatThrownBy(() -> Basemap.of("xyz:https://t/{z}/{x}/{y}", null, "bd09", null, null))
        .hasMessageContaining("wgs84 or gcj02");
    assertThatThrownBy(() -> Basemap.of("pmtiles:china.pmtiles", null, null, null, dir))
        .hasMessageContaining("no readable pmtiles file at");
  }

  @Test
  void aPmtilesFileIsFoundInTheDataDirectoryAndServedByThePortal(@TempDir Path dir)
      throws Exception {
    Files.write(dir.resolve("city.pmtiles"), new byte[] {1, 2, 3});
    Basemap b = Basemap.of("pmtiles:city.pmtiles", null, null, null, dir);
    assertThat(b.pmtilesFile()).isEqualTo(dir.resolve("city.pmtiles"));
    assertThat(b.pmtiles()).isEqualTo(Basemap.PMTILES_PATH);
    assertThat(b.imageSources()).isEmpty();
    assertThat(org.vsmap.web.http.Json.write(b))
        .contains("\"pmtiles\":\"/basemap/basemap.pmtiles\"")
        .doesNotContain(dir.toString());
  }
}
