-- 0022: proposals get a full-text index of their own, keyed by the proposal's
-- id. In the shared index a proposal's row was found by its UNINDEXED kind
-- and ref_id, so editing one proposal read every row of the index (43 ms at
-- 100,000 proposals, holding the write lock); here it is one rowid. Search
-- then ranks the commune's own pages and the many proposals apart
-- (kit::search).
CREATE VIRTUAL TABLE proposal_search USING fts5(
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO proposal_search (rowid, title, body)
    SELECT id, title, body FROM proposals WHERE state = 'published';
DELETE FROM search_index WHERE kind = 'proposal';

DROP TRIGGER proposals_search_insert;
DROP TRIGGER proposals_search_update;
CREATE TRIGGER proposals_search_insert AFTER INSERT ON proposals WHEN new.state = 'published' BEGIN
    INSERT INTO proposal_search (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER proposals_search_update AFTER UPDATE OF title, body, state ON proposals BEGIN
    DELETE FROM proposal_search WHERE rowid = old.id;
    INSERT INTO proposal_search (rowid, title, body)
        SELECT new.id, new.title, new.body WHERE new.state = 'published';
END;
CREATE TRIGGER proposals_search_delete AFTER DELETE ON proposals BEGIN
    DELETE FROM proposal_search WHERE rowid = old.id;
END;
