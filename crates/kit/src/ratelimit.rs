//! Fixed-window rate limits kept in the database (shared table `rate_limits`),
//! so that they hold across instances.

use crate::db::{self, Connection, DbResult, Value};

const HIT: &str = "INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1) \
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = hits + 1 RETURNING hits";
const PURGE: &str = "DELETE FROM rate_limits WHERE window_start < ?";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: i64,
    pub window_seconds: i64,
}

/// Counts one hit in `bucket`; `Some(seconds)` to wait when over the limit.
pub async fn hit(conn: &Connection, bucket: &str, limit: Limit, now: i64) -> DbResult<Option<i64>> {
    let window = limit.window_seconds.max(1);
    let start = now - now.rem_euclid(window);
    let row = db::query_one(conn, HIT, vec![Value::text(bucket), Value::Integer(start)]).await?;
    let hits = row.map_or(0, |r| db::int(&r, 0));
    Ok((hits > limit.max).then(|| (start + window - now).max(1)))
}

/// Whether one more hit in `bucket` would be over the limit, without
/// counting it: `Some(seconds)` to wait. For what counts only once accepted
/// (a sign-up), then counted with [`hit`].
pub async fn peek(
    conn: &Connection,
    bucket: &str,
    limit: Limit,
    now: i64,
) -> DbResult<Option<i64>> {
    let window = limit.window_seconds.max(1);
    let start = now - now.rem_euclid(window);
    let row = db::query_one(
        conn,
        "SELECT hits FROM rate_limits WHERE bucket = ? AND window_start = ?",
        vec![Value::text(bucket), Value::Integer(start)],
    )
    .await?;
    let hits = row.map_or(0, |r| db::int(&r, 0));
    Ok((hits >= limit.max).then(|| (start + window - now).max(1)))
}

/// Forgets windows that ended more than a day ago.
pub async fn purge(conn: &Connection, now: i64) -> DbResult<()> {
    db::exec(conn, PURGE, vec![Value::Integer(now - 86_400)]).await
}
