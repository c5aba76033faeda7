//! SQL of the open-data API (`/api/v1`), next to the mapping of each row to
//! the JSON the OpenAPI document describes (`api/openapi.json`). Published
//! items only; nothing names a person (no author, no account id).

use palabre_domain::date::{Day, timestamp};
use palabre_domain::process::{Span, Status, tools_from_list};
use palabre_kit::db::{self, Connection, DbResult, Value as Sql};
use serde_json::{Value, json};

/// One page of a list: the items, and the cursor of the next page.
pub struct Page {
    pub items: Vec<Value>,
    pub next: Option<i64>,
}

/// Runs a list query whose last two parameters are the cursor (items after
/// it) and the number of rows wanted; asks one more row to know if another
/// page follows. Column 0 of every row is the cursor key (the row id).
async fn page(
    conn: &Connection,
    sql: &str,
    mut params: Vec<Sql>,
    after: i64,
    limit: i64,
    map: impl Fn(&db::Row) -> Value,
) -> DbResult<Page> {
    params.push(Sql::Integer(after));
    params.push(Sql::Integer(limit + 1));
    let rows = db::query(conn, sql, params).await?;
    let more = rows.len() as i64 > limit;
    let shown = &rows[..rows.len().min(usize::try_from(limit).unwrap_or(0))];
    Ok(Page {
        items: shown.iter().map(&map).collect(),
        next: if more {
            shown.last().map(|r| db::int(r, 0))
        } else {
            None
        },
    })
}

/// A list that may be narrowed to one process: `select` is the query up to
/// its WHERE conditions, `table` the alias of the listed table.
async fn of_process(
    conn: &Connection,
    select: String,
    table: &str,
    process: Option<i64>,
    (after, limit): (i64, i64),
    map: impl Fn(&db::Row) -> Value,
) -> DbResult<Page> {
    let sql = format!(
        "{select} AND (?1 IS NULL OR {table}.process_id = ?1) \
         AND {table}.id > ?2 ORDER BY {table}.id LIMIT ?3"
    );
    let filter = process.map_or(Sql::Null, Sql::Integer);
    page(conn, &sql, vec![filter], after, limit, map).await
}

fn status_of(starts: &str, ends: &str) -> &'static str {
    let today = Day::of_unix(palabre_kit::now());
    Span::parse(starts, ends)
        .map_or(Status::Closed, |s| s.status(today))
        .as_str()
}

fn opt_text(r: &db::Row, i: usize) -> Value {
    db::opt_text(r, i).map_or(Value::Null, Value::String)
}

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
    let milestones: Vec<Value> = db::query(
        conn,
        "SELECT on_date, percent, body FROM proposal_milestones WHERE proposal_id = ? ORDER BY on_date, id",
        vec![Sql::Integer(id)],
    )
    .await?
    .iter()
    .map(|r| json!({ "date": db::text(r, 0), "percent": db::int(r, 1), "body": db::text(r, 2) }))
    .collect();
    proposal["answers"] = json!(answers);
    proposal["milestones"] = json!(milestones);
    Ok(Some(proposal))
}

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
        palabre_questionnaire::results::PUBLIC
    );
    let row = db::query_one(conn, &sql, vec![Sql::text(slug)]).await?;
    Ok(row.map(|r| (db::int(&r, 0), questionnaire_json(&r))))
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
