//! What the rest of the platform reads of discussions.

use palabre_kit::db::{self, Connection, DbResult, Value};

/// A discussion of the process: where it is, and its statements' texts.
pub struct Discussion {
    pub id: i64,
    pub slug: String,
    pub question: String,
}

pub async fn discussions(conn: &Connection, process_id: i64) -> DbResult<Vec<Discussion>> {
    let rows = db::query(
        conn,
        "SELECT id, slug, question FROM discussions WHERE process_id = ? AND status = 'published' \
         ORDER BY opens_on, id",
        vec![Value::Integer(process_id)],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| Discussion {
            id: db::int(r, 0),
            slug: db::text(r, 1),
            question: db::text(r, 2),
        })
        .collect())
}

/// `(id, body)` of a discussion's accepted statements.
pub async fn statements(conn: &Connection, discussion_id: i64) -> DbResult<Vec<(i64, String)>> {
    let rows = db::query(
        conn,
        "SELECT id, body FROM opinion_statements WHERE discussion_id = ? AND status = 'accepted' ORDER BY id",
        vec![Value::Integer(discussion_id)],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| (db::int(r, 0), db::text(r, 1)))
        .collect())
}
