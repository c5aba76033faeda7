//! The security audit log (shared table `audit_log`): who did what, when, from where.

use crate::db::{self, Connection, DbResult, Value};

const INSERT: &str =
    "INSERT INTO audit_log (at, actor_id, action, subject, ip) VALUES (?, ?, ?, ?, ?)";

/// Records one event. `subject` is what it was about (an email, a user id…).
pub async fn record(
    conn: &Connection,
    actor: Option<i64>,
    action: &str,
    subject: Option<&str>,
    ip: Option<&str>,
) -> DbResult<()> {
    let opt_text = |v: Option<&str>| v.map_or(Value::Null, |s| Value::text(truncate(s, 320)));
    db::exec(
        conn,
        INSERT,
        vec![
            Value::Integer(crate::now()),
            actor.map_or(Value::Null, Value::Integer),
            Value::text(action),
            opt_text(subject),
            ip.map_or(Value::Null, |s| Value::text(truncate(s, 64))),
        ],
    )
    .await
}

fn truncate(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}
