-- 0036: the town-hall desk's accounts (crates/identity). For a resident
-- without internet, staff at the desk create an account without an email
-- address (users.email NULL, deleted_at NULL) and verify them in person. The
-- resident may later take the account online with an email: staff give them
-- a claim code, kept only as a keyed hash (the gate's key), typed back at
-- /account/claim with the address and a password.
CREATE TABLE desk_accounts (
    user_id         INTEGER PRIMARY KEY REFERENCES users (id),
    registered_by   INTEGER REFERENCES users (id),
    registered_at   INTEGER NOT NULL,
    code_hash       TEXT CHECK (code_hash IS NULL OR length(code_hash) = 64),
    code_expires_at INTEGER,
    claimed_at      INTEGER,
    CHECK ((code_hash IS NULL) = (code_expires_at IS NULL)),
    CHECK (claimed_at IS NULL OR code_hash IS NULL)
);
CREATE INDEX desk_accounts_by_staff ON desk_accounts (registered_by) WHERE registered_by IS NOT NULL;
CREATE UNIQUE INDEX desk_accounts_by_code ON desk_accounts (code_hash) WHERE code_hash IS NOT NULL;
