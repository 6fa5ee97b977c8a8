package org.vsmap.pipeline.importer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A file no reader can read is refused with what is wrong with the file — where, and what to do —
 * never the name of the Java class that failed (issue 20, finding 7).
 */
class ReaderMessagesTest {
  private static final String[] INTERNALS = {
    "Exception", "StreamReadConstraints", "POI", "jackson", "java.", "org."
  };

  @Test
  void brokenJsonSaysWhereAndNothingOfTheParser() {
    assertThatThrownBy(
            () ->
                Grid.read(
                    "stations.geojson",
                    "{\"type\":\"FeatureCollection\",\n \"features\": [x]}"
                        .getBytes(StandardCharsets.UTF_8),
                    null))
        .hasMessageStartingWith("stations.geojson: not valid JSON at line 2, column")
        .hasMessageNotContainingAny(INTERNALS);
  }

  @Test
  void aValueTooLongForTheJsonReaderIsSaidPlainly() {
    String huge =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"名称\":\""
            + "长".repeat(21_000_000)
            + "\"},\"geometry\":null}]}";
    assertThatThrownBy(() -> Grid.read("big.geojson", huge.getBytes(StandardCharsets.UTF_8), null))
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("a value in it is too long")
        .hasMessageNotContainingAny(INTERNALS);
  }

  @Test
  void aBrokenWorkbookSaysWhatToDo() {
    byte[] notReally = "PK\u0003\u0004 not a workbook".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> Grid.read("sheet.xlsx", notReally, null))
        .hasMessageStartingWith("sheet.xlsx: not a readable XLSX workbook")
        .hasMessageContaining("save it again as .xlsx or .csv")
        .hasMessageNotContainingAny(INTERNALS);
  }
}
