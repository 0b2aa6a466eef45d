-- Schema version 6: the components a framework's index is made of (issue 13 §3) and their scores. The index is
-- 100 × (Σ add points + Σ bonus points − Σ subtract points) / Σ add applicable maxima, kept between 0 and 100; the
-- criteria component's points are the tree's (submission.points_total), every other component's are rows of
-- component_score. A component without points (no survey was run) is left out of both sides; it is never 0.

-- data/frameworks/components.csv. A framework without rows here (a draft) is its criteria tree alone.
CREATE TABLE IF NOT EXISTS framework_component (
    framework_id VARCHAR NOT NULL,
    component    VARCHAR NOT NULL,      -- criteria | survey | bonus | penalty
    name         VARCHAR NOT NULL,
    max_points   DECIMAL(10,3) NOT NULL,
    role         VARCHAR NOT NULL,      -- add | bonus | subtract
    note         VARCHAR,
    ordinal      INTEGER NOT NULL,
    PRIMARY KEY (framework_id, component)
);

-- A submission's scores of the components other than the criteria tree (the canonical CSV's level=component rows),
-- written in the same transaction as its score rows.
CREATE TABLE IF NOT EXISTS component_score (
    submission_id BIGINT NOT NULL,
    component     VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    max_points    DECIMAL(10,3) NOT NULL, -- the applicable maximum
    points        DECIMAL(10,3),          -- NULL: not scored, left out of the index
    ordinal       INTEGER NOT NULL,
    PRIMARY KEY (submission_id, component)
);

-- A published result's component points as printed, 'survey=18.5|bonus=2' (ids of components.csv); NULL when the
-- decision prints none.
ALTER TABLE published_result ADD COLUMN IF NOT EXISTS components VARCHAR;
