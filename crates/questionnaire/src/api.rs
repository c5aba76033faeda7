//! The open-data API's questionnaires (`/api/v1`): their SQL next to the mapping
//! of each row to the JSON `api/openapi.json` describes. Published items
//! only; nothing names a person.

use palabre_kit::api::{Page, of_process, opt_text, status_of};
use palabre_kit::db::{self, Connection, DbResult, Value as Sql};
use serde_json::{Value, json};

// ---- questionnaires

const QUESTIONNAIRE_COLUMNS: &str = "q.id, q.slug, p.slug, q.title, q.opens_on, q.closes_on, q.responses_count, \
     (q.results_public = 1 AND (q.results_from IS NULL OR q.results_from <= date('now')))";
const QUESTIONNAIRES: &str = "FROM questionnaires q LEFT JOIN processes p ON p.id = q.process_id \
     WHERE q.status = 'published' AND (q.process_id IS NULL OR p.status = 'published')";

fn questionnaire_json(r: &db::Row) -> Value {
    let slug = db::text(r, 1);
    let (opens, closes) = (db::text(r, 4), db::text(r, 5));
    let public = db::int(r, 7) == 1;
    json!({
        "slug": slug,
        "process": opt_text(r, 2),
        "title": db::text(r, 3),
        "opens_on": opens,
        "closes_on": closes,
        "status": status_of(&opens, &closes),
        "responses": db::int(r, 6),
        "results_public": public,
        "results_url": public.then(|| format!("/api/v1/questionnaires/{slug}/results")),
        "url": format!("/questionnaires/{slug}"),
    })
}

pub async fn questionnaires(
    conn: &Connection,
    process: Option<i64>,
    after: i64,
    limit: i64,
) -> DbResult<Page> {
    let select = format!("SELECT {QUESTIONNAIRE_COLUMNS} {QUESTIONNAIRES}");
    of_process(
        conn,
        select,
        "q",
        process,
        (after, limit),
        questionnaire_json,
    )
    .await
}

/// A published questionnaire whose results are public today: its id and JSON.
pub async fn public_questionnaire(conn: &Connection, slug: &str) -> DbResult<Option<(i64, Value)>> {
    let sql = format!(
        "SELECT {QUESTIONNAIRE_COLUMNS} {QUESTIONNAIRES} AND q.slug = ? AND {}",
        crate::results::PUBLIC
    );
    let row = db::query_one(conn, &sql, vec![Sql::text(slug)]).await?;
    Ok(row.map(|r| (db::int(&r, 0), questionnaire_json(&r))))
}
