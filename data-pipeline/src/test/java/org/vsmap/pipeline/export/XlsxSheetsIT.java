package org.vsmap.pipeline.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsmap.geo.model.Station;
import org.vsmap.geo.port.Downloads;
import org.vsmap.pipeline.seed.SeedLoader;
import org.vsmap.pipeline.seed.SeedSource;
import org.vsmap.pipeline.store.Database;
import org.vsmap.pipeline.store.JdbiStationStore;

/**
 * Excel holds 1,048,576 rows a sheet; the national teams (1,000,000) and activities (2,000,000) do
 * not fit in one. Past the limit the records go on in "data 2", "data 3"… with the header repeated
 * — shown here with a limit of 400 rows on the demo's 912 stations, read back with POI.
 */
@Tag("integration")
class XlsxSheetsIT {
  @TempDir Path tmp;

  @Test
  void pastTheRowLimitTheRecordsGoOnInFurtherSheetsEachWithTheHeader() throws Exception {
    try (Database db = Database.open(Database.embeddedUrl(tmp.resolve("store")), null, null)) {
      SeedLoader.load(
          db,
          SeedSource.classpath(),
          Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new DatasetExports(db.jdbi(), tmp, 400)
          .write("stations", Downloads.Format.XLSX, Downloads.Filter.ALL, out);
      List<String> expected =
          new JdbiStationStore(db.jdbi()).stations().stream().map(Station::id).sorted().toList();
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        assertThat(expected).hasSize(912);
        assertThat(names).containsExactly("data", "data 2", "data 3", "about");
        List<String> ids = new ArrayList<>();
        String header = null;
        for (int i = 0; i < 3; i++) {
          Sheet sheet = wb.getSheetAt(i);
          String h = String.join(",", cells(sheet.getRow(0)));
          assertThat(h).startsWith("id,");
          assertThat(header == null ? h : header).isEqualTo(h);
          header = h;
          assertThat(sheet.getLastRowNum()).isEqualTo(i < 2 ? 400 : 112);
          for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            ids.add(sheet.getRow(r).getCell(0).getStringCellValue());
          }
        }
        assertThat(ids).containsExactlyElementsOf(expected);
      }
    }
  }

  private static List<String> cells(Row row) {
    List<String> out = new ArrayList<>();
    row.forEach(c -> out.add(c.getStringCellValue()));
    return out;
  }
}
