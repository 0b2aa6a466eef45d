-- Version 2: index years of units, lineage events, concepts and the crosswalk, published results.

ALTER TABLE unit ADD COLUMN IF NOT EXISTS first_year INTEGER;   -- first index year scored; NULL = earlier than our data
ALTER TABLE unit ADD COLUMN IF NOT EXISTS last_year INTEGER;    -- last index year scored; NULL = open

-- What happened to units: reclassified | succeeded | merged | abolished (data/lineage.csv is the truth).
CREATE TABLE IF NOT EXISTS unit_event (
    event_id       VARCHAR PRIMARY KEY,
    effective_year INTEGER NOT NULL,    -- first index year under the new arrangement
    event_date     DATE,                -- legal date when known
    event          VARCHAR NOT NULL,
    province       VARCHAR NOT NULL,
    level          VARCHAR NOT NULL,
    from_unit      VARCHAR,             -- NULL: the whole level of the province
    to_unit        VARCHAR,
    from_kind      VARCHAR,
    to_kind        VARCHAR,
    legal_basis    VARCHAR NOT NULL,
    source         VARCHAR NOT NULL,
    note           VARCHAR
);

CREATE TABLE IF NOT EXISTS concept (
    concept_id   VARCHAR PRIMARY KEY,
    level        VARCHAR NOT NULL,
    name         VARCHAR NOT NULL
);

-- Which concept each framework's code measures, and how it relates to the previous framework.
CREATE TABLE IF NOT EXISTS crosswalk (
    framework_id VARCHAR NOT NULL,
    code         VARCHAR,               -- NULL for a dropped concept
    concept_id   VARCHAR NOT NULL,
    mapping      VARCHAR NOT NULL,      -- same | renamed | split | merged | new | dropped
    from_codes   VARCHAR,               -- codes of the previous framework, '|'-separated
    note         VARCHAR
);

-- Officially published results (Quyết định), kept apart from computed results and never overwritten.
CREATE TABLE IF NOT EXISTS published_result (
    unit_id       VARCHAR NOT NULL,
    year          INTEGER NOT NULL,
    decision      VARCHAR NOT NULL,
    points        DECIMAL(10,3),
    max_points    DECIMAL(10,3),
    index_percent DECIMAL(10,3),
    published_rank INTEGER,
    rank_of       INTEGER,
    decision_date DATE,
    reported_on   DATE,
    source_url    VARCHAR NOT NULL,
    note          VARCHAR,
    source_file   VARCHAR NOT NULL,
    source_hash   VARCHAR NOT NULL,
    loaded_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (unit_id, year, decision)
);

-- Current scores with the concept each code measures, for trends across frameworks.
CREATE OR REPLACE VIEW current_score_concept AS
    SELECT s.submission_id, s.unit_id, s.year, s.stage, s.synthetic, s.framework_id,
           sc.code, sc.level, sc.max_points, sc.points, c.concept_id, c.mapping
    FROM current_submission s
    JOIN score sc ON sc.submission_id = s.submission_id
    LEFT JOIN crosswalk c ON c.framework_id = s.framework_id AND c.code = sc.code;
