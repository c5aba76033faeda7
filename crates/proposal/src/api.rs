//! The open-data API's proposals (`/api/v1`): their SQL next to the mapping
//! of each row to the JSON `api/openapi.json` describes. Published items
//! only; nothing names a person.

use palabre_domain::date::timestamp;
use palabre_kit::api::{Page, of_process, opt_text};
use palabre_kit::db::{self, Connection, DbResult, Value as Sql};
use serde_json::{Value, json};

// ---- proposals

const PROPOSAL_COLUMNS: &str = "pr.id, p.slug, pr.title, pr.body, c.name, d.name, pr.status, pr.supports, \
     pr.comments_count, coalesce(pr.published_at, pr.created_at), pr.latitude, pr.longitude";
const PROPOSALS: &str = "FROM proposals pr JOIN processes p ON p.id = pr.process_id \
     LEFT JOIN proposal_categories c ON c.id = pr.category_id \
     LEFT JOIN districts d ON d.id = pr.district_id \
     WHERE pr.state = 'published' AND p.status = 'published'";

fn proposal_json(r: &db::Row) -> Value {
    let id = db::int(r, 0);
    let location = match (db::real(r, 10), db::real(r, 11)) {
        (Some(lat), Some(lon)) => json!({ "latitude": lat, "longitude": lon }),
        _ => Value::Null,
    };
    json!({
        "id": id,
        "process": db::text(r, 1),
        "title": db::text(r, 2),
        "body": db::text(r, 3),
        "category": opt_text(r, 4),
        "district": opt_text(r, 5),
        "status": db::text(r, 6),
        "supports": db::int(r, 7),
        "comments": db::int(r, 8),
        "published_at": timestamp(db::int(r, 9)),
        "location": location,
        "url": format!("/proposals/{id}"),
    })
}

pub async fn proposals(
    conn: &Connection,
    process: Option<i64>,
    after: i64,
    limit: i64,
) -> DbResult<Page> {
    let select = format!("SELECT {PROPOSAL_COLUMNS} {PROPOSALS}");
    of_process(conn, select, "pr", process, (after, limit), proposal_json).await
}

/// A published proposal with the commune's answers and the follow-up.
pub async fn proposal(conn: &Connection, id: i64) -> DbResult<Option<Value>> {
    let sql = format!("SELECT {PROPOSAL_COLUMNS} {PROPOSALS} AND pr.id = ?");
    let Some(row) = db::query_one(conn, &sql, vec![Sql::Integer(id)]).await? else {
        return Ok(None);
    };
    let mut proposal = proposal_json(&row);
    let answers: Vec<Value> = db::query(
        conn,
        "SELECT status, body, created_at FROM proposal_answers WHERE proposal_id = ? ORDER BY created_at, id",
        vec![Sql::Integer(id)],
    )
    .await?
    .iter()
    .map(|r| json!({ "status": db::text(r, 0), "body": db::text(r, 1), "answered_at": timestamp(db::int(r, 2)) }))
    .collect();
    let milestones: Vec<Value> = crate::store::milestones(conn, id)
        .await?
        .iter()
        .map(palabre_kit::follow_up::Milestone::to_json)
        .collect();
    proposal["answers"] = json!(answers);
    proposal["milestones"] = json!(milestones);
    Ok(Some(proposal))
}
