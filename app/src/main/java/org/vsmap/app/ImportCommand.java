package org.vsmap.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vsmap.geo.model.Region;
import org.vsmap.geo.model.RegionLevel;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.importer.Problem;
import org.vsmap.pipeline.importer.StationImport;
import org.vsmap.pipeline.store.Database;
import org.vsmap.pipeline.store.JdbiRegionStore;
import org.vsmap.pipeline.store.JdbiStationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import FILE --kind station --crs gcj02 [--encoding gbk] [--dry-run]}: checks every row
 * first; writes nothing unless the whole file is clean, and then writes it in one transaction.
 * Exit codes: 0 applied (or clean dry run), 1 the file has problems (nothing written), 2 usage.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import an office's file into the store: every row is checked first; a file with any problem changes nothing.")
final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "CSV file (UTF-8 or GBK) or XLSX workbook (first sheet), Chinese or English headers.")
  Path file;

  @Option(names = "--kind", required = true, paramLabel = "KIND", description = "What the file holds: station.")
  String kind;

  @Option(names = "--crs", required = true, paramLabel = "CRS",
      description = "The coordinate system of the file: wgs84, cgcs2000, gcj02 (AMap, Tencent) or bd09 (Baidu).")
  String crs;

  @Option(names = "--encoding", paramLabel = "NAME", description = "utf-8, gbk or gb18030 (default: detected).")
  String encoding;

  @Option(names = "--dry-run", description = "Check and report only; write nothing.")
  boolean dryRun;

  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    if (!"station".equalsIgnoreCase(kind)) {
      throw new Failure("--kind " + kind + " is not importable yet: station is");
    }
    CoordinateSystem cs;
    try {
      cs = CoordinateSystem.parse(crs);
    } catch (IllegalArgumentException e) {
      throw new Failure("--crs: " + e.getMessage());
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new Failure("no such file: " + file);
    } catch (IOException e) {
      throw new Failure("cannot read " + file + ": " + e.getMessage());
    }
    DataDirectory dir = DataDirectory.open(store.dataDir);
    try (Database db = store.open(dir)) {
      JdbiRegionStore regionStore = new JdbiRegionStore(db.jdbi());
      Map<String, Region> regions = new HashMap<>();
      for (RegionLevel level : RegionLevel.values()) {
        regionStore.regionsAtLevel(level).forEach(r -> regions.put(r.code(), r));
      }
      if (regions.isEmpty()) {
        throw new Failure("the store has no regions yet: start the portal once (it fills an empty store) or import regions first");
      }
      StationImport.Result result;
      try {
        result = StationImport.read(file.getFileName().toString(), bytes, encoding, cs, regions, false);
      } catch (IllegalArgumentException e) {
        throw new Failure(file + ": " + e.getMessage());
      }
      System.out.printf("%s: %d rows read as %s, %d stations pass, %d problems%n", file.getFileName(),
          result.stations().size() + result.problems().size(), result.encoding(), result.stations().size(), result.problems().size());
      result.problems().forEach(p -> System.out.println("  " + p));
      List<Problem> warnings = StationImport.likelyDuplicates(file.getFileName().toString(), result.stations(),
          new JdbiStationStore(db.jdbi()).stations());
      warnings.forEach(w -> System.out.println("  warning: " + w.value() + ": " + w.reasonEn() + " / " + w.reasonZh()));
      if (!result.clean()) {
        System.out.println("nothing was written: fix the rows above and import the file again");
        return 1;
      }
      if (dryRun) {
        System.out.println("dry run: nothing was written");
        return 0;
      }
      var c = new JdbiStationStore(db.jdbi()).saveAll(result.stations());
      System.out.printf("written in one transaction: %d new, %d updated, %d unchanged%n", c.created(), c.updated(), c.unchanged());
      return 0;
    }
  }
}
