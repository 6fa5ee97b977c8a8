-- team pages list what a team organises next
CREATE INDEX activity_team_ix ON activity(organiser_team_id, ends_at);
