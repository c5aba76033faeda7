-- 0030: the follow-up of winning budget projects. Once the results are
-- published, staff date each step of a winner's carrying out with how far it
-- has come, as for accepted proposals (proposal_milestones); the process
-- report shows each winner's progress.
CREATE TABLE budget_project_milestones (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES budget_projects (id),
    on_date     TEXT NOT NULL CHECK (date(on_date) IS on_date),
    percent     INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    -- Who wrote it (staff; NULL once their account is erased).
    user_id     INTEGER REFERENCES users (id),
    created_at  INTEGER NOT NULL
);
CREATE INDEX budget_project_milestones_by_project ON budget_project_milestones (project_id, on_date, id);

