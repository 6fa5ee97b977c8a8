package org.vsmap.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vsmap.pipeline.seed.NationalSetGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-national}: write the synthetic national-scale set as import files (issue 8). */
@Command(
    name = "generate-national",
    mixinStandardHelpOptions = true,
    description =
        "Write the synthetic national-scale set (one station per real 村/社区, 1,000,000 teams, 2,000,000 activities) "
            + "as the importer's own input files, with a README.txt giving the import commands in order. Deterministic.")
final class GenerateNationalCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      defaultValue = "../shared/data",
      paramLabel = "DIR",
      description =
          "The reference data folder with admin/villages_national.csv.gz and gazetteer/ (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where to write the files (created if missing).")
  Path out;

  @Option(
      names = "--villages",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Only the first N villages, with teams and activities in proportion (default: all 620,573).")
  int villages;

  @Option(
      names = "--today",
      paramLabel = "YYYY-MM-DD",
      description =
          "The day upcoming activities count from (default: today in China); the same day gives the same files.")
  LocalDate today;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(data.resolve("admin/villages_national.csv.gz"))) {
      throw new Failure("--data " + data + " has no admin/villages_national.csv.gz");
    }
    if (villages < 0) {
      throw new Failure("--villages must be 0 (all) or more");
    }
    LocalDate day = today != null ? today : LocalDate.now(Clocks.portal());
    NationalSetGenerator.Summary s = NationalSetGenerator.generate(data, out, villages, day);
    System.out.printf(
        Locale.ROOT,
        "wrote %s: %,d regions, %,d stations, %,d teams, %,d activities (%,d upcoming) in %d files — SYNTHETIC; "
            + "import order in %s%n",
        out,
        s.regions(),
        s.stations(),
        s.teams(),
        s.activities(),
        s.upcoming(),
        s.files().size(),
        out.resolve("README.txt"));
    return 0;
  }
}
