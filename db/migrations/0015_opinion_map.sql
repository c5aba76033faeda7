-- 0015: the opinion map of a discussion (short statements, agree / disagree /
-- pass votes, the computed map cached), following a single discussion, and
-- processes that let citizens open discussions.

-- A discussion may carry an opinion map.
ALTER TABLE discussions ADD COLUMN opinion_map INTEGER NOT NULL DEFAULT 0 CHECK (opinion_map IN (0, 1));
-- A process may let signed-in citizens open discussions while a phase with
-- the discussion tool is under way.
ALTER TABLE processes ADD COLUMN citizen_discussions INTEGER NOT NULL DEFAULT 0
    CHECK (citizen_discussions IN (0, 1));

CREATE TABLE opinion_statements (
    id            INTEGER PRIMARY KEY,
    discussion_id INTEGER NOT NULL REFERENCES discussions (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    body          TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 140),
    -- Citizens' statements wait for a moderator; staff statements are accepted.
    status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
    -- Vote counters, kept by the triggers below.
    agree         INTEGER NOT NULL DEFAULT 0 CHECK (agree >= 0),
    disagree      INTEGER NOT NULL DEFAULT 0 CHECK (disagree >= 0),
    pass          INTEGER NOT NULL DEFAULT 0 CHECK (pass >= 0),
    created_at    INTEGER NOT NULL,
    moderated_at  INTEGER
);
CREATE INDEX opinion_statements_by_discussion ON opinion_statements (discussion_id, status);
CREATE INDEX opinion_statements_by_user ON opinion_statements (user_id);

CREATE TABLE opinion_votes (
    statement_id  INTEGER NOT NULL REFERENCES opinion_statements (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    -- The statement's discussion, so the map reads its votes in one range.
    discussion_id INTEGER NOT NULL,
    vote          TEXT NOT NULL CHECK (vote IN ('agree', 'disagree', 'pass')),
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (statement_id, user_id)
) WITHOUT ROWID;
CREATE INDEX opinion_votes_by_discussion ON opinion_votes (discussion_id, user_id);
CREATE INDEX opinion_votes_by_user ON opinion_votes (user_id);

-- Each person's votes in a discussion packed in one row ("12a,15d,16p": the
-- statement id and the vote's initial, in voting order; a later entry for a
-- statement replaces an earlier one), kept by the triggers below. The map
-- reads one row per participant instead of one per vote: 2,000 rows, not
-- 360,000, at commune scale.
CREATE TABLE opinion_ballots (
    discussion_id INTEGER NOT NULL REFERENCES discussions (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    votes         TEXT NOT NULL,
    PRIMARY KEY (discussion_id, user_id)
) WITHOUT ROWID;
CREATE INDEX opinion_ballots_by_user ON opinion_ballots (user_id);

-- The computed map of a discussion. `version` counts vote changes (the
-- triggers below); the map is recomputed when it is behind, at most once a minute.
CREATE TABLE opinion_maps (
    discussion_id    INTEGER PRIMARY KEY REFERENCES discussions (id) ON DELETE CASCADE,
    version          INTEGER NOT NULL DEFAULT 0,
    computed_version INTEGER NOT NULL DEFAULT -1,
    computed_at      INTEGER NOT NULL DEFAULT 0,
    -- JSON written by the discussion component; NULL until first computed.
    result           TEXT
);

CREATE TRIGGER opinion_votes_insert AFTER INSERT ON opinion_votes BEGIN
    UPDATE opinion_statements
       SET agree = agree + (new.vote = 'agree'),
           disagree = disagree + (new.vote = 'disagree'),
           pass = pass + (new.vote = 'pass')
     WHERE id = new.statement_id;
    INSERT INTO opinion_ballots (discussion_id, user_id, votes)
        VALUES (new.discussion_id, new.user_id, new.statement_id || substr(new.vote, 1, 1))
        ON CONFLICT (discussion_id, user_id) DO UPDATE SET votes = votes || ',' || excluded.votes;
    INSERT INTO opinion_maps (discussion_id, version) VALUES (new.discussion_id, 1)
        ON CONFLICT (discussion_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER opinion_votes_update AFTER UPDATE OF vote ON opinion_votes BEGIN
    UPDATE opinion_statements
       SET agree = agree + (new.vote = 'agree') - (old.vote = 'agree'),
           disagree = disagree + (new.vote = 'disagree') - (old.vote = 'disagree'),
           pass = pass + (new.vote = 'pass') - (old.vote = 'pass')
     WHERE id = new.statement_id;
    UPDATE opinion_ballots SET votes = votes || ',' || new.statement_id || substr(new.vote, 1, 1)
     WHERE discussion_id = new.discussion_id AND user_id = new.user_id;
    INSERT INTO opinion_maps (discussion_id, version) VALUES (new.discussion_id, 1)
        ON CONFLICT (discussion_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER opinion_votes_delete AFTER DELETE ON opinion_votes BEGIN
    UPDATE opinion_statements
       SET agree = agree - (old.vote = 'agree'),
           disagree = disagree - (old.vote = 'disagree'),
           pass = pass - (old.vote = 'pass')
     WHERE id = old.statement_id;
    UPDATE opinion_ballots
       SET votes = coalesce((SELECT group_concat(statement_id || substr(vote, 1, 1)) FROM opinion_votes
                              WHERE discussion_id = old.discussion_id AND user_id = old.user_id), '')
     WHERE discussion_id = old.discussion_id AND user_id = old.user_id;
    INSERT INTO opinion_maps (discussion_id, version) VALUES (old.discussion_id, 1)
        ON CONFLICT (discussion_id) DO UPDATE SET version = version + 1;
END;
-- Accepting or rejecting a statement changes the map too.
CREATE TRIGGER opinion_statements_moderated AFTER UPDATE OF status ON opinion_statements BEGIN
    INSERT INTO opinion_maps (discussion_id, version) VALUES (new.discussion_id, 1)
        ON CONFLICT (discussion_id) DO UPDATE SET version = version + 1;
END;

-- People may follow a single discussion: the follows table accepts the new
-- kind (SQLite changes a CHECK by rebuilding the table).
CREATE TABLE follows_new (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('process', 'user', 'discussion')),
    target_id   INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (user_id, target_kind, target_id),
    CHECK (NOT (target_kind = 'user' AND target_id = user_id))
);
INSERT INTO follows_new (id, user_id, target_kind, target_id, created_at)
    SELECT id, user_id, target_kind, target_id, created_at FROM follows;
DROP TABLE follows;
ALTER TABLE follows_new RENAME TO follows;
CREATE INDEX follows_by_target ON follows (target_kind, target_id);
CREATE TRIGGER follows_rev_i AFTER INSERT ON follows BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER follows_rev_d AFTER DELETE ON follows BEGIN UPDATE content_revision SET n = n + 1; END;
