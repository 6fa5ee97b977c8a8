package org.vsmap.pipeline.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/** The store contract against embedded H2GIS files in a temporary folder. */
@Tag("integration")
class H2gisStoreIT extends StoreContract {
  private final Path dir;

  H2gisStoreIT() throws Exception {
    dir = Files.createTempDirectory("vsmap-h2gis-");
  }

  @Override
  String newDatabaseUrl(String name) {
    return Database.embeddedUrl(dir.resolve(name));
  }

  @Override
  String user() {
    return null;
  }

  @Override
  String spatialIndexCount(String table, String column) {
    return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c "
        + "ON i.INDEX_NAME = c.INDEX_NAME AND i.TABLE_NAME = c.TABLE_NAME "
        + "WHERE i.INDEX_TYPE_NAME = 'SPATIAL INDEX' AND i.TABLE_NAME = '"
        + table.toUpperCase()
        + "' AND c.COLUMN_NAME = '"
        + column.toUpperCase()
        + "'";
  }
}
