-- 0027: the list of every process's proposals (`/proposals` without a
-- process) walks these indexes, as a process's list walks those of 0018 and
-- 0019: page 500 of 100,000 proposals costs what page 1 costs.
CREATE INDEX proposals_all_newest ON proposals (state, published_at DESC, id DESC);
CREATE INDEX proposals_all_supported ON proposals (state, supports DESC, id DESC);
CREATE INDEX proposals_all_best ON proposals (state, best DESC, id DESC);
CREATE INDEX proposals_all_random ON proposals (state, shuffle, id);
