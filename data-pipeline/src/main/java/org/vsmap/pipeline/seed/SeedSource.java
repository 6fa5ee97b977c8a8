package org.vsmap.pipeline.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where the seed files are read from: the copy inside the jar, or a directory on disk. */
public interface SeedSource {
  String REGIONS = "regions/ordos_regions.csv";
  String COUNTY_BOUNDARIES = "regions/ordos_counties.wgs84.geojson";
  String STATIONS = "demo/stations.csv";
  String TEAMS = "demo/teams.csv";
  String ACTIVITIES = "demo/activities.csv";
  String FIGURES = "demo/figures.csv";
  String POPULATION = "demo/population.csv";

  /** Optional: the demo's honours, years relative to today (Y-1 last year). */
  String HONOURS = "demo/honours.csv";

  /** Opens a seed file by its path relative to the seeds folder. */
  InputStream open(String path);

  /** A name for messages. */
  String describe();

  /** Whether an optional seed file (figures, population) is there. */
  default boolean has(String path) {
    try (InputStream in = open(path)) {
      return true;
    } catch (IllegalStateException | IOException e) {
      return false;
    }
  }

  static SeedSource classpath() {
    return new SeedSource() {
      @Override
      public InputStream open(String path) {
        InputStream in = SeedSource.class.getClassLoader().getResourceAsStream("seeds/" + path);
        if (in == null) {
          throw new IllegalStateException("seed file missing from the classpath: seeds/" + path);
        }
        return in;
      }

      @Override
      public String describe() {
        return "classpath:seeds";
      }
    };
  }

  static SeedSource directory(Path dir) {
    return new SeedSource() {
      @Override
      public InputStream open(String path) {
        try {
          return Files.newInputStream(dir.resolve(path));
        } catch (NoSuchFileException e) {
          throw new IllegalStateException("seed file missing: " + dir.resolve(path));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public String describe() {
        return dir.toString();
      }
    };
  }
}
