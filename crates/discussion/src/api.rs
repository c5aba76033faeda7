//! The open-data API's discussions (`/api/v1`): their SQL next to the mapping
//! of each row to the JSON `api/openapi.json` describes. Published items
//! only; nothing names a person.

use palabre_kit::api::{Page, of_process, opt_text, status_of};
use palabre_kit::db::{self, Connection, DbResult, Value as Sql};
use serde_json::{Value, json};

// ---- discussions and comments

const DISCUSSION_COLUMNS: &str = "dd.id, dd.slug, p.slug, dd.question, dd.context, dd.opens_on, dd.closes_on, \
     dd.comments_count";
const DISCUSSIONS: &str = "FROM discussions dd LEFT JOIN processes p ON p.id = dd.process_id \
     WHERE dd.status = 'published' AND (dd.process_id IS NULL OR p.status = 'published')";

fn discussion_json(r: &db::Row) -> Value {
    let slug = db::text(r, 1);
    let (opens, closes) = (db::text(r, 5), db::text(r, 6));
    json!({
        "slug": slug,
        "process": opt_text(r, 2),
        "question": db::text(r, 3),
        "context": db::text(r, 4),
        "opens_on": opens,
        "closes_on": closes,
        "status": status_of(&opens, &closes),
        "comments": db::int(r, 7),
        "url": format!("/discussions/{slug}"),
    })
}

pub async fn discussions(
    conn: &Connection,
    process: Option<i64>,
    after: i64,
    limit: i64,
) -> DbResult<Page> {
    let select = format!("SELECT {DISCUSSION_COLUMNS} {DISCUSSIONS}");
    of_process(conn, select, "dd", process, (after, limit), discussion_json).await
}

/// A published discussion with its accepted statements and their votes.
pub async fn discussion(conn: &Connection, slug: &str) -> DbResult<Option<(i64, Value)>> {
    let sql = format!("SELECT {DISCUSSION_COLUMNS} {DISCUSSIONS} AND dd.slug = ?");
    let Some(row) = db::query_one(conn, &sql, vec![Sql::text(slug)]).await? else {
        return Ok(None);
    };
    let id = db::int(&row, 0);
    let mut discussion = discussion_json(&row);
    let statements: Vec<Value> = db::query(
        conn,
        "SELECT id, body, agree, disagree, pass FROM opinion_statements \
         WHERE discussion_id = ? AND status = 'accepted' ORDER BY id",
        vec![Sql::Integer(id)],
    )
    .await?
    .iter()
    .map(|r| {
        json!({
            "id": db::int(r, 0),
            "body": db::text(r, 1),
            "agree": db::int(r, 2),
            "disagree": db::int(r, 3),
            "pass": db::int(r, 4),
        })
    })
    .collect();
    discussion["statements"] = json!(statements);
    Ok(Some((id, discussion)))
}
