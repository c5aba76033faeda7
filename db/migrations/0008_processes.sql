-- 0008: districts, processes (concertations) and their phases. Dates are
-- calendar days (YYYY-MM-DD, inclusive); a process's status (upcoming, open,
-- closed) is derived from them. Counters are kept by the features that count.

CREATE TABLE districts (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120)
);

CREATE TABLE processes (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 120 AND slug NOT GLOB '*[^a-z0-9-]*'),
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary       TEXT NOT NULL DEFAULT '' CHECK (length(summary) <= 1000),
    -- Markdown.
    body          TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 100000),
    -- NULL: the whole commune.
    district_id   INTEGER REFERENCES districts (id),
    starts_on     TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
    ends_on       TEXT NOT NULL CHECK (date(ends_on) IS ends_on),
    status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    -- People who took part, and contributions, across every feature.
    participants  INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
    contributions INTEGER NOT NULL DEFAULT 0 CHECK (contributions >= 0),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX processes_by_dates ON processes (status, ends_on, starts_on);

CREATE TABLE process_phases (
    id          INTEGER PRIMARY KEY,
    process_id  INTEGER NOT NULL REFERENCES processes (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 0),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    -- Markdown.
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
    starts_on   TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
    ends_on     TEXT NOT NULL CHECK (date(ends_on) IS ends_on),
    -- Participation tools open in this phase: comma-separated, from
    -- discussion, questionnaire, proposal ('' for none).
    tools       TEXT NOT NULL DEFAULT '' CHECK (tools NOT GLOB '*[^a-z,]*' AND length(tools) <= 60),
    CHECK (ends_on >= starts_on)
);
CREATE INDEX process_phases_by_process ON process_phases (process_id, starts_on, position);
CREATE INDEX process_phases_by_start ON process_phases (starts_on);
