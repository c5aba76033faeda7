-- 0038: contributions entered at the town-hall desk (crates/identity). A
-- staff member sits with a resident who registered at the desk (no email, no
-- internet) and enters, in the resident's name, what the resident says: a
-- comment, a proposal, a support, a questionnaire's answers, a ballot. While
-- the desk session lasts, the staff member's own session acts as the resident
-- on the public site (never on /admin or /account); every write it makes is
-- in the audit log, and each contribution keeps who entered it (entered_by),
-- so that pages say "entered at the desk" and the figures count them apart.
CREATE TABLE desk_sessions (
    session_id  TEXT PRIMARY KEY CHECK (length(session_id) BETWEEN 16 AND 128),
    staff_id    INTEGER NOT NULL REFERENCES users (id),
    resident_id INTEGER NOT NULL REFERENCES users (id),
    started_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    CHECK (staff_id <> resident_id)
) WITHOUT ROWID;
CREATE INDEX desk_sessions_by_resident ON desk_sessions (resident_id);
CREATE INDEX desk_sessions_by_staff ON desk_sessions (staff_id);

ALTER TABLE comments ADD COLUMN entered_by INTEGER REFERENCES users (id);
ALTER TABLE proposals ADD COLUMN entered_by INTEGER REFERENCES users (id);
ALTER TABLE proposal_supports ADD COLUMN entered_by INTEGER REFERENCES users (id);
ALTER TABLE responses ADD COLUMN entered_by INTEGER REFERENCES users (id);
-- The report counts what was entered at the desk apart: partial indexes, so
-- that those counts read only the few rows entered there.
CREATE INDEX comments_at_desk ON comments (resource, resource_id) WHERE entered_by IS NOT NULL;
CREATE INDEX proposals_at_desk ON proposals (process_id) WHERE entered_by IS NOT NULL;
CREATE INDEX proposal_supports_at_desk ON proposal_supports (process_id) WHERE entered_by IS NOT NULL;
CREATE INDEX responses_at_desk ON responses (questionnaire_id) WHERE entered_by IS NOT NULL;
CREATE INDEX budget_ballots_at_desk ON budget_ballots (envelope_id)
    WHERE channel = 'online' AND entered_by IS NOT NULL;
