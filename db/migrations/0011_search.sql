-- 0011: full-text search across what is published (processes, news, pages;
-- features add their contributions the same way). FTS5 with diacritics
-- removed, so "velo" finds "vélo" and "strasse" finds "Straße" spelt "Strasse".
-- Triggers keep the index in step with the tables; drafts are never indexed.

CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED,
    ref_id UNINDEXED,
    url UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER news_search_insert AFTER INSERT ON news WHEN new.status = 'published' BEGIN
    INSERT INTO search_index (kind, ref_id, url, title, body)
    VALUES ('news', new.id, '/news/' || new.slug, new.title, new.summary || ' ' || new.body);
END;
CREATE TRIGGER news_search_update AFTER UPDATE ON news BEGIN
    DELETE FROM search_index WHERE kind = 'news' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, url, title, body)
    SELECT 'news', new.id, '/news/' || new.slug, new.title, new.summary || ' ' || new.body
    WHERE new.status = 'published';
END;
CREATE TRIGGER news_search_delete AFTER DELETE ON news BEGIN
    DELETE FROM search_index WHERE kind = 'news' AND ref_id = old.id;
END;

CREATE TRIGGER pages_search_insert AFTER INSERT ON pages BEGIN
    INSERT INTO search_index (kind, ref_id, url, title, body)
    VALUES ('page', new.id, '/pages/' || new.slug, new.title, new.body);
END;
CREATE TRIGGER pages_search_update AFTER UPDATE ON pages BEGIN
    DELETE FROM search_index WHERE kind = 'page' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, url, title, body)
    VALUES ('page', new.id, '/pages/' || new.slug, new.title, new.body);
END;
CREATE TRIGGER pages_search_delete AFTER DELETE ON pages BEGIN
    DELETE FROM search_index WHERE kind = 'page' AND ref_id = old.id;
END;

CREATE TRIGGER processes_search_insert AFTER INSERT ON processes WHEN new.status = 'published' BEGIN
    INSERT INTO search_index (kind, ref_id, url, title, body)
    VALUES ('process', new.id, '/processes/' || new.slug, new.title, new.summary || ' ' || new.body);
END;
CREATE TRIGGER processes_search_update AFTER UPDATE OF slug, title, summary, body, status ON processes BEGIN
    DELETE FROM search_index WHERE kind = 'process' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, url, title, body)
    SELECT 'process', new.id, '/processes/' || new.slug, new.title, new.summary || ' ' || new.body
    WHERE new.status = 'published';
END;
CREATE TRIGGER processes_search_delete AFTER DELETE ON processes BEGIN
    DELETE FROM search_index WHERE kind = 'process' AND ref_id = old.id;
END;

-- What exists already.
INSERT INTO search_index (kind, ref_id, url, title, body)
SELECT 'news', id, '/news/' || slug, title, summary || ' ' || body FROM news WHERE status = 'published';
INSERT INTO search_index (kind, ref_id, url, title, body)
SELECT 'page', id, '/pages/' || slug, title, body FROM pages;
INSERT INTO search_index (kind, ref_id, url, title, body)
SELECT 'process', id, '/processes/' || slug, title, summary || ' ' || body FROM processes WHERE status = 'published';
