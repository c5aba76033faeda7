//! `/api/v1`: the open-data API. Read-only JSON, no personal data, lists
//! paginated with cursors (`?cursor=` from the previous page's
//! `next_cursor`, `?limit=` 1–100), open to any origin (CORS). Described by
//! the OpenAPI 3.1 document served at `/api/v1/openapi.json`; a unit test
//! keeps its paths and this route table equal, and `scripts/test` runs
//! schemathesis against the live API with it.

use http::{HeaderValue, Method, StatusCode, header};
use palabre_domain::questionnaire::Summary;
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Error, Response, Result};
use palabre_questionnaire::results;
use serde_json::{Value, json};

use crate::Env;
use crate::api_store as store;
use palabre_budget::api as budgets;
use palabre_discussion::api as discussions;
use palabre_kit::api::Page;
use palabre_proposal::api as proposals;
use palabre_questionnaire::api as questionnaires;

/// The OpenAPI document, as served.
pub const OPENAPI: &str = include_str!("../../api/openapi.json");

/// Every path the API serves, as the OpenAPI document writes them.
pub const PATHS: &[&str] = &[
    "/api/v1/openapi.json",
    "/api/v1/processes",
    "/api/v1/processes/{slug}",
    "/api/v1/processes/{slug}/report",
    "/api/v1/proposals",
    "/api/v1/proposals/{id}",
    "/api/v1/proposals/{id}/comments",
    "/api/v1/discussions",
    "/api/v1/discussions/{slug}",
    "/api/v1/discussions/{slug}/comments",
    "/api/v1/questionnaires",
    "/api/v1/questionnaires/{slug}/results",
    "/api/v1/budgets",
    "/api/v1/budgets/{id}",
    "/api/v1/budgets/{id}/results",
    "/api/v1/news",
];

const DEFAULT_LIMIT: i64 = 20;
const MAX_LIMIT: i64 = 100;

/// A request the API refuses, with its status and a message for developers.
struct Refusal(StatusCode, &'static str, String);

impl From<Error> for Refusal {
    fn from(e: Error) -> Self {
        let status = e.status();
        if status.is_server_error() {
            eprintln!("api: {e}");
        }
        let (code, message) = match e {
            Error::NotFound => ("not_found", "No such resource.".to_string()),
            Error::BadRequest(m) => ("bad_request", m.to_string()),
            Error::MethodNotAllowed => ("method_not_allowed", "Only GET and HEAD.".to_string()),
            Error::Unavailable(_) => ("busy", "Busy; try again in a moment.".to_string()),
            _ => ("internal", "Something went wrong on our side.".to_string()),
        };
        Refusal(status, code, message)
    }
}

impl From<palabre_kit::db::DbError> for Refusal {
    fn from(e: palabre_kit::db::DbError) -> Self {
        Refusal::from(Error::from(e))
    }
}

fn bad(message: &str) -> Refusal {
    Refusal(StatusCode::BAD_REQUEST, "bad_request", message.to_string())
}

fn not_found() -> Refusal {
    Refusal::from(Error::NotFound)
}

/// The open headers every API answer carries.
fn open(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

pub async fn route(env: &Env, rest: &[&str]) -> Result<Response> {
    let response = match env.ctx.method {
        Method::GET | Method::HEAD => match answer(env, rest).await {
            Ok(body) => respond::cached(respond::json(StatusCode::OK, &body), Cache::NoCache),
            Err(Refusal(status, code, message)) => respond::json(
                status,
                &json!({ "error": { "status": status.as_u16(), "code": code, "message": message } }),
            ),
        },
        Method::OPTIONS => {
            let mut r =
                respond::with_body(StatusCode::NO_CONTENT, "text/plain", bytes::Bytes::new());
            let h = r.headers_mut();
            let methods = HeaderValue::from_static(respond::API_METHODS);
            h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, methods.clone());
            h.insert(header::ALLOW, methods);
            h.insert(
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static("86400"),
            );
            r
        }
        // Refused by the gate already; answered the same way without it.
        _ => respond::api_read_only(),
    };
    Ok(open(response))
}

/// `?limit=` (1–100, 20 when absent) and `?cursor=` (0 when absent).
fn paging(env: &Env) -> Result<(i64, i64), Refusal> {
    let limit = match env.ctx.query("limit") {
        None => DEFAULT_LIMIT,
        Some(v) => v
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=MAX_LIMIT).contains(n))
            .ok_or_else(|| bad("`limit` must be a whole number from 1 to 100."))?,
    };
    let after = match env.ctx.query("cursor") {
        None => 0,
        Some(v) => decode_cursor(v).ok_or_else(|| {
            bad("`cursor` must be the `next_cursor` of a previous page, as it was given.")
        })?,
    };
    Ok((limit, after))
}

