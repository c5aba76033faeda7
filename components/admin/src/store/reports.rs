//! What staff write for a process's report.

use palabre_kit::db::{self, Connection, DbResult, Value};

/// What staff wrote for a process's report.
pub struct Report {
    pub commentary: String,
    pub commitments: String,
    pub published: bool,
}

pub async fn report(conn: &Connection, process_id: i64) -> DbResult<Option<Report>> {
    let row = db::query_one(
        conn,
        "SELECT commentary, commitments, published_at IS NOT NULL FROM process_reports WHERE process_id = ?",
        vec![Value::Integer(process_id)],
    )
    .await?;
    Ok(row.map(|r| Report {
        commentary: db::text(&r, 0),
        commitments: db::text(&r, 1),
        published: db::int(&r, 2) == 1,
    }))
}

/// Writes the report; the publication date is set the first time it is
/// published and kept while it stays published.
pub async fn save_report(
    conn: &Connection,
    process_id: i64,
    report: &Report,
    user_id: i64,
    now: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        "INSERT INTO process_reports (process_id, commentary, commitments, published_at, user_id, updated_at) \
         VALUES (?1, ?2, ?3, CASE WHEN ?4 THEN ?6 END, ?5, ?6) \
         ON CONFLICT (process_id) DO UPDATE SET commentary = excluded.commentary, \
           commitments = excluded.commitments, \
           published_at = CASE WHEN ?4 THEN coalesce(process_reports.published_at, ?6) END, \
           version = process_reports.version + 1, user_id = ?5, updated_at = ?6",
        vec![
            Value::Integer(process_id),
            Value::text(report.commentary.as_str()),
            Value::text(report.commitments.as_str()),
            Value::Integer(i64::from(report.published)),
            Value::Integer(user_id),
            Value::Integer(now),
        ],
    )
    .await
}
