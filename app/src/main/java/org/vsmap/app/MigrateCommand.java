package org.vsmap.app;

import java.util.concurrent.Callable;
import org.vsmap.pipeline.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code migrate}: bring the store's schema up to date and exit. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Create or update the store's schema, then exit.")
final class MigrateCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    DataDirectory dir = DataDirectory.open(store.dataDir);
    try (Database db = store.open(dir)) {
      System.out.println("schema up to date (" + db.dialect() + ")");
    }
    return 0;
  }
}
