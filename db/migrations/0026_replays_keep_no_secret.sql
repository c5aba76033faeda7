-- 0026: the replay store keeps no secret, knows whose it is, and learns from
-- the feature's own transaction that a form's effect is written. An answer
-- that shows a secret (recovery codes, a sign-in challenge, a two-step
-- secret; sent with Cache-Control: no-store) is no longer kept for replays;
-- `user_id` names the signed-in person a key was claimed for, so that
-- deleting the account deletes their keys; `committed_at` is set by the
-- feature's transaction before its COMMIT (kit::db), so a replay after a lost
-- answer writes nothing again. Keys kept so far may hold such
-- answers: they go (a replay of a form sent before the upgrade then runs as
-- a new submit, as forms did before 0023).
DELETE FROM idempotency_keys;
ALTER TABLE idempotency_keys ADD COLUMN user_id INTEGER REFERENCES users (id) ON DELETE CASCADE;
CREATE INDEX idempotency_keys_user ON idempotency_keys (user_id) WHERE user_id IS NOT NULL;
ALTER TABLE idempotency_keys ADD COLUMN committed_at INTEGER;
