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
        assertThat(Geodesy.metres(wgs, ChinaOffsets.gcj02ToWgs84(gcj))).as("round trip at %s", wgs).isLessThan(0.5);
      }
    }
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
  }

  @Test
  void geodesicDistanceMatchesAKnownFigure() {
    // Beijing (116.4074, 39.9042) to Shanghai (121.4737, 31.2304): about 1,067 km
    double m = Geodesy.metres(new GeoPoint(116.4074, 39.9042), new GeoPoint(121.4737, 31.2304));
    assertThat(m).isBetween(1_060_000.0, 1_075_000.0);
  }
}
