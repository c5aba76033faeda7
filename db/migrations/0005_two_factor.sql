-- 0005: two-factor sign-in (TOTP) for staff, recovery codes, and the short-lived
-- challenges between the password step and the code step.

ALTER TABLE users ADD COLUMN totp_secret TEXT CHECK (totp_secret IS NULL OR length(totp_secret) = 32);
-- A secret shown for enrolment, kept until the first code confirms it.
ALTER TABLE users ADD COLUMN totp_pending TEXT CHECK (totp_pending IS NULL OR length(totp_pending) = 32);
ALTER TABLE users ADD COLUMN totp_enabled_at INTEGER;
-- The last time step accepted: a code is never accepted twice.
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

CREATE TABLE recovery_codes (
    id        INTEGER PRIMARY KEY,
    user_id   INTEGER NOT NULL REFERENCES users (id),
    code_hash TEXT NOT NULL UNIQUE CHECK (length(code_hash) = 64),
    used_at   INTEGER
);
CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);

CREATE TABLE login_challenges (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    purpose    TEXT NOT NULL CHECK (purpose IN ('totp', 'enrol')),
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    used_at    INTEGER,
    CHECK (expires_at > created_at)
);
CREATE INDEX login_challenges_by_user ON login_challenges (user_id);
