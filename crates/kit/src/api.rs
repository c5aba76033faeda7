//! What the open-data API's lists share (`/api/v1`, served by the pages
//! component; each feature's part is its crate's `api` module): pages
//! through a cursor, statuses, nullable texts.

use palabre_domain::process::{Span, Status};
use serde_json::Value;

use crate::db::{self, Connection, DbResult, Value as Sql};

/// One page of a list: the items, and the cursor of the next page.
pub struct Page {
    pub items: Vec<Value>,
    pub next: Option<i64>,
}

/// Runs a list query whose last two parameters are the cursor (items after
/// it) and the number of rows wanted; asks one more row to know if another
/// page follows. Column 0 of every row is the cursor key (the row id).
pub async fn page(
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
pub async fn of_process(
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

/// Where a process or an item open from `starts` to `ends` stands today.
pub fn status_of(starts: &str, ends: &str) -> &'static str {
    let today = crate::today();
    Span::parse(starts, ends)
        .map_or(Status::Closed, |s| s.status(today))
        .as_str()
}

/// A text column as JSON (`null` for NULL).
pub fn opt_text(r: &db::Row, i: usize) -> Value {
    db::opt_text(r, i).map_or(Value::Null, Value::String)
}
