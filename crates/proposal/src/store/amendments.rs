//! Amendments: an amended text suggested by someone else, accepted or rejected by the author.

use palabre_kit::db::{self, Connection, DbResult, Value};

/// An amended text someone suggested.
pub struct Amendment {
    pub id: i64,
    pub user_id: i64,
    pub author: String,
    pub body: String,
    pub state: String,
    pub created_at: i64,
}

pub async fn amendments(conn: &Connection, proposal_id: i64) -> DbResult<Vec<Amendment>> {
    Ok(db::query(
        conn,
        "SELECT a.id, a.user_id, u.display_name, a.body, a.state, a.created_at FROM proposal_amendments a \
         JOIN users u ON u.id = a.user_id WHERE a.proposal_id = ? ORDER BY a.created_at, a.id",
        vec![Value::Integer(proposal_id)],
    )
    .await?
    .iter()
    .map(|r| Amendment {
        id: db::int(r, 0),
        user_id: db::int(r, 1),
        author: db::text(r, 2),
        body: db::text(r, 3),
        state: db::text(r, 4),
        created_at: db::int(r, 5),
    })
    .collect())
}

pub async fn add_amendment(
    conn: &Connection,
    proposal_id: i64,
    user_id: i64,
    body: &str,
    now: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        "INSERT INTO proposal_amendments (proposal_id, user_id, body, created_at) VALUES (?, ?, ?, ?)",
        vec![
            Value::Integer(proposal_id),
            Value::Integer(user_id),
            Value::text(body),
            Value::Integer(now),
        ],
    )
    .await
}

/// The author's decision on a pending amendment; accepting it makes its text
/// the proposal's. Returns the amendment's author, or None if it was not pending.
pub async fn decide(
    conn: &Connection,
    proposal_id: i64,
    amendment_id: i64,
    accept: bool,
    now: i64,
) -> DbResult<Option<i64>> {
    let row = db::query_one(
        conn,
        "UPDATE proposal_amendments SET state = ?, decided_at = ? \
         WHERE id = ? AND proposal_id = ? AND state = 'pending' RETURNING user_id, body",
        vec![
            Value::text(if accept { "accepted" } else { "rejected" }),
            Value::Integer(now),
            Value::Integer(amendment_id),
            Value::Integer(proposal_id),
        ],
    )
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    if accept {
        db::exec(
            conn,
            "UPDATE proposals SET body = ?, updated_at = ? WHERE id = ?",
            vec![
                Value::text(db::text(&row, 1)),
                Value::Integer(now),
                Value::Integer(proposal_id),
            ],
        )
        .await?;
    }
    Ok(Some(db::int(&row, 0)))
}
