//! `/open-data.json`: the commune's whole participation as open data, naming
//! nobody — its published processes with their phases, discussions (question,
//! number of contributions), questionnaires (number of responses) and
//! proposals (numbers per status, and where each process's full list is).

use palabre_kit::db::{self, Value as Sql};
use palabre_kit::{Response, Result, respond};
use serde_json::{Map, Value, json};

use crate::Env;

pub async fn bundle(env: &Env) -> Result<Response> {
    let conn = &env.conn;
    let mut processes: Vec<(i64, Map<String, Value>)> = db::query(
        conn,
        "SELECT id, slug, title, starts_on, ends_on, participants, contributions FROM processes \
         WHERE status = 'published' ORDER BY starts_on, id",
        Vec::new(),
    )
    .await?
    .iter()
    .map(|r| {
        let slug = db::text(r, 1);
        let mut p = Map::new();
        p.insert("slug".into(), json!(slug));
        p.insert("title".into(), json!(db::text(r, 2)));
        p.insert("starts_on".into(), json!(db::text(r, 3)));
        p.insert("ends_on".into(), json!(db::text(r, 4)));
        p.insert("participants".into(), json!(db::int(r, 5)));
        p.insert("contributions".into(), json!(db::int(r, 6)));
        p.insert("url".into(), json!(format!("/processes/{slug}")));
        p.insert(
            "proposals_open_data".into(),
            json!(format!("/proposals/open-data.json?process={slug}")),
        );
        for key in ["phases", "discussions", "questionnaires"] {
            p.insert(key.into(), json!([]));
        }
        p.insert("proposals_by_status".into(), json!({}));
        (db::int(r, 0), p)
    })
    .collect();
    // Each part in one query, placed under its process.
    let parts: [(&str, &str); 4] = [
        (
            "phases",
            "SELECT process_id, name, starts_on, ends_on FROM process_phases ORDER BY process_id, position",
        ),
        (
            "discussions",
            "SELECT process_id, question, comments_count, '/discussions/' || slug FROM discussions \
             WHERE status = 'published' AND process_id IS NOT NULL ORDER BY id",
        ),
        (
            "questionnaires",
            "SELECT process_id, title, responses_count, '/questionnaires/' || slug || '/open-data.json' \
             FROM questionnaires WHERE status = 'published' AND process_id IS NOT NULL ORDER BY id",
        ),
        (
            "proposals_by_status",
            "SELECT process_id, status, count(*) FROM proposals WHERE state = 'published' \
             GROUP BY process_id, status",
        ),
    ];
    for (key, sql) in parts {
        for r in db::query(conn, sql, Vec::<Sql>::new()).await? {
            let Some((_, p)) = processes.iter_mut().find(|(id, _)| *id == db::int(&r, 0)) else {
                continue;
            };
            let item = match key {
                "phases" => {
                    json!({ "name": db::text(&r, 1), "starts_on": db::text(&r, 2), "ends_on": db::text(&r, 3) })
                }
                "discussions" => {
                    json!({ "question": db::text(&r, 1), "contributions": db::int(&r, 2), "url": db::text(&r, 3) })
                }
                "questionnaires" => {
                    json!({ "title": db::text(&r, 1), "responses": db::int(&r, 2), "open_data": db::text(&r, 3) })
                }
                _ => {
                    if let Some(map) = p.get_mut(key).and_then(Value::as_object_mut) {
                        map.insert(db::text(&r, 1), json!(db::int(&r, 2)));
                    }
                    continue;
                }
            };
            if let Some(list) = p.get_mut(key).and_then(Value::as_array_mut) {
                list.push(item);
            }
        }
    }
    let body = json!({
        "commune": env.site.name,
        "generated_on": palabre_domain::date::iso_date(palabre_kit::now()),
        "personal_data": false,
        "processes": processes.into_iter().map(|(_, p)| Value::Object(p)).collect::<Vec<_>>(),
    });
    let mut response = respond::json(http::StatusCode::OK, &body);
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json; charset=utf-8"),
    );
    Ok(respond::cached(response, respond::Cache::NoCache))
}
