//! SQL access: the one way components talk to Spin's SQLite interface.
//! SQL text lives as `const` strings in each component's `store.rs`.
//!
//! Spin opens a new SQLite connection for every `open` (and SQLite reads the
//! whole schema again on its first statement), so connections are kept per
//! instance and handed out again ([`open`]): a component instance serves many
//! requests (Spin reuses WASI 0.3 instances), and a connection goes back only
//! outside any transaction.
//!
//! Statements go through the interface's synchronous `execute`, which hands
//! every row over in one answer: the asynchronous one streams the rows one by
//! one, and Spin's host wakes the component for each (25 µs a row measured,
//! against 1.4 µs; `tests/fixtures/trap`'s `/fixture/sql?rows=`), which made
//! every long page slow on Spin. The instance waits for the statement's own
//! time; a lock it cannot take is waited for below, asynchronously.
//!
//! A write that finds the database locked waits here, in the component,
//! rather than in SQLite's busy handler: that handler sleeps on one of the
//! runtime's blocking threads, and a crowd of writers asleep there leaves
//! none for the one holding the lock (Spin's local SQLite runs every
//! statement on that pool). Each connection is set not to wait
//! (`PRAGMA busy_timeout = 0`), and a statement refused with "database is
//! locked" is tried again after a growing pause until [`BUSY_DEADLINE`].

use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};

pub use spin_sdk::sqlite::{RowResult as Row, Value};

/// The interface's own connection (spin-sdk's wrapper offers only the
/// streaming `execute-async`; spin-sdk is pinned, so its generated bindings
/// are too).
type Raw = spin_sdk::sqlite::wit::sqlite::Connection;

#[derive(Debug, thiserror::Error)]
#[error("{context}: {source:?}")]
pub struct DbError {
    context: &'static str,
    source: spin_sdk::sqlite::Error,
}

pub type DbResult<T> = Result<T, DbError>;

impl DbError {
    /// The database stayed locked by other writers past [`BUSY_DEADLINE`]
    /// (or libSQL's server said it is busy): nothing was written, and the
    /// same request may succeed in a moment.
    pub fn is_busy(&self) -> bool {
        match &self.source {
            spin_sdk::sqlite::Error::Io(message) => is_busy_message(message),
            _ => false,
        }
    }

    /// Nothing was written and the same request may succeed in a moment:
    /// the database was busy, or libSQL's server ended the transaction
    /// because it outlived its limit (not a statement to try again, the
    /// whole request).
    pub fn is_transient(&self) -> bool {
        match &self.source {
            spin_sdk::sqlite::Error::Io(message) => {
                is_busy_message(message) || is_timed_out_message(message)
            }
            _ => false,
        }
    }
}

/// SQLite's words for a ROLLBACK or COMMIT with no transaction open.
fn no_transaction(message: &str) -> bool {
    message.contains("no transaction is active")
}

/// libSQL's words for a transaction its server rolled back because it
/// outlived the server's limit (`TRANSACTION_TIMEOUT`).
fn is_timed_out_message(message: &str) -> bool {
    let message = message.to_ascii_lowercase();
    message.contains("transaction timed-out")
        || message.contains("transaction timed out")
        || message.contains("transaction_timeout")
}

/// SQLite's and libSQL's words for SQLITE_BUSY and SQLITE_LOCKED.
fn is_busy_message(message: &str) -> bool {
    let message = message.to_ascii_lowercase();
    message.contains("database is locked")
        || message.contains("database table is locked")
        || message.contains("database is busy")
        || message.contains("sqlite_busy")
}

/// How long a statement keeps trying to get past a locked database before
/// the visitor gets the 503 page (nothing written, their text kept).
pub const BUSY_DEADLINE: Duration = Duration::from_secs(30);

/// The first pause after a refusal; each next one doubles, up to [`MAX_PAUSE`],
/// with a random part so that waiting writers do not all come back at once.
const FIRST_PAUSE: Duration = Duration::from_millis(2);
const MAX_PAUSE: Duration = Duration::from_millis(500);

/// Set on every new connection: the component waits for locks itself.
const CONNECTION_SETUP: &str = "PRAGMA busy_timeout = 0";

/// Connections kept per instance: as many as the requests it serves at once
/// (Spin sends up to 16 to one WASI 0.3 instance).
const MAX_IDLE: usize = 16;

thread_local! {
    static IDLE: RefCell<Vec<Raw>> = const { RefCell::new(Vec::new()) };
}

