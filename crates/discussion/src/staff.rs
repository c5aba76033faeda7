//! What the commune's staff read and write of discussions (the back-office's
//! `/admin/discussions`).

use palabre_kit::db::{self, Connection, DbResult, Value};

/// A discussion as its edit form shows it.
pub struct Discussion {
    pub id: i64,
    pub slug: String,
    pub question: String,
    pub context: String,
    pub process_id: Option<i64>,
    pub opens_on: String,
    pub closes_on: String,
    pub published: bool,
    pub opinion_map: bool,
}

const DISCUSSION_COLUMNS: &str =
    "id, slug, question, context, process_id, opens_on, closes_on, status, opinion_map";

fn discussion_of(r: &db::Row) -> Discussion {
    Discussion {
        id: db::int(r, 0),
        slug: db::text(r, 1),
        question: db::text(r, 2),
        context: db::text(r, 3),
        process_id: db::opt_int(r, 4),
        opens_on: db::text(r, 5),
        closes_on: db::text(r, 6),
        published: db::text(r, 7) == "published",
        opinion_map: db::int(r, 8) == 1,
    }
}

pub async fn all_discussions(conn: &Connection) -> DbResult<Vec<Discussion>> {
    let sql =
        format!("SELECT {DISCUSSION_COLUMNS} FROM discussions ORDER BY opens_on DESC, id DESC");
    Ok(db::query(conn, &sql, Vec::new())
        .await?
        .iter()
        .map(discussion_of)
        .collect())
}

pub async fn discussion(conn: &Connection, id: i64) -> DbResult<Option<Discussion>> {
    let sql = format!("SELECT {DISCUSSION_COLUMNS} FROM discussions WHERE id = ?");
    Ok(db::query_one(conn, &sql, vec![Value::Integer(id)])
        .await?
        .as_ref()
        .map(discussion_of))
}

pub async fn save_discussion(
    conn: &Connection,
    id: Option<i64>,
    d: &Discussion,
    user_id: Option<i64>,
    now: i64,
) -> DbResult<i64> {
    let status = if d.published { "published" } else { "draft" };
    let mut params = vec![
        Value::text(d.slug.as_str()),
        Value::text(d.question.as_str()),
        Value::text(d.context.as_str()),
        d.process_id.map_or(Value::Null, Value::Integer),
        Value::text(d.opens_on.as_str()),
        Value::text(d.closes_on.as_str()),
        Value::text(status),
        Value::Integer(i64::from(d.opinion_map)),
        Value::Integer(now),
    ];
    match id {
        Some(id) => {
            params.push(Value::Integer(id));
            db::exec(
                conn,
                "UPDATE discussions SET slug = ?, question = ?, context = ?, process_id = ?, opens_on = ?, \
                 closes_on = ?, status = ?, opinion_map = ?, updated_at = ? WHERE id = ?",
                params,
            )
            .await?;
            Ok(id)
        }
        None => {
            params.push(user_id.map_or(Value::Null, Value::Integer));
            params.push(Value::Integer(now));
            let row = db::query_one(
                conn,
                "INSERT INTO discussions (slug, question, context, process_id, opens_on, closes_on, status, \
                 opinion_map, updated_at, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                params,
            )
            .await?;
            Ok(row.map_or(0, |r| db::int(&r, 0)))
        }
    }
}

/// Is `slug` another discussion's address than `id`'s?
pub async fn slug_taken(conn: &Connection, slug: &str, id: Option<i64>) -> DbResult<bool> {
    let params = vec![Value::text(slug), id.map_or(Value::Null, Value::Integer)];
    Ok(db::query_one(
        conn,
        "SELECT 1 FROM discussions WHERE slug = ? AND id IS NOT ?",
        params,
    )
    .await?
    .is_some())
}
