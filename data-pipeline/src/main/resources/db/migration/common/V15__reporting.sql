-- Issue 21: weekly reporting supervision (督查). Who must report, which weeks are not due, and when
-- each team's report of a week first arrived. Statuses (按时/逾期/未报/无需) are computed from these.
CREATE TABLE reporting_unit (
  team_id  VARCHAR(64) PRIMARY KEY REFERENCES team(id),
  since    DATE        NOT NULL,
  added_by VARCHAR(64) NOT NULL,
  added_at TIMESTAMP   NOT NULL
);

CREATE TABLE reporting_exempt_week (
  week_start DATE         PRIMARY KEY,
  reason     VARCHAR(200) NOT NULL,
  set_by     VARCHAR(64)  NOT NULL,
  set_at     TIMESTAMP    NOT NULL
);

-- the first weekly report that brought a team's activities of a week; a report imported again
-- leaves it as it was
CREATE TABLE report_receipt (
  team_id     VARCHAR(64)  NOT NULL,
  week_start  DATE         NOT NULL,
  received_at TIMESTAMP    NOT NULL,
  username    VARCHAR(64),
  source      VARCHAR(200),
  synthetic   BOOLEAN      DEFAULT FALSE NOT NULL,
  PRIMARY KEY (team_id, week_start)
);
CREATE INDEX report_receipt_week_ix ON report_receipt(week_start);
