-- 0019: the proposals' "best" order (a public formula, kept in a column so
-- the list walks an index) and the index of located proposals (map view).
--
-- best = round(10⁶ × (L(supports + 1) + (published_at − 2025-01-01) / 14 days))
-- where L is log₁₀ drawn straight between powers of ten (L(1) = 0, L(10) = 1,
-- L(55) = 1.5, L(100) = 2): ten times more supports are worth two weeks of
-- recency. Plain SQL arithmetic (SQLite's math functions are optional), the
-- same as palabre_domain::proposal::best; ranks never change with time alone.
ALTER TABLE proposals ADD COLUMN best INTEGER;

CREATE TRIGGER proposals_best_i AFTER INSERT ON proposals WHEN new.published_at IS NOT NULL BEGIN
    UPDATE proposals SET best = CAST(round(1000000 * (
        (length(CAST(new.supports + 1 AS TEXT)) - 1)
        + (new.supports + 1 - CAST('1' || substr('000000000000000000', 1, length(CAST(new.supports + 1 AS TEXT)) - 1) AS INTEGER)) * 1.0
          / (9 * CAST('1' || substr('000000000000000000', 1, length(CAST(new.supports + 1 AS TEXT)) - 1) AS INTEGER))
        + (new.published_at - 1735689600) / 1209600.0)) AS INTEGER)
    WHERE id = new.id;
END;
CREATE TRIGGER proposals_best_u AFTER UPDATE OF supports, published_at ON proposals BEGIN
    UPDATE proposals SET best = CASE WHEN new.published_at IS NULL THEN NULL ELSE CAST(round(1000000 * (
        (length(CAST(new.supports + 1 AS TEXT)) - 1)
        + (new.supports + 1 - CAST('1' || substr('000000000000000000', 1, length(CAST(new.supports + 1 AS TEXT)) - 1) AS INTEGER)) * 1.0
          / (9 * CAST('1' || substr('000000000000000000', 1, length(CAST(new.supports + 1 AS TEXT)) - 1) AS INTEGER))
        + (new.published_at - 1735689600) / 1209600.0)) AS INTEGER) END
    WHERE id = new.id;
END;
-- Existing rows: touching published_at runs the trigger.
UPDATE proposals SET published_at = published_at WHERE published_at IS NOT NULL;

CREATE INDEX proposals_best ON proposals (process_id, state, best DESC, id DESC);
CREATE INDEX proposals_status_best ON proposals (process_id, state, status, best DESC, id DESC);
-- The map: located proposals, most supported first (their place in the index
-- too, so that the map's centre reads the index alone).
CREATE INDEX proposals_located ON proposals (process_id, state, supports DESC, id DESC, latitude, longitude)
    WHERE latitude IS NOT NULL;
-- The home page's key figure: published proposals, counted on a small index.
CREATE INDEX proposals_published ON proposals (process_id) WHERE state = 'published';

-- Proposal pages and lists are kept for anonymous visitors (kit::app::public_variant)
-- while the content revision holds: whatever they show moves it.
CREATE TRIGGER proposals_rev_more AFTER UPDATE OF comments_count, image_id, address, latitude, longitude ON proposals
    WHEN new.state = 'published' BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER comments_rev_i AFTER INSERT ON comments BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER comments_rev_u AFTER UPDATE ON comments BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER comments_rev_d AFTER DELETE ON comments BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER comment_reactions_rev_i AFTER INSERT ON comment_reactions BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER comment_reactions_rev_u AFTER UPDATE ON comment_reactions BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER comment_reactions_rev_d AFTER DELETE ON comment_reactions BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER proposal_answers_rev_i AFTER INSERT ON proposal_answers BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER proposal_amendments_rev_i AFTER INSERT ON proposal_amendments BEGIN UPDATE content_revision SET n = n + 1; END;
CREATE TRIGGER proposal_amendments_rev_u AFTER UPDATE ON proposal_amendments BEGIN UPDATE content_revision SET n = n + 1; END;
