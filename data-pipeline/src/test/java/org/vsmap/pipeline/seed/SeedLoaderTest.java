package org.vsmap.pipeline.seed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Bad seed files are refused with file, row, column and reason before anything is written. */
class SeedLoaderTest {

  private static SeedSource editing(String file, UnaryOperator<String> edit) {
    SeedSource inner = SeedSource.classpath();
    return new SeedSource() {
      @Override
      public InputStream open(String path) {
        if (!path.equals(file)) {
          return inner.open(path);
        }
        try (InputStream in = inner.open(path)) {
          return new ByteArrayInputStream(
              edit.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String describe() {
        return "edited";
      }
    };
  }

  @Test
  void unknownRegionCodeIsReportedWithRowAndColumn() {
    SeedSource s =
        editing(
            SeedSource.STATIONS,
            t -> t.replaceFirst("HEAD_STATION,150603,", "HEAD_STATION,999999,"));
    assertThatThrownBy(() -> SeedLoader.read(s, LocalDate.now()))
        .hasMessage(
            "demo/stations.csv row 2 column region_code: '999999' is not a known region code");
  }

  @Test
  void badNumbersAndEnumsAreReported() {
    SeedSource lon = editing(SeedSource.STATIONS, t -> t.replaceFirst("109.786971", "east"));
    assertThatThrownBy(() -> SeedLoader.read(lon, LocalDate.now()))
        .hasMessageContaining("row 2 column lon: 'east' is not a number");
    SeedSource theme =
        editing(SeedSource.ACTIVITIES, t -> t.replaceFirst("YOUTH_MODEL_POST", "KARAOKE"));
    assertThatThrownBy(() -> SeedLoader.read(theme, LocalDate.now()))
        .hasMessageContaining("demo/activities.csv row 2 column theme: 'KARAOKE' is not one of");
  }

  @Test
  void mobileNumbersNeverEnterTheStore() {
    SeedSource s =
        editing(
            SeedSource.STATIONS,
            t -> t.replaceFirst("图书借阅;理发,,11111", "图书借阅;理发,13912345678,11111"));
    assertThatThrownBy(() -> SeedLoader.read(s, LocalDate.now()))
        .hasMessageContaining("demo/stations.csv row 2")
        .hasMessageContaining("personal mobile");
  }

  @Test
  void teamTreeMustBeConnectedAndOrdered() {
    SeedSource orphan =
        editing(
            SeedSource.TEAMS, t -> t.replaceFirst(",DIVISION,tm-1506,", ",DIVISION,tm-nowhere,"));
    assertThatThrownBy(() -> SeedLoader.read(orphan, LocalDate.now()))
        .hasMessageContaining("unknown parent tm-nowhere");
    SeedSource inverted =
        editing(
            SeedSource.TEAMS, t -> t.replaceFirst(",DIVISION,tm-1506,", ",CITY_CORPS,tm-1506,"));
    assertThatThrownBy(() -> SeedLoader.read(inverted, LocalDate.now()))
        .hasMessageContaining("cannot have a parent");
  }
}
