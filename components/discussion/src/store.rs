//! SQL of the discussion component, next to its row mapping.

use palabre_kit::db::{self, Connection, DbResult, Value};

pub struct Discussion {
    pub id: i64,
    pub slug: String,
    pub question: String,
    pub context: String,
    pub opens_on: String,
    pub closes_on: String,
    pub published: bool,
    pub comments_count: i64,
    /// (id, slug, title) of its process.
    pub process: Option<(i64, String, String)>,
}

const COLUMNS: &str = "d.id, d.slug, d.question, d.context, d.opens_on, d.closes_on, d.status, \
     d.comments_count, p.id, p.slug, p.title";

fn discussion_of(r: &db::Row) -> Discussion {
    Discussion {
        id: db::int(r, 0),
        slug: db::text(r, 1),
        question: db::text(r, 2),
        context: db::text(r, 3),
        opens_on: db::text(r, 4),
        closes_on: db::text(r, 5),
        published: db::text(r, 6) == "published",
        comments_count: db::int(r, 7),
        process: db::opt_int(r, 8).map(|id| (id, db::text(r, 9), db::text(r, 10))),
    }
}

pub async fn published(conn: &Connection) -> DbResult<Vec<Discussion>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM discussions d LEFT JOIN processes p ON p.id = d.process_id \
         WHERE d.status = 'published' ORDER BY d.closes_on >= date('now') DESC, d.opens_on DESC, d.id DESC"
    );
    Ok(db::query(conn, &sql, Vec::new())
        .await?
        .iter()
        .map(discussion_of)
        .collect())
}

pub async fn by_slug(conn: &Connection, slug: &str) -> DbResult<Option<Discussion>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM discussions d LEFT JOIN processes p ON p.id = d.process_id WHERE d.slug = ?"
    );
    Ok(db::query_one(conn, &sql, vec![Value::text(slug)])
        .await?
        .as_ref()
        .map(discussion_of))
}

/// One more (or one less) comment on the discussion.
pub async fn count_comment(conn: &Connection, id: i64) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE discussions SET comments_count = comments_count + 1 WHERE id = ?",
        vec![Value::Integer(id)],
    )
    .await
}
