-- 0004: the profile a person edits (short bio, notification choices).

ALTER TABLE users ADD COLUMN bio TEXT CHECK (bio IS NULL OR length(bio) <= 1000);
-- Mails about the processes the person follows (phases, answers to proposals…).
ALTER TABLE users ADD COLUMN notify_followed INTEGER NOT NULL DEFAULT 1 CHECK (notify_followed IN (0, 1));
-- Mails when the commune publishes news.
ALTER TABLE users ADD COLUMN notify_news INTEGER NOT NULL DEFAULT 0 CHECK (notify_news IN (0, 1));
