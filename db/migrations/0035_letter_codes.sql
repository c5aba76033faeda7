-- 0035: letter codes (crates/identity). A resident without another way asks
-- for a letter at their address in the commune; staff print the letters (a
-- PDF from the back-office), each with a code kept only as a keyed hash (the
-- gate's key, never stored); the resident types the code back and is
-- verified. The address is kept only until then: typed back, cancelled,
-- replaced or expired, the request keeps no name and no address.
CREATE TABLE letter_requests (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    -- The letter's language: the resident's when they asked.
    locale       TEXT NOT NULL CHECK (locale IN ('fr', 'en', 'de')),
    recipient    TEXT NOT NULL,
    address      TEXT NOT NULL,
    postal_code  TEXT NOT NULL,
    town         TEXT NOT NULL,
    district_id  INTEGER REFERENCES districts (id) ON DELETE SET NULL,
    requested_at INTEGER NOT NULL,
    printed_at   INTEGER,
    printed_by   INTEGER REFERENCES users (id),
    code_hash    TEXT CHECK (code_hash IS NULL OR length(code_hash) = 64),
    expires_at   INTEGER,
    closed_at    INTEGER,
    outcome      TEXT CHECK (outcome IN ('used', 'cancelled', 'expired')),
    CHECK ((printed_at IS NULL) = (code_hash IS NULL)),
    CHECK ((printed_at IS NULL) = (expires_at IS NULL)),
    CHECK ((closed_at IS NULL) = (outcome IS NULL)),
    -- Closed, it keeps no name and no address.
    CHECK (closed_at IS NULL OR (recipient = '' AND address = '' AND town = ''))
);
-- One open request per person.
CREATE UNIQUE INDEX letter_requests_open ON letter_requests (user_id) WHERE closed_at IS NULL;
CREATE INDEX letter_requests_to_print ON letter_requests (requested_at)
    WHERE printed_at IS NULL AND closed_at IS NULL;
CREATE INDEX letter_requests_by_staff ON letter_requests (printed_by) WHERE printed_by IS NOT NULL;
