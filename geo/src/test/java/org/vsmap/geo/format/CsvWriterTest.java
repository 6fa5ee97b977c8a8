package org.vsmap.geo.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
  @Test
  void spreadsheetFilesHaveABomCrlfAndNeutraliseFormulasButNotNumbers() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvWriter w = CsvWriter.forSpreadsheets(out);
    w.row("name", "value", "note");
    w.row("=HYPERLINK(\"x\")", -2.5, null);
    w.row("东胜区, 鄂尔多斯", 109.9812345678, true);
    w.row("-1", new BigDecimal("12.0"), 7L);
    w.flush();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFFname,value,note\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",-2.5,\r\n"
                + "\"东胜区, 鄂尔多斯\",109.981235,true\r\n"
                + "'-1,12.0,7\r\n");
  }

  @Test
  void machineFilesKeepEveryTextAsItIs() {
    StringWriter out = new StringWriter();
    CsvWriter.forMachines(out)
        .row("id", "formula")
        .row("a1", "=1+1")
        .row("a2", "line\nbreak")
        .flush();
    assertThat(out.toString()).isEqualTo("id,formula\na1,=1+1\na2,\"line\nbreak\"\n");
  }

  @Test
  void aCellAloneIsWrittenAsInASpreadsheetFile() {
    assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvWriter.cell(null)).isEmpty();
    assertThat(CsvWriter.cell(3.0)).isEqualTo("3");
  }
}
