-- Schema version 4: where each draft framework came from (issue 12). Only someone allowed to define frameworks (the
-- command line's operator, a province account) turns a real table into a year's draft framework; who did it, when and
-- from which file (SHA-256) is kept here as well as in the audit trail. The unit-year lets the dashboard show it only
-- to readers who may see that unit-year (HideUnpublished).

CREATE TABLE IF NOT EXISTS framework_origin (
    framework_id  VARCHAR PRIMARY KEY,
    unit_id       VARCHAR NOT NULL,     -- the unit-year whose table became the draft
    year          INTEGER NOT NULL,
    source_file   VARCHAR NOT NULL,
    source_hash   VARCHAR NOT NULL,
    created_by    VARCHAR NOT NULL,     -- the audit trail's actor: cli:NAME, user:NAME, dashboard:startup
    created_at    TIMESTAMP NOT NULL
);
