package org.vsmap.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.importer.OfficeImport;
import org.vsmap.pipeline.search.IndexFollower;
import org.vsmap.pipeline.search.LuceneSearchIndex;
import org.vsmap.pipeline.seed.NationalSetGenerator;
import org.vsmap.pipeline.store.Database;
import org.vsmap.pipeline.store.JdbiActivityStore;
import org.vsmap.pipeline.store.JdbiChangeLog;
import org.vsmap.pipeline.store.JdbiImportWriter;
import org.vsmap.pipeline.store.JdbiStationStore;
import org.vsmap.pipeline.store.JdbiStoreInfo;
import org.vsmap.pipeline.store.JdbiTeamStore;

/**
 * Issue 4's speed target: importing 620,573 stations (one per real 村/社区, as CSV) into the embedded
 * store with the search index updated, in at most 60 s. Setup (not timed): a fresh embedded store,
 * the national regions (665,000 codes from the 统计用区划代码 lists) imported through the same importer,
 * an empty index at the store's sequence. Timed: the {@code import} path — read and check the CSV
 * ({@link OfficeImport#prepare}), write it in one transaction ({@link JdbiImportWriter#apply}) —
 * then the index following the change log ({@link IndexFollower#catchUp}), exactly what a running
 * portal does after an import. Usage: {@code ImportBenchmark <shared/data dir> <work dir>}.
 */
public final class ImportBenchmark {
  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    Path work = Path.of(args.length > 1 ? args[1] : "bench/target/import-bench");
    deleteTree(work);
    Files.createDirectories(work);
    Clock clock = org.vsmap.geo.time.ChinaTime.system();
    LocalDateTime now = LocalDateTime.now(clock);
    try (Database db = Database.open(Database.embeddedUrl(work), null, null)) {
      long t0 = System.nanoTime();
      JdbiImportWriter writer = new JdbiImportWriter(db.jdbi());
      importRegions(db, data, writer, now);
      System.out.printf(Locale.ROOT, "setup: regions in %.1f s%n", (System.nanoTime() - t0) / 1e9);

      Path csv = stationList(data, work);

      JdbiStationStore stations = new JdbiStationStore(db.jdbi());
      JdbiChangeLog changes = new JdbiChangeLog(db.jdbi());
      String storeId = new JdbiStoreInfo(db.jdbi()).get(JdbiStoreInfo.STORE_ID).orElseThrow();
      try (LuceneSearchIndex index = new LuceneSearchIndex(work.resolve("index"), clock)) {
        index.rebuild(
            List.of(), List.of(), List.of(), java.util.Map.of(), storeId, changes.maxSeq());
        IndexFollower follower =
            new IndexFollower(
                index,
                changes,
                stations,
                new JdbiTeamStore(db.jdbi()),
                new JdbiActivityStore(db.jdbi()));

        long start = System.nanoTime();
        byte[] bytes = Files.readAllBytes(csv);
        OfficeImport.Prepared p =
            OfficeImport.prepare(
                new org.vsmap.pipeline.store.JdbiImportLookups(db.jdbi()),
                new OfficeImport.Request(
                    OfficeImport.What.STATION,
                    "stations.csv",
                    bytes,
                    null,
                    CoordinateSystem.WGS84,
                    null,
                    null,
                    "stations",
                    true,
                    "bench"),
                now);
        long checked = System.nanoTime();
        if (!p.clean()) {
          throw new IllegalStateException(
              p.problems().size() + " problems, first: " + p.problems().get(0));
        }
        JdbiImportWriter.Outcome o = writer.apply(p.batch());
        long written = System.nanoTime();
        int applied = follower.catchUp();
        long indexed = System.nanoTime();
        System.out.printf(
            Locale.ROOT,
            "import: %,d stations (%d warnings) — read+check %.1f s, write %.1f s, index %,d changes %.1f s; "
                + "total %.1f s%n",
            o.counts().get(Kind.STATION).created(),
            p.warnings().size(),
            (checked - start) / 1e9,
            (written - checked) / 1e9,
            applied,
            (indexed - written) / 1e9,
            (indexed - start) / 1e9);
        long found =
            index
                .search(
                    org.vsmap.geo.port.SearchIndex.Request.builder()
                        .kinds(java.util.Set.of(Kind.STATION))
                        .limit(1)
                        .build())
                .total();
        System.out.printf(
            Locale.ROOT,
            "check: store %,d stations, index %,d stations%n",
            stations.stationCount(),
            found);
      }
    }
  }

  /** The national regions, province to village, imported as an office would. */
  private static void importRegions(
      Database db, Path data, JdbiImportWriter writer, LocalDateTime now) throws IOException {
    for (String file :
        List.of(
            "provinces.csv",
            "cities.csv",
            "areas.csv",
            "streets.csv",
            "villages_national.csv.gz")) {
      byte[] bytes;
      try (InputStream in = Files.newInputStream(data.resolve("admin").resolve(file))) {
        bytes = file.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
      }
      OfficeImport.Prepared p =
          OfficeImport.prepare(
              new org.vsmap.pipeline.store.JdbiImportLookups(db.jdbi()),
              new OfficeImport.Request(
                  OfficeImport.What.REGIONS,
                  file,
                  bytes,
                  null,
                  CoordinateSystem.WGS84,
                  null,
                  null,
                  "nbs-2023",
                  false,
                  "bench"),
              now);
      JdbiImportWriter.Outcome o = writer.apply(p.batch());
      System.out.printf(
          Locale.ROOT,
          "setup: %s → %,d regions (%d problems)%n",
          file,
          o.regions().created(),
          p.problems().size());
    }
  }

  /** A station list with one community station at every village: the file to import. */
  private static Path stationList(Path data, Path work) throws IOException {
    Path csv = work.resolve("stations.csv");
    List<NationalSetGenerator.Village> villages = NationalSetGenerator.villages(data, 0);
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("站点名称,行政区划代码,地址,经度,纬度,站点类型,服务内容\n");
      for (NationalSetGenerator.Village v : villages) {
        w.write(
            String.format(
                Locale.ROOT,
                "%s志愿服务站,%s,%s,%.6f,%.6f,社区志愿服务站,助老助残；便民服务%n",
                NationalSetGenerator.shortName(v.name()),
                v.code(),
                v.name().replace(",", " "),
                v.lon(),
                v.lat()));
      }
    }
    System.out.printf(
        Locale.ROOT, "setup: %s, %,d rows, %.1f MB%n", csv, villages.size(), Files.size(csv) / 1e6);

    return csv;
  }

  private static void deleteTree(Path p) throws IOException {
    if (Files.exists(p)) {
      try (var walk = Files.walk(p)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
      }
    }
  }
}
