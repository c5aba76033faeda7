-- 0020: the moderation queue. A report stays open until a moderator settles
-- it (the comment hidden, restored, or the report dismissed); a comment with
-- enough open reports (the setting moderation.report_threshold, default 3)
-- is hidden at once, pending review.
ALTER TABLE comment_reports ADD COLUMN resolved_at INTEGER;
ALTER TABLE comment_reports ADD COLUMN resolution TEXT CHECK (resolution IN ('hidden', 'restored', 'dismissed'));
ALTER TABLE comment_reports ADD COLUMN resolved_by INTEGER REFERENCES users (id);
CREATE INDEX comment_reports_open ON comment_reports (comment_id, created_at) WHERE resolved_at IS NULL;

-- Blocked accounts (issue 8's "people"): they may still read, sign out, see and
-- export their data or delete their account, but write nothing else (the gate
-- refuses it); their comments were hidden pending review when they were blocked.
ALTER TABLE users ADD COLUMN blocked_at INTEGER;
ALTER TABLE users ADD COLUMN blocked_reason TEXT CHECK (blocked_reason IS NULL OR length(blocked_reason) BETWEEN 1 AND 500);

-- Trusted people's comments skip the keyword pre-moderation.
ALTER TABLE users ADD COLUMN trusted INTEGER NOT NULL DEFAULT 0 CHECK (trusted IN (0, 1));
