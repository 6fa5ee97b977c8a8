package org.vsmap.geo.port;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import org.vsmap.geo.model.Theme;

/**
 * The open datasets as files: stations, teams, activities and regions in CSV, XLSX, GeoJSON, KML,
 * GeoPackage and FlatGeobuf, whole or filtered, written as a stream (memory does not grow with the
 * size; the two file-based formats pass through a scratch file).
 */
public interface Downloads {

  /** A file format: its extension and media type. */
  enum Format {
    CSV("csv", "text/csv; charset=utf-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    GEOJSON("geojson", "application/geo+json"),
    KML("kml", "application/vnd.google-earth.kml+xml"),
    GPKG("gpkg", "application/geopackage+sqlite3"),
    FGB("fgb", "application/flatgeobuf");

    private final String extension;
    private final String mediaType;

    Format(String extension, String mediaType) {
      this.extension = extension;
      this.mediaType = mediaType;
    }

    public String extension() {
      return extension;
    }

    public String mediaType() {
      return mediaType;
    }

    /** The format of an extension, or null. */
    public static Format ofExtension(String ext) {
      for (Format f : values()) {
        if (f.extension.equals(ext)) {
          return f;
        }
      }
      return null;
    }
  }

  /**
   * Which records: a region code prefix, a theme (activities), a time window (activities); null =
   * any; {@code limit} 0 = all (a preview asks for a few).
   */
  record Filter(String region, Theme theme, LocalDateTime from, LocalDateTime to, int limit) {
    public static final Filter ALL = new Filter(null, null, null, null, 0);

    public Filter(String region, Theme theme, LocalDateTime from, LocalDateTime to) {
      this(region, theme, from, to, 0);
    }

    public Filter limited(int n) {
      return new Filter(region, theme, from, to, n);
    }
  }

  /** One column of a dataset: name, type, unit, meaning (zh, en), example. */
  record Field(String name, String type, String unit, String zh, String en, String example) {}

  /** A dataset: its id, titles and field dictionary. */
  record Dataset(String id, String titleZh, String titleEn, List<Field> fields) {}

  List<Dataset> datasets();

  /** Changes whenever the store's data change: used as the ETag of every download. */
  String version();

  /** When the data last changed (China time): the newest change, else when the store was filled. */
  LocalDateTime lastModified();

  /** How many records a dataset holds now. */
  long count(String dataset);

  /**
   * Writes the dataset's records that match the filter.
   *
   * @throws IllegalArgumentException for an unknown dataset
   */
  void write(String dataset, Format format, Filter filter, OutputStream out) throws IOException;
}
