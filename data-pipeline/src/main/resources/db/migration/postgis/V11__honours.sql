-- Honours for volunteer service (issue 10): to a station, team, activity, community or volunteer.
-- honour_year, not year: YEAR is a keyword in H2.
-- volunteer_name only with the volunteer's consent (checked on import and edit). geom: the subject's
-- place when the honour was written (for the map and the spatial downloads), or NULL.
CREATE TABLE honour (
  id             VARCHAR(64)   PRIMARY KEY,
  title          VARCHAR(100)  NOT NULL,
  honour_year    INTEGER       NOT NULL,
  level          VARCHAR(16)   NOT NULL,
  awarded_by     VARCHAR(200)  NOT NULL,
  subject        VARCHAR(16)   NOT NULL,
  subject_id     VARCHAR(64),
  region_code    VARCHAR(12)   NOT NULL,
  volunteer_name VARCHAR(40),
  citation       VARCHAR(1000),
  synthetic      BOOLEAN       NOT NULL,
  geom           geometry(POINT, 4326),
  source         VARCHAR(200),
  updated_at     TIMESTAMP     NOT NULL,
  retired_at     TIMESTAMP
);
CREATE INDEX honour_subject_ix ON honour(subject, subject_id);
CREATE INDEX honour_year_ix ON honour(honour_year);
