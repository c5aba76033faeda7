//! SQL access: the one way components talk to Spin's SQLite interface.
//! SQL text lives as `const` strings in each component's `store.rs`.

pub use spin_sdk::sqlite::{Connection, RowResult as Row, Value};

#[derive(Debug, thiserror::Error)]
#[error("{context}: {source:?}")]
pub struct DbError {
    context: &'static str,
    source: spin_sdk::sqlite::Error,
}

pub type DbResult<T> = Result<T, DbError>;

fn err(context: &'static str) -> impl FnOnce(spin_sdk::sqlite::Error) -> DbError {
    move |source| DbError { context, source }
}

/// Opens the `default` database.
pub async fn open() -> DbResult<Connection> {
    Connection::open_default().await.map_err(err("open"))
}

/// Runs a query and collects its rows.
pub async fn query(conn: &Connection, sql: &str, params: Vec<Value>) -> DbResult<Vec<Row>> {
    conn.execute(sql, params)
        .await
        .map_err(err("execute"))?
        .collect()
        .await
        .map_err(err("rows"))
}

/// Runs a query expected to give at most one row.
pub async fn query_one(conn: &Connection, sql: &str, params: Vec<Value>) -> DbResult<Option<Row>> {
    Ok(query(conn, sql, params).await?.into_iter().next())
}

/// Runs a statement that returns no rows (or whose rows do not matter).
pub async fn exec(conn: &Connection, sql: &str, params: Vec<Value>) -> DbResult<()> {
    conn.execute(sql, params)
        .await
        .map_err(err("execute"))?
        .collect()
        .await
        .map_err(err("result"))?;
    Ok(())
}

/// Runs each statement of a script, in order.
pub async fn exec_script(conn: &Connection, script: &str) -> DbResult<()> {
    for statement in crate::sql::split_statements(script) {
        exec(conn, &statement, Vec::new()).await?;
    }
    Ok(())
}

/// Reads column `i` as text ("" for NULL or a non-text value).
pub fn text(row: &Row, i: usize) -> String {
    row.get::<&str>(i).unwrap_or_default().to_string()
}

/// Reads column `i` as text, `None` for NULL.
pub fn opt_text(row: &Row, i: usize) -> Option<String> {
    row.get::<&str>(i).map(str::to_string)
}

/// Reads column `i` as bytes (empty for NULL).
pub fn blob(row: &Row, i: usize) -> Vec<u8> {
    row.get::<&[u8]>(i).map(<[u8]>::to_vec).unwrap_or_default()
}

/// Reads column `i` as an integer (0 for NULL).
pub fn int(row: &Row, i: usize) -> i64 {
    row.get::<i64>(i).unwrap_or_default()
}

/// Reads column `i` as an integer, `None` for NULL.
pub fn opt_int(row: &Row, i: usize) -> Option<i64> {
    row.get::<i64>(i)
}

/// Reads column `i` as a number (a REAL, or an INTEGER SQLite stored for
/// one), `None` for NULL.
pub fn real(row: &Row, i: usize) -> Option<f64> {
    match row.values.get(i) {
        Some(Value::Real(v)) => Some(*v),
        Some(Value::Integer(v)) => Some(*v as f64),
        _ => None,
    }
}

/// Runs `body` inside `BEGIN IMMEDIATE … COMMIT` (the write lock is taken at
/// once, so two writers never deadlock), rolling back on any error.
pub async fn immediate<T, F>(conn: &Connection, body: F) -> Result<T, crate::Error>
where
    F: AsyncFnOnce(&Connection) -> Result<T, crate::Error>,
{
    exec(conn, "BEGIN IMMEDIATE", Vec::new()).await?;
    match body(conn).await {
        Ok(value) => {
            exec(conn, "COMMIT", Vec::new()).await?;
            Ok(value)
        }
        Err(e) => {
            if let Err(rollback) = exec(conn, "ROLLBACK", Vec::new()).await {
                eprintln!("rollback failed: {rollback}");
            }
            Err(e)
        }
    }
}