/// An open connection to the `default` database, given back to the
/// instance's idle connections when dropped outside a transaction.
pub struct Connection {
    raw: Option<Raw>,
    /// Inside `BEGIN … COMMIT` ([`immediate`]): its statements hold the lock
    /// and are not retried, and a connection dropped here (a request that
    /// ended halfway) is closed, which rolls the transaction back.
    in_transaction: Cell<bool>,
    /// The first failure of the current transaction's statements: every
    /// later one, and the COMMIT, are refused, so that nothing runs past a
    /// failure (libSQL rolls back a transaction that outlived its limit and
    /// fails only the next statement; the ones after would run in
    /// autocommit). What it said decides the visitor's page.
    failed: RefCell<Option<String>>,
    /// The form this request answers (`palabre-once`, from the gate): every
    /// transaction records, before its COMMIT, that the form's effect is
    /// written, so that a replay finds it whatever happens after.
    once: std::cell::RefCell<Option<(String, String)>>,
    /// Writes run outside a transaction (the first of them kept), and the
    /// units of writing (each of those, each committed transaction): a
    /// loose write beside another unit is a multi-statement write that can
    /// stop halfway, said in the log when the connection goes (the e2e
    /// suite fails on it).
    loose_writes: Cell<usize>,
    write_units: Cell<usize>,
    first_loose_write: std::cell::RefCell<String>,
}

/// What the log says of a connection that wrote twice outside a
/// transaction (`palabre_e2e` looks for it after every test).
pub const LOOSE_WRITES: &str = "db: writes outside a transaction";

/// Whether a statement writes (what must not be split across autocommits).
fn writes(sql: &str) -> bool {
    let head: String = sql
        .trim_start()
        .chars()
        .take(7)
        .collect::<String>()
        .to_ascii_uppercase();
    ["INSERT", "UPDATE", "DELETE", "REPLACE"]
        .iter()
        .any(|w| head.starts_with(w))
}

impl Drop for Connection {
    fn drop(&mut self) {
        let (loose, units) = (self.loose_writes.get(), self.write_units.get());
        if loose >= 1 && units >= 2 {
            eprintln!(
                "{LOOSE_WRITES}: {loose} beside {} more on one connection, the first: {}",
                units - 1,
                self.first_loose_write.borrow()
            );
        }
        if self.in_transaction.get() {
            return;
        }
        if let Some(raw) = self.raw.take() {
            IDLE.with(|idle| {
                let mut idle = idle.borrow_mut();
                if idle.len() < MAX_IDLE {
                    idle.push(raw);
                }
            });
        }
    }
}

impl Connection {
    /// The form this request answers, as the gate claimed it: `scope key`
    /// (its `palabre-once` header). Transactions on this connection then
    /// record the form's effect with it.
    pub fn answers_form(&self, claim: &str) {
        if let Some((scope, key)) = claim.split_once(' ') {
            *self.once.borrow_mut() = Some((scope.to_string(), key.to_string()));
        }
    }

    /// Says that the writes so far are a step complete on its own: a claim
    /// made before slow work that must not hold the write lock (the opinion
    /// map's computation, a mail's delivery over HTTP), whose outcome is
    /// recorded after. Each step is then one statement or one transaction.
    pub fn step_done(&self) {
        self.loose_writes.set(0);
        self.write_units.set(0);
    }

    fn raw(&self) -> &Raw {
        // Only `Drop` takes it out.
        match &self.raw {
            Some(raw) => raw,
            None => unreachable!("a connection is used after it was given back"),
        }
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    pub async fn changes(&self) -> u64 {
        self.raw().changes()
    }

    /// The rowid of the last INSERT on this connection.
    pub async fn last_insert_rowid(&self) -> i64 {
        self.raw().last_insert_rowid()
    }
}

/// Growing pauses with a random part, until a deadline.
struct Backoff {
    started: Instant,
    next: Duration,
}

impl Backoff {
    fn new() -> Backoff {
        Backoff {
            started: Instant::now(),
            next: FIRST_PAUSE,
        }
    }

