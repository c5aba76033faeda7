//! Supports: given once per person, counted with the proposal, a threshold crossed.

use palabre_kit::db::{self, Connection, DbResult, Value};

use super::*;

/// Whether this person supports the proposal.
pub async fn supports(conn: &Connection, proposal_id: i64, user_id: i64) -> DbResult<bool> {
    Ok(db::query_one(
        conn,
        "SELECT 1 FROM proposal_supports WHERE proposal_id = ? AND user_id = ?",
        vec![Value::Integer(proposal_id), Value::Integer(user_id)],
    )
    .await?
    .is_some())
}

/// Supports this person gave in the process.
pub async fn given(conn: &Connection, process_id: i64, user_id: i64) -> DbResult<i64> {
    Ok(db::query_one(
        conn,
        "SELECT count(*) FROM proposal_supports WHERE user_id = ? AND process_id = ?",
        vec![Value::Integer(user_id), Value::Integer(process_id)],
    )
    .await?
    .map_or(0, |r| db::int(&r, 0)))
}

/// Adds a support (once: a second one changes nothing) and counts it in the
/// same statement's transaction (`entered_by`: the staff member entering it
/// at the town-hall desk, if so); returns the count (before, after).
pub async fn add_support(
    conn: &Connection,
    p: &Proposal,
    (user_id, entered_by): (i64, Option<i64>),
    now: i64,
) -> DbResult<(i64, i64)> {
    let added = db::query_one(
        conn,
        "INSERT INTO proposal_supports (proposal_id, user_id, process_id, created_at, entered_by) \
         VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1",
        vec![
            Value::Integer(p.id),
            Value::Integer(user_id),
            Value::Integer(p.process_id),
            Value::Integer(now),
            entered_by.map_or(Value::Null, Value::Integer),
        ],
    )
    .await?
    .is_some();
    let row = db::query_one(
        conn,
        "UPDATE proposals SET supports = supports + ?1 WHERE id = ?2 RETURNING supports",
        vec![Value::Integer(i64::from(added)), Value::Integer(p.id)],
    )
    .await?;
    let after = row.map_or(0, |r| db::int(&r, 0));
    Ok((after - i64::from(added), after))
}

/// Withdraws a support (nothing if there was none).
pub async fn remove_support(conn: &Connection, proposal_id: i64, user_id: i64) -> DbResult<()> {
    let removed = db::query_one(
        conn,
        "DELETE FROM proposal_supports WHERE proposal_id = ? AND user_id = ? RETURNING 1",
        vec![Value::Integer(proposal_id), Value::Integer(user_id)],
    )
    .await?
    .is_some();
    if removed {
        db::exec(
            conn,
            "UPDATE proposals SET supports = supports - 1 WHERE id = ?",
            vec![Value::Integer(proposal_id)],
        )
        .await?;
    }
    Ok(())
}

pub async fn mark_threshold(conn: &Connection, id: i64, now: i64) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE proposals SET threshold_reached_at = ? WHERE id = ? AND threshold_reached_at IS NULL",
        vec![Value::Integer(now), Value::Integer(id)],
    )
    .await
}

/// Staff of the commune (moderators and administrators), to notify.
pub async fn staff(conn: &Connection) -> DbResult<Vec<i64>> {
    Ok(db::query(
        conn,
        "SELECT id FROM users WHERE role IN ('moderator', 'admin') AND deleted_at IS NULL",
        Vec::new(),
    )
    .await?
    .iter()
    .map(|r| db::int(r, 0))
    .collect())
}

pub async fn supporters(conn: &Connection, proposal_id: i64) -> DbResult<Vec<i64>> {
    Ok(db::query(
        conn,
        "SELECT user_id FROM proposal_supports WHERE proposal_id = ?",
        vec![Value::Integer(proposal_id)],
    )
    .await?
    .iter()
    .map(|r| db::int(r, 0))
    .collect())
}
