//! `/open-data.json`: the commune's whole participation as open data, naming
//! nobody — its published processes with their phases, and what each feature
//! adds (its manifest's `open_data`: discussions with their number of
//! contributions, questionnaires with their responses, proposals per status
//! and where each process's full list is).

use palabre_kit::db::{self, Value as Sql};
use palabre_kit::feature::{OpenData, Shape};
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
        p.insert("phases".into(), json!([]));
        for part in palabre_features::ALL
            .iter()
            .flat_map(|f| f.open_data.iter())
        {
            let empty = match part.shape {
                Shape::List(_) => json!([]),
                Shape::Counts => json!({}),
                Shape::One => Value::Null,
            };
            p.insert(part.key.into(), empty);
        }
        (db::int(r, 0), p)
    })
    .collect();
    // Each part in one query, placed under its process: the phases, then
    // each feature's (its manifest's).
    const PHASES: OpenData = OpenData {
        key: "phases",
        sql: "SELECT process_id, name, starts_on, ends_on FROM process_phases ORDER BY process_id, position",
        shape: Shape::List(&["name", "starts_on", "ends_on"]),
    };
    let parts = std::iter::once(&PHASES).chain(
        palabre_features::ALL
            .iter()
            .flat_map(|f| f.open_data.iter()),
    );
    for part in parts {
        for r in db::query(conn, part.sql, Vec::<Sql>::new()).await? {
            let Some((_, p)) = processes.iter_mut().find(|(id, _)| *id == db::int(&r, 0)) else {
                continue;
            };
            let column = |i: usize| r.values.get(i).map_or(Value::Null, db::to_json);
            match part.shape {
                Shape::List(fields) => {
                    let item: Map<String, Value> = fields
                        .iter()
                        .enumerate()
                        .map(|(i, f)| ((*f).to_string(), column(i + 1)))
                        .collect();
                    if let Some(list) = p.get_mut(part.key).and_then(Value::as_array_mut) {
                        list.push(Value::Object(item));
                    }
                }
                Shape::Counts => {
                    if let Some(map) = p.get_mut(part.key).and_then(Value::as_object_mut) {
                        map.insert(db::text(&r, 1), column(2));
                    }
                }
                Shape::One => {
                    p.insert(part.key.into(), column(1));
                }
            }
        }
    }
    let body = json!({
        "commune": env.site.name,
        "generated_on": palabre_kit::i18n::iso_day(palabre_kit::now()),
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
