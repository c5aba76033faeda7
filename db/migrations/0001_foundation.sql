-- 0001 foundation: the commune's settings, identities, news and pages.
-- Shared tables (settings, users) are owned by crates/kit; integrity lives here too.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
    value TEXT NOT NULL CHECK (length(value) <= 20000)
) WITHOUT ROWID;

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    -- NULL once the account is deleted (the row stays as a tombstone).
    email                TEXT UNIQUE COLLATE NOCASE CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
    display_name         TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
    role                 TEXT NOT NULL DEFAULT 'citizen' CHECK (role IN ('citizen', 'moderator', 'admin')),
    locale               TEXT CHECK (locale IS NULL OR locale IN ('fr', 'en', 'de')),
    -- Sessions issued before this instant (unix seconds) are revoked.
    sessions_valid_after INTEGER NOT NULL DEFAULT 0,
    created_at           INTEGER NOT NULL,
    deleted_at           INTEGER
);

CREATE TABLE news (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 120 AND slug NOT GLOB '*[^a-z0-9-]*'),
    title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary      TEXT NOT NULL DEFAULT '' CHECK (length(summary) <= 1000),
    body         TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 100000),
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    published_at INTEGER,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    CHECK (status = 'draft' OR published_at IS NOT NULL)
);
CREATE INDEX news_by_publication ON news (status, published_at DESC);

CREATE TABLE pages (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 120 AND slug NOT GLOB '*[^a-z0-9-]*'),
    title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body       TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 100000),
    updated_at INTEGER NOT NULL
);