/// Cursors are opaque to clients; they hold the last id seen.
fn encode_cursor(id: i64) -> String {
    format!("c{id}")
}

fn decode_cursor(cursor: &str) -> Option<i64> {
    let digits = cursor.strip_prefix('c')?;
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|n| *n >= 0)
}

/// The list's JSON: its items, the next cursor and the link to the next page.
fn list(env: &Env, page: Page) -> Value {
    let next = page.next.map(encode_cursor);
    let link = next.as_ref().map(|c| {
        let mut query: Vec<String> = ["process", "limit"]
            .iter()
            .filter_map(|k| env.ctx.query(k).map(|v| format!("{k}={}", encode_query(v))))
            .collect();
        query.push(format!("cursor={c}"));
        format!("{}?{}", env.ctx.path, query.join("&"))
    });
    json!({ "data": page.items, "next_cursor": next, "next": link })
}

fn encode_query(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `?process=<slug>`: the process's id, or 404 when there is no such
/// published process; `None` when the list is not filtered.
async fn process_filter(env: &Env) -> Result<Option<i64>, Refusal> {
    match env.ctx.query("process") {
        None => Ok(None),
        Some(slug) => store::process_id(&env.conn, slug)
            .await?
            .map(Some)
            .ok_or_else(not_found),
    }
}

fn proposal_id(raw: &str) -> Result<i64, Refusal> {
    positive_id(raw).ok_or_else(|| bad("A proposal id is a positive whole number."))
}

fn envelope_id(raw: &str) -> Result<i64, Refusal> {
    positive_id(raw).ok_or_else(|| bad("A budget id is a positive whole number."))
}

fn positive_id(raw: &str) -> Option<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|n| *n > 0 && raw.bytes().all(|b| b.is_ascii_digit()))
}

/// The template of [`PATHS`] a request's path matches, with the values of
/// its parameters: the router serves these and nothing else.
fn template<'a>(rest: &[&'a str]) -> Option<(&'static str, Vec<&'a str>)> {
    PATHS.iter().find_map(|t| {
        let parts: Vec<&str> = t.trim_start_matches("/api/v1/").split('/').collect();
        if parts.len() != rest.len() {
            return None;
        }
        let mut params = Vec::new();
        for (part, seg) in parts.iter().zip(rest) {
            if part.starts_with('{') {
                params.push(*seg);
            } else if part != seg {
                return None;
            }
        }
        Some((*t, params))
    })
}

