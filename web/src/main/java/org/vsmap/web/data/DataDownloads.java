package org.vsmap.web.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vsmap.geo.model.RegionCode;
import org.vsmap.geo.model.Theme;
import org.vsmap.geo.port.Downloads;
import org.vsmap.geo.port.Snapshots;
import org.vsmap.web.Readiness;
import org.vsmap.web.http.ConditionalGet;
import org.vsmap.web.http.FileRanges;
import org.vsmap.web.http.Json;
import org.vsmap.web.http.WebError;

/**
 * {@code GET /data/{dataset}.{csv|xlsx|geojson|kml}[?region=&theme=&from=&to=]}: the current
 * version of a dataset, whole or filtered, streamed. The ETag is the store's data version plus the
 * filter, so a conditional GET answers 304 until the data change; the licence travels in a {@code
 * Link: rel="license"} header as well as inside the XLSX and GeoJSON files.
 */
public final class DataDownloads {
  private final Readiness readiness;
  private final DataCatalogue catalogue;

  public DataDownloads(Readiness readiness, DataCatalogue catalogue) {
    this.readiness = readiness;
    this.catalogue = catalogue;
  }

  public void download(Context ctx) throws IOException {
    Downloads downloads = readiness.ports().downloads();
    if (downloads == null) {
      throw new WebError(503, "Service Unavailable", "downloads are not available on this server");
    }
    String file = ctx.pathParam("file");
    int dot = file.lastIndexOf('.');
    if (dot < 0) {
      catalogue.dataset(ctx, file); // /data/{dataset}: the dataset's page
      return;
    }
    String dataset = dot < 0 ? file : file.substring(0, dot);
    Downloads.Format format =
        dot < 0
            ? null
            : Downloads.Format.ofExtension(file.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (downloads.datasets().stream().noneMatch(d -> d.id().equals(dataset))) {
      throw WebError.notFound("no dataset " + dataset + ": stations, teams, activities or regions");
    }
    if (format == null) {
      throw WebError.notFound(
          "no such format for " + dataset + ": .csv, .xlsx, .geojson, .kml, .gpkg or .fgb");
    }
    Downloads.Filter filter = filter(ctx, dataset);
    if (filter.equals(Downloads.Filter.ALL) && servedPublished(ctx, downloads, dataset, format)) {
      return;
    }
    // text compresses five- to tenfold; XLSX is a zip already
    String accept = ctx.header("Accept-Encoding");
    boolean gzip =
        GZIPPED.contains(format)
            && accept != null
            && accept.toLowerCase(Locale.ROOT).contains("gzip");
    // one opaque token per store state, file and filter (the state string has spaces and colons)
    String etag =
        "W/\""
            + digest(downloads.version() + "|" + format + "|" + filter)
            + (gzip ? "-gz" : "")
            + "\"";
    ctx.header("Cache-Control", "public, max-age=60");
    ctx.header("Link", "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
    java.time.LocalDateTime modified = downloads.lastModified();
    if (ConditionalGet.notModified(
        ctx,
        etag,
        modified == null ? null : modified.atZone(org.vsmap.geo.time.ChinaTime.ZONE).toInstant())) {
      return;
    }
    ctx.contentType(format.mediaType());
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"" + dataset + "." + format.extension() + "\"");
    OutputStream out = ctx.res().getOutputStream();
    if (gzip) {
      ctx.header("Content-Encoding", "gzip");
      java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out, 1 << 16);
      downloads.write(dataset, format, filter, z);
      z.finish();
    } else {
      downloads.write(dataset, format, filter, out);
    }
    out.flush();
  }

  private Snapshots snapshots() {
    Snapshots s = readiness.ports().snapshots();
    if (s == null) {
      throw new WebError(
          503, "Service Unavailable", "dataset versions are not available on this server");
    }
    return s;
  }

