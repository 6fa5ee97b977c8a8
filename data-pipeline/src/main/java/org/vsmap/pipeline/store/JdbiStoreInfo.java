package org.vsmap.pipeline.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Key/value facts about the store itself (when and from what it was filled). */
public final class JdbiStoreInfo {
  public static final String SEEDED_AT = "seeded_at";
  public static final String SEED_SOURCE = "seed_source";
  public static final String STORE_ID = "store_id";

  private final Jdbi jdbi;

  public JdbiStoreInfo(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Optional<String> get(String key) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT v FROM store_info WHERE k = :k")
                .bind("k", key)
                .mapTo(String.class)
                .findOne());
  }

  /** Sets a fact inside the caller's transaction. */
  public static void put(Handle h, String key, String value) {
    h.createUpdate("DELETE FROM store_info WHERE k = :k").bind("k", key).execute();
    h.createUpdate("INSERT INTO store_info (k, v) VALUES (:k, :v)")
        .bind("k", key)
        .bind("v", value)
        .execute();
  }
}
