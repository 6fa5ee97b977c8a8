-- Issue 8: regions by level (the portal reads cities, counties and streets at every start; a full scan of
-- the 665,276 national codes took seconds of the restart).
CREATE INDEX region_level_ix ON region(level, code);
