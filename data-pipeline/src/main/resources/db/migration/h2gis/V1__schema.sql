-- H2GIS: register the spatial functions (ST_GeomFromText, ST_X, ...) in this database once.
CREATE ALIAS IF NOT EXISTS H2GIS_SPATIAL FOR "org.h2gis.functions.factory.H2GISFunctions.load";
CALL H2GIS_SPATIAL();

CREATE TABLE region (
  code        VARCHAR(12)  PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  level       VARCHAR(16)  NOT NULL,
  parent_code VARCHAR(12),
  population  BIGINT,
  boundary    GEOMETRY(GEOMETRY, 4326),
  centroid    GEOMETRY(POINT, 4326)
);
CREATE INDEX region_parent_ix ON region(parent_code);
CREATE SPATIAL INDEX region_boundary_sx ON region(boundary);

CREATE TABLE station (
  id             VARCHAR(64)   PRIMARY KEY,
  name           VARCHAR(200)  NOT NULL,
  type           VARCHAR(32)   NOT NULL,
  region_code    VARCHAR(12)   NOT NULL REFERENCES region(code),
  address        VARCHAR(300),
  geom           GEOMETRY(POINT, 4326) NOT NULL,
  opening_hours  VARCHAR(200),
  services       VARCHAR(2000),
  public_contact VARCHAR(64),
  five_has       CHAR(5)       NOT NULL,
  synthetic      BOOLEAN       NOT NULL
);
CREATE INDEX station_region_ix ON station(region_code);
CREATE SPATIAL INDEX station_geom_sx ON station(geom);

CREATE TABLE team (
  id               VARCHAR(64)  PRIMARY KEY,
  name             VARCHAR(200) NOT NULL,
  level            VARCHAR(16)  NOT NULL,
  parent_id        VARCHAR(64)  REFERENCES team(id),
  region_code      VARCHAR(12)  NOT NULL REFERENCES region(code),
  supervising_unit VARCHAR(200),
  founded          DATE,
  speciality       VARCHAR(100),
  home_station_id  VARCHAR(64)  REFERENCES station(id),
  member_count     INTEGER      NOT NULL,
  synthetic        BOOLEAN      NOT NULL
);
CREATE INDEX team_parent_ix ON team(parent_id);
CREATE INDEX team_station_ix ON team(home_station_id);

CREATE TABLE activity (
  id                    VARCHAR(64)   PRIMARY KEY,
  title                 VARCHAR(300)  NOT NULL,
  description           VARCHAR(4000),
  theme                 VARCHAR(32)   NOT NULL,
  organiser_team_id     VARCHAR(64)   NOT NULL REFERENCES team(id),
  station_id            VARCHAR(64)   REFERENCES station(id),
  region_code           VARCHAR(12)   NOT NULL REFERENCES region(code),
  geom                  GEOMETRY(POINT, 4326) NOT NULL,
  starts_at             TIMESTAMP     NOT NULL,
  ends_at               TIMESTAMP     NOT NULL,
  recurrence            VARCHAR(16)   NOT NULL,
  volunteers_wanted     INTEGER       NOT NULL,
  volunteers_signed_up  INTEGER       NOT NULL,
  records_service_hours BOOLEAN       NOT NULL,
  published_nationally  BOOLEAN       NOT NULL,
  synthetic             BOOLEAN       NOT NULL
);
CREATE INDEX activity_station_ix ON activity(station_id, ends_at);
CREATE INDEX activity_starts_ix ON activity(starts_at);
CREATE SPATIAL INDEX activity_geom_sx ON activity(geom);

-- facts about the store itself: when and from what it was filled
CREATE TABLE store_info (
  k VARCHAR(64)   PRIMARY KEY,
  v VARCHAR(1000) NOT NULL
);
