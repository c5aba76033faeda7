-- 0031: verified residents (crates/identity). A binding vote needs to know a
-- voter lives in the commune: staff choose, per tool of a process, the level
-- it requires (signed in, email confirmed, verified resident, optionally of a
-- district), and a resident is verified by one of the commune's methods.
-- Every verification says how, when and by whom; a revoked one stays, with
-- when and by whom, and at most one is current per person.

CREATE TABLE resident_verifications (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    method      TEXT NOT NULL CHECK (method IN ('franceconnect', 'census', 'letter', 'desk')),
    -- The district they were verified in (NULL: the commune, no district).
    district_id INTEGER REFERENCES districts (id) ON DELETE SET NULL,
    -- Staff who verified them (the desk); NULL for a method without staff,
    -- or once that account is erased.
    verified_by INTEGER REFERENCES users (id),
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER,
    revoked_by  INTEGER REFERENCES users (id),
    CHECK (revoked_by IS NULL OR revoked_at IS NOT NULL)
);
CREATE UNIQUE INDEX resident_verifications_current ON resident_verifications (user_id)
    WHERE revoked_at IS NULL;
CREATE INDEX resident_verifications_by_staff ON resident_verifications (verified_by)
    WHERE verified_by IS NOT NULL;

-- What a tool of a process requires; a tool without a row asks its default
-- (palabre_identity::default_level).
CREATE TABLE process_tool_levels (
    process_id  INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    tool        TEXT NOT NULL CHECK (tool IN ('discussion', 'questionnaire', 'proposal', 'budget')),
    level       TEXT NOT NULL CHECK (level IN ('signed_in', 'confirmed', 'verified')),
    -- Verified residents of this district only.
    district_id INTEGER REFERENCES districts (id) ON DELETE SET NULL,
    updated_at  INTEGER NOT NULL,
    CHECK (district_id IS NULL OR level = 'verified'),
    PRIMARY KEY (process_id, tool)
) WITHOUT ROWID;
