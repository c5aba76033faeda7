-- 0025: closing the loop. The report (bilan) staff publish at the end of a
-- process, the dated milestones of accepted proposals, and why a comment was
-- hidden (the public moderation statistics count hidden items by cause).
CREATE TABLE process_reports (
    process_id   INTEGER PRIMARY KEY REFERENCES processes (id) ON DELETE CASCADE,
    commentary   TEXT NOT NULL DEFAULT '' CHECK (length(commentary) <= 20000),
    commitments  TEXT NOT NULL DEFAULT '' CHECK (length(commitments) <= 20000),
    published_at INTEGER,
    version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    user_id      INTEGER REFERENCES users (id),
    updated_at   INTEGER NOT NULL
);

CREATE TABLE proposal_milestones (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL CHECK (date(on_date) IS on_date),
    percent     INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    user_id     INTEGER REFERENCES users (id),
    created_at  INTEGER NOT NULL
);
CREATE INDEX proposal_milestones_by_proposal ON proposal_milestones (proposal_id, on_date, id);

-- Why a comment is hidden: held for a banned word, hidden after reports, by a
-- moderator's decision, or with every comment of a blocked author. Comments
-- hidden before this migration: 'keyword' when the author's own report holds
-- them (what a hold writes), 'moderator' when a report was resolved as
-- hidden, else 'reports'.
ALTER TABLE comments ADD COLUMN hidden_reason TEXT
    CHECK (hidden_reason IS NULL OR hidden_reason IN ('keyword', 'reports', 'moderator', 'blocked'));
UPDATE comments SET hidden_reason = CASE
        WHEN EXISTS (SELECT 1 FROM comment_reports r WHERE r.comment_id = comments.id AND r.user_id = comments.user_id)
            THEN 'keyword'
        WHEN EXISTS (SELECT 1 FROM comment_reports r WHERE r.comment_id = comments.id AND r.resolution = 'hidden')
            THEN 'moderator'
        ELSE 'reports' END
    WHERE hidden_at IS NOT NULL;

-- Public pages kept for anonymous visitors show reports and milestones.
CREATE TRIGGER process_reports_rev_i AFTER INSERT ON process_reports BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER process_reports_rev_u AFTER UPDATE ON process_reports BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER process_reports_rev_d AFTER DELETE ON process_reports BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER proposal_milestones_rev_i AFTER INSERT ON proposal_milestones BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER proposal_milestones_rev_d AFTER DELETE ON proposal_milestones BEGIN UPDATE content_revision SET n = n + 1; END;
