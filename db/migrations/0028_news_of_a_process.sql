-- 0028: a news item may belong to a process (NULL: the whole commune's
-- news); the process page shows its own, newest first.
ALTER TABLE news ADD COLUMN process_id INTEGER REFERENCES processes (id) ON DELETE SET NULL;
CREATE INDEX news_by_process ON news (process_id, status, published_at DESC);