  /**
   * {@code GET /data/{dataset}/versions}: the published versions, newest first, with their changes
   * and file URLs.
   */
  public void versions(Context ctx) {
    String dataset = ctx.pathParam("dataset");
    Downloads downloads = readiness.ports().downloads();
    if (downloads == null || downloads.datasets().stream().noneMatch(d -> d.id().equals(dataset))) {
      throw WebError.notFound("no dataset " + dataset + ": stations, teams, activities or regions");
    }
    List<VersionItem> out = new ArrayList<>();
    for (Snapshots.Version v : snapshots().versions(dataset)) {
      Map<String, VersionFile> files = new LinkedHashMap<>(); // a stable key order, run after run
      v.bytes()
          .forEach(
              (ext, bytes) ->
                  files.put(
                      ext,
                      new VersionFile(
                          "/data/" + dataset + "/versions/" + v.version() + "." + ext, bytes)));
      out.add(
          new VersionItem(
              v.version(),
              v.publishedAt(),
              v.records(),
              v.added(),
              v.updated(),
              v.retired(),
              files));
    }
    Json.send(ctx, new VersionList(dataset, DataCatalogue.LICENCE_URL, out));
  }

  /** {@code /data/{dataset}/versions}: every published version, newest first. */
  public record VersionList(String dataset, String license, List<VersionItem> versions) {}

  /** A published version: when, how many records, what changed, and its files by format. */
  public record VersionItem(
      String version,
      @JsonProperty("published_at") String publishedAt,
      long records,
      long added,
      long updated,
      long retired,
      Map<String, VersionFile> files) {}

  /** One file of a version. */
  public record VersionFile(String url, long bytes) {}

  /**
   * {@code GET|HEAD /data/{dataset}/versions/{version}.{ext}}: a published snapshot file. It never
   * changes, so it carries a strong ETag and a year-long immutable cache, and answers single byte
   * ranges (206, or 416 past the end) so remote readers (GDAL's /vsicurl, the FlatGeobuf client)
   * fetch only the parts they need; several ranges at once get the whole file.
   */
  /**
   * The whole dataset, when its newest published version was made from the store as it is now: that
   * version's file, with its length, byte ranges and a strong ETag (GDAL's /vsicurl/ and range
   * readers need them), named with its version. False when there is none that current (the store
   * changed since the last publish, or nothing was published): the caller streams from the store.
   */
  private boolean servedPublished(
      Context ctx, Downloads downloads, String dataset, Downloads.Format format)
      throws IOException {
    Snapshots s = readiness.ports().snapshots();
    if (s == null) {
      return false;
    }
    List<Snapshots.Version> versions = s.versions(dataset);
    if (versions.isEmpty() || !versions.get(0).dataVersion().equals(downloads.version())) {
      return false;
    }
    String version = versions.get(0).version();
    java.util.Optional<java.nio.file.Path> path = s.file(dataset, version, format);
    if (path.isEmpty()) {
      return false;
    }
    ctx.header("Cache-Control", "public, max-age=60");
    String accept = ctx.header("Accept-Encoding");
    if (ctx.header("Range") == null
        && GZIPPED.contains(format)
        && accept != null
        && accept.toLowerCase(Locale.ROOT).contains("gzip")) {
      // a whole text file to a client that takes gzip (a browser): compressed on the way, no ranges
      String etag = "W/\"" + dataset + "-" + version + "-" + format.extension() + "-gz\"";
      ctx.header("Link", "<" + DataCatalogue.LICENCE_URL + ">; rel=\"license\"");
      if (ConditionalGet.notModified(ctx, etag)) {
        return true;
      }
      ctx.contentType(format.mediaType());
      ctx.header("Content-Disposition", attachment(dataset, version, format));
      ctx.header("Content-Encoding", "gzip");
      java.util.zip.GZIPOutputStream z =
          new java.util.zip.GZIPOutputStream(ctx.res().getOutputStream(), 1 << 16);
      if (ctx.attribute(org.vsmap.web.http.HttpSemantics.HEAD) == null) {
        java.nio.file.Files.copy(path.get(), z);
      }
      z.finish();
      return true;
    }
    sendVersionFile(ctx, dataset, version, format, path.get());
    return true;
  }

