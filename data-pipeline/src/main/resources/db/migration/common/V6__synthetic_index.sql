-- Issue 5: every download says whether it holds synthetic demo records; with these indexes that
-- question is answered without scanning the table (a real deployment has none to find).
CREATE INDEX station_synthetic_ix ON station(synthetic);
CREATE INDEX team_synthetic_ix ON team(synthetic);
CREATE INDEX activity_synthetic_ix ON activity(synthetic);
