-- 0013: a revision number bumped by every change to what public pages show,
-- so components may keep rendered pages for anonymous visitors until it moves.

CREATE TABLE content_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO content_revision (id, n) VALUES (1, 0);

CREATE TRIGGER settings_rev_i AFTER INSERT ON settings BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER settings_rev_u AFTER UPDATE ON settings BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER settings_rev_d AFTER DELETE ON settings BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER news_rev_i AFTER INSERT ON news BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER news_rev_u AFTER UPDATE ON news BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER news_rev_d AFTER DELETE ON news BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER pages_rev_i AFTER INSERT ON pages BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER pages_rev_u AFTER UPDATE ON pages BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER pages_rev_d AFTER DELETE ON pages BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER processes_rev_i AFTER INSERT ON processes BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER processes_rev_u AFTER UPDATE ON processes BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER processes_rev_d AFTER DELETE ON processes BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER phases_rev_i AFTER INSERT ON process_phases BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER phases_rev_u AFTER UPDATE ON process_phases BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER phases_rev_d AFTER DELETE ON process_phases BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER translations_rev_i AFTER INSERT ON translations BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER translations_rev_u AFTER UPDATE ON translations BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER translations_rev_d AFTER DELETE ON translations BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER activity_rev_i AFTER INSERT ON activity BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER activity_rev_d AFTER DELETE ON activity BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER districts_rev_u AFTER UPDATE ON districts BEGIN UPDATE content_revision SET n = n + 1; END;
-- People: the key figures count them; feeds show their names.
CREATE TRIGGER users_rev_i AFTER INSERT ON users BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER users_rev_u AFTER UPDATE OF display_name, role, deleted_at ON users BEGIN UPDATE content_revision SET n = n + 1; END;
-- Follower counts show on process pages and profiles.
CREATE TRIGGER follows_rev_i AFTER INSERT ON follows BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER follows_rev_d AFTER DELETE ON follows BEGIN UPDATE content_revision SET n = n + 1; END;
