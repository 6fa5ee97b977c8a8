package org.vsmap.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.vsmap.geo.format.ProblemsCsv;
import org.vsmap.geo.model.Kind;
import org.vsmap.geo.port.Problem;
import org.vsmap.geo.port.ProblemGroups;
import org.vsmap.geo.spatial.CoordinateSystem;
import org.vsmap.pipeline.importer.ImportLimits;
import org.vsmap.pipeline.importer.OfficeImport;
import org.vsmap.pipeline.store.Database;
import org.vsmap.pipeline.store.ImportPipeline;
import org.vsmap.pipeline.store.JdbiImportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import FILE --kind station|report|figures [--crs gcj02] [--region CODE] [--full]
 * [--dry-run]}: checks every row first; writes nothing unless the whole file is clean, and then
 * writes it in one transaction, with a progress bar on a terminal and a summary at the end. Exit
 * codes: 0 applied (or clean dry run), 1 the file has problems (nothing written), 2 usage or an
 * unreadable file.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import an office's file into the store: every row is checked first; a file with any problem changes nothing.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:applied (or a clean dry run)",
      "1:the file has problems; nothing was written",
      "2:bad options, unreadable file or store"
    })
final class ImportCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description =
          "CSV file (UTF-8 or GBK), XLSX workbook (first sheet) or GeoJSON FeatureCollection; Chinese or English headers.")
  Path file;

  @Option(
      names = "--kind",
      required = true,
      paramLabel = "KIND",
      description =
          "station (a station list), team (a team list), activity (upcoming activities), report (the 活动情况表 or 汇总表 of seed 001), figures "
              + "(registered / active volunteers and service hours per region and period) or regions (codes, names, parents, "
              + "population; boundaries from GeoJSON), honours (an honour list) or photos (a list of photo files beside it: "
              + "对象类型 站点/活动, 对象编号, 文件, 照片说明).")
  String kind;

  @Option(
      names = "--crs",
      paramLabel = "CRS",
      description =
          "Coordinate system of a station list: wgs84, cgcs2000, gcj02 (AMap, Tencent) or bd09 (Baidu).")
  String crs;

  @Option(
      names = "--region",
      paramLabel = "CODE",
      description = "The reporting office's region code (for --kind report).")
  String region;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description =
          "Name the records are kept under (default: the file name without extension); a --full re-import of the same "
              + "source retires what the file no longer lists.")
  String source;

  @Option(
      names = "--full",
      description =
          "The file is the complete list of its source: records it no longer lists are retired.")
  boolean full;

  @Option(
      names = "--encoding",
      paramLabel = "NAME",
      description = "utf-8, gbk or gb18030 (default: detected).")
  String encoding;

  @Option(
      names = "--map",
      paramLabel = "HEADER=COLUMN,...",
      description =
          "Read the file's own headers as ours, e.g. 站名=name,区码=region_code,东经=lon,北纬=lat "
              + "(default: the mapping saved for this source, if any).")
  String map;

  @Option(
      names = "--save-mapping",
      description = "Remember --map for this source, so its next files need no --map.")
  boolean saveMapping;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Write every problem and warning to this CSV file (the terminal shows the first "
              + ProblemGroups.SHOWN_PER_KIND
              + " of each kind).")
  Path reportFile;

  @Option(names = "--dry-run", description = "Check and report what would change; write nothing.")
  boolean dryRun;

  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    if (kind.strip().equalsIgnoreCase("photos") || kind.strip().equalsIgnoreCase("photo")) {
      return photos();
    }
    OfficeImport.What what;
    CoordinateSystem cs = null;
    try {
      what = OfficeImport.What.parse(kind);
    } catch (IllegalArgumentException e) {
      throw new Failure("--kind: " + e.getMessage());
    }
    try {
      if (crs != null) {
        cs = CoordinateSystem.parse(crs);
      }
    } catch (IllegalArgumentException e) {
      throw new Failure("--crs: " + e.getMessage());
    }
    if (what == OfficeImport.What.STATION && cs == null) {
      throw new Failure("--crs is required for a station list: wgs84, cgcs2000, gcj02 or bd09");
    }
    if (what == OfficeImport.What.REPORT && region == null) {
      throw new Failure("--region is required for a report: the reporting office's region code");
    }
    byte[] bytes = read();
    String name = file.getFileName().toString();
    String sourceName = source != null ? source : name.replaceFirst("\\.[^.]+$", "");
    PrintStream out = System.out;
    Clock clock = Clocks.portal();
    DataDirectory dir = DataDirectory.open(store.dataDir);
    try (Database db = store.open(dir)) {
      ImportPipeline pipeline = new ImportPipeline(db.jdbi(), clock);
      OfficeImport.Prepared p;
      try {
        p =
            pipeline.check(
                new OfficeImport.Request(
                    what,
                    name,
                    bytes,
                    encoding,
                    cs,
                    region,
                    null,
                    sourceName,
                    full,
                    "cli:" + System.getProperty("user.name"),
                    map,
                    saveMapping));
      } catch (IllegalArgumentException e) {
        throw new Failure(
            e.getMessage().startsWith(name) ? e.getMessage() : name + ": " + e.getMessage());
      }
      report(out, name, what, sourceName, p);
      if (!p.clean()) {
        out.println("nothing was written: fix the rows above and import the file again");
        return 1;
      }
      if (dryRun) {
        print(out, "dry run, nothing was written; it would make", pipeline.preview(p));
        return 0;
      }
      JdbiImportWriter.Outcome o = write(pipeline, p);
      print(out, "written in one transaction:", o);
      return 0;
    }
  }

  /** What the check found: counts, the column mapping used, every problem and warning. */
  private void report(
      PrintStream out,
      String name,
      OfficeImport.What what,
      String sourceName,
      OfficeImport.Prepared p) {
    out.printf(
        "%s: %s, read as %s: %d records pass, %d problems, %d warnings%n",
        name, what.en(), p.readAs(), p.records(), p.problems().size(), p.warnings().size());
    if (!p.mapping().isEmpty()) {
      out.printf(
          "columns read through the %s mapping of source %s: %s%n",
          map != null ? "given" : "saved", sourceName, p.mapping());
    }
    if (saveMapping && map != null) {
      out.printf("mapping saved for source %s%n", sourceName);
    }
    boolean cut = !printGroups(out, ProblemGroups.of(p.problems()), x -> "  " + x);
    cut |=
        !printGroups(
            out,
            ProblemGroups.of(p.warnings()),
            w -> "  warning: " + where(w) + w.reasonEn() + " / " + w.reasonZh());
    if (reportFile != null) {
      writeReport(p);
      out.printf(
          "every problem and warning (%d) written to %s%n",
          p.problems().size() + p.warnings().size(), reportFile);
    } else if (cut) {
      out.println("  (only the first of each kind are shown: --report FILE writes them all)");
    }
  }

  /** The first rows of each kind and how many more; false when some were left out. */
  private static boolean printGroups(
      PrintStream out, ProblemGroups groups, java.util.function.Function<Problem, String> line) {
    for (ProblemGroups.Group g : groups.groups()) {
      g.first().forEach(x -> out.println(line.apply(x)));
      if (g.more() > 0) {
        out.printf("  … and %d more like this (%s: %s)%n", g.more(), g.column(), g.reasonEn());
      }
    }
    return groups.complete();
  }

  private void writeReport(OfficeImport.Prepared p) {
    try (java.io.OutputStream os = Files.newOutputStream(reportFile)) {
      ProblemsCsv.write(os, p.problems(), p.warnings());
    } catch (IOException e) {
      throw new Failure("cannot write the report " + reportFile + ": " + e.getMessage());
    }
  }

  /** Writes the checked file in one transaction, with a progress bar on a terminal. */
  private static JdbiImportWriter.Outcome write(ImportPipeline pipeline, OfficeImport.Prepared p) {
    int total = JdbiImportWriter.size(p.batch());
    if (Terminal.interactive() && total > 0) {
      try (ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("importing")
              .setInitialMax(total)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(200)
              .build()) {
        return pipeline.write(p, bar::stepTo);
      }
    }
    return pipeline.write(p, n -> {});
  }

  /**
   * {@code --kind photos}: a list of photos beside it, each row a station or activity (an activity
   * by its id, or by its title and date as in the office's report), a file and what it shows; all
   * checked (the photo intake included), then attached in one transaction.
   */
  private int photos() {
    byte[] bytes = read();
    String name = file.getFileName().toString();
    PrintStream out = System.out;
    DataDirectory dir = DataDirectory.open(store.dataDir);
    try (Database db = store.open(dir)) {
      ImportPipeline pipeline = new ImportPipeline(db.jdbi(), Clocks.portal());
      OfficeImport.Prepared p;
      try {
        p =
            pipeline.check(
                OfficeImport.Request.photos(
                    name,
                    bytes,
                    encoding,
                    file.toAbsolutePath().getParent(),
                    null,
                    "cli:" + System.getProperty("user.name")));
      } catch (IllegalArgumentException e) {
        throw new Failure(name + ": " + e.getMessage());
      }
      out.printf(
          "%s: photos, read as %s: %d photos pass, %d problems%n",
          name, p.readAs(), p.records(), p.problems().size());
      p.problems().forEach(x -> out.println("  " + x));
      if (!p.clean()) {
        out.println("nothing was written: fix the rows above and import the list again");
        return 1;
      }
      if (dryRun) {
        out.printf("dry run, nothing was written; it would attach %d photos%n", p.records());
        return 0;
      }
      try {
        int n = pipeline.write(p, done -> {}).photos().size();
        out.printf(
            "written in one transaction: %d photos attached (EXIF removed, three sizes each)%n", n);
        return 0;
      } catch (IllegalArgumentException e) {
        out.println("  " + e.getMessage());
        out.println("nothing was written");
        return 1;
      }
    }
  }

  private byte[] read() {
    try {
      ImportLimits.checkSize(file.getFileName().toString(), Files.size(file));
      return Files.readAllBytes(file);
    } catch (ImportLimits.TooLarge e) {
      throw new Failure(e.getMessage());
    } catch (NoSuchFileException e) {
      throw new Failure("no such file: " + file);
    } catch (IOException e) {
      throw new Failure("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String where(Problem w) {
    if (w.row() > 0) {
      return "row " + w.row() + (w.value() == null ? "" : " '" + w.value() + "'") + ": ";
    }
    return w.value() == null ? "" : w.value() + ": ";
  }

  private static void print(PrintStream out, String heading, JdbiImportWriter.Outcome o) {
    out.println(heading);
    for (Map.Entry<Kind, JdbiImportWriter.Counts> e : o.counts().entrySet()) {
      JdbiImportWriter.Counts c = e.getValue();
      if (c.created() + c.updated() + c.unchanged() + c.retired() > 0) {
        out.printf(
            "  %s: %d new, %d updated, %d unchanged, %d retired%n",
            e.getKey().path(), c.created(), c.updated(), c.unchanged(), c.retired());
      }
    }
    JdbiImportWriter.Counts r = o.regions();
    if (r.created() + r.updated() + r.unchanged() > 0) {
      out.printf(
          "  regions: %d new, %d updated, %d unchanged%n", r.created(), r.updated(), r.unchanged());
    }
    if (o.contacts() > 0) {
      out.printf("  restricted contacts: %d (kept for the owning office only)%n", o.contacts());
    }
    if (o.figures() > 0) {
      out.printf("  volunteer figures: %d%n", o.figures());
    }
  }

  /**
   * Whether standard output is a terminal a person watches (no progress bar in pipes, logs and
   * tests).
   */
  static final class Terminal {
    private Terminal() {}

    static boolean interactive() {
      java.io.Console c = System.console();
      if (c == null) {
        return false;
      }
      try {
        return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(c); // Java 22+
      } catch (ReflectiveOperationException e) {
        return true; // Java 21: a console exists only for a terminal
      }
    }
  }
}
