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
      List<GridClusterer.Cluster> clusters = z <= c.maxZoom() ? c.clusters(all, z) : GridClusterer.at(lon, lat, n, 60, z);
      assertThat(clusters.stream().mapToInt(GridClusterer.Cluster::count).sum()).as("zoom %d", z).isEqualTo(n);
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
    assertThat(c.clusters(new BBox(116, 39, 117, 40), 30)).singleElement().extracting(GridClusterer.Cluster::single).isEqualTo(2);
  }
}
