package org.vsmap.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vsmap.pipeline.seed.DemoSeedGenerator;
import org.vsmap.pipeline.seed.SeedSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-demo}: rewrite seeds/demo/*.csv from the real regions (deterministic). */
@Command(
    name = "generate-demo",
    mixinStandardHelpOptions = true,
    description =
        "Regenerate the synthetic demo stations, teams and activities in a seeds folder from its real regions.")
final class GenerateDemoCommand implements Callable<Integer> {
  @Option(
      names = "--seeds",
      defaultValue = "seeds",
      paramLabel = "DIR",
      description = "The seeds folder (default ${DEFAULT-VALUE}).")
  Path seeds;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(seeds.resolve("regions"))) {
      throw new Failure("--seeds " + seeds + " has no regions/ folder");
    }
    DemoSeedGenerator.generate(SeedSource.directory(seeds)).writeTo(seeds);
    System.out.println("wrote " + seeds.resolve("demo"));
    return 0;
  }
}
