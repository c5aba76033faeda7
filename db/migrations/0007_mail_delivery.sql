-- 0007: delivery of the mail outbox through an HTTP API. A row is claimed by
-- pushing `next_attempt_at` forward (so two instances never send it twice at
-- once); failures back off until the attempts run out (status 'failed').

ALTER TABLE mail_outbox ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;

DROP INDEX mail_outbox_by_status;
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at, id);
