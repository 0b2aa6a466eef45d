-- Schema version 7: where each commune of 2025 came from (data/commune-origins.csv), so that views of the communes
-- can group them by former district ("khu vực huyện cũ"). The data folder is the truth; ingest of a data folder
-- replaces these rows.

CREATE TABLE IF NOT EXISTS commune_origin (
    unit_id           VARCHAR PRIMARY KEY,
    status            VARCHAR NOT NULL,   -- documented | partial | unknown
    former_districts  VARCHAR NOT NULL,   -- unit ids, '|'-separated; '' when no source gives one
    former_units      VARCHAR NOT NULL,   -- as the source prints them, '|'-separated
    unresolved        VARCHAR NOT NULL    -- why some former units have no district; '' when none
);
