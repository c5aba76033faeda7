-- 0012: staff-written content in other languages. A missing translation falls
-- back to the commune's default language (with a note to the visitor).

CREATE TABLE translations (
    entity    TEXT NOT NULL CHECK (entity IN ('process', 'phase', 'news', 'page')),
    entity_id INTEGER NOT NULL,
    locale    TEXT NOT NULL CHECK (locale IN ('fr', 'en', 'de')),
    field     TEXT NOT NULL CHECK (field IN ('title', 'summary', 'body', 'name', 'description')),
    value     TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 100000),
    PRIMARY KEY (entity, entity_id, locale, field)
) WITHOUT ROWID;

-- Translations go with what they translate.
CREATE TRIGGER news_translations_delete AFTER DELETE ON news BEGIN
    DELETE FROM translations WHERE entity = 'news' AND entity_id = old.id;
END;
CREATE TRIGGER pages_translations_delete AFTER DELETE ON pages BEGIN
    DELETE FROM translations WHERE entity = 'page' AND entity_id = old.id;
END;
CREATE TRIGGER processes_translations_delete AFTER DELETE ON processes BEGIN
    DELETE FROM translations WHERE entity = 'process' AND entity_id = old.id;
END;
CREATE TRIGGER phases_translations_delete AFTER DELETE ON process_phases BEGIN
    DELETE FROM translations WHERE entity = 'phase' AND entity_id = old.id;
END;