async fn answer(env: &Env, rest: &[&str]) -> Result<Value, Refusal> {
    let conn = &env.conn;
    let (path, params) = template(rest).ok_or_else(not_found)?;
    match (path.trim_start_matches("/api/v1/"), params.as_slice()) {
        ("openapi.json", []) => serde_json::from_str(OPENAPI)
            .map_err(|e| Refusal::from(Error::Internal(format!("openapi.json: {e}")))),
        ("processes", []) => {
            let (limit, after) = paging(env)?;
            Ok(list(env, store::processes(conn, after, limit).await?))
        }
        ("processes/{slug}", [slug]) => {
            Ok(store::process(conn, slug).await?.ok_or_else(not_found)?.1)
        }
        ("processes/{slug}/report", [slug]) => report(env, slug).await,
        ("proposals", []) => {
            let (limit, after) = paging(env)?;
            let process = process_filter(env).await?;
            Ok(list(
                env,
                proposals::proposals(conn, process, after, limit).await?,
            ))
        }
        ("proposals/{id}", [id]) => proposals::proposal(conn, proposal_id(id)?)
            .await?
            .ok_or_else(not_found),
        ("proposals/{id}/comments", [id]) => {
            let id = proposal_id(id)?;
            let (limit, after) = paging(env)?;
            proposals::proposal(conn, id).await?.ok_or_else(not_found)?;
            Ok(list(
                env,
                store::comments(conn, "proposal", id, after, limit).await?,
            ))
        }
        ("discussions", []) => {
            let (limit, after) = paging(env)?;
            let process = process_filter(env).await?;
            Ok(list(
                env,
                discussions::discussions(conn, process, after, limit).await?,
            ))
        }
        ("discussions/{slug}", [slug]) => Ok(discussions::discussion(conn, slug)
            .await?
            .ok_or_else(not_found)?
            .1),
        ("discussions/{slug}/comments", [slug]) => {
            let (limit, after) = paging(env)?;
            let (id, _) = discussions::discussion(conn, slug)
                .await?
                .ok_or_else(not_found)?;
            Ok(list(
                env,
                store::comments(conn, "discussion", id, after, limit).await?,
            ))
        }
        ("questionnaires", []) => {
            let (limit, after) = paging(env)?;
            let process = process_filter(env).await?;
            Ok(list(
                env,
                questionnaires::questionnaires(conn, process, after, limit).await?,
            ))
        }
        ("questionnaires/{slug}/results", [slug]) => questionnaire_results(env, slug).await,
        ("budgets", []) => {
            let (limit, after) = paging(env)?;
            let process = process_filter(env).await?;
            Ok(list(
                env,
                budgets::budgets(conn, process, after, limit).await?,
            ))
        }
        ("budgets/{id}", [id]) => {
            let e = budgets::public_envelope(conn, envelope_id(id)?)
                .await?
                .ok_or_else(not_found)?;
            Ok(budgets::budget(conn, &e).await?)
        }
        ("budgets/{id}/results", [id]) => {
            let e = budgets::public_envelope(conn, envelope_id(id)?)
                .await?
                .filter(|e| e.published_at.is_some())
                .ok_or_else(not_found)?;
            Ok(budgets::results(conn, &e).await?)
        }
        ("news", []) => {
            let (limit, after) = paging(env)?;
            Ok(list(env, store::news(conn, after, limit).await?))
        }
        _ => Err(Refusal::from(Error::Internal(format!(
            "{path}: no handler"
        )))),
    }
}

/// The figures of a published process report, counted as its page counts them.
async fn report(env: &Env, slug: &str) -> Result<Value, Refusal> {
    let (id, process) = store::process(&env.conn, slug)
        .await?
        .ok_or_else(not_found)?;
    let Some(report) = crate::report_store::report(&env.conn, id).await? else {
        return Err(not_found());
    };
    let Some(published_at) = report.published_at else {
        return Err(not_found());
    };
    let c = crate::report_store::counts(&env.conn, id).await?;
    let mut figures = serde_json::Map::new();
    figures.insert("people".into(), json!(c.people));
    figures.insert("contributions".into(), json!(c.contributions()));
    for (tally, n) in &c.tallies {
        figures.insert(tally.key.into(), json!(n));
    }
    let districts: Vec<Value> = palabre_proposal::read::by_district(&env.conn, id)
        .await?
        .into_iter()
        .map(|(name, proposals, supports)| json!({ "district": name, "proposals": proposals, "supports": supports }))
        .collect();
    Ok(json!({
        "process": process["slug"],
        "url": format!("/processes/{slug}/bilan"),
        "published_at": palabre_domain::date::timestamp(published_at),
        "figures": figures,
        "by_district": districts,
        "commentary": report.commentary,
        "commitments": report.commitments,
    }))
}

fn lines_json(labels: &[String], lines: &[palabre_domain::questionnaire::Line]) -> Value {
    json!(
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| json!({
                "label": labels.get(i).cloned().unwrap_or_default(),
                "count": l.count,
                "percent": (l.percent * 10.0).round() / 10.0,
            }))
            .collect::<Vec<_>>()
    )
}

