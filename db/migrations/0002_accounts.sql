-- 0002 accounts: passwords, the security audit log, and rate-limit counters.

ALTER TABLE users ADD COLUMN password_hash TEXT CHECK (password_hash IS NULL OR password_hash LIKE '$argon2id$%');
ALTER TABLE users ADD COLUMN email_confirmed_at INTEGER;

-- Security and staff actions (login ok/failed, setup, role changes…), readable by admins.
CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    action   TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
    -- What the action was about (an email for a failed login, a user id…).
    subject  TEXT CHECK (subject IS NULL OR length(subject) <= 320),
    ip       TEXT CHECK (ip IS NULL OR length(ip) <= 64)
);
CREATE INDEX audit_log_by_time ON audit_log (at DESC);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, at DESC);

-- Fixed-window counters: one row per bucket ("login-ip:1.2.3.4") and window start.
CREATE TABLE rate_limits (
    bucket       TEXT NOT NULL CHECK (length(bucket) <= 400),
    window_start INTEGER NOT NULL,
    hits         INTEGER NOT NULL CHECK (hits >= 0),
    PRIMARY KEY (bucket, window_start)
) WITHOUT ROWID;
