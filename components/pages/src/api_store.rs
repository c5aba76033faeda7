//! SQL of the open-data API (`/api/v1`), next to the mapping of each row to
//! the JSON the OpenAPI document describes (`api/openapi.json`). Published
//! items only; nothing names a person (no author, no account id).

use palabre_domain::date::timestamp;
use palabre_domain::process::tools_from_list;
use palabre_kit::api::{Page, opt_text, page, status_of};
use palabre_kit::db::{self, Connection, DbResult, Value as Sql};
use serde_json::{Value, json};

// ---- processes

const PROCESS_COLUMNS: &str = "p.id, p.slug, p.title, p.summary, p.body, d.name, p.starts_on, p.ends_on, \
     p.participants, p.contributions, \
     (SELECT published_at FROM process_reports r WHERE r.process_id = p.id)";
const PROCESSES: &str = "FROM processes p LEFT JOIN districts d ON d.id = p.district_id \
     WHERE p.status = 'published'";

fn process_json(r: &db::Row) -> Value {
    let slug = db::text(r, 1);
    let (starts, ends) = (db::text(r, 6), db::text(r, 7));
    json!({
        "slug": slug,
        "title": db::text(r, 2),
        "summary": db::text(r, 3),
        "body": db::text(r, 4),
        "district": opt_text(r, 5),
        "starts_on": starts,
        "ends_on": ends,
        "status": status_of(&starts, &ends),
        "participants": db::int(r, 8),
        "contributions": db::int(r, 9),
        "url": format!("/processes/{slug}"),
        "report_url": db::opt_int(r, 10).map(|_| format!("/processes/{slug}/bilan")),
    })
}

pub async fn processes(conn: &Connection, after: i64, limit: i64) -> DbResult<Page> {
    let sql = format!("SELECT {PROCESS_COLUMNS} {PROCESSES} AND p.id > ? ORDER BY p.id LIMIT ?");
    page(conn, &sql, Vec::new(), after, limit, process_json).await
}

/// A published process by slug: its JSON with its phases, and its id.
pub async fn process(conn: &Connection, slug: &str) -> DbResult<Option<(i64, Value)>> {
    let sql = format!("SELECT {PROCESS_COLUMNS} {PROCESSES} AND p.slug = ?");
    let Some(row) = db::query_one(conn, &sql, vec![Sql::text(slug)]).await? else {
        return Ok(None);
    };
    let id = db::int(&row, 0);
    let mut process = process_json(&row);
    let phases: Vec<Value> = db::query(
        conn,
        "SELECT name, description, starts_on, ends_on, tools FROM process_phases \
         WHERE process_id = ? ORDER BY starts_on, position, id",
        vec![Sql::Integer(id)],
    )
    .await?
    .iter()
    .map(|r| {
        let (starts, ends) = (db::text(r, 2), db::text(r, 3));
        json!({
            "name": db::text(r, 0),
            "description": db::text(r, 1),
            "starts_on": starts,
            "ends_on": ends,
            "status": status_of(&starts, &ends),
            "tools": tools_from_list(&db::text(r, 4)).iter().map(|t| t.as_str()).collect::<Vec<_>>(),
        })
    })
    .collect();
    process["phases"] = json!(phases);
    Ok(Some((id, process)))
}

/// The id of a published process, for the `process` filter of the lists.
pub async fn process_id(conn: &Connection, slug: &str) -> DbResult<Option<i64>> {
    let row = db::query_one(
        conn,
        "SELECT id FROM processes WHERE slug = ? AND status = 'published'",
        vec![Sql::text(slug)],
    )
    .await?;
    Ok(row.map(|r| db::int(&r, 0)))
}

/// The public comments on a discussion or a proposal (not deleted, not
/// hidden), oldest first.
pub async fn comments(
    conn: &Connection,
    resource: &str,
    resource_id: i64,
    after: i64,
    limit: i64,
) -> DbResult<Page> {
    page(
        conn,
        "SELECT id, parent_id, depth, body, stance, up, down, badge, created_at, edited_at FROM comments \
         WHERE resource = ? AND resource_id = ? AND deleted_at IS NULL AND hidden_at IS NULL \
           AND id > ? ORDER BY id LIMIT ?",
        vec![Sql::text(resource), Sql::Integer(resource_id)],
        after,
        limit,
        |r| {
            json!({
                "id": db::int(r, 0),
                "parent_id": db::opt_int(r, 1),
                "depth": db::int(r, 2),
                "body": db::text(r, 3),
                "stance": opt_text(r, 4),
                "up": db::int(r, 5),
                "down": db::int(r, 6),
                "badge": opt_text(r, 7),
                "created_at": timestamp(db::int(r, 8)),
                "edited_at": db::opt_int(r, 9).map(timestamp),
            })
        },
    )
    .await
}

// ---- news

pub async fn news(conn: &Connection, after: i64, limit: i64) -> DbResult<Page> {
    page(
        conn,
        "SELECT id, slug, title, summary, body, coalesce(published_at, created_at) FROM news \
         WHERE status = 'published' AND id > ? ORDER BY id LIMIT ?",
        Vec::new(),
        after,
        limit,
        |r| {
            let slug = db::text(r, 1);
            json!({
                "slug": slug,
                "title": db::text(r, 2),
                "summary": db::text(r, 3),
                "body": db::text(r, 4),
                "published_at": timestamp(db::int(r, 5)),
                "url": format!("/news/{slug}"),
            })
        },
    )
    .await
}
