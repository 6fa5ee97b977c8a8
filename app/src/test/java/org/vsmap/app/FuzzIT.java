package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9: coverage-guided fuzzing with Jazzer (libFuzzer for the JVM, from Maven Central) in a
 * short run per target — the importers ({@link ImportFuzz}) and the public URLs' parameters ({@link
 * ParamsFuzz}). Each target runs in its own JVM under Jazzer's driver for {@code
 * -Dvsmap.fuzz.seconds} (default 45 s); any finding (an unexpected exception, a 5xx, a partial
 * write, an unescaped value, or one of Jazzer's own sanitizers, e.g. SQL injection) ends the run
 * with the input that caused it, written under target/fuzz/, and fails the test.
 */
@Tag("integration")
class FuzzIT {
  private static final int SECONDS = Integer.getInteger("vsmap.fuzz.seconds", 45);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ImportFuzz", "ParamsFuzz"})
  void findsNothing(String target) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "fuzz"));
    Path corpus = Files.createDirectories(dir.resolve(target + "-corpus"));
    Path log = dir.resolve(target + ".log");
    List<String> cmd =
        List.of(
            RunningPortal.java(),
            "-Xmx2g",
            "-XX:+EnableDynamicAgentLoading",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            classpath(),
            "com.code_intelligence.jazzer.Jazzer",
            "--target_class=org.vsmap.app." + target,
            "--instrumentation_includes=org.vsmap.**:org.apache.poi.**:com.fasterxml.jackson.dataformat.csv.**:org.locationtech.jts.io.**",
            "--reproducer_path=" + dir.toAbsolutePath(),
            "-max_total_time=" + SECONDS,
            "-rss_limit_mb=3072",
            "-timeout=30",
            "-artifact_prefix=" + dir.toAbsolutePath() + "/" + target + "-",
            corpus.toAbsolutePath().toString());
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(SECONDS + 180L, TimeUnit.SECONDS))
        .as("Jazzer ends within its time")
        .isTrue();
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("%s found something:%n%s", target, tail(out)).isZero();
    Matcher done = Pattern.compile("Done (\\d+) runs in (\\d+) second").matcher(out);
    assertThat(done.find()).as("a completed run:%n%s", tail(out)).isTrue();
    long runs = Long.parseLong(done.group(1));
    Matcher cov = Pattern.compile("cov: (\\d+) ft: (\\d+) corp: (\\d+)").matcher(out);
    String coverage = "";
    while (cov.find()) {
      coverage = "coverage " + cov.group(1) + " edges, " + cov.group(3) + " inputs kept";
    }
    System.out.printf(
        "%s: %,d inputs in %s s, no finding; %s%n", target, runs, done.group(2), coverage);
    assertThat(runs).as("enough inputs to mean something").isGreaterThan(1000);
    assertThat(coverage).as("the code was instrumented (coverage-guided)").isNotEmpty();
  }

  /** This JVM's class path, unpacked from the manifest-only jar the test runner may use. */
  private static String classpath() throws Exception {
    List<String> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      out.add(entry);
      if (entry.endsWith(".jar")) {
        try (JarFile jar = new JarFile(entry)) {
          String cp =
              jar.getManifest() == null
                  ? null
                  : jar.getManifest().getMainAttributes().getValue("Class-Path");
          if (cp != null) {
            for (String url : cp.trim().split("\\s+")) {
              out.add(url.startsWith("file:") ? Path.of(URI.create(url)).toString() : url);
            }
          }
        }
      }
    }
    return String.join(File.pathSeparator, out);
  }

  private static String tail(String out) {
    List<String> lines =
        out.lines().filter(l -> !l.contains(" pulse ") && !l.startsWith("INFO: Loaded")).toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
