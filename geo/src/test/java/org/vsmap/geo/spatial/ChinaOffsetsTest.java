package org.vsmap.geo.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vsmap.geo.model.GeoPoint;

class ChinaOffsetsTest {

  @Test
  void roundTripInsideChinaIsUnderHalfAMetre() {
    for (double lon = 74; lon < 134; lon += 3.7) {
      for (double lat = 19; lat < 53; lat += 2.9) {
        GeoPoint wgs = new GeoPoint(lon, lat);
        GeoPoint gcj = ChinaOffsets.wgs84ToGcj02(wgs);
        double shift = Geodesy.metres(wgs, gcj);
        assertThat(shift).as("offset at %s", wgs).isBetween(1.0, 1500.0);
        assertThat(Geodesy.metres(wgs, ChinaOffsets.gcj02ToWgs84(gcj)))
            .as("round trip at %s", wgs)
            .isLessThan(0.5);
      }
    }
  }

  @Test
  void knownPointsMatchThePublishedReferenceVectors() {
    // the WGS84 → GCJ-02 test vectors of the eviltransform project
    // (github.com/googollee/eviltransform):
    // Shanghai, Shenzhen, Beijing as {wgs lat, wgs lon, gcj lat, gcj lon}
    double[][] vectors = {
      {31.1774276, 121.5272106, 31.17530398364597, 121.531541859215},
      {22.543847, 113.912316, 22.540796131694766, 113.9171764808363},
      {39.911954, 116.377817, 39.91334545536069, 116.38404722455657}
    };
    for (double[] v : vectors) {
      GeoPoint wgs = new GeoPoint(v[1], v[0]);
      GeoPoint gcj = new GeoPoint(v[3], v[2]);
      assertThat(Geodesy.metres(ChinaOffsets.wgs84ToGcj02(wgs), gcj))
          .as("forward at %s", wgs)
          .isLessThan(0.01);
      assertThat(Geodesy.metres(CoordinateSystem.GCJ02.toWgs84(gcj), wgs))
          .as("back at %s", gcj)
          .isLessThan(0.5);
      assertThat(
              Geodesy.metres(
                  CoordinateSystem.BD09.toWgs84(CoordinateSystem.BD09.fromWgs84(wgs)), wgs))
          .isLessThan(1.0);
      assertThat(CoordinateSystem.CGCS2000.toWgs84(wgs))
          .as("CGCS2000 is WGS84 within centimetres")
          .isEqualTo(wgs);
    }
    assertThat(CoordinateSystem.parse("EPSG:4490")).isEqualTo(CoordinateSystem.CGCS2000);
    assertThat(CoordinateSystem.parse("GCJ-02")).isEqualTo(CoordinateSystem.GCJ02);
  }

  @Test
  void baiduRoundTripIsUnderOneMetre() {
    GeoPoint gcj = new GeoPoint(109.98, 39.82);
    GeoPoint bd = ChinaOffsets.gcj02ToBd09(gcj);
    assertThat(Geodesy.metres(gcj, bd)).isBetween(300.0, 1500.0);
    assertThat(Geodesy.metres(gcj, ChinaOffsets.bd09ToGcj02(bd))).isLessThan(1.0);
  }

  @Test
  void pointsOutsideChinaAreNotShifted() {
    GeoPoint paris = new GeoPoint(2.35, 48.85);
    assertThat(ChinaOffsets.wgs84ToGcj02(paris)).isEqualTo(paris);
    assertThat(ChinaOffsets.gcj02ToWgs84(paris)).isEqualTo(paris);
    for (CoordinateSystem cs : CoordinateSystem.values()) {
      if (cs != CoordinateSystem.BD09) {
        assertThat(cs.toWgs84(paris)).as("%s outside China", cs).isEqualTo(paris);
      }
    }
  }

  @Test
  void geodesicDistanceMatchesAKnownFigure() {
    // Beijing (116.4074, 39.9042) to Shanghai (121.4737, 31.2304): about 1,067 km
    double m = Geodesy.metres(new GeoPoint(116.4074, 39.9042), new GeoPoint(121.4737, 31.2304));
    assertThat(m).isBetween(1_060_000.0, 1_075_000.0);
  }
}
