//! What each participation feature shows on a process page: every feature's
//! manifest names its list (one query each), and the pages component shows
//! them all.

use palabre_domain::date::Day;
use palabre_domain::process::{Span, Status, Tool};
use serde::Serialize;

use crate::db::{self, Connection, DbResult, Value};

/// One feature's list of items in a process (its manifest's
/// `participation`). The query takes the process id and returns `title, url,
/// count, opens_on, closes_on` of published items.
#[derive(Debug)]
pub struct List {
    pub tool: Tool,
    pub sql: &'static str,
}

/// (id, title) of every process, for a select.
pub async fn process_choices(conn: &Connection) -> DbResult<Vec<(i64, String)>> {
    let rows = db::query(
        conn,
        "SELECT id, title FROM processes ORDER BY starts_on DESC",
        Vec::new(),
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| (db::int(r, 0), db::text(r, 1)))
        .collect())
}

/// (id, name) of every district, by name, for a select.
pub async fn districts(conn: &Connection) -> DbResult<Vec<(i64, String)>> {
    let rows = db::query(
        conn,
        "SELECT id, name FROM districts ORDER BY name",
        Vec::new(),
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| (db::int(r, 0), db::text(r, 1)))
        .collect())
}

/// Where something open from `opens_on` to `closes_on` stands today.
pub fn status_of(opens_on: &str, closes_on: &str) -> Status {
    let today = crate::today();
    Span::parse(opens_on, closes_on).map_or(Status::Closed, |s| s.status(today))
}

/// Where something open for a time (a discussion, a questionnaire) stands
/// today, and its dates written out for the visitor: the status and the data
/// templates show (`key`, `label`, `open`, `opens`, `closes`).
pub fn dates(
    locale: palabre_domain::Locale,
    opens_on: &str,
    closes_on: &str,
) -> (Status, crate::view::Dates) {
    let status = status_of(opens_on, closes_on);
    let day = |iso: &str| match Day::parse(iso) {
        Some(day) => crate::view::Day {
            iso: day.iso(),
            text: crate::i18n::day(locale, day),
        },
        None => crate::view::Day {
            iso: iso.to_string(),
            text: iso.to_string(),
        },
    };
    let data = crate::view::Dates {
        key: status.as_str().to_string(),
        label: crate::i18n::t(locale, &format!("process-status-{}", status.as_str())),
        open: status == Status::Open,
        opens: day(opens_on),
        closes: day(closes_on),
    };
    (status, data)
}

/// When a process lets citizens open discussions (its setting, and a phase
/// under way today with the discussion tool): the end of that phase, which
/// is when such a discussion closes.
pub async fn citizens_may_open(
    conn: &Connection,
    process_id: i64,
    today: &str,
) -> DbResult<Option<String>> {
    let row = db::query_one(
        conn,
        "SELECT ph.ends_on FROM processes p JOIN process_phases ph ON ph.process_id = p.id \
         WHERE p.id = ?1 AND p.status = 'published' AND p.citizen_discussions = 1 \
           AND ph.starts_on <= ?2 AND ph.ends_on >= ?2 \
           AND (',' || ph.tools || ',') LIKE '%,discussion,%' \
         ORDER BY ph.ends_on DESC LIMIT 1",
        vec![Value::Integer(process_id), Value::text(today)],
    )
    .await?;
    Ok(row.map(|r| db::text(&r, 0)))
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub title: String,
    pub url: String,
    /// Contributions so far (comments, answers, supports).
    pub count: i64,
    pub opens_on: String,
    pub closes_on: String,
}

/// Every feature's items in a process, by tool, in the features' order.
pub async fn items(
    conn: &Connection,
    process_id: i64,
    features: &[&crate::feature::Manifest],
) -> DbResult<Vec<(Tool, Vec<Item>)>> {
    let mut all = Vec::new();
    for list in features.iter().filter_map(|f| f.participation.as_ref()) {
        let rows = db::query(conn, list.sql, vec![Value::Integer(process_id)]).await?;
        let items: Vec<Item> = rows
            .iter()
            .map(|r| Item {
                title: db::text(r, 0),
                url: db::text(r, 1),
                count: db::int(r, 2),
                opens_on: db::text(r, 3),
                closes_on: db::text(r, 4),
            })
            .collect();
        if !items.is_empty() {
            all.push((list.tool, items));
        }
    }
    Ok(all)
}
