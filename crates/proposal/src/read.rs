//! What the rest of the platform reads of proposals.

use palabre_kit::db::{self, Connection, DbResult, Value};

/// Published proposals past their support threshold that the commune has
/// not answered yet, the longest waiting first: (id, title).
const AWAITING_ANSWER: &str = "SELECT id, title FROM proposals WHERE state = 'published' \
     AND status = 'open' AND threshold_reached_at IS NOT NULL \
     ORDER BY threshold_reached_at, id LIMIT ?";

/// Proposals waiting for the commune's answer (the dashboard's list).
pub async fn awaiting_answer(conn: &Connection, limit: i64) -> DbResult<Vec<(i64, String)>> {
    Ok(
        db::query(conn, AWAITING_ANSWER, vec![Value::Integer(limit)])
            .await?
            .iter()
            .map(|r| (db::int(r, 0), db::text(r, 1)))
            .collect(),
    )
}