async fn questionnaire_results(env: &Env, slug: &str) -> Result<Value, Refusal> {
    let (id, mut questionnaire) = questionnaires::public_questionnaire(&env.conn, slug)
        .await?
        .ok_or_else(not_found)?;
    let locale = env.site.default_locale;
    let questions: Vec<Value> = results::questions(&env.conn, id)
        .await?
        .iter()
        .map(|a| {
            let q = &a.question;
            let mut out = json!({
                "id": q.id,
                "label": a.label,
                "kind": q.kind.as_str(),
                "answered": a.results.answered,
            });
            match &a.results.summary {
                Summary::Text => {}
                Summary::Choices(lines) => {
                    out["lines"] = lines_json(&results::choice_labels(locale, q), lines);
                }
                Summary::Scale {
                    lines,
                    mean,
                    median,
                } => {
                    out["lines"] = lines_json(&results::choice_labels(locale, q), lines);
                    if a.results.answered > 0 {
                        out["mean"] = json!(mean);
                        out["median"] = json!(median);
                    }
                }
                Summary::Number {
                    mean,
                    median,
                    min,
                    max,
                } => {
                    if a.results.answered > 0 {
                        out["mean"] = json!(mean);
                        out["median"] = json!(median);
                        out["min"] = json!(min);
                        out["max"] = json!(max);
                    }
                }
                Summary::Dates(months) => {
                    out["months"] = json!(
                        months
                            .iter()
                            .map(|(m, n)| json!({ "month": m, "count": n }))
                            .collect::<Vec<_>>()
                    );
                }
                Summary::Ranking { scores, ranks } => {
                    out["ranking"] = json!(
                        q.options
                            .iter()
                            .enumerate()
                            .map(|(i, o)| json!({
                                "label": o,
                                "borda": scores.get(i).copied().unwrap_or(0),
                                "first": ranks.get(i).and_then(|r| r.first()).copied().unwrap_or(0),
                            }))
                            .collect::<Vec<_>>()
                    );
                }
                Summary::Matrix(rows) => {
                    out["matrix"] = json!(
                        q.rows
                            .iter()
                            .zip(rows)
                            .map(|(label, lines)| json!({ "row": label, "lines": lines_json(&q.options, lines) }))
                            .collect::<Vec<_>>()
                    );
                }
            }
            out
        })
        .collect();
    questionnaire["questions"] = json!(questions);
    Ok(questionnaire)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document and the route table list the same paths, each with GET.
    #[test]
    fn the_openapi_document_describes_every_route() {
        let doc: Value = serde_json::from_str(OPENAPI).unwrap();
        assert_eq!(doc["openapi"].as_str().unwrap_or("").get(..3), Some("3.1"));
        let mut documented: Vec<&str> = doc["paths"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        documented.sort_unstable();
        let mut served: Vec<&str> = PATHS.to_vec();
        served.sort_unstable();
        assert_eq!(documented, served);
        for path in PATHS {
            assert!(doc["paths"][path]["get"].is_object(), "{path} has no GET");
        }
    }

    #[test]
    fn paths_match_their_templates() {
        assert_eq!(
            template(&["processes"]),
            Some(("/api/v1/processes", vec![]))
        );
        assert_eq!(
            template(&["discussions", "lignes-de-bus", "comments"]),
            Some(("/api/v1/discussions/{slug}/comments", vec!["lignes-de-bus"]))
        );
        assert_eq!(template(&["processes", "x", "y"]), None);
        assert_eq!(template(&[]), None);
        assert_eq!(template(&["news", ""]), None);
    }

    #[test]
    fn cursors_round_trip_and_refuse_anything_else() {
        for id in [0, 1, 42, 9_007_199_254_740_993] {
            assert_eq!(decode_cursor(&encode_cursor(id)), Some(id));
        }
        for bad in [
            "",
            "c",
            "42",
            "c-1",
            "c1.5",
            "c 1",
            "cx",
            "c1234567890123456789",
            "C1",
        ] {
            assert_eq!(decode_cursor(bad), None, "{bad}");
        }
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(encode_query("quais-de-loire"), "quais-de-loire");
        assert_eq!(encode_query("a b&c"), "a%20b%26c");
    }
}
