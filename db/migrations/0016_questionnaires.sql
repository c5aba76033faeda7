-- 0016: questionnaires (components/questionnaire): sections, questions of
-- ten kinds with conditions, responses saved section by section, answers,
-- and per-question tallies kept as each response is submitted, so results
-- read a few rows whatever the number of responses.

CREATE TABLE questionnaires (
    id               INTEGER PRIMARY KEY,
    process_id       INTEGER REFERENCES processes (id) ON DELETE SET NULL,
    slug             TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 120 AND slug NOT GLOB '*[^a-z0-9-]*'),
    title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    -- Markdown.
    intro            TEXT NOT NULL DEFAULT '' CHECK (length(intro) <= 20000),
    opens_on         TEXT NOT NULL CHECK (date(opens_on) IS opens_on),
    closes_on        TEXT NOT NULL CHECK (date(closes_on) IS closes_on),
    status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    -- Anyone may answer, once per browser, with no link to any account.
    anonymous        INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
    -- Results shown to everyone, from this day (NULL: at once).
    results_public   INTEGER NOT NULL DEFAULT 0 CHECK (results_public IN (0, 1)),
    results_from     TEXT CHECK (results_from IS NULL OR date(results_from) IS results_from),
    -- The open-data export includes free-text answers.
    open_data_text   INTEGER NOT NULL DEFAULT 0 CHECK (open_data_text IN (0, 1)),
    -- A questionnaire whose questions changed after answers came is a new version.
    version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    previous_id      INTEGER REFERENCES questionnaires (id) ON DELETE SET NULL,
    responses_count  INTEGER NOT NULL DEFAULT 0 CHECK (responses_count >= 0),
    user_id          INTEGER REFERENCES users (id),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    CHECK (closes_on >= opens_on)
);
CREATE INDEX questionnaires_by_process ON questionnaires (process_id, status);
CREATE INDEX questionnaires_by_user ON questionnaires (user_id);

CREATE TABLE questionnaire_sections (
    id               INTEGER PRIMARY KEY,
    questionnaire_id INTEGER NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL CHECK (position >= 0),
    title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description      TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 5000)
);
CREATE INDEX questionnaire_sections_by_questionnaire ON questionnaire_sections (questionnaire_id, position);

CREATE TABLE questions (
    id                 INTEGER PRIMARY KEY,
    questionnaire_id   INTEGER NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
    section_id         INTEGER NOT NULL REFERENCES questionnaire_sections (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL CHECK (position >= 0),
    kind               TEXT NOT NULL CHECK (kind IN ('short_text', 'long_text', 'single', 'multiple', 'scale',
                                                      'ranking', 'matrix', 'number', 'date', 'yes_no')),
    label              TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 500),
    help               TEXT NOT NULL DEFAULT '' CHECK (length(help) <= 1000),
    required           INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
    -- One per line: the choices, or a matrix's columns; and a matrix's rows.
    options            TEXT NOT NULL DEFAULT '' CHECK (length(options) <= 10000),
    rows               TEXT NOT NULL DEFAULT '' CHECK (length(rows) <= 10000),
    other              INTEGER NOT NULL DEFAULT 0 CHECK (other IN (0, 1)),
    -- Multiple choice: selections; number: bounds; scale: max is the top.
    min                INTEGER,
    max                INTEGER,
    -- A scale's end labels.
    min_label          TEXT NOT NULL DEFAULT '' CHECK (length(min_label) <= 100),
    max_label          TEXT NOT NULL DEFAULT '' CHECK (length(max_label) <= 100),
    -- Shown only when this earlier question's answer chose this option.
    condition_question INTEGER REFERENCES questions (id) ON DELETE SET NULL,
    condition_option   INTEGER CHECK (condition_option IS NULL OR condition_option >= 0)
);
CREATE INDEX questions_by_section ON questions (section_id, position);
CREATE INDEX questions_by_questionnaire ON questions (questionnaire_id);

-- A response, saved section by section until it is submitted. Signed-in
-- people have one per questionnaire; in anonymous questionnaires only the
-- SHA-256 of a random browser token is kept, never an account.
CREATE TABLE responses (
    id               INTEGER PRIMARY KEY,
    questionnaire_id INTEGER NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
    user_id          INTEGER REFERENCES users (id),
    token_hash       TEXT CHECK (token_hash IS NULL OR length(token_hash) = 64),
    status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
    -- The next section to fill in (save and resume).
    section          INTEGER NOT NULL DEFAULT 0 CHECK (section >= 0),
    -- Anonymous responses keep the day only (nothing to match with access logs).
    created_at       INTEGER NOT NULL,
    submitted_at     INTEGER,
    UNIQUE (questionnaire_id, user_id),
    UNIQUE (questionnaire_id, token_hash),
    CHECK (user_id IS NULL OR token_hash IS NULL)
);
CREATE INDEX responses_by_user ON responses (user_id);
CREATE INDEX responses_submitted ON responses (questionnaire_id, status, id);

CREATE TABLE answers (
    response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    -- As domain::questionnaire::Answer::encode writes it.
    value       TEXT NOT NULL CHECK (length(value) <= 10000),
    PRIMARY KEY (response_id, question_id)
) WITHOUT ROWID;
CREATE INDEX answers_by_question ON answers (question_id);

-- Submitted responses counted per question and bucket (an option, a scale
-- value, a rank, a matrix cell…), in the transaction that submits them.
CREATE TABLE answer_tallies (
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    bucket      TEXT NOT NULL CHECK (length(bucket) BETWEEN 1 AND 40),
    n           INTEGER NOT NULL CHECK (n >= 0),
    PRIMARY KEY (question_id, bucket)
) WITHOUT ROWID;

-- Published questionnaires are searchable and count as content.
CREATE TRIGGER questionnaires_search_insert AFTER INSERT ON questionnaires WHEN new.status = 'published' BEGIN
    INSERT INTO search_index (kind, ref_id, url, title, body)
    VALUES ('questionnaire', new.id, '/questionnaires/' || new.slug, new.title, new.intro);
END;
CREATE TRIGGER questionnaires_search_update AFTER UPDATE OF slug, title, intro, status ON questionnaires BEGIN
    DELETE FROM search_index WHERE kind = 'questionnaire' AND ref_id = old.id;
    INSERT INTO search_index (kind, ref_id, url, title, body)
    SELECT 'questionnaire', new.id, '/questionnaires/' || new.slug, new.title, new.intro
    WHERE new.status = 'published';
END;
CREATE TRIGGER questionnaires_rev_i AFTER INSERT ON questionnaires BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER questionnaires_rev_u AFTER UPDATE OF slug, title, intro, status, opens_on, closes_on, process_id, responses_count
    ON questionnaires BEGIN UPDATE content_revision SET n = n + 1; END;
