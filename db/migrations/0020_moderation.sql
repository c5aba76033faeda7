-- 0020: the moderation queue. A report stays open until a moderator settles
-- it (the comment hidden, restored, or the report dismissed); a comment with
-- enough open reports (the setting moderation.report_threshold, default 3)
-- is hidden at once, pending review.
ALTER TABLE comment_reports ADD COLUMN resolved_at INTEGER;
ALTER TABLE comment_reports ADD COLUMN resolution TEXT CHECK (resolution IN ('hidden', 'restored', 'dismissed'));
ALTER TABLE comment_reports ADD COLUMN resolved_by INTEGER REFERENCES users (id);
CREATE INDEX comment_reports_open ON comment_reports (comment_id, created_at) WHERE resolved_at IS NULL;
