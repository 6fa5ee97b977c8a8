package org.vsmap.app;

import java.util.List;
import java.util.concurrent.Callable;
import org.vsmap.geo.port.Snapshots;
import org.vsmap.pipeline.export.DatasetExports;
import org.vsmap.pipeline.export.SnapshotStore;
import org.vsmap.pipeline.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code publish}: write a dated, immutable version of every dataset that changed since its last
 * version.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description =
        "Publish a dated, immutable version of every dataset that changed since its last version (all download formats, "
            + "with a changelog). Run it while the portal is stopped, or use the publish button of /admin while it runs.")
final class PublishCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Override
  public Integer call() throws Exception {
    DataDirectory dir = DataDirectory.open(store.dataDir);
    try (Database db = store.open(dir)) {
      DatasetExports exports = new DatasetExports(db.jdbi(), dir.scratch());
      List<Snapshots.Version> made =
          new SnapshotStore(dir.snapshots(), exports, Clocks.portal()).publish();
      if (made.isEmpty()) {
        System.out.println("nothing changed since the last published versions");
      }
      for (Snapshots.Version v : made) {
        System.out.printf(
            "published %s %s: %d records (%d added, %d updated, %d retired)%n",
            v.dataset(), v.version(), v.records(), v.added(), v.updated(), v.retired());
      }
    }
    return 0;
  }
}
