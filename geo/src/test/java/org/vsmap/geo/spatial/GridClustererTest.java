package org.vsmap.geo.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.cluster.GridClusterer;
import org.vsmap.geo.model.BBox;

class GridClustererTest {

  @Test
  void countsAddUpAndClustersSplitAsYouZoomIn() {
    SplittableRandom rnd = new SplittableRandom(7);
    int n = 5000;
    double[] lon = new double[n];
    double[] lat = new double[n];
    for (int i = 0; i < n; i++) {
      lon[i] = 107 + rnd.nextDouble() * 4;
      lat[i] = 37.5 + rnd.nextDouble() * 3;
    }
    GridClusterer c = new GridClusterer(lon, lat, 60, 14);
    BBox all = new BBox(106, 37, 112, 41);
    int previous = 0;
    assertThat(c.maxZoom()).isBetween(6, 14);
    for (int z = 0; z <= 14; z++) {
      List<GridClusterer.Cluster> clusters =
          z <= c.maxZoom() ? c.clusters(all, z) : GridClusterer.at(lon, lat, n, 60, z);
      assertThat(clusters.stream().mapToInt(GridClusterer.Cluster::count).sum())
          .as("zoom %d", z)
          .isEqualTo(n);
      assertThat(clusters.size()).as("zoom %d", z).isGreaterThanOrEqualTo(previous);
      previous = clusters.size();
      for (GridClusterer.Cluster k : clusters) {
        assertThat(all.contains(new org.vsmap.geo.model.GeoPoint(k.lon(), k.lat()))).isTrue();
        if (k.count() == 1) {
          assertThat(lon[k.single()]).isEqualTo(k.lon());
        }
      }
    }
    assertThat(c.clusters(all, 0)).hasSize(1);
    assertThat(GridClusterer.at(lon, lat, n, 60, 14).size()).isGreaterThan(4900);
  }

  @Test
  void aViewportSeesOnlyItsCells() {
    double[] lon = {109.0, 109.001, 116.4};
    double[] lat = {39.0, 39.001, 39.9};
    GridClusterer c = new GridClusterer(lon, lat, 60, 10);
    List<GridClusterer.Cluster> ordos = c.clusters(new BBox(108, 38, 110, 40), 8);
    assertThat(ordos).hasSize(1);
    assertThat(ordos.get(0).count()).isEqualTo(2);
    assertThat(ordos.get(0).lon()).isEqualTo(109.0005, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(c.clusters(new BBox(0, 0, 1, 1), 8)).isEmpty();
    assertThat(c.clusters(new BBox(116, 39, 117, 40), 30))
        .singleElement()
        .extracting(GridClusterer.Cluster::single)
        .isEqualTo(2);
  }

  @Test
  void zoomsPastTheDeepestLevelGroupThePointsOfTheCellsInView() {
    SplittableRandom rnd = new SplittableRandom(11);
    int n = 20_000;
    double[] lon = new double[n];
    double[] lat = new double[n];
    for (int i = 0; i < n; i++) {
      lon[i] = 116.3 + rnd.nextGaussian() * 0.5;
      lat[i] = 39.9 + rnd.nextGaussian() * 0.5;
    }
    GridClusterer c = new GridClusterer(lon.clone(), lat.clone(), 64, 14);
    assertThat(c.maxZoom()).as("precomputing stops where most cells hold one point").isLessThan(14);
    int[] seen = new int[2];
    for (int z = c.maxZoom() + 1; z <= GridClusterer.MAX_ZOOM; z++) {
      for (int t = 0; t < 20; t++) {
        double span =
            1280
                * 360.0
                / (256.0 * (1 << z)); // a screen's width at this zoom, around one of the points
        int p = rnd.nextInt(n);
        double w = lon[p] - span / 2;
        double s = lat[p] - span * 0.3;
        BBox box = new BBox(w, s, w + span, s + span * 0.6);
        java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
        long x0 = (long) Math.floor(WebMercator.x(box.west(), z) / 64);
        long x1 = (long) Math.floor(WebMercator.x(box.east(), z) / 64);
        long y0 = (long) Math.floor(WebMercator.y(box.north(), z) / 64);
        long y1 = (long) Math.floor(WebMercator.y(box.south(), z) / 64);
        for (int i = 0; i < n; i++) {
          long x = (long) Math.floor(WebMercator.x(lon[i], z) / 64);
          long y = (long) Math.floor(WebMercator.y(lat[i], z) / 64);
          if (x >= x0 && x <= x1 && y >= y0 && y <= y1) {
            expected.merge(x + "/" + y, 1, Integer::sum);
          }
        }
        java.util.Map<String, Integer> actual = new java.util.TreeMap<>();
        for (GridClusterer.Cluster k : c.clusters(box, z)) {
          String cell =
              (long) Math.floor(WebMercator.x(k.lon(), z) / 64)
                  + "/"
                  + (long) Math.floor(WebMercator.y(k.lat(), z) / 64);
          assertThat(actual.put(cell, k.count())).as("one cluster per cell at zoom %d", z).isNull();
          seen[k.count() == 1 ? 0 : 1]++;
          if (k.count() == 1) {
            assertThat(lon[k.single()]).isEqualTo(k.lon());
            assertThat(lat[k.single()]).isEqualTo(k.lat());
          } else {
            assertThat(k.single()).isEqualTo(-1);
          }
        }
        assertThat(actual).as("zoom %d, box %s", z, box).isEqualTo(expected);
      }
    }
    assertThat(seen[0]).as("single points").isGreaterThan(100);
    assertThat(seen[1]).as("clusters of several").isGreaterThan(20);
  }
}