  private static final java.util.Set<Downloads.Format> GZIPPED =
      java.util.Set.of(Downloads.Format.CSV, Downloads.Format.GEOJSON, Downloads.Format.KML);

  private static String attachment(String dataset, String version, Downloads.Format format) {
    return "attachment; filename=\"" + dataset + "-" + version + "." + format.extension() + "\"";
  }

  public void snapshot(Context ctx) throws IOException {
    String dataset = ctx.pathParam("dataset");
    String file = ctx.pathParam("file");
    int dot = file.lastIndexOf('.');
    Downloads.Format format =
        dot < 0
            ? null
            : Downloads.Format.ofExtension(file.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (format == null) {
      throw WebError.notFound(
          "no such file: /data/" + dataset + "/versions/{version}.{csv|xlsx|geojson|kml|gpkg|fgb}");
    }
    String version = file.substring(0, dot);
    java.nio.file.Path path =
        snapshots()
            .file(dataset, version, format)
            .orElseThrow(
                () ->
                    WebError.notFound(
                        "no version "
                            + version
                            + " of "
                            + dataset
                            + ": see /data/"
                            + dataset
                            + "/versions"));
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    sendVersionFile(ctx, dataset, version, format, path);
  }

  /** A published file: length, ranges, a strong ETag, its version in the file name. */
  private static void sendVersionFile(
      Context ctx, String dataset, String version, Downloads.Format format, java.nio.file.Path path)
      throws IOException {
    long size = java.nio.file.Files.size(path);
    String etag = "\"" + dataset + "-" + version + "-" + format.extension() + "-" + size + "\"";
    ctx.header("Accept-Ranges", "bytes");
    ctx.header("Link", "<" + DataCatalogue.LICENCE_URL + ">; rel=\"license\"");
    if (ConditionalGet.notModified(
        ctx, etag, java.nio.file.Files.getLastModifiedTime(path).toInstant())) {
      return;
    }
    ctx.contentType(format.mediaType());
    ctx.header("Content-Disposition", attachment(dataset, version, format));
    FileRanges.send(ctx, path, size, etag);
  }

  private static Downloads.Filter filter(Context ctx, String dataset) {
    String region = ctx.queryParam("region");
    if (region != null && !RegionCode.isValid(region)) {
      throw WebError.badRequest(
          "region must be an official code of 2, 4, 6, 9 or 12 digits, not '" + region + "'");
    }
    Theme theme = null;
    String t = ctx.queryParam("theme");
    if (t != null) {
      if (!dataset.equals("activities")) {
        throw WebError.badRequest("theme filters activities only");
      }
      try {
        theme = Theme.valueOf(t.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw WebError.badRequest("unknown theme '" + t + "'");
      }
    }
    LocalDateTime from = time(ctx, "from", false);
    LocalDateTime to = time(ctx, "to", true);
    if ((from != null || to != null) && !dataset.equals("activities")) {
      throw WebError.badRequest("from / to filter activities only");
    }
    if (from != null && to != null && !to.isAfter(from)) {
      throw WebError.badRequest("to must be after from");
    }
    for (String p : ctx.queryParamMap().keySet()) {
      if (!p.equals("region")
          && !p.equals("theme")
          && !p.equals("from")
          && !p.equals("to")
          && !p.equals("lang")) {
        throw WebError.badRequest("unknown parameter '" + p + "': region, theme, from, to");
      }
    }
    return new Downloads.Filter(region, theme, from, to);
  }

  private static LocalDateTime time(Context ctx, String name, boolean endOfDay) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return null;
    }
    try {
      return v.length() == 10
          ? (endOfDay
              ? LocalDate.parse(v).plusDays(1).atStartOfDay()
              : LocalDate.parse(v).atStartOfDay())
          : LocalDateTime.parse(v);
    } catch (DateTimeParseException e) {
      throw WebError.badRequest(
          name
              + " must be a date (2026-12-05) or a date and time (2026-12-05T09:00), not '"
              + v
              + "'");
    }
  }

  private static String digest(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)),
              0,
              6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
