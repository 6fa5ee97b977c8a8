-- Photos from the field (issue 10): what they show and where they belong; the images in three sizes.
-- Only re-encoded JPEGs without metadata are ever stored (PhotoIntake). Retired, not deleted.
CREATE TABLE photo (
  id           VARCHAR(32)  PRIMARY KEY,
  subject_kind VARCHAR(16)  NOT NULL,
  subject_id   VARCHAR(64)  NOT NULL,
  region_code  VARCHAR(12)  NOT NULL,
  alt_text     VARCHAR(300) NOT NULL,
  width        INTEGER      NOT NULL,
  height       INTEGER      NOT NULL,
  sha256       VARCHAR(64)  NOT NULL,
  uploaded_by  VARCHAR(64)  NOT NULL,
  uploaded_at  TIMESTAMP    NOT NULL,
  retired_at   TIMESTAMP
);
CREATE INDEX photo_subject_ix ON photo(subject_kind, subject_id);
CREATE TABLE photo_image (
  photo_id VARCHAR(32) NOT NULL REFERENCES photo(id),
  size     VARCHAR(8)  NOT NULL,
  bytes    BYTEA       NOT NULL,
  PRIMARY KEY (photo_id, size)
);
