package org.vsmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vsmap.geo.fake.InMemoryStatistics;
import org.vsmap.geo.port.Statistics;
import org.vsmap.geo.port.Statistics.Status;
import org.vsmap.geo.port.Statistics.Value;

/** The statistics API in process over a table made here (the stats concern). */
class StatisticsApiTest {
  private InProcessPortal portal;

  @BeforeEach
  void start() {
    Statistics.Indicator rate =
        new Statistics.Indicator(
            "volunteer_rate",
            "注册志愿者占常住人口比例",
            "Registered volunteers per resident population",
            "定义",
            "definition",
            "注册志愿者人数",
            "常住人口",
            "%",
            ">=",
            13.0,
            "种子文件 004",
            "figures");
    List<Value> values =
        List.of(
            new Value(
                "volunteer_rate",
                "150602",
                "东胜区",
                "COUNTY",
                "2026",
                null,
                null,
                14.2,
                85200.0,
                600000.0,
                Status.OK,
                true),
            new Value(
                "volunteer_rate",
                "150602001",
                "=HYPERLINK(\"x\")",
                "STREET",
                "2026",
                null,
                null,
                null,
                null,
                null,
                Status.SUPPRESSED,
                null),
            new Value(
                "volunteer_rate",
                "150603",
                "康巴什区",
                "COUNTY",
                "2025",
                null,
                null,
                9.5,
                1900.0,
                20000.0,
                Status.OK,
                false));
    Statistics.Table table =
        new Statistics.Table("2026-12-07T10:00+08:00", "v1", 5, true, List.of(rate), values);
    portal =
        new InProcessPortal().ready(null, null, null, new InMemoryStatistics(table), null, null);
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  @Test
  void valuesAreFilteredAndASuppressedCellHasNoNumberAnywhere() throws Exception {
    JsonNode all = new ObjectMapper().readTree(portal.text("/api/stats/volunteer_rate"));
    assertThat(all.path("values")).hasSize(3);
    JsonNode dongsheng =
        new ObjectMapper()
            .readTree(portal.text("/api/stats/volunteer_rate?region=150602&period=2026"));
    assertThat(dongsheng.path("values")).hasSize(1);
    assertThat(dongsheng.at("/values/0/value").asDouble()).isEqualTo(14.2);
    assertThat(dongsheng.at("/values/0/target_met").asBoolean()).isTrue();
    JsonNode street =
        new ObjectMapper().readTree(portal.text("/api/stats/volunteer_rate?region=150602001"));
    assertThat(street.at("/values/0/status").asText()).isEqualTo("suppressed");
    assertThat(street.at("/values/0/shown_as").asText()).isEqualTo("<5");
    assertThat(street.at("/values/0/value").isNull()).isTrue();
    assertThat(street.at("/values/0/numerator").isNull()).isTrue();
  }

  @Test
  void theCsvOpensSafelyInASpreadsheet() throws Exception {
    HttpResponse<byte[]> r = portal.get("/api/stats/volunteer_rate.csv?region=150602001");
    assertThat(r.statusCode()).isEqualTo(200);
    String csv = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFindicator,region_code");
    String row = csv.split("\r\n")[1];
    assertThat(row).as("a formula in a name is text").contains("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(row).contains(",SUPPRESSED,<5,");
  }

  @Test
  void badFiltersAre400AndAnUnknownIndicator404() throws Exception {
    HttpResponse<byte[]> region = portal.get("/api/stats/volunteer_rate?region=1506020");
    assertThat(region.statusCode()).isEqualTo(400);
    assertThat(new String(region.body(), StandardCharsets.UTF_8))
        .contains("region must be an official code of 2, 4, 6, 9 or 12 digits, not '1506020'");
    assertThat(portal.get("/api/stats/volunteer_rate?period=2026-13").statusCode()).isEqualTo(400);
    assertThat(portal.get("/api/stats/volunteer_rate?colour=red").statusCode()).isEqualTo(400);
    assertThat(portal.get("/api/stats/happiness").statusCode()).isEqualTo(404);
  }
}
