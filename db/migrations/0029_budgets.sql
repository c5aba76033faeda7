-- 0029: participatory budgeting (components/budget). A process phase may
-- carry the budget tool: while it is open, residents vote in the process's
-- envelopes. An envelope has its amount, the rule of its ballots and the
-- method that counts them; its projects (often accepted proposals) are
-- reviewed for feasibility; one ballot per person and envelope, online or
-- entered from paper by staff; counters kept in the transaction of the rows.

CREATE TABLE budget_envelopes (
    id            INTEGER PRIMARY KEY,
    process_id    INTEGER NOT NULL REFERENCES processes (id),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    -- Markdown.
    description   TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
    -- NULL: the whole commune.
    district_id   INTEGER REFERENCES districts (id) ON DELETE SET NULL,
    -- Euros.
    amount        INTEGER NOT NULL CHECK (amount BETWEEN 1 AND 1000000000),
    ballot        TEXT NOT NULL DEFAULT 'knapsack' CHECK (ballot IN ('knapsack', 'approval')),
    -- An approval ballot's limit (at most this many projects).
    max_projects  INTEGER CHECK (max_projects IS NULL OR max_projects BETWEEN 1 AND 100),
    -- The share of the amount a ballot must spend at least.
    min_percent   INTEGER NOT NULL DEFAULT 0 CHECK (min_percent BETWEEN 0 AND 100),
    -- The method whose result is the commune's (the other is shown beside it).
    method        TEXT NOT NULL DEFAULT 'greedy' CHECK (method IN ('greedy', 'equal_shares')),
    -- Whether a voter may change their ballot until the vote closes.
    changeable    INTEGER NOT NULL DEFAULT 1 CHECK (changeable IN (0, 1)),
    ballots       INTEGER NOT NULL DEFAULT 0 CHECK (ballots >= 0),
    paper_ballots INTEGER NOT NULL DEFAULT 0 CHECK (paper_ballots >= 0 AND paper_ballots <= ballots),
    -- When the count was last run, and on how many ballots.
    counted_at    INTEGER,
    counted_ballots INTEGER,
    -- When the results were made public (NULL: staff only).
    published_at  INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    CHECK ((ballot = 'approval') = (max_projects IS NOT NULL)),
    CHECK (published_at IS NULL OR counted_at IS NOT NULL)
);
CREATE INDEX budget_envelopes_by_process ON budget_envelopes (process_id, id);

CREATE TABLE budget_projects (
    id            INTEGER PRIMARY KEY,
    envelope_id   INTEGER NOT NULL REFERENCES budget_envelopes (id),
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
    -- Markdown.
    body          TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    -- Euros: the estimate, and the first estimate when the review revised it.
    cost          INTEGER NOT NULL CHECK (cost BETWEEN 1 AND 1000000000),
    first_cost    INTEGER CHECK (first_cost IS NULL OR first_cost BETWEEN 1 AND 1000000000),
    district_id   INTEGER REFERENCES districts (id) ON DELETE SET NULL,
    category_id   INTEGER REFERENCES proposal_categories (id) ON DELETE SET NULL,
    -- The proposal it comes from, if any (its author and supporters are told).
    proposal_id   INTEGER REFERENCES proposals (id) ON DELETE SET NULL,
    image_id      INTEGER REFERENCES images (id) ON DELETE SET NULL,
    address       TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 300),
    latitude      REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    longitude     REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
    -- Only feasible projects are on the ballot.
    feasibility   TEXT NOT NULL DEFAULT 'pending' CHECK (feasibility IN ('pending', 'feasible', 'unfeasible')),
    -- Public: why it is not feasible, or what changed the cost.
    review        TEXT NOT NULL DEFAULT '' CHECK (length(review) <= 2000),
    reviewed_at   INTEGER,
    votes         INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK (feasibility != 'unfeasible' OR length(review) > 0),
    CHECK ((feasibility = 'pending') = (reviewed_at IS NULL))
);
CREATE INDEX budget_projects_by_envelope ON budget_projects (envelope_id, feasibility, id);
CREATE INDEX budget_projects_by_proposal ON budget_projects (proposal_id) WHERE proposal_id IS NOT NULL;

-- A ballot: online (its voter; NULL once the voter's account is erased, the
-- ballot still counted) or from paper (its reference, who entered it).
CREATE TABLE budget_ballots (
    id          INTEGER PRIMARY KEY,
    envelope_id INTEGER NOT NULL REFERENCES budget_envelopes (id),
    channel     TEXT NOT NULL CHECK (channel IN ('online', 'paper')),
    user_id     INTEGER REFERENCES users (id),
    paper_ref   TEXT CHECK (paper_ref IS NULL OR length(paper_ref) BETWEEN 1 AND 40),
    entered_by  INTEGER REFERENCES users (id),
    -- The voter's district (declared on paper; the profile's online), for the figures.
    district_id INTEGER REFERENCES districts (id) ON DELETE SET NULL,
    total       INTEGER NOT NULL CHECK (total >= 0),
    -- The chosen project ids as a JSON array, as budget_ballot_projects
    -- holds them (written together): what "my data" shows of a ballot.
    projects    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(projects)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    UNIQUE (envelope_id, user_id),
    UNIQUE (envelope_id, paper_ref),
    CHECK ((channel = 'paper') = (paper_ref IS NOT NULL)),
    CHECK (channel = 'online' OR user_id IS NULL)
);
CREATE INDEX budget_ballots_by_user ON budget_ballots (user_id) WHERE user_id IS NOT NULL;

CREATE TABLE budget_ballot_projects (
    ballot_id  INTEGER NOT NULL REFERENCES budget_ballots (id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES budget_projects (id),
    PRIMARY KEY (ballot_id, project_id)
) WITHOUT ROWID;
CREATE INDEX budget_ballot_projects_by_project ON budget_ballot_projects (project_id);

-- What a voter put in their cart before confirming (or while changing).
CREATE TABLE budget_carts (
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    envelope_id INTEGER NOT NULL REFERENCES budget_envelopes (id),
    project_id  INTEGER NOT NULL REFERENCES budget_projects (id),
    added_at    INTEGER NOT NULL,
    PRIMARY KEY (user_id, envelope_id, project_id)
) WITHOUT ROWID;

-- The last count, by method: each project's line in the order of the count.
CREATE TABLE budget_results (
    envelope_id INTEGER NOT NULL REFERENCES budget_envelopes (id),
    method      TEXT NOT NULL CHECK (method IN ('greedy', 'equal_shares')),
    position    INTEGER NOT NULL CHECK (position >= 0),
    project_id  INTEGER NOT NULL REFERENCES budget_projects (id),
    votes       INTEGER NOT NULL CHECK (votes >= 0),
    cost        INTEGER NOT NULL,
    why         TEXT NOT NULL CHECK (why IN ('won', 'completed', 'too_expensive', 'no_votes')),
    -- What was left of the envelope at its turn.
    left_amount INTEGER NOT NULL,
    PRIMARY KEY (envelope_id, method, position)
) WITHOUT ROWID;
