-- Issue 6: units' teams paired with communities (结对共建, seed 001), for the weekly-service indicator.
CREATE TABLE team_pairing (
  team_id        VARCHAR(64) NOT NULL,
  community_code VARCHAR(12) NOT NULL REFERENCES region(code),
  source         VARCHAR(200),
  PRIMARY KEY (team_id, community_code)
);
