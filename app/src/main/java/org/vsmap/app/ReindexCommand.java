package org.vsmap.app;

import java.util.concurrent.Callable;
import org.vsmap.pipeline.search.LuceneSearchIndex;
import org.vsmap.pipeline.store.Database;
import org.vsmap.pipeline.store.JdbiActivityStore;
import org.vsmap.pipeline.store.JdbiChangeLog;
import org.vsmap.pipeline.store.JdbiStationStore;
import org.vsmap.pipeline.store.JdbiStoreInfo;
import org.vsmap.pipeline.store.JdbiTeamStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code reindex}: rebuild the search index of a data directory from the store, then exit. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description =
        "Rebuild the search index from the store (while the portal is stopped; a running portal rebuilds by itself when the index is stale).")
final class ReindexCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    DataDirectory dir = DataDirectory.open(store.dataDir);
    try (Database db = store.open(dir)) {
      LuceneSearchIndex index;
      try {
        index = new LuceneSearchIndex(dir.index(), Clocks.portal());
      } catch (RuntimeException e) {
        throw new Failure(
            "cannot open the search index in "
                + dir.index()
                + " (is the portal running on this data directory?): "
                + Failure.describe(e),
            e);
      }
      try (index) {
        String storeId = new JdbiStoreInfo(db.jdbi()).get(JdbiStoreInfo.STORE_ID).orElseThrow();
        int n =
            Portal.rebuild(
                index,
                new JdbiStationStore(db.jdbi()),
                new JdbiTeamStore(db.jdbi()),
                new JdbiActivityStore(db.jdbi()),
                storeId,
                new JdbiChangeLog(db.jdbi()).maxSeq());
        System.out.println("indexed " + n + " records");
      }
    }
    return 0;
  }
}
