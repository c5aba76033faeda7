-- 0017: public pages rendered for nobody in particular, shared by every
-- instance (kit::cache): a fresh instance serves what another one rendered
-- for the same content revision and day, instead of rendering it again.
-- Nothing personal: only anonymous visitors' pages are kept.

CREATE TABLE page_cache (
    id       INTEGER PRIMARY KEY,
    path     TEXT NOT NULL CHECK (length(path) BETWEEN 1 AND 500),
    locale   TEXT NOT NULL CHECK (locale IN ('fr', 'en', 'de')),
    revision INTEGER NOT NULL,
    day      INTEGER NOT NULL,
    -- "name: value" lines.
    headers  TEXT NOT NULL,
    body     BLOB NOT NULL CHECK (length(body) <= 524288),
    UNIQUE (path, locale)
);

-- Public questionnaire pages show parts and questions: changing them is news.
CREATE TRIGGER questions_rev_i AFTER INSERT ON questions BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER questions_rev_u AFTER UPDATE ON questions BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER questions_rev_d AFTER DELETE ON questions BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER questionnaire_sections_rev_i AFTER INSERT ON questionnaire_sections BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER questionnaire_sections_rev_u AFTER UPDATE ON questionnaire_sections BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER questionnaire_sections_rev_d AFTER DELETE ON questionnaire_sections BEGIN UPDATE content_revision SET n = n + 1; END;
