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

/// Where the milestones of accepted proposals are kept.
pub const MILESTONES: palabre_kit::follow_up::Table = palabre_kit::follow_up::Table {
    name: "proposal_milestones",
    owner: "proposal_id",
};

/// The follow-up of a proposal, in date order.
pub async fn milestones(
    conn: &Connection,
    id: i64,
) -> DbResult<Vec<palabre_kit::follow_up::Milestone>> {
    palabre_kit::follow_up::milestones(conn, MILESTONES, id).await
}

pub async fn add_milestone(
    conn: &Connection,
    id: i64,
    m: &palabre_domain::proposal::Milestone,
    user_id: i64,
    now: i64,
) -> DbResult<()> {
    palabre_kit::follow_up::add(conn, MILESTONES, id, m, user_id, now).await
}
