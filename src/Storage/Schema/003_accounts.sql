-- Schema version 3: dashboard accounts. Passwords are stored only as ASP.NET Core Identity hashes (PBKDF2 with a
-- per-user salt); every change to an account is written to ingest_event, the one audit trail.

CREATE TABLE IF NOT EXISTS app_user (
    user_name      VARCHAR PRIMARY KEY,  -- lower-case sign-in name
    display_name   VARCHAR NOT NULL,
    role           VARCHAR NOT NULL,     -- province | district | viewer
    unit_id        VARCHAR,              -- the district's own unit (role district only)
    password_hash  VARCHAR NOT NULL,
    security_stamp VARCHAR NOT NULL,     -- changes with the password, role or status: older sign-ins stop working
    created_at     TIMESTAMP NOT NULL,
    created_by     VARCHAR NOT NULL,
    disabled       BOOLEAN NOT NULL DEFAULT false,
    CHECK (role IN ('province', 'district', 'viewer')),
    CHECK ((role = 'district') = (unit_id IS NOT NULL))
);
