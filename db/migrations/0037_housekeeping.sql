-- 0037: when the gate's occasional housekeeping last ran, for every instance
-- to see (kit::retention). An instance used to purge after its first write
-- and then hourly by its own clock, so a crowd of fresh instances (a thousand
-- votes at once, each on an instance of its own) ran a thousand purges, five
-- write transactions each, against the votes. Now one instance an hour claims
-- the purge here; the others read the row and leave it.
CREATE TABLE housekeeping (
    task     TEXT PRIMARY KEY,
    last_run INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO housekeeping (task, last_run) VALUES ('retention', 0);
