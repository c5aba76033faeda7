-- 0021: counters and indexes for a commune at scale (scripts/seed). The home
-- page's key figures read counters instead of counting rows (100,000
-- proposals took 4 ms to count on every fresh home page, 20,000 residents
-- 2 ms): published proposals per process, kept by triggers, and a small index
-- of the residents still counted.
ALTER TABLE processes ADD COLUMN proposals_count INTEGER NOT NULL DEFAULT 0 CHECK (proposals_count >= 0);
UPDATE processes SET proposals_count =
    (SELECT count(*) FROM proposals WHERE process_id = processes.id AND state = 'published');

CREATE TRIGGER proposals_count_i AFTER INSERT ON proposals WHEN new.state = 'published' BEGIN
    UPDATE processes SET proposals_count = proposals_count + 1 WHERE id = new.process_id;
END;
CREATE TRIGGER proposals_count_u AFTER UPDATE OF state, process_id ON proposals
    WHEN old.state IS NOT new.state OR old.process_id IS NOT new.process_id BEGIN
    UPDATE processes SET proposals_count = proposals_count - 1
        WHERE id = old.process_id AND old.state = 'published';
    UPDATE processes SET proposals_count = proposals_count + 1
        WHERE id = new.process_id AND new.state = 'published';
END;
CREATE TRIGGER proposals_count_d AFTER DELETE ON proposals WHEN old.state = 'published' BEGIN
    UPDATE processes SET proposals_count = proposals_count - 1 WHERE id = old.process_id;
END;

CREATE INDEX users_counted ON users (role, deleted_at) WHERE deleted_at IS NULL;

-- A thread's badges ("official answer", "impact") are counted on a page of
-- thousands of comments: the few badged ones have an index of their own.
CREATE INDEX comments_badged ON comments (resource, resource_id, badge) WHERE badge IS NOT NULL;
