-- Schema version 5: the words for provinces and levels (issue 13). data/provinces.csv and data/levels.csv are the
-- truth; ingest of a data folder replaces these rows, and every reader names a province or a level from here.

CREATE TABLE IF NOT EXISTS province (
    province_id  VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL      -- "Thanh Hóa"
);

CREATE TABLE IF NOT EXISTS unit_level (
    level_id     VARCHAR PRIMARY KEY,  -- the model's id (unit.level, framework.level)
    code         VARCHAR NOT NULL,     -- cap= in addresses, --level on the command line
    name         VARCHAR NOT NULL,     -- "cấp huyện"
    units_name   VARCHAR NOT NULL,     -- "các huyện, thị xã, thành phố"
    label        VARCHAR NOT NULL,     -- "Cấp huyện" on the switcher
    is_default   BOOLEAN NOT NULL,
    ordinal      INTEGER NOT NULL
);
