-- 0023: idempotency keys. Every form carries a fresh key (`_once`); the gate
-- claims it before the write and keeps the answer, so a replayed or
-- double-clicked submit has one effect and shows the same result. Keys are
-- scoped to the session (or pre-session) that rendered the form: `scope` is
-- the SHA-256 of that binding, never the binding itself. Kept a day.
CREATE TABLE idempotency_keys (
    scope        TEXT    NOT NULL,
    key          TEXT    NOT NULL CHECK (length(key) BETWEEN 16 AND 64),
    path         TEXT    NOT NULL,
    claimed_at   INTEGER NOT NULL,
    -- NULL while the first request is running.
    status       INTEGER CHECK (status IS NULL OR status BETWEEN 200 AND 399),
    location     TEXT,
    content_type TEXT,
    body         BLOB,
    PRIMARY KEY (scope, key)
) WITHOUT ROWID;

CREATE INDEX idempotency_keys_claimed ON idempotency_keys (claimed_at);
