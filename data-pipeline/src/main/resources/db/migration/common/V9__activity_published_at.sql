-- When an activity first appeared in the store (China local time), for the feed of newly published activities.
-- Rows stored before this column existed take the time of the migration.
ALTER TABLE activity ADD COLUMN published_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL;
CREATE INDEX activity_published_ix ON activity(published_at);
