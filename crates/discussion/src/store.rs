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
    pub opinion_map: bool,
}

const COLUMNS: &str = "d.id, d.slug, d.question, d.context, d.opens_on, d.closes_on, d.status, \
     d.comments_count, p.id, p.slug, p.title, d.opinion_map";

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
        opinion_map: db::int(r, 11) == 1,
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

/// A comment more on a discussion (`?` is its id), in the comment's transaction.
pub const COUNT_COMMENT: &str =
    "UPDATE discussions SET comments_count = comments_count + 1 WHERE id = ?";

/// (id, slug, title) of a published process.
pub async fn published_process(
    conn: &Connection,
    slug: &str,
) -> DbResult<Option<(i64, String, String)>> {
    let row = db::query_one(
        conn,
        "SELECT id, slug, title FROM processes WHERE slug = ? AND status = 'published'",
        vec![Value::text(slug)],
    )
    .await?;
    Ok(row.map(|r| (db::int(&r, 0), db::text(&r, 1), db::text(&r, 2))))
}

/// A discussion opened by a citizen: published at once, open from today
/// until `closes_on`. The address is made from the question, made unique
/// with a number when needed. Returns (id, slug).
pub async fn open_by_citizen(
    conn: &Connection,
    process_id: i64,
    user_id: i64,
    question: &str,
    context: &str,
    (opens_on, closes_on): (&str, &str),
    now: i64,
) -> DbResult<(i64, String)> {
    let base = match palabre_domain::process::slugify(question) {
        s if s.is_empty() || palabre_domain::content::RESERVED_SLUGS.contains(&s.as_str()) => {
            "debat".to_string()
        }
        s => s,
    };
    let taken: Vec<String> = db::query(
        conn,
        "SELECT slug FROM discussions WHERE slug = ?1 OR slug GLOB ?1 || '-[0-9]*'",
        vec![Value::text(base.as_str())],
    )
    .await?
    .iter()
    .map(|r| db::text(r, 0))
    .collect();
    let slug = (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|s| !taken.contains(s))
        .unwrap_or(base);
    let row = db::query_one(
        conn,
        "INSERT INTO discussions (process_id, slug, question, context, opens_on, closes_on, status, \
         user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'published', ?, ?, ?) RETURNING id",
        vec![
            Value::Integer(process_id),
            Value::text(slug.as_str()),
            Value::text(question),
            Value::text(context),
            Value::text(opens_on),
            Value::text(closes_on),
            Value::Integer(user_id),
            Value::Integer(now),
            Value::Integer(now),
        ],
    )
    .await?;
    Ok((row.map_or(0, |r| db::int(&r, 0)), slug))
}
