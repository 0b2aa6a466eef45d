-- CCHC Analytics schema, version 1. Points are DECIMAL(10,3): published results carry up to 3 decimals (91.651).
-- A missing score is NULL, never 0.

CREATE TABLE IF NOT EXISTS unit (
    unit_id      VARCHAR PRIMARY KEY,   -- ASCII slug, e.g. hoang-hoa
    name         VARCHAR NOT NULL,      -- Vietnamese name without the kind, NFC
    kind         VARCHAR NOT NULL,      -- huyen | thi-xa | thanh-pho | xa | phuong | so
    level        VARCHAR NOT NULL,      -- district | commune | department
    province     VARCHAR NOT NULL,
    valid_from   DATE,
    valid_to     DATE
);

CREATE TABLE IF NOT EXISTS unit_alias (
    unit_id      VARCHAR NOT NULL,
    alias        VARCHAR NOT NULL,
    PRIMARY KEY (unit_id, alias)
);

CREATE TABLE IF NOT EXISTS framework (
    framework_id VARCHAR PRIMARY KEY,
    province     VARCHAR NOT NULL,
    level        VARCHAR NOT NULL,
    year_from    INTEGER NOT NULL,
    year_to      INTEGER,
    decision     VARCHAR,
    status       VARCHAR NOT NULL,      -- official | derived | draft | illustrative
    source       VARCHAR NOT NULL,
    total_max    DECIMAL(10,3) NOT NULL
);

CREATE TABLE IF NOT EXISTS framework_criterion (
    framework_id VARCHAR NOT NULL,
    code         VARCHAR NOT NULL,
    parent_code  VARCHAR,
    level        VARCHAR NOT NULL,      -- area | criterion | sub_criterion
    name         VARCHAR NOT NULL,
    max_points   DECIMAL(10,3) NOT NULL,
    ordinal      INTEGER NOT NULL,
    PRIMARY KEY (framework_id, code)
);

CREATE SEQUENCE IF NOT EXISTS submission_id_seq START 1;

CREATE TABLE IF NOT EXISTS submission (
    submission_id BIGINT PRIMARY KEY,
    unit_id       VARCHAR NOT NULL,
    year          INTEGER NOT NULL,
    stage         VARCHAR NOT NULL,     -- self | appraised
    version       INTEGER NOT NULL,
    is_current    BOOLEAN NOT NULL,
    framework_id  VARCHAR NOT NULL,
    source_file   VARCHAR NOT NULL,
    source_format VARCHAR NOT NULL,     -- text | csv | xlsx | docx
    source_hash   VARCHAR NOT NULL,
    content_hash  VARCHAR NOT NULL,
    report_number VARCHAR,
    report_date   DATE,
    stated_total  DECIMAL(10,3),
    max_total     DECIMAL(10,3) NOT NULL,
    points_total  DECIMAL(10,3),
    synthetic     BOOLEAN NOT NULL,
    ingested_at   TIMESTAMP NOT NULL,
    superseded_at TIMESTAMP,
    row_count     INTEGER NOT NULL,
    UNIQUE (unit_id, year, stage, version)
);

CREATE TABLE IF NOT EXISTS score (
    submission_id BIGINT NOT NULL,
    code          VARCHAR NOT NULL,
    parent_code   VARCHAR,
    level         VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    max_points    DECIMAL(10,3) NOT NULL,
    points        DECIMAL(10,3),
    evidence      VARCHAR,
    ordinal       INTEGER NOT NULL,
    PRIMARY KEY (submission_id, code)
);

CREATE TABLE IF NOT EXISTS submission_problem (
    submission_id BIGINT NOT NULL,
    ordinal       INTEGER NOT NULL,
    severity      VARCHAR NOT NULL,
    code          VARCHAR NOT NULL,
    line          INTEGER,
    cell          VARCHAR,
    message       VARCHAR NOT NULL,
    PRIMARY KEY (submission_id, ordinal)
);

-- Every write that changed the database: who, when, which file (hash), what changed. Rejected files write nothing.
CREATE SEQUENCE IF NOT EXISTS ingest_event_id_seq START 1;

CREATE TABLE IF NOT EXISTS ingest_event (
    event_id      BIGINT PRIMARY KEY,
    event_at      TIMESTAMP NOT NULL,
    actor         VARCHAR NOT NULL,
    source_file   VARCHAR NOT NULL,
    source_hash   VARCHAR NOT NULL,
    outcome       VARCHAR NOT NULL,     -- added | replaced (a no-op re-ingest writes nothing, not even here)
    detail        VARCHAR NOT NULL
);

CREATE OR REPLACE VIEW current_submission AS
    SELECT * FROM submission WHERE is_current;

CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
