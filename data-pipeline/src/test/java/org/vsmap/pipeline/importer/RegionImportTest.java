package org.vsmap.pipeline.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.model.GeoPoint;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.spatial.CoordinateSystem;

/** A region list: parents from the adcode columns, populations, boundaries, each bad line named. */
class RegionImportTest {
  private static final Map<String, Region> STORED =
      Map.of(
          "150602",
          new Region(
              "150602", "东胜区", RegionLevel.COUNTY, "1506", null, null, new GeoPoint(109.96, 39.82)),
          "1506",
          new Region("1506", "鄂尔多斯市", RegionLevel.CITY, "15", null, null, null));

  private static RegionImport.Result read(String csv) {
    return RegionImport.read(
        Grid.read("regions.csv", csv.getBytes(StandardCharsets.UTF_8), null),
        CoordinateSystem.WGS84,
        STORED);
  }

  @Test
  void goodLinesGiveRegionsWithTheirParentsPopulationsAndBoundaries() {
    RegionImport.Result r =
        read(
            "区划代码,名称,areacode,streetcode,人口,边界\n"
                + "150602001,交通街道,150602,,\"12,500\",\"POLYGON ((109.95 39.81, 109.97 39.81, 109.97 39.83, 109.95 39.83, 109.95 39.81))\"\n"
                + "150602001001,建安社区,150602,150602001,800,\n");
    assertThat(r.problems()).isEmpty();
    assertThat(r.regions()).extracting(Region::code).containsExactly("150602001", "150602001001");
    Region street = r.regions().get(0);
    assertThat(street.parentCode()).isEqualTo("150602");
    assertThat(street.population()).isEqualTo(12_500L);
    assertThat(street.boundary()).isNotNull();
    assertThat(street.centroid().lon()).isBetween(109.95, 109.97);
    assertThat(r.regions().get(1).parentCode())
        .as("the street read in the same file is its parent (the longest adcode that fits)")
        .isEqualTo("150602001");
  }

  @Test
  void eachBadLineIsAProblemWithItsRowAndColumnAndNothingFromIt() {
    RegionImport.Result r =
        read(
            "区划代码,名称,上级代码,人口,边界\n"
                + "15060200,坏代码,150602,,\n"
                + "150602002,,150602,,\n"
                + "150699001,无上级,150699,,\n"
                + "150602003,人口错,150602,-5,\n"
                + "150602004,边界错,150602,,POLYGON((1 2\n"
                + "150602005,境外,150602,,\"POLYGON ((2 48, 3 48, 3 49, 2 49, 2 48))\"\n"
                + "150602006,好的,150602,10,\n"
                + "150602006,重复,150602,10,\n");
    assertThat(r.regions()).extracting(Region::code).containsExactly("150602006");
    assertThat(r.problems())
        .filteredOn(p -> p.row() != 6)
        .extracting(Problem::row, Problem::column, Problem::reasonEn)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                2, "区划代码", "a region code has 2, 4, 6, 9 or 12 digits"),
            org.assertj.core.groups.Tuple.tuple(3, "名称", "a new region needs a name"),
            org.assertj.core.groups.Tuple.tuple(
                4, "上级代码", "unknown parent region (import it first)"),
            org.assertj.core.groups.Tuple.tuple(5, "人口", "population must be a whole number ≥ 0"),
            org.assertj.core.groups.Tuple.tuple(
                7, "边界", "the boundary is not a polygon inside China"),
            org.assertj.core.groups.Tuple.tuple(9, "区划代码", "duplicates row 8"));
    assertThat(r.problems())
        .filteredOn(p -> p.row() == 6)
        .singleElement()
        .satisfies(p -> assertThat(p.reasonEn()).startsWith("the boundary cannot be read"));
  }
}
