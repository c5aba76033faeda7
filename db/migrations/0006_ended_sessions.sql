-- 0006: sessions ended before their expiry (log out, re-authentication). Session
-- cookies are self-contained, so the gate checks this list (ASVS 7.4.1);
-- "log out everywhere" uses users.sessions_valid_after instead.

CREATE TABLE ended_sessions (
    session_id TEXT PRIMARY KEY NOT NULL CHECK (length(session_id) BETWEEN 16 AND 64),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    ended_at   INTEGER NOT NULL,
    -- When the cookie would have expired anyway: the row can go after that.
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX ended_sessions_by_expiry ON ended_sessions (expires_at);
CREATE INDEX ended_sessions_by_user ON ended_sessions (user_id);
