package org.vsmap.pipeline.export;

import static org.vsmap.pipeline.export.DatasetSpecs.*;
import static org.vsmap.pipeline.export.ExportWriters.*;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.vsmap.geo.port.Downloads;
import org.vsmap.pipeline.store.JdbiActivityStore;
import org.vsmap.pipeline.store.JdbiStationStore;
import org.vsmap.pipeline.store.Streaming;

/**
 * The open datasets written straight from a streaming query: CSV (UTF-8 with BOM for Excel, RFC
 * 4180 quoting, CRLF, text cells starting with = + - @ neutralised with a leading apostrophe), XLSX
 * (a streaming workbook: a data sheet of typed cells — text is never a formula — and an "about"
 * sheet with licence, attribution, notice and the field dictionary) and GeoJSON (RFC 7946, with
 * licence, attribution and, where it applies, the synthetic notice as top-level members). Retired
 * records are never exported; personal contacts are not in any dataset. The fields of each dataset
 * are in {@link DatasetSpecs}, the writers of each format in {@link ExportWriters}; this class is
 * the {@code Downloads} port and the pipeline that reads the store on one thread and writes on
 * another.
 */
public final class DatasetExports implements Downloads {
  public static final String LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)";

  public static final String ATTRIBUTION = "志愿服务地图开放数据 / Volunteer Service Map open data";

  public static final String SYNTHETIC_NOTICE =
      "含合成演示数据，非真实记录 / Contains synthetic demo data, not real records";

  /** Data rows per XLSX sheet: Excel's 1,048,576 rows less the header. */
  static final int XLSX_ROWS_PER_SHEET = 1_048_575;

  private final Jdbi jdbi;

  private final java.nio.file.Path scratch;

  private final int xlsxRowsPerSheet;

  /** Scratch files (GeoPackage, FlatGeobuf) go to the JVM's temporary directory. */
  public DatasetExports(Jdbi jdbi) {
    this(jdbi, java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** Scratch files of the file-based formats go to {@code scratch}, removed when written. */
  public DatasetExports(Jdbi jdbi, java.nio.file.Path scratch) {
    this(jdbi, scratch, XLSX_ROWS_PER_SHEET);
  }

  /** With fewer rows per XLSX sheet, for the test of the sheets that follow. */
  DatasetExports(Jdbi jdbi, java.nio.file.Path scratch, int xlsxRowsPerSheet) {
    this.jdbi = jdbi;
    this.scratch = scratch;
    this.xlsxRowsPerSheet = xlsxRowsPerSheet;
  }

  @Override
  public List<Dataset> datasets() {
    return List.of(
        STATIONS.dataset(),
        TEAMS_AT.dataset(),
        ACTIVITIES.dataset(),
        REGIONS.dataset(),
        HONOURS.dataset());
  }

  @Override
  public String version() {
    // honours are not in the change log (the index does not hold them): their newest write counts
    // too
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT (SELECT v FROM store_info WHERE k = 'store_id') || '-' "
                        + "|| CAST(COALESCE((SELECT MAX(seq) FROM change_log), 0) AS VARCHAR(20)) || '-' "
                        + "|| CAST((SELECT COUNT(*) FROM honour) AS VARCHAR(20)) || '-' "
                        + "|| COALESCE(CAST((SELECT MAX(updated_at) FROM honour) AS VARCHAR(40)), '0') || '-' "
                        + "|| COALESCE(CAST((SELECT MAX(retired_at) FROM honour) AS VARCHAR(40)), '0')")
                .mapTo(String.class)
                .one());
  }

  @Override
  public java.time.LocalDateTime lastModified() {
    return jdbi.withHandle(
        h -> {
          java.util.Optional<Timestamp> changed =
              h.createQuery("SELECT MAX(changed_at) FROM change_log")
                  .mapTo(Timestamp.class)
                  .findOne();
          if (changed.isPresent() && changed.get() != null) {
            return changed.get().toLocalDateTime();
          }
          return h.createQuery("SELECT v FROM store_info WHERE k = 'seeded_at'")
              .mapTo(String.class)
              .findOne()
              .map(java.time.LocalDateTime::parse)
              .orElse(null);
        });
  }

  @Override
  public long count(String dataset) {
    String table =
        switch (dataset) {
          case "stations" -> "station";
          case "teams" -> "team";
          case "activities" -> "activity";
          case "regions" -> "region";
          case "honours" -> "honour";
          default -> throw new IllegalArgumentException("unknown dataset '" + dataset + "'");
        };
    String where = table.equals("region") ? "" : " WHERE retired_at IS NULL";
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM " + table + where).mapTo(Long.class).one());
  }

  @Override
  public void write(String dataset, Format format, Filter filter, OutputStream out)
      throws IOException {
    Filter f = filter == null ? Filter.ALL : filter;
    String prefix = (f.region() == null ? "" : f.region().replaceAll("[^0-9]", "")) + "%";
    String limit = f.limit() > 0 ? " LIMIT " + f.limit() : "";
    switch (dataset) {
      case "stations" ->
          write(
              STATIONS,
              format,
              out,
              "station",
              "WHERE retired_at IS NULL AND region_code LIKE :p",
              sink ->
                  streaming(
                      h ->
                          stream(
                              h.createQuery(
                                      JdbiStationStore.selectAll()
                                          + "WHERE retired_at IS NULL AND region_code LIKE :p ORDER BY id"
                                          + limit)
                                  .bind("p", prefix),
                              JdbiStationStore::read,
                              sink)),
              prefix,
              f);
      case "teams" ->
          write(
              TEAMS_AT,
              format,
              out,
              "team",
              "WHERE retired_at IS NULL AND region_code LIKE :p",
              sink ->
                  streaming(
                      h ->
                          stream(
                              h.createQuery(
                                      "SELECT "
                                          + TEAM_COLUMNS
                                          + " FROM "
                                          + TEAM_FROM
                                          + " WHERE t.retired_at IS NULL AND t.region_code LIKE :p ORDER BY t.id"
                                          + limit)
                                  .bind("p", prefix),
                              DatasetSpecs::teamAt,
                              sink)),
              prefix,
              f);
      case "activities" -> writeActivities(format, out, f, prefix, limit);
      case "regions" ->
          write(
              REGIONS,
              format,
              out,
              "region",
              "WHERE code LIKE :p",
              sink ->
                  streaming(
                      h ->
                          stream(
                              h.createQuery(
                                      "SELECT "
                                          + REGION_COLUMNS
                                          + " FROM region WHERE code LIKE :p ORDER BY code"
                                          + limit)
                                  .bind("p", prefix),
                              DatasetSpecs::region,
                              sink)),
              prefix,
              f);
      case "honours" -> writeHonours(format, out, f, prefix, limit);
      default ->
          throw new IllegalArgumentException(
              "unknown dataset '" + dataset + "': stations, teams, activities, regions or honours");
    }
  }

  /** Activities, narrowed by theme and time as well as by region. */
  private void writeActivities(
      Format format, OutputStream out, Filter f, String prefix, String limit) throws IOException {
    StringBuilder where = new StringBuilder("WHERE retired_at IS NULL AND region_code LIKE :p");
    if (f.theme() != null) {
      where.append(" AND theme = :theme");
    }
    if (f.from() != null) {
      where.append(" AND ends_at > :from");
    }
    if (f.to() != null) {
      where.append(" AND starts_at < :to");
    }
    write(
        ACTIVITIES,
        format,
        out,
        "activity",
        where.toString(),
        sink ->
            streaming(
                h -> {
                  Query q =
                      h.createQuery(JdbiActivityStore.selectAll() + where + " ORDER BY id" + limit)
                          .bind("p", prefix);
                  bindActivity(q, f);
                  stream(q, JdbiActivityStore::read, sink);
                }),
        prefix,
        f);
  }

  private void writeHonours(Format format, OutputStream out, Filter f, String prefix, String limit)
      throws IOException {
    write(
        HONOURS,
        format,
        out,
        "honour",
        "WHERE retired_at IS NULL AND region_code LIKE :p",
        sink ->
            streaming(
                h ->
                    stream(
                        h.createQuery(
                                "SELECT "
                                    + org.vsmap.pipeline.store.JdbiHonours.columns()
                                    + " FROM honour "
                                    + "WHERE retired_at IS NULL AND region_code LIKE :p ORDER BY id"
                                    + limit)
                            .bind("p", prefix),
                        org.vsmap.pipeline.store.JdbiHonours::read,
                        sink)),
        prefix,
        f);
  }

  private static void bindActivity(Query q, Filter f) {
    if (f.theme() != null) {
      q.bind("theme", f.theme().name());
    }
    if (f.from() != null) {
      q.bind("from", Timestamp.valueOf(f.from()));
    }
    if (f.to() != null) {
      q.bind("to", Timestamp.valueOf(f.to()));
    }
  }

  private void streaming(org.jdbi.v3.core.HandleConsumer<RuntimeException> work) {
    Streaming.read(jdbi, work);
  }

  private static <T> void stream(
      Query q, Streaming.RowReader<T> reader, java.util.function.Consumer<T> sink) {
    Streaming.each(q, reader, sink);
  }

  interface Source<T> {
    void each(java.util.function.Consumer<T> sink);
  }

  private <T> void write(
      Spec<T> spec,
      Format format,
      OutputStream out,
      String table,
      String where,
      Source<T> source,
      String prefix,
      Filter f)
      throws IOException {
    boolean[] synthetic = {false};
    if (!table.equals("region")) {
      streaming(
          h -> {
            // written so that no index on synthetic is used: nearly every row of a demo or
            // generated set
            // is synthetic, and H2 then walks that index past a whole country to reach one region
            // (1 s);
            // the region's own index finds it in under a millisecond
            Query q =
                h.createQuery(
                        "SELECT 1 FROM "
                            + table
                            + " "
                            + where
                            + " AND CASE WHEN synthetic THEN 1 ELSE 0 END = 1 LIMIT 1")
                    .bind("p", prefix);
            if (table.equals("activity")) {
              bindActivity(q, f);
            }
            synthetic[0] = q.mapTo(Integer.class).findOne().isPresent();
          });
    }
    source = pipelined(source);
    try {
      switch (format) {
        case CSV -> csv(spec, out, source);
        case XLSX -> xlsx(spec, out, source, synthetic[0], xlsxRowsPerSheet);
        case GEOJSON -> geojson(spec, out, source, synthetic[0]);
        case KML -> kml(spec, out, source, synthetic[0]);
        case GPKG -> GeoPackageExport.write(spatial(spec, source, synthetic[0]), out, scratch);
        case FGB -> FlatGeobufExport.write(spatial(spec, source, synthetic[0]), out, scratch);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The source read on its own thread, handed over in batches through a small bounded queue: the
   * database read and the encoding run on two cores at once, and memory stays bounded (at most
   * {@code 4 × 512} records in flight). When the writer fails (a client gone), the reader stops.
   */
  static <T> Source<T> pipelined(Source<T> source) {
    return sink -> {
      java.util.concurrent.BlockingQueue<List<T>> queue =
          new java.util.concurrent.ArrayBlockingQueue<>(4);
      List<T> end = new ArrayList<>(0);
      Throwable[] failure = {null};
      java.util.concurrent.atomic.AtomicBoolean stop =
          new java.util.concurrent.atomic.AtomicBoolean();
      Thread reader =
          Thread.ofPlatform()
              .name("export-read")
              .daemon()
              .start(
                  () -> {
                    List<T>[] batch = new List[] {new ArrayList<>(512)};
                    try {
                      source.each(
                          r -> {
                            if (stop.get()) {
                              throw new java.util.concurrent.CancellationException(
                                  "the writer stopped");
                            }
                            batch[0].add(r);
                            if (batch[0].size() == 512) {
                              put(queue, batch[0], stop);
                              batch[0] = new ArrayList<>(512);
                            }
                          });
                      put(queue, batch[0], stop);
                    } catch (Throwable t) {
                      failure[0] = t;
                    } finally {
                      try {
                        put(queue, end, stop);
                      } catch (RuntimeException ignored) {
                        // the writer has stopped and will not read the end marker
                      }
                    }
                  });
      try {
        while (true) {
          List<T> b = queue.take();
          if (b == end) {
            break;
          }
          b.forEach(sink);
        }
        reader.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while exporting", e);
      } finally {
        stop.set(true);
        queue.clear();
      }
      if (failure[0] instanceof RuntimeException e) {
        throw e;
      } else if (failure[0] instanceof Error e) {
        throw e;
      } else if (failure[0] != null) {
        throw new IllegalStateException(failure[0]);
      }
    };
  }

  private static <T> void put(
      java.util.concurrent.BlockingQueue<List<T>> queue,
      List<T> batch,
      java.util.concurrent.atomic.AtomicBoolean stop) {
    try {
      while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (stop.get()) {
          throw new java.util.concurrent.CancellationException("the writer stopped");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("interrupted");
    }
  }
}
