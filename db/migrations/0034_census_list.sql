-- 0034: the census list (crates/identity): the commune's list of residents
-- (its electoral or population register, as a CSV), kept only as keyed
-- hashes of (family name, given name, birth date, postal code): the key is
-- the gate's, never stored, so that a copy of the database reveals nothing of
-- the list. A resident who declares details matching a row is verified, and
-- the row is theirs (a row verifies one person once). A new import replaces
-- the rows not used yet.
CREATE TABLE census_imports (
    id          INTEGER PRIMARY KEY,
    rows        INTEGER NOT NULL CHECK (rows >= 0),
    refused     INTEGER NOT NULL CHECK (refused >= 0),
    imported_by INTEGER REFERENCES users (id),
    imported_at INTEGER NOT NULL
);

CREATE TABLE census_entries (
    hash        TEXT PRIMARY KEY CHECK (length(hash) = 64),
    district_id INTEGER REFERENCES districts (id) ON DELETE SET NULL,
    import_id   INTEGER NOT NULL REFERENCES census_imports (id),
    used_by     INTEGER REFERENCES users (id),
    used_at     INTEGER
) WITHOUT ROWID;
CREATE INDEX census_entries_by_user ON census_entries (used_by) WHERE used_by IS NOT NULL;
