-- 0003: the mail outbox (every mail, whether or not an API delivers it) and
-- single-use email tokens (confirmation, password reset), stored hashed.

CREATE TABLE mail_outbox (
    id          INTEGER PRIMARY KEY,
    created_at  INTEGER NOT NULL,
    to_email    TEXT NOT NULL CHECK (length(to_email) BETWEEN 3 AND 254),
    -- NULL when the mail is about an address with no account (or a deleted one).
    user_id     INTEGER REFERENCES users (id),
    locale      TEXT NOT NULL CHECK (locale IN ('fr', 'en', 'de')),
    kind        TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
    subject     TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    body_text   TEXT NOT NULL,
    body_html   TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error  TEXT,
    sent_at     INTEGER
);
CREATE INDEX mail_outbox_by_status ON mail_outbox (status, id);
CREATE INDEX mail_outbox_by_user ON mail_outbox (user_id);

CREATE TABLE email_tokens (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    purpose     TEXT NOT NULL CHECK (purpose IN ('confirm', 'reset')),
    -- SHA-256 of the token sent by mail (hex); the token itself is never stored.
    token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER,
    CHECK (expires_at > created_at)
);
CREATE INDEX email_tokens_by_user ON email_tokens (user_id, purpose);
