-- A random identity for this store, so a search index built from another store is never reused.
INSERT INTO store_info (k, v) VALUES ('store_id', CAST(RANDOM_UUID() AS VARCHAR(36)));
