package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The import command within a 1 GB heap: a 200 MB file is refused at once with the limit named
 * (nothing read, nothing written); a file over the row limit is refused while it is read. The admin
 * pages have the same limits (AdminIT: a 100 MB upload and a chunked 70 MB one are 413).
 */
@Tag("integration")
class ImportLimitsIT {

  @Test
  void a200MegabyteFileIsRefusedAtOnceInA1GigabyteHeapAndAFileOverTheRowLimitToo()
      throws Exception {
    Path dir = Files.createTempDirectory("vsmap-limits-");
    Path data = dir.resolve("data");
    Path big = dir.resolve("big.csv");
    try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      w.write("站点名称,行政区划代码,服务内容\n");
      String rows = "大文件测试站,150602001002,助老\n".repeat(10_000);
      while (Files.size(big) < 200L * 1024 * 1024) {
        w.write(rows);
        w.flush();
      }
    }
    assertThat(Files.size(big)).isGreaterThanOrEqualTo(200L * 1024 * 1024);
    Run r = run(big, data);
    assertThat(r.exit()).as(r.out()).isEqualTo(2);
    assertThat(r.out())
        .contains("big.csv: the file is 200 MB, more than the 64 MB a file may have")
        .contains("split it into files of at most 64 MB and 300,000 rows")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(r.seconds()).as("refused before reading").isLessThan(30);

    try (RunningPortal first = RunningPortal.start(data)) {
      // the demo set's regions, so the rows are looked at
    }
    Path many = dir.resolve("many.csv");
    try (BufferedWriter w = Files.newBufferedWriter(many, StandardCharsets.UTF_8)) {
      w.write("站点名称,行政区划代码\n");
      for (int i = 0; i < 300_000; i++) {
        w.write("行数测试站" + i + ",150602001002\n");
      }
    }
    assertThat(Files.size(many)).isLessThan(64L * 1024 * 1024);
    Run rows = run(many, data);
    assertThat(rows.exit()).as(rows.out()).isEqualTo(2);
    assertThat(rows.out())
        .contains("many.csv: more than 300,000 rows, the most a file may have")
        .doesNotContain("\tat ");
    assertThat(r.out() + rows.out()).doesNotContain("written in one transaction");
  }

  record Run(int exit, String out, double seconds) {}

  private static Run run(Path file, Path data) throws Exception {
    Path out = Files.createTempFile("vsmap-limits-", ".txt");
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(
                List.of(
                    RunningPortal.java(),
                    "-Xmx1g",
                    "-jar",
                    RunningPortal.JAR.toString(),
                    "import",
                    file.toString(),
                    "--kind",
                    "station",
                    "--crs",
                    "wgs84",
                    "--data-dir",
                    data.toString()))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        (System.nanoTime() - t0) / 1e9);
  }
}
