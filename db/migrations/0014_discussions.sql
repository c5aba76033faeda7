-- 0014: discussions, and the comment mechanism every feature shares
-- (kit::comments): threaded replies to depth 3, a stance on top-level comments,
-- one reaction per person, reports, the commune's badges, soft deletion.

CREATE TABLE discussions (
    id             INTEGER PRIMARY KEY,
    process_id     INTEGER REFERENCES processes (id) ON DELETE SET NULL,
    slug           TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 120 AND slug NOT GLOB '*[^a-z0-9-]*'),
    question       TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 300),
    -- Markdown.
    context        TEXT NOT NULL DEFAULT '' CHECK (length(context) <= 20000),
    opens_on       TEXT NOT NULL CHECK (date(opens_on) IS opens_on),
    closes_on      TEXT NOT NULL CHECK (date(closes_on) IS closes_on),
    status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    -- Who opened it (staff, or a citizen when the process allows).
    user_id        INTEGER REFERENCES users (id),
    comments_count INTEGER NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    CHECK (closes_on >= opens_on)
);
CREATE INDEX discussions_by_process ON discussions (process_id, status);
CREATE INDEX discussions_by_user ON discussions (user_id);

CREATE TABLE comments (
    id          INTEGER PRIMARY KEY,
    resource    TEXT NOT NULL CHECK (resource IN ('discussion', 'proposal', 'news')),
    resource_id INTEGER NOT NULL,
    parent_id   INTEGER REFERENCES comments (id),
    depth       INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 3),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    stance      TEXT CHECK (stance IN ('for', 'against', 'neutral')),
    up          INTEGER NOT NULL DEFAULT 0 CHECK (up >= 0),
    down        INTEGER NOT NULL DEFAULT 0 CHECK (down >= 0),
    replies     INTEGER NOT NULL DEFAULT 0 CHECK (replies >= 0),
    badge       TEXT CHECK (badge IN ('official', 'impact')),
    created_at  INTEGER NOT NULL,
    edited_at   INTEGER,
    -- Withdrawn by its author: the text goes, the place in the thread stays.
    deleted_at  INTEGER,
    -- Hidden by a moderator, pending review (moderators still see it).
    hidden_at   INTEGER,
    CHECK (depth = 1 OR stance IS NULL),
    CHECK ((depth = 1) = (parent_id IS NULL))
);
CREATE INDEX comments_by_resource ON comments (resource, resource_id, depth, created_at);
CREATE INDEX comments_by_parent ON comments (parent_id);
CREATE INDEX comments_by_user ON comments (user_id);

CREATE TABLE comment_reactions (
    comment_id INTEGER NOT NULL REFERENCES comments (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    reaction   TEXT NOT NULL CHECK (reaction IN ('up', 'down')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (comment_id, user_id)
) WITHOUT ROWID;
CREATE INDEX comment_reactions_by_user ON comment_reactions (user_id);

CREATE TABLE comment_reports (
    id         INTEGER PRIMARY KEY,
    comment_id INTEGER NOT NULL REFERENCES comments (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    reason     TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    created_at INTEGER NOT NULL,
    UNIQUE (comment_id, user_id)
);
CREATE INDEX comment_reports_by_user ON comment_reports (user_id);

-- Who took part in a process, once each (the process's participant counter).
CREATE TABLE process_participants (
    process_id INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (process_id, user_id)
) WITHOUT ROWID;
CREATE INDEX process_participants_by_user ON process_participants (user_id);

-- Published discussions are searchable and count as content.
CREATE TRIGGER discussions_search_insert AFTER INSERT ON discussions WHEN new.status = 'published' BEGIN
    INSERT INTO search_index (kind, ref_id, url, title, body)
    VALUES ('discussion', new.id, '/discussions/' || new.slug, new.question, new.context);
END;
CREATE TRIGGER discussions_search_update AFTER UPDATE OF slug, question, context, status ON discussions BEGIN
    DELETE FROM search_index WHERE kind = 'discussion' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, url, title, body)
    SELECT 'discussion', new.id, '/discussions/' || new.slug, new.question, new.context
    WHERE new.status = 'published';
END;
CREATE TRIGGER discussions_rev_i AFTER INSERT ON discussions BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER discussions_rev_u AFTER UPDATE ON discussions BEGIN UPDATE content_revision SET n = n + 1; END;
