//! Full-text search at scale. Ranking (bm25) costs one to two microseconds per
//! matching row, and a common word can match tens of thousands of proposals:
//! above [`RANKED`] matches, only the most recent ones are ranked. FTS5 walks
//! a match's rowids in order, so finding where they start costs little.

use crate::db::{self, Connection, DbResult, Value};

/// Matches ranked at most in one index.
pub const RANKED: i64 = 500;

/// The smallest rowid among the [`RANKED`] most recent matches of `query` in
/// the FTS5 table `table` (one of ours, never the visitor's), or 0 when there
/// are fewer: queries add `AND rowid >= ?` and rank what is left.
pub async fn recent_floor(conn: &Connection, table: &'static str, query: &str) -> DbResult<i64> {
    let sql = format!(
        "SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET {}",
        RANKED - 1
    );
    let row = db::query_one(conn, &sql, vec![Value::text(query)]).await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}