    /// Waits before the next try; false once the deadline is past.
    async fn pause(&mut self) -> bool {
        let elapsed = self.started.elapsed();
        if elapsed >= BUSY_DEADLINE {
            return false;
        }
        // Between half and all of the pause, never past the deadline.
        let half = self.next / 2;
        let spread = u64::try_from(half.as_micros()).unwrap_or(0).max(1);
        let random = u64::from(getrandom::u32().unwrap_or(0)) % spread;
        let pause = (half + Duration::from_micros(random)).min(BUSY_DEADLINE - elapsed);
        spin_sdk::time::sleep(pause).await;
        self.next = (self.next * 2).min(MAX_PAUSE);
        true
    }
}

fn err(context: &'static str) -> impl FnOnce(spin_sdk::sqlite::Error) -> DbError {
    move |source| DbError { context, source }
}

/// Opens the `default` database: one of the instance's idle connections,
/// or a new one.
pub async fn open() -> DbResult<Connection> {
    let idle = IDLE.with(|idle| idle.borrow_mut().pop());
    let raw = match idle {
        Some(raw) => raw,
        None => {
            let raw = Raw::open_async("default".to_string())
                .await
                .map_err(err("open"))?;
            // A database that cannot take the setting (a remote server) waits
            // its own way; the retries below still apply.
            if let Err(e) = run(&raw, CONNECTION_SETUP, Vec::new()).await {
                eprintln!("db: {CONNECTION_SETUP}: {e}");
            }
            raw
        }
    };
    Ok(Connection {
        raw: Some(raw),
        in_transaction: Cell::new(false),
        failed: RefCell::new(None),
        once: std::cell::RefCell::new(None),
        loose_writes: Cell::new(0),
        write_units: Cell::new(0),
        first_loose_write: std::cell::RefCell::new(String::new()),
    })
}

/// Asks a local database file to keep a write-ahead log (`journal_mode`
/// is kept in the file, so once is enough): readers then never wait for a
/// writer, and a commit appends instead of rewriting pages. Spin opens its
/// local file with the rollback journal; a remote libSQL server has its own
/// and may refuse the statement, which is fine. Returns the mode in force.
pub async fn prefer_wal(conn: &Connection) -> Option<String> {
    match query_one(conn, "PRAGMA journal_mode = WAL", Vec::new()).await {
        Ok(row) => row.map(|r| text(&r, 0)),
        Err(e) => {
            eprintln!("db: journal_mode = WAL refused: {e}");
            None
        }
    }
}

/// One statement, every row in one answer, no retry.
async fn run(raw: &Raw, sql: &str, params: Vec<Value>) -> DbResult<Vec<Row>> {
    raw.execute(sql, &params)
        .map(|result| result.rows)
        .map_err(err("execute"))
}

/// One statement; refused because the database is locked, it is tried again
/// (outside a transaction, a refused statement had no effect).
async fn run_retrying(conn: &Connection, sql: &str, params: Vec<Value>) -> DbResult<Vec<Row>> {
    let in_transaction = conn.in_transaction.get();
    if in_transaction && let Some(first) = conn.failed.borrow().as_deref() {
        return Err(aborted(first));
    }
    if !in_transaction && writes(sql) {
        if conn.loose_writes.get() == 0 {
            *conn.first_loose_write.borrow_mut() = sql.chars().take(80).collect();
        }
        conn.loose_writes.set(conn.loose_writes.get() + 1);
        conn.write_units.set(conn.write_units.get() + 1);
    }
    let result = retry_busy(conn, sql, params, !in_transaction).await;
    if in_transaction && let Err(e) = &result {
        conn.failed
            .borrow_mut()
            .get_or_insert_with(|| e.to_string());
    }
    result
}

/// What a statement after a failed one in the same transaction gets: the
/// first failure's words, so that a lock or an expired transaction still
/// reads as one (a 503, nothing written).
fn aborted(first: &str) -> DbError {
    DbError {
        context: "transaction",
        source: spin_sdk::sqlite::Error::Io(format!(
            "an earlier statement of this transaction failed ({first}); nothing more runs in it"
        )),
    }
}

/// Records, inside the transaction, that the form this request answers has
/// had its effect (migration 0026's `committed_at`).
const FORM_WRITTEN: &str = "UPDATE idempotency_keys SET committed_at = ? \
     WHERE scope = ? AND key = ? AND committed_at IS NULL";

async fn retry_busy(
    conn: &Connection,
    sql: &str,
    params: Vec<Value>,
    retry: bool,
) -> DbResult<Vec<Row>> {
    let mut backoff = Backoff::new();
    loop {
        match run(conn.raw(), sql, params.clone()).await {
            Err(e) if retry && e.is_busy() => {
                if !backoff.pause().await {
                    return Err(e);
                }
            }
            done => return done,
        }
    }
}

/// Runs a query and collects its rows.
pub async fn query(conn: &Connection, sql: &str, params: Vec<Value>) -> DbResult<Vec<Row>> {
    run_retrying(conn, sql, params).await
}

/// Runs a query expected to give at most one row.
pub async fn query_one(conn: &Connection, sql: &str, params: Vec<Value>) -> DbResult<Option<Row>> {
    Ok(query(conn, sql, params).await?.into_iter().next())
}

/// Runs a statement that returns no rows (or whose rows do not matter).
pub async fn exec(conn: &Connection, sql: &str, params: Vec<Value>) -> DbResult<()> {
    run_retrying(conn, sql, params).await.map(drop)
}

/// Runs each statement of a script, in order.
pub async fn exec_script(conn: &Connection, script: &str) -> DbResult<()> {
    for statement in crate::sql::split_statements(script) {
        exec(conn, &statement, Vec::new()).await?;
    }
    Ok(())
}

/// A column's value as JSON (a blob by its size only).
pub fn to_json(value: &Value) -> serde_json::Value {
    match value {
        Value::Integer(i) => serde_json::Value::from(*i),
        Value::Real(f) => serde_json::Value::from(*f),
        Value::Text(s) => serde_json::Value::from(s.clone()),
        Value::Blob(b) => serde_json::Value::from(format!("<{} bytes>", b.len())),
        Value::Null => serde_json::Value::Null,
    }
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
/// once, so two writers never deadlock), rolling back on any error. A lock
/// held by others is waited for (the pauses of [`BUSY_DEADLINE`]); past the
/// deadline the visitor gets a 503 page (`Error::Unavailable`) and nothing
/// was written. A `COMMIT` refused for a lock (a rollback journal waiting
/// for its readers) is tried again: the transaction stays open meanwhile.
pub async fn immediate<T, F>(conn: &Connection, body: F) -> Result<T, crate::Error>
where
    F: AsyncFnOnce(&Connection) -> Result<T, crate::Error>,
{
    retry_busy(conn, "BEGIN IMMEDIATE", Vec::new(), true).await?;
    conn.in_transaction.set(true);
    conn.failed.replace(None);
    let result = match body(conn).await {
        // A failure the body let pass still aborts it all.
        Ok(_) if conn.failed.borrow().is_some() => {
            Err(aborted(conn.failed.borrow().as_deref().unwrap_or_default()).into())
        }
        Ok(value) => match record_form(conn).await {
            Ok(()) => commit(conn).await.map(|()| value),
            Err(e) => Err(e.into()),
        },
        Err(e) => Err(e),
    };
    match result {
        Ok(value) => {
            conn.in_transaction.set(false);
            conn.write_units.set(conn.write_units.get() + 1);
            Ok(value)
        }
        Err(e) => {
            match run(conn.raw(), "ROLLBACK", Vec::new()).await {
                Ok(_) => conn.in_transaction.set(false),
                // Already ended by the database (libSQL's server rolls back
                // a transaction that outlived its limit): nothing is open.
                Err(rollback) if no_transaction(&rollback.to_string()) => {
                    conn.in_transaction.set(false)
                }
                // Left open: the connection is closed rather than kept.
                Err(rollback) => eprintln!("rollback failed: {rollback}"),
            }
            Err(e)
        }
    }
}

async fn record_form(conn: &Connection) -> DbResult<()> {
    let once = conn.once.borrow().clone();
    let Some((scope, key)) = once else {
        return Ok(());
    };
    let params = vec![
        Value::Integer(crate::now()),
        Value::Text(scope),
        Value::Text(key),
    ];
    run_retrying(conn, FORM_WRITTEN, params).await.map(drop)
}

async fn commit(conn: &Connection) -> Result<(), crate::Error> {
    let mut backoff = Backoff::new();
    loop {
        match run(conn.raw(), "COMMIT", Vec::new()).await {
            Err(e) if e.is_busy() && backoff.pause().await => continue,
            done => return done.map(drop).map_err(Into::into),
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

    #[test]
    fn a_transaction_libsql_ended_is_told_apart() {
        // As Spin's libSQL client words the server's TRANSACTION_TIMEOUT.
        assert!(super::is_timed_out_message(
            "Hrana: `stream error: `Error { message: \"Transaction timed-out\", code: \"TRANSACTION_TIMEOUT\" }``"
        ));
        assert!(!super::is_timed_out_message("database is locked"));
        assert!(super::no_transaction(
            "cannot rollback - no transaction is active"
        ));
        assert!(!super::no_transaction("database is locked"));
    }

    #[test]
    fn writes_are_told_from_reads() {
        for w in [
            "INSERT INTO x",
            "  update x",
            "DELETE FROM x",
            "REPLACE INTO x",
        ] {
            assert!(super::writes(w), "{w}");
        }
        for r in [
            "SELECT 1",
            "WITH a AS (SELECT 1) SELECT * FROM a",
            "PRAGMA x",
            "BEGIN",
        ] {
            assert!(!super::writes(r), "{r}");
        }
    }
}
