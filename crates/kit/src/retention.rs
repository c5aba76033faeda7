//! How long what only grows is kept, and the purge that applies it: a few
//! bounded batches at a time, each its own transaction, never a long lock.
//! docs/RELIABILITY.md ("Retention") lists the rules; the audit log's term
//! is the commune's to set (`retention.audit_days`, 30 to 3,650 days).

use crate::db::{self, Connection, Value};

/// One table's rule: the rows that have had their time (`?1` is the cutoff,
/// a Unix time), and the columns that name a row (its id, or the key of a
/// table without rowid).
pub struct Rule {
    pub table: &'static str,
    pub row: &'static str,
    pub expired: &'static str,
    /// Days kept, unless the setting names another term.
    pub days: i64,
    pub setting: Option<&'static str>,
}

pub const RULES: &[Rule] = &[
    // A desk session over (ended ones are deleted at once): a day after.
    Rule {
        table: "desk_sessions",
        row: "session_id",
        expired: "expires_at < ?1",
        days: 1,
        setting: None,
    },
    // A form's key answers its replays for a day.
    Rule {
        table: "idempotency_keys",
        row: "scope, key",
        expired: "claimed_at < ?1",
        days: 1,
        setting: None,
    },
    // Mail sent or given up on; mail still queued stays until it is.
    Rule {
        table: "mail_outbox",
        row: "id",
        expired: "status IN ('sent', 'failed') AND created_at < ?1",
        days: 90,
        setting: None,
    },
    // Notifications read long ago; unread ones stay.
    Rule {
        table: "notifications",
        row: "id",
        expired: "read_at IS NOT NULL AND read_at < ?1",
        days: 180,
        setting: None,
    },
    // What was only ever shown to the people notified; the public activity
    // is the consultation's record and stays.
    Rule {
        table: "activity",
        row: "id",
        expired: "public = 0 AND at < ?1",
        days: 365,
        setting: None,
    },
    // Security events: a year unless the commune decides otherwise (the
    // CNIL recommends six months to a year for such logs).
    Rule {
        table: "audit_log",
        row: "id",
        expired: "at < ?1",
        days: 365,
        setting: Some(AUDIT_DAYS),
    },
];

/// Rows deleted per batch, and batches per table per purge.
pub const BATCH: i64 = 500;
pub const BATCHES: usize = 10;

/// The terms a commune may set, in days.
pub const SETTABLE_DAYS: std::ops::RangeInclusive<i64> = 30..=3650;

/// The setting that holds the audit log's term.
pub const AUDIT_DAYS: &str = "retention.audit_days";

/// The term of a rule, in days: its setting when it holds a number in range.
pub fn days(rule: &Rule, setting: Option<&str>) -> i64 {
    setting
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|d| SETTABLE_DAYS.contains(d))
        .filter(|_| rule.setting.is_some())
        .unwrap_or(rule.days)
}

/// The audit log's term, in days, from its setting (`None`: not set).
pub fn audit_days(setting: Option<&str>) -> i64 {
    RULES
        .iter()
        .find(|r| r.setting == Some(AUDIT_DAYS))
        .map_or(365, |rule| days(rule, setting))
}

fn batch_sql(rule: &Rule) -> String {
    format!(
        "DELETE FROM {table} WHERE ({row}) IN (SELECT {row} FROM {table} WHERE {expired} LIMIT ?2)",
        table = rule.table,
        row = rule.row,
        expired = rule.expired
    )
}

/// How often the purge runs, across all instances.
pub const EVERY: i64 = 3600;

const LAST_RUN: &str = "SELECT last_run FROM housekeeping WHERE task = 'retention'";
const CLAIM: &str =
    "UPDATE housekeeping SET last_run = ?1 WHERE task = 'retention' AND last_run = ?2";

/// Whether this caller runs the purge now: the last one, by any instance,
/// is [`EVERY`] seconds old and this caller's claim came first (a read, and
/// a write only then). `Err(last)`: not now, the last run was at `last`.
pub async fn claim(conn: &Connection, now: i64) -> crate::Result<Result<(), i64>> {
    let last = db::query_one(conn, LAST_RUN, Vec::new())
        .await?
        .map_or(0, |r| db::int(&r, 0));
    if now - last < EVERY {
        return Ok(Err(last));
    }
    db::exec(conn, CLAIM, vec![Value::Integer(now), Value::Integer(last)]).await?;
    let won = conn.changes().await == 1;
    // The claim stands alone: the purge's batches are transactions after it.
    conn.step_done();
    if won { Ok(Ok(())) } else { Ok(Err(now)) }
}

