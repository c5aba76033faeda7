//! The audit log and the mail outbox.

use palabre_kit::db::{self, Connection, DbResult, Value};

/// One page of the audit log, newest first: (id, at, who, action, subject, ip).
pub struct AuditFilter<'a> {
    pub who: &'a str,
    pub action: &'a str,
    /// [from, to) in unix seconds; 0 for no bound.
    pub from: i64,
    pub to: i64,
    /// Rows older than this id (the next page); 0 for the first.
    pub before: i64,
}

pub async fn audit(
    conn: &Connection,
    f: &AuditFilter<'_>,
    limit: i64,
) -> DbResult<Vec<(i64, i64, String, String, String, String)>> {
    let rows = db::query(
        conn,
        "SELECT a.id, a.at, coalesce(u.display_name, ''), a.action, coalesce(a.subject, ''), coalesce(a.ip, '') \
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id \
         WHERE (?1 = '' OR instr(lower(u.display_name), lower(?1)) > 0 OR instr(lower(u.email), lower(?1)) > 0) \
         AND (?2 = '' OR a.action = ?2) AND (?3 = 0 OR a.at >= ?3) AND (?4 = 0 OR a.at < ?4) \
         AND (?5 = 0 OR a.id < ?5) ORDER BY a.id DESC LIMIT ?6",
        vec![
            Value::text(f.who),
            Value::text(f.action),
            Value::Integer(f.from),
            Value::Integer(f.to),
            Value::Integer(f.before),
            Value::Integer(limit),
        ],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            (
                db::int(r, 0),
                db::int(r, 1),
                db::text(r, 2),
                db::text(r, 3),
                db::text(r, 4),
                db::text(r, 5),
            )
        })
        .collect())
}

/// The actions the log holds (the filter's choices).
pub async fn audit_actions(conn: &Connection) -> DbResult<Vec<String>> {
    Ok(db::query(
        conn,
        "SELECT DISTINCT action FROM audit_log ORDER BY action",
        Vec::new(),
    )
    .await?
    .iter()
    .map(|r| db::text(r, 0))
    .collect())
}

/// A mail of the outbox as the viewer shows it.
pub struct Mail {
    pub id: i64,
    pub created_at: i64,
    pub to: String,
    pub kind: String,
    pub subject: String,
    pub status: String,
    pub attempts: i64,
    pub error: String,
    pub sent_at: Option<i64>,
}

/// One page of the outbox, newest first (`status` empty: all).
pub async fn outbox(
    conn: &Connection,
    status: &str,
    before: i64,
    limit: i64,
) -> DbResult<Vec<Mail>> {
    let rows = db::query(
        conn,
        "SELECT id, created_at, to_email, kind, subject, status, attempts, coalesce(last_error, ''), sent_at \
         FROM mail_outbox WHERE (?1 = '' OR status = ?1) AND (?2 = 0 OR id < ?2) ORDER BY id DESC LIMIT ?3",
        vec![
            Value::text(status),
            Value::Integer(before),
            Value::Integer(limit),
        ],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| Mail {
            id: db::int(r, 0),
            created_at: db::int(r, 1),
            to: db::text(r, 2),
            kind: db::text(r, 3),
            subject: db::text(r, 4),
            status: db::text(r, 5),
            attempts: db::int(r, 6),
            error: db::text(r, 7),
            sent_at: db::opt_int(r, 8),
        })
        .collect())
}
