package org.vsmap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The machine answers others build on do not change by accident: 19 JSON answers and errors of the
 * demo portal on 2026-12-07 (the API, the OGC API, the catalogue), first recorded from the jar
 * built at a8c7687 (before issue 18's rebuild) in {@code src/test/resources/answers/} once its
 * first versions were published, compared field for field with what this build answers — status,
 * media type and body. Pages are not held here: they change on purpose (issue 19) and the browser
 * tests check them. A deliberate change of an answer is recorded again with {@code
 * -Danswers.record=true} (the bodies are rewritten in the source folder) and named in its commit.
 * What legitimately differs between two runs of the same jar is normalised on both sides, and
 * nothing else: the store's random id, the moment of the request (datetimes with seconds; the size
 * of a version's XLSX and GeoPackage, which hold it), the order of JSON object keys (some come from
 * {@code Map.of}, whose order changes with every JVM) and the order of lists of records with an
 * {@code id}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class AnswersUnchangedIT {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern NOW =
      // with seconds, or with an offset: a moment written when the seconds were :00 drops them
      Pattern.compile(
          "\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d"
              + "(:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)?|Z|[+-]\\d\\d:\\d\\d)");
  private static final Pattern JSON_LD =
      Pattern.compile("(<script type=\"application/ld\\+json\">)(.*?)(</script>)", Pattern.DOTALL);

  private RunningPortal portal;

  /** One recorded answer: the URL asked, what it answered then. */
  record Recorded(int n, String path, int status, String mediaType) {
    @Override
    public String toString() {
      return path;
    }
  }

  @BeforeAll
  void start() throws Exception {
    portal =
        RunningPortal.start(
            Files.createTempDirectory("vsmap-answers-").resolve("data"),
            "--public-url",
            "http://portal.test",
            "--rate-limit",
            "0");
    // a fresh portal publishes its first versions in the background; the catalogue lists them
    for (String dataset : List.of("stations", "teams", "activities", "regions", "honours")) {
      long until = System.nanoTime() + 60_000_000_000L;
      while (!portal.get("/data/" + dataset + "/versions").body().contains("\"version\"")) {
        assertThat(System.nanoTime())
            .as("the first version of %s within 60 s", dataset)
            .isLessThan(until);
        Thread.sleep(250);
      }
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  static List<Recorded> recorded() throws IOException {
    List<Recorded> out = new ArrayList<>();
    for (String line : resource("answers.tsv").split("\n")) {
      if (!line.isBlank()) {
        String[] f = line.split("\t");
        out.add(new Recorded(out.size() + 1, f[0], Integer.parseInt(f[1]), f[2]));
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("recorded")
  void answersAsBeforeTheRebuild(Recorded r) throws Exception {
    HttpResponse<String> now = portal.get(r.path());
    assertThat(now.statusCode()).as("status").isEqualTo(r.status());
    assertThat(now.headers().firstValue("Content-Type").orElse(""))
        .as("media type")
        .isEqualTo(r.mediaType());
    if (Boolean.getBoolean("answers.record")) {
      Files.writeString(
          java.nio.file.Path.of("src/test/resources/answers", String.format("%02d.body", r.n())),
          now.body());
    }
    String before = resource(String.format("%02d.body", r.n()));
    assertThat(before).as("the recording").isNotBlank();
    assertThat(canonical(now.body())).isEqualTo(canonical(before));
  }

  static String canonical(String body) throws IOException {
    String text =
        NOW.matcher(UUID.matcher(body).replaceAll("<uuid>"))
            .replaceAll("<datetime>")
            // whether a station is open depends on the hour the suite runs at
            .replaceAll("\"open_now\":(true|false)", "\"open_now\":\"<hour>\"");
    String t = text.strip();
    if (t.startsWith("{") || t.startsWith("[")) {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(JSON.readTree(t)));
    }
    Matcher m = JSON_LD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(
              m.group(1)
                  + JSON.writeValueAsString(sorted(JSON.readTree(m.group(2))))
                  + m.group(3)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Object keys in alphabetical order, lists of records (objects with an id) by id. */
  private static Object sorted(JsonNode node) {
    if (node instanceof ObjectNode o) {
      Map<String, Object> m = new TreeMap<>();
      o.properties().forEach(e -> m.put(e.getKey(), sorted(e.getValue())));
      if (o.path("dcat:downloadURL").path("@id").asText().matches(".*\\.(xlsx|gpkg)")) {
        // a workbook or GeoPackage carries the moment it was written, so its size may differ by a
        // byte between runs
        m.put("dcat:byteSize", "<size>");
      }
      return m;
    }
    if (node instanceof ArrayNode a) {
      boolean records =
          !a.isEmpty()
              && StreamSupport.stream(a.spliterator(), false)
                  .allMatch(x -> x.isObject() && x.has("id"));
      var items = StreamSupport.stream(a.spliterator(), false);
      if (records) {
        items = items.sorted(Comparator.comparing(x -> x.get("id").asText()));
      }
      return items.map(AnswersUnchangedIT::sorted).toList();
    }
    return node;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = AnswersUnchangedIT.class.getResourceAsStream("/answers/" + name)) {
      assertThat(in).as("test resource answers/%s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
