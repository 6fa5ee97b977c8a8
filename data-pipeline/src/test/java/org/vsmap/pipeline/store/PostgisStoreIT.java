package org.vsmap.pipeline.store;

import org.junit.jupiter.api.Tag;

/** The store contract against a throwaway PostgreSQL + PostGIS cluster. */
@Tag("integration")
class PostgisStoreIT extends StoreContract {
  private PostgisCluster cluster;

  @Override
  String newDatabaseUrl(String name) throws Exception {
    if (cluster == null) {
      cluster = PostgisCluster.require();
    }
    return cluster.createDatabase("vsmap_" + name);
  }

  @Override
  String user() {
    return "postgres";
  }

  @Override
  String spatialIndexCount(String table, String column) {
    return "SELECT COUNT(*) FROM pg_indexes WHERE tablename = '"
        + table
        + "' AND indexdef ILIKE '%USING gist ("
        + column
        + ")%'";
  }
}
