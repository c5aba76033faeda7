//! The commune's answers and the milestones of an accepted proposal.

use palabre_domain::proposal::Status;
use palabre_kit::db::{self, Connection, DbResult, Value};

/// Records the commune's answer and the new status.
pub async fn answer(
    conn: &Connection,
    id: i64,
    status: Status,
    body: &str,
    user_id: i64,
    now: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        "INSERT INTO proposal_answers (proposal_id, status, body, user_id, created_at) VALUES (?, ?, ?, ?, ?)",
        vec![
            Value::Integer(id),
            Value::text(status.as_str()),
            Value::text(body),
            Value::Integer(user_id),
            Value::Integer(now),
        ],
    )
    .await?;
    db::exec(
        conn,
        "UPDATE proposals SET status = ?, updated_at = ? WHERE id = ?",
        vec![
            Value::text(status.as_str()),
            Value::Integer(now),
            Value::Integer(id),
        ],
    )
    .await
}

/// The answers, oldest first: (status, text, date).
pub async fn answers(conn: &Connection, id: i64) -> DbResult<Vec<(Status, String, i64)>> {
    Ok(db::query(
        conn,
        "SELECT status, body, created_at FROM proposal_answers WHERE proposal_id = ? ORDER BY created_at, id",
        vec![Value::Integer(id)],
    )
    .await?
    .iter()
    .map(|r| {
        (
            db::text(r, 0).parse().unwrap_or(Status::Open),
            db::text(r, 1),
            db::int(r, 2),
        )
    })
    .collect())
}

/// A step of an accepted proposal's carrying out.
pub struct Milestone {
    pub on_date: String,
    pub percent: i64,
    pub body: String,
}

/// The follow-up of a proposal, in date order.
pub async fn milestones(conn: &Connection, id: i64) -> DbResult<Vec<Milestone>> {
    Ok(db::query(
        conn,
        "SELECT on_date, percent, body FROM proposal_milestones WHERE proposal_id = ? ORDER BY on_date, id",
        vec![Value::Integer(id)],
    )
    .await?
    .iter()
    .map(|r| Milestone {
        on_date: db::text(r, 0),
        percent: db::int(r, 1),
        body: db::text(r, 2),
    })
    .collect())
}

pub async fn add_milestone(
    conn: &Connection,
    id: i64,
    m: &palabre_domain::proposal::Milestone,
    user_id: i64,
    now: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        "INSERT INTO proposal_milestones (proposal_id, on_date, percent, body, user_id, created_at) \
         VALUES (?, ?, ?, ?, ?, ?)",
        vec![
            Value::Integer(id),
            Value::text(m.on.iso()),
            Value::Integer(m.percent),
            Value::text(m.body.as_str()),
            Value::Integer(user_id),
            Value::Integer(now),
        ],
    )
    .await
}
