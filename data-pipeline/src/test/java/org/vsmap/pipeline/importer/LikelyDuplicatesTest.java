package org.vsmap.pipeline.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.model.FiveHas;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.model.StationType;
import org.vsmap.geo.port.Problem;

/**
 * The likely-duplicate check (issue 20, finding 4): what it finds, and that it is linear in the
 * rows — 100,000 stations of one community, which took 193 s of CPU when every row was compared
 * with every earlier one of its region. The bound below only catches a return to quadratic; the
 * time itself is in docs/BENCHMARKS.md.
 */
class LikelyDuplicatesTest {
  private static Station station(String id, String name, double lon, double lat) {
    return new Station(
        id,
        name,
        StationType.COMMUNITY,
        "150602001002",
        null,
        new GeoPoint(lon, lat),
        null,
        List.of(),
        null,
        FiveHas.NONE,
        true);
  }

  @Test
  void aSimilarNameWithinAHundredMetresInTheSameRegionIsWarnedAbout() {
    List<Station> stored = List.of(station("st-a", "锦秀社区志愿服务站", 109.9800, 39.8200));
    List<Station> incoming =
        List.of(
            station("st-b", "锦秀社区志愿服务点", 109.9805, 39.8202), // about 50 m, same stem
            station("st-c", "锦秀社区", 109.9809, 39.8199), // contained in the stored one's name
            station("st-d", "锦秀社区志愿服务站", 109.9900, 39.8200), // 850 m away
            station("st-e", "天骄社区志愿服务站", 109.9801, 39.8200)); // another name
    assertThat(LikelyDuplicates.find("f.csv", incoming, stored))
        .extracting(Problem::value, Problem::reasonEn)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "锦秀社区志愿服务点", "likely duplicate of st-a 锦秀社区志愿服务站 (48 m apart)"),
            org.assertj.core.groups.Tuple.tuple(
                "锦秀社区", "likely duplicate of st-a 锦秀社区志愿服务站 (78 m apart)"));
  }

  @Test
  void oneHundredThousandStationsOfOneCommunityAreCheckedInLinearTime() {
    List<Station> rows = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      // a 300 × 334 grid of points 3 m apart: all in one community, thousands per 100 m cell
      rows.add(
          station(
              "st-" + i,
              "第" + i + "号服务点",
              109.98 + (i % 300) * 3.5e-5,
              39.82 + (i / 300) * 2.7e-5));
    }
    rows.add(
        station(
            "st-again",
            "第12345号服务点",
            109.98 + (12345 % 300) * 3.5e-5,
            39.82 + (12345 / 300) * 2.7e-5));
    List<Problem> found =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> LikelyDuplicates.find("big.csv", rows, List.of()));
    assertThat(found)
        .extracting(Problem::value)
        .as("the one row given twice under another id")
        .contains("第12345号服务点");
  }
}
