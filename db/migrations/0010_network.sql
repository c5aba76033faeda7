-- 0010: the citizen network. People follow processes and other people; every
-- feature writes what happens to `activity` (through kit::activity), which
-- feeds the public activity lists and, for followers, in-app notifications.

CREATE TABLE follows (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('process', 'user')),
    target_id   INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (user_id, target_kind, target_id),
    CHECK (NOT (target_kind = 'user' AND target_id = user_id))
);
CREATE INDEX follows_by_target ON follows (target_kind, target_id);

CREATE TABLE activity (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    -- Who did it; NULL for the commune itself (a phase opening, news).
    actor_id    INTEGER REFERENCES users (id),
    kind        TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
    process_id  INTEGER REFERENCES processes (id) ON DELETE SET NULL,
    -- What it is about, in a few words, and where to see it.
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    url         TEXT NOT NULL CHECK (url GLOB '/*' AND length(url) <= 300),
    -- Shown in public feeds (0: only to the people notified).
    public      INTEGER NOT NULL DEFAULT 1 CHECK (public IN (0, 1))
);
CREATE INDEX activity_by_time ON activity (public, at DESC);
CREATE INDEX activity_by_actor ON activity (actor_id, at DESC);
CREATE INDEX activity_by_process ON activity (process_id, at DESC);

CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    read_at     INTEGER,
    UNIQUE (user_id, activity_id)
);
CREATE INDEX notifications_by_user ON notifications (user_id, read_at, id DESC);

-- A phase is announced once when it opens (the first request of that day).
ALTER TABLE process_phases ADD COLUMN opened_announced INTEGER NOT NULL DEFAULT 0
    CHECK (opened_announced IN (0, 1));
CREATE INDEX process_phases_to_announce ON process_phases (opened_announced, starts_on);
-- Phases already open when this is applied are not news any more.
UPDATE process_phases SET opened_announced = 1 WHERE starts_on <= date('now');
