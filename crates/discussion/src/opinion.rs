//! The opinion map's data: statements, votes, and the computed map cached in
//! `opinion_maps` (recomputed when votes changed, at most once a minute).

pub use crate::opinion_map::{Cached, CachedScored, map};
use palabre_domain::opinion::Vote;
use palabre_kit::db::{self, Connection, DbResult, Value};

pub struct Statement {
    pub id: i64,
    pub user_id: i64,
    pub body: String,
    pub status: String,
    pub agree: i64,
    pub disagree: i64,
    pub pass: i64,
}

impl Statement {
    pub fn votes(&self) -> i64 {
        self.agree + self.disagree + self.pass
    }
}

fn statement_of(r: &db::Row) -> Statement {
    Statement {
        id: db::int(r, 0),
        user_id: db::int(r, 1),
        body: db::text(r, 2),
        status: db::text(r, 3),
        agree: db::int(r, 4),
        disagree: db::int(r, 5),
        pass: db::int(r, 6),
    }
}

const COLUMNS: &str = "id, user_id, body, status, agree, disagree, pass";

/// Every statement of a discussion, oldest first.
pub async fn statements(conn: &Connection, discussion_id: i64) -> DbResult<Vec<Statement>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM opinion_statements WHERE discussion_id = ? AND status != 'rejected' ORDER BY id"
    );
    Ok(db::query(conn, &sql, vec![Value::Integer(discussion_id)])
        .await?
        .iter()
        .map(statement_of)
        .collect())
}

/// The next statement for this person to vote on (the least voted first, so
/// that every statement gathers votes), and how many are left.
pub async fn next_for(
    conn: &Connection,
    discussion_id: i64,
    user_id: i64,
) -> DbResult<(Option<Statement>, i64)> {
    let sql = format!(
        "SELECT {COLUMNS}, count(*) OVER () FROM opinion_statements s \
         WHERE discussion_id = ?1 AND status = 'accepted' AND user_id != ?2 \
           AND NOT EXISTS (SELECT 1 FROM opinion_votes v WHERE v.statement_id = s.id AND v.user_id = ?2) \
         ORDER BY agree + disagree + pass, id LIMIT 1"
    );
    let row = db::query_one(
        conn,
        &sql,
        vec![Value::Integer(discussion_id), Value::Integer(user_id)],
    )
    .await?;
    Ok(match row {
        Some(r) => (Some(statement_of(&r)), db::int(&r, 7)),
        None => (None, 0),
    })
}

/// How many statements this person has voted on in the discussion.
pub async fn voted_count(conn: &Connection, discussion_id: i64, user_id: i64) -> DbResult<i64> {
    let row = db::query_one(
        conn,
        "SELECT count(*) FROM opinion_votes WHERE discussion_id = ? AND user_id = ?",
        vec![Value::Integer(discussion_id), Value::Integer(user_id)],
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

pub async fn add(
    conn: &Connection,
    discussion_id: i64,
    user_id: i64,
    body: &str,
    accepted: bool,
    now: i64,
) -> DbResult<i64> {
    let row = db::query_one(
        conn,
        "INSERT INTO opinion_statements (discussion_id, user_id, body, status, created_at, moderated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?4 = 'accepted' THEN ?5 END) RETURNING id",
        vec![
            Value::Integer(discussion_id),
            Value::Integer(user_id),
            Value::text(body),
            Value::text(if accepted { "accepted" } else { "pending" }),
            Value::Integer(now),
        ],
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

/// A statement of this discussion: (author, status).
pub async fn placed(
    conn: &Connection,
    discussion_id: i64,
    id: i64,
) -> DbResult<Option<(i64, String)>> {
    let row = db::query_one(
        conn,
        "SELECT user_id, status FROM opinion_statements WHERE id = ? AND discussion_id = ?",
        vec![Value::Integer(id), Value::Integer(discussion_id)],
    )
    .await?;
    Ok(row.map(|r| (db::int(&r, 0), db::text(&r, 1))))
}

/// Records (or changes) a vote; the triggers keep the counters.
pub async fn vote(
    conn: &Connection,
    discussion_id: i64,
    id: i64,
    user_id: i64,
    vote: Vote,
    now: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        "INSERT INTO opinion_votes (statement_id, user_id, discussion_id, vote, created_at) \
         VALUES (?, ?, ?, ?, ?) \
         ON CONFLICT (statement_id, user_id) DO UPDATE SET vote = excluded.vote \
         WHERE vote != excluded.vote",
        vec![
            Value::Integer(id),
            Value::Integer(user_id),
            Value::Integer(discussion_id),
            Value::text(vote.as_str()),
            Value::Integer(now),
        ],
    )
    .await
}

/// Accepts or rejects a statement.
pub async fn moderate(conn: &Connection, id: i64, accepted: bool, now: i64) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE opinion_statements SET status = ?, moderated_at = ? WHERE id = ?",
        vec![
            Value::text(if accepted { "accepted" } else { "rejected" }),
            Value::Integer(now),
            Value::Integer(id),
        ],
    )
    .await
}
