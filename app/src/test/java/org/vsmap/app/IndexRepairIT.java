package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the search index after accidents — missing, truncated, a flipped bit in the middle of a
 * file, a rebuild cut short by a kill — is found at start (or by the integrity check just after)
 * and rebuilt from the store, and the portal then answers exactly what it answered before. And a
 * graceful stop: the request in flight finishes, new connections are refused, the index is
 * committed (the next start catches up instead of rebuilding).
 */
@Tag("integration")
class IndexRepairIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> QUERIES = List.of("图书馆", "东胜", "志愿", "kbs", "医疗");
  private static Path data;
  private static String before;

  @BeforeAll
  static void firstStart() throws Exception {
    data = Files.createTempDirectory("vsmap-repair-").resolve("data");
    try (RunningPortal portal = RunningPortal.start(data)) {
      before = answers(portal);
    }
  }

  /** The totals and first ids of a few searches, and the counts /health gives. */
  private static String answers(RunningPortal portal) throws Exception {
    StringBuilder out = new StringBuilder();
    for (String q : QUERIES) {
      // every hit of the smaller answers, as a set: equal scores may come in another order after a
      // rebuild
      JsonNode r =
          JSON.readTree(
              portal
                  .get(
                      "/api/search?limit=50&q="
                          + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8))
                  .body());
      out.append(q).append(' ').append(r.path("total").asLong());
      if (r.path("total").asLong() <= 50) {
        out.append(' ').append(new java.util.TreeSet<>(r.path("hits").findValuesAsText("id")));
      }
      out.append('\n');
    }
    JsonNode h = JSON.readTree(portal.get("/health").body());
    return out.append(h.path("stations").asLong())
        .append('/')
        .append(h.path("teams").asLong())
        .append('/')
        .append(h.path("activities").asLong())
        .toString();
  }

  private static Path generation() throws IOException {
    try (Stream<Path> gens = Files.list(data.resolve("index"))) {
      return gens.filter(p -> p.getFileName().toString().startsWith("gen-"))
          .max(Comparator.naturalOrder())
          .orElseThrow();
    }
  }

  private static Path largestFile(Path gen) throws IOException {
    try (Stream<Path> files = Files.list(gen)) {
      return files
          .filter(
              p ->
                  !p.getFileName().toString().startsWith("segments")
                      && !p.getFileName().toString().equals("write.lock"))
          .max(Comparator.comparingLong(p -> p.toFile().length()))
          .orElseThrow();
    }
  }

  @Test
  void aMissingIndexIsBuiltFromTheStore() throws Exception {
    deleteTree(data.resolve("index"));
    try (RunningPortal portal = RunningPortal.start(data)) {
      assertThat(portal.output()).contains("stage build-index");
      assertThat(answers(portal)).isEqualTo(before);
    }
  }

  @Test
  void aTruncatedIndexFileIsFoundAtStartAndTheIndexRebuilt() throws Exception {
    Path file = largestFile(generation());
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    try (RunningPortal portal = RunningPortal.start(data)) {
      assertThat(portal.output())
          .contains("cannot be read")
          .contains("it will be rebuilt from the store");
      assertThat(answers(portal)).isEqualTo(before);
    }
  }

  @Test
  void aFlippedBitInTheMiddleOfAFileIsFoundByTheIntegrityCheckAndTheIndexRebuilt()
      throws Exception {
    Path gen = generation();
    Path file = largestFile(gen);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      long at = f.length() / 2;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x10);
    }
    try (RunningPortal portal = RunningPortal.start(data)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      // found by the checksums after start, or (if the bit hit a structure read at open) at open
      while (!(portal.output().contains("failed its integrity check")
              || portal.output().contains("cannot be read"))
          || generation().equals(gen)
          || !JSON.readTree(portal.get("/health").body()).path("status").asText().equals("UP")) {
        assertThat(System.nanoTime())
            .as("found and rebuilt within 60 s:\n%s", portal.output())
            .isLessThan(deadline);
        Thread.sleep(200);
      }
      assertThat(answers(portal)).isEqualTo(before);
    }
  }

  @Test
  void aRebuildCutShortByAKillLeavesTheLastCompleteIndexServed() throws Exception {
    Path complete = generation();
    // what a rebuild killed half-way leaves: a newer generation folder with files but no commit
    Path partial =
        complete.resolveSibling(
            "gen-" + String.format("%019d", System.currentTimeMillis() + 60_000));
    Files.createDirectories(partial);
    Files.write(partial.resolve("_0.fdt"), new byte[4096]);
    Files.write(partial.resolve("_0.fdm"), new byte[64]);
    try (RunningPortal portal = RunningPortal.start(data)) {
      assertThat(portal.output())
          .contains("removing the unused search index generation " + partial.getFileName())
          .contains("catching up")
          .doesNotContain("stage build-index");
      assertThat(partial).doesNotExist();
      assertThat(generation()).isEqualTo(complete);
      assertThat(answers(portal)).isEqualTo(before);
    }
  }

  @Test
  void aStopLetsTheRequestInFlightFinishRefusesNewOnesAndCommitsTheIndex() throws Exception {
    RunningPortal portal = RunningPortal.start(data);
    String answer;
    try (Socket inFlight = new Socket("127.0.0.1", portal.port)) {
      String body = "csrf=x&username=nobody&password=" + "p".repeat(100);
      OutputStream out = inFlight.getOutputStream();
      out.write(
          ("POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                  + "Content-Length: "
                  + body.length()
                  + "\r\nConnection: close\r\n\r\n"
                  + body.substring(0, 20))
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(500); // the request is now in the handler, waiting for the rest of its body
      long t0 = System.nanoTime();
      portal.signalStop();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      boolean refused = false;
      while (!refused && System.nanoTime() < deadline) {
        try (Socket fresh = new Socket("127.0.0.1", portal.port)) {
          Thread.sleep(100);
        } catch (ConnectException e) {
          refused = true;
        }
      }
      assertThat(refused).as("new connections refused once stopping").isTrue();
      assertThat(portal.isAlive()).as("still finishing the request in flight").isTrue();
      out.write(body.substring(20).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      answer = new String(inFlight.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      System.out.printf("stop to refusal and completion: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
    assertThat(answer)
        .as("the request in flight got its whole answer")
        .startsWith("HTTP/1.1 403")
        .contains("sign-in form expired");
    assertThat(portal.waitForExit(30)).as("exited after the request finished").isTrue();
    assertThat(portal.output()).contains("stopped; the search index is committed");
    try (RunningPortal again = RunningPortal.start(data)) {
      assertThat(again.output()).contains("catching up").doesNotContain("stage build-index");
      assertThat(answers(again)).isEqualTo(before);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
