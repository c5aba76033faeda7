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

impl DbError {
    /// The database stayed locked by other writers past the host's own wait
    /// (SQLite's busy timeout; libSQL's server): nothing was written, and
    /// the same request may succeed in a moment.
    pub fn is_busy(&self) -> bool {
        match &self.source {
            spin_sdk::sqlite::Error::Io(message) => is_busy_message(message),
            _ => false,
        }
    }
}

/// SQLite's and libSQL's words for SQLITE_BUSY and SQLITE_LOCKED.
fn is_busy_message(message: &str) -> bool {
    let message = message.to_ascii_lowercase();
    message.contains("database is locked")
        || message.contains("database table is locked")
        || message.contains("database is busy")
        || message.contains("sqlite_busy")
}

/// Pauses before taking the write lock again: 100, 400, then 1,600 ms.
const BACKOFF_MS: [u64; 3] = [100, 400, 1_600];

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
/// once, so two writers never deadlock), rolling back on any error. When the
/// lock stays taken past the host's wait, taking it is tried again after
/// [`BACKOFF_MS`]; then the visitor gets a 503 page (`Error::Unavailable`) and
/// nothing was written.
pub async fn immediate<T, F>(conn: &Connection, body: F) -> Result<T, crate::Error>
where
    F: AsyncFnOnce(&Connection) -> Result<T, crate::Error>,
{
    let mut pauses = BACKOFF_MS.iter();
    loop {
        match exec(conn, "BEGIN IMMEDIATE", Vec::new()).await {
            Ok(()) => break,
            Err(e) if e.is_busy() => match pauses.next() {
                Some(ms) => spin_sdk::time::sleep(std::time::Duration::from_millis(*ms)).await,
                None => return Err(e.into()),
            },
            Err(e) => return Err(e.into()),
        }
    }
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

#[cfg(test)]
mod tests {
    #[test]
    fn busy_and_locked_databases_are_told_apart_from_other_errors() {
        assert!(super::is_busy_message("database is locked"));
        assert!(super::is_busy_message("SQLITE_BUSY: Database is busy"));
        assert!(super::is_busy_message("database table is locked: users"));
        assert!(!super::is_busy_message(
            "UNIQUE constraint failed: users.email"
        ));
        assert!(!super::is_busy_message("no such table: x"));
    }
}
