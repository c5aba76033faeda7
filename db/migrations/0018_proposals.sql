-- 0018: citizen proposals (components/proposal): drafts and published
-- proposals in a process, supports counted in the same transaction, the
-- commune's status and dated answers (the history), amendments.

CREATE TABLE proposal_categories (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80),
    position INTEGER NOT NULL DEFAULT 0
);

-- Per process: supports needed to reach the threshold, and supports each
-- person may give (NULL: no threshold, no limit).
ALTER TABLE processes ADD COLUMN support_threshold INTEGER CHECK (support_threshold IS NULL OR support_threshold >= 1);
ALTER TABLE processes ADD COLUMN support_limit INTEGER CHECK (support_limit IS NULL OR support_limit >= 1);

CREATE TABLE proposals (
    id                   INTEGER PRIMARY KEY,
    process_id           INTEGER NOT NULL REFERENCES processes (id),
    user_id              INTEGER NOT NULL REFERENCES users (id),
    title                TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
    -- Markdown.
    body                 TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    category_id          INTEGER REFERENCES proposal_categories (id) ON DELETE SET NULL,
    district_id          INTEGER REFERENCES districts (id) ON DELETE SET NULL,
    address              TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 300),
    latitude             REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    longitude            REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
    image_id             INTEGER REFERENCES images (id) ON DELETE SET NULL,
    state                TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published')),
    status               TEXT NOT NULL DEFAULT 'open'
                         CHECK (status IN ('open', 'review', 'accepted', 'rejected', 'progress', 'done')),
    supports             INTEGER NOT NULL DEFAULT 0 CHECK (supports >= 0),
    comments_count       INTEGER NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
    -- A fixed random number: "random" order starts at a visitor's seed in it.
    shuffle              INTEGER NOT NULL,
    threshold_reached_at INTEGER,
    published_at         INTEGER,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK ((state = 'published') = (published_at IS NOT NULL))
);
-- One index per order of the list (keyset pagination walks them).
CREATE INDEX proposals_newest ON proposals (process_id, state, published_at DESC, id DESC);
CREATE INDEX proposals_supported ON proposals (process_id, state, supports DESC, id DESC);
CREATE INDEX proposals_random ON proposals (process_id, state, shuffle, id);
-- A status filter (answered proposals are few) walks its own indexes.
CREATE INDEX proposals_status_newest ON proposals (process_id, state, status, published_at DESC, id DESC);
CREATE INDEX proposals_status_supported ON proposals (process_id, state, status, supports DESC, id DESC);
CREATE INDEX proposals_status_random ON proposals (process_id, state, status, shuffle, id);
CREATE INDEX proposals_by_user ON proposals (user_id);

CREATE TABLE proposal_supports (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    process_id  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, user_id)
) WITHOUT ROWID;
CREATE INDEX proposal_supports_by_user ON proposal_supports (user_id, process_id);

-- The commune's answers: each status change with its dated public text.
CREATE TABLE proposal_answers (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('open', 'review', 'accepted', 'rejected', 'progress', 'done')),
    body        TEXT NOT NULL CHECK (length(body) <= 10000),
    user_id     INTEGER REFERENCES users (id),
    created_at  INTEGER NOT NULL,
    CHECK (status != 'rejected' OR length(trim(body)) > 0)
);
CREATE INDEX proposal_answers_by_proposal ON proposal_answers (proposal_id, created_at);
CREATE INDEX proposal_answers_by_user ON proposal_answers (user_id);

-- An amended text a citizen suggests; the author accepts or rejects it.
CREATE TABLE proposal_amendments (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
    created_at  INTEGER NOT NULL,
    decided_at  INTEGER
);
CREATE INDEX proposal_amendments_by_proposal ON proposal_amendments (proposal_id, state);
CREATE INDEX proposal_amendments_by_user ON proposal_amendments (user_id);

-- Published proposals are searchable (and "similar proposals" use the index).
CREATE TRIGGER proposals_search_insert AFTER INSERT ON proposals WHEN new.state = 'published' BEGIN
    INSERT INTO search_index (kind, ref_id, url, title, body)
    VALUES ('proposal', new.id, '/proposals/' || new.id, new.title, new.body);
END;
CREATE TRIGGER proposals_search_update AFTER UPDATE OF title, body, state ON proposals BEGIN
    DELETE FROM search_index WHERE kind = 'proposal' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, url, title, body)
    SELECT 'proposal', new.id, '/proposals/' || new.id, new.title, new.body WHERE new.state = 'published';
END;
CREATE TRIGGER proposals_rev_i AFTER INSERT ON proposals WHEN new.state = 'published' BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER proposals_rev_u AFTER UPDATE OF title, body, state, status, supports, category_id, district_id ON proposals
    BEGIN UPDATE content_revision SET n = n + 1; END;
