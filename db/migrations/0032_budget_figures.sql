-- 0032: the results page's figures by district read an index, not every
-- ballot of the envelope (50,000 in the bench's commune).
CREATE INDEX budget_ballots_by_district ON budget_ballots (envelope_id, district_id, channel);