/// Applies every rule, a bounded number of batches each; the rows deleted.
pub async fn purge(conn: &Connection, now: i64) -> crate::Result<i64> {
    let mut deleted = 0;
    for rule in RULES {
        let setting = match rule.setting {
            Some(key) => db::query_one(
                conn,
                "SELECT value FROM settings WHERE key = ?",
                vec![Value::text(key)],
            )
            .await?
            .and_then(|r| db::opt_text(&r, 0)),
            None => None,
        };
        let cutoff = now - days(rule, setting.as_deref()) * 86_400;
        let sql = batch_sql(rule);
        for _ in 0..BATCHES {
            let gone = db::immediate(conn, async |conn| {
                db::exec(
                    conn,
                    &sql,
                    vec![Value::Integer(cutoff), Value::Integer(BATCH)],
                )
                .await?;
                Ok(conn.changes().await)
            })
            .await?;
            deleted += i64::try_from(gone).unwrap_or(0);
            if gone < u64::try_from(BATCH).unwrap_or(0) {
                break;
            }
        }
    }
    Ok(deleted)
}

/// Every rule's statement, then the claim's two, for the schema tests.
pub fn statements() -> Vec<String> {
    let mut all: Vec<String> = RULES.iter().map(batch_sql).collect();
    all.extend([LAST_RUN.to_string(), CLAIM.to_string()]);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_audit_log_has_a_setting_and_it_is_bounded() {
        let audit = RULES.iter().find(|r| r.table == "audit_log").unwrap();
        assert_eq!(days(audit, None), 365);
        assert_eq!(days(audit, Some("90")), 90);
        assert_eq!(days(audit, Some("3")), 365, "too short: the default");
        assert_eq!(days(audit, Some("oui")), 365);
        let mail = RULES.iter().find(|r| r.table == "mail_outbox").unwrap();
        assert_eq!(days(mail, Some("30")), 90, "no setting for this one");
    }

    #[test]
    fn one_claim_of_the_purge_wins() {
        let conn = crate::testing::schema();
        let last = |conn: &rusqlite::Connection| -> i64 {
            conn.query_row(LAST_RUN, [], |r| r.get(0)).unwrap()
        };
        assert_eq!(last(&conn), 0, "never ran: the first write claims it");
        let claim = |now: i64, seen: i64| conn.execute(CLAIM, (now, seen)).unwrap();
        assert_eq!(claim(5000, 0), 1);
        assert_eq!(
            claim(5001, 0),
            0,
            "another instance saw the old time: it lost"
        );
        assert_eq!(last(&conn), 5000);
    }

    #[test]
    fn every_rule_deletes_only_what_has_had_its_time() {
        let conn = crate::testing::schema();
        conn.execute_batch(
            "INSERT INTO audit_log (at, action) VALUES (100, 'old'), (5000, 'recent');
             INSERT INTO idempotency_keys (scope, key, path, claimed_at) VALUES
               ('s', 'old-key-0123456789', '/x', 100), ('s', 'new-key-0123456789', '/x', 5000);
             INSERT INTO mail_outbox (created_at, to_email, locale, kind, subject, body_text, body_html, status)
               VALUES (100, 'a@b.fr', 'fr', 'k', 's', 't', 'h', 'sent'),
                      (100, 'a@b.fr', 'fr', 'k', 's', 't', 'h', 'queued');",
        )
        .unwrap();
        for (rule, sql) in RULES.iter().zip(statements()) {
            let n = conn
                .prepare(&sql)
                .unwrap_or_else(|e| panic!("{}: {e}", rule.table))
                .execute((1000, BATCH))
                .unwrap();
            let expected = match rule.table {
                "audit_log" | "idempotency_keys" | "mail_outbox" => 1,
                _ => 0,
            };
            assert_eq!(n, expected, "{}", rule.table);
        }
        let left = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(
            left("SELECT count(*) FROM audit_log WHERE action = 'recent'"),
            1
        );
        assert_eq!(
            left("SELECT count(*) FROM mail_outbox WHERE status = 'queued'"),
            1,
            "queued mail stays"
        );
        assert_eq!(left("SELECT count(*) FROM idempotency_keys"), 1);
    }
}
