-- Issue 19: how a resident joins. An activity's project in 志愿中国 or another sign-up link, how to sign up,
-- the deadline and the organiser's public office line; a team's public office line and where to join it.
-- Only office lines are stored here (a personal mobile is refused before it reaches the store).
ALTER TABLE activity ADD COLUMN project_id VARCHAR(40);
ALTER TABLE activity ADD COLUMN signup_url VARCHAR(500);
ALTER TABLE activity ADD COLUMN signup_method VARCHAR(200);
ALTER TABLE activity ADD COLUMN signup_deadline TIMESTAMP;
ALTER TABLE activity ADD COLUMN office_line VARCHAR(32);
ALTER TABLE team ADD COLUMN public_contact VARCHAR(32);
ALTER TABLE team ADD COLUMN signup_url VARCHAR(500);
