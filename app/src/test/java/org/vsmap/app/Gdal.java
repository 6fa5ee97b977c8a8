package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * GDAL's {@code ogrinfo} (Debian's gdal-bin) as an independent reader of what we publish. Required
 * when {@code CI=true} (.ci/run installs it); elsewhere a test that needs it is skipped, not
 * passed.
 */
final class Gdal {
  private Gdal() {}

  static boolean available() {
    try {
      Process p = new ProcessBuilder("ogrinfo", "--version").redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Skips the calling test when GDAL is missing outside CI; fails it when missing in CI. */
  static void require() {
    boolean here = available();
    if ("true".equals(System.getenv("CI"))) {
      assertThat(here).as("ogrinfo (gdal-bin) must be installed in CI").isTrue();
    }
    Assumptions.assumeTrue(here, "ogrinfo (gdal-bin) is not installed");
  }

  /**
   * Runs ogrinfo with the arguments; returns its output (stdout and stderr), failing on a non-zero
   * exit.
   */
  static String ogrinfo(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("ogrinfo"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("ogrinfo %s:%n%s", String.join(" ", args), text).isZero();
    return text;
  }
}
