//! Spin's own interfaces: `spin:sqlite/sqlite@3.1.0` (every function, sync and
//! async) over a local SQLite file or a remote libSQL/Turso database, and
//! `spin:variables/variables@3.0.0`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rusqlite::types::{Value as SqlValue, ValueRef};
use wasmtime::component::{Accessor, FutureReader, HasData, Resource, ResourceTable, StreamReader};

mod bindings {
    wasmtime::component::bindgen!({
        path: "../wit",
        inline: "
            package palabre:host;
            world spin-imports {
                import spin:sqlite/sqlite@3.1.0;
                import spin:variables/variables@3.0.0;
            }
        ",
        world: "palabre:host/spin-imports",
        imports: { default: trappable },
        with: {
            "spin:sqlite/sqlite.connection": super::Connection,
        },
    });
}

pub use bindings::spin::sqlite::sqlite as sqlite_api;
pub use bindings::spin::variables::variables as variables_api;
use sqlite_api::{Error as SqlError, QueryResult, RowResult, Value};

/// Where a component's database lives.
pub enum Pool {
    Local(LocalPool),
    Remote(RemoteDb),
}

/// A database file. As in Spin's local SQLite (`crates/sqlite-inproc`):
/// every `open` is a connection of its own, opened with SQLite's defaults
/// (rusqlite's 5 s busy timeout, whatever journal mode the file is in), and
/// every statement runs on a blocking thread. What the app asks beyond that
/// (a write-ahead log, its own waiting for locks) it asks through SQL, as it
/// must on Spin.
pub struct LocalPool {
    path: PathBuf,
}

impl Pool {
    /// A local file, opened once here to fail at startup rather than on the
    /// first request.
    pub fn local(path: PathBuf) -> rusqlite::Result<Pool> {
        let pool = LocalPool { path };
        drop(pool.connect()?);
        Ok(Pool::Local(pool))
    }

    /// A libSQL server (Turso, or `sqld`), reached and asked `SELECT 1` here.
    pub async fn remote(url: &str, token: &str) -> anyhow::Result<Pool> {
        RemoteDb::reach(url, token).await.map(Pool::Remote)
    }

    fn open(self: &Arc<Pool>) -> Result<Handle, SqlError> {
        match &**self {
            Pool::Local(local) => {
                let conn = local.connect().map_err(io_error)?;
                Ok(Handle::Local(Arc::new(Mutex::new(Some(conn)))))
            }
            Pool::Remote(remote) => remote.db.connect().map(Handle::Remote).map_err(io_error),
        }
    }
}

/// How long palabre-host waits for a libSQL server at startup.
const REACH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// A remote libSQL database: each `open` is a connection of its own (one
/// Hrana stream, so a transaction stays on it), as in Spin.
pub struct RemoteDb {
    db: libsql::Database,
}

impl RemoteDb {
    async fn reach(url: &str, token: &str) -> anyhow::Result<RemoteDb> {
        let scheme = url.split_once("://").map(|(s, _)| s);
        if !matches!(scheme, Some("libsql" | "https" | "http")) {
            anyhow::bail!(
                "the url must start with libsql://, https:// or http:// (write a Turso database's url as https://<database>-<organisation>.turso.io)"
            );
        }
        let db = libsql::Builder::new_remote(url.to_string(), token.to_string())
            .build()
            .await?;
        let conn = db.connect()?;
        match tokio::time::timeout(REACH_TIMEOUT, conn.query("SELECT 1", ())).await {
            Err(_) => anyhow::bail!(
                "no answer within {} s (is the url right and the server up?)",
                REACH_TIMEOUT.as_secs()
            ),
            Ok(Err(e)) => Err(anyhow::Error::new(e).context(
                "the server did not run `SELECT 1` (is it up, and is the token valid for this database?)",
            )),
            Ok(Ok(_)) => Ok(RemoteDb { db }),
        }
    }
}

impl LocalPool {
    /// Opens a connection as Spin does: `rusqlite::Connection::open`, and
    /// nothing set (rusqlite's own busy timeout is 5 s).
    fn connect(&self) -> rusqlite::Result<rusqlite::Connection> {
        rusqlite::Connection::open(&self.path)
    }
}

/// One open connection, local or remote.
#[derive(Clone)]
enum Handle {
    Local(Arc<Mutex<Option<rusqlite::Connection>>>),
    Remote(libsql::Connection),
}

impl Handle {
    fn last_insert_rowid(&self) -> i64 {
        match self {
            Handle::Local(local) => with_conn(local, |c| c.last_insert_rowid()).unwrap_or(0),
            Handle::Remote(remote) => remote.last_insert_rowid(),
        }
    }

    fn changes(&self) -> u64 {
        match self {
            Handle::Local(local) => with_conn(local, |c| c.changes()).unwrap_or(0),
            Handle::Remote(remote) => remote.changes(),
        }
    }
}

/// The `connection` resource.
pub struct Connection {
    handle: Handle,
}

/// Per-store state of Spin's interfaces for one component.
pub struct SpinCtx {
    /// Databases this component may open (its `sqlite_databases`).
    pub databases: HashMap<String, Arc<Pool>>,
    pub variables: Arc<HashMap<String, String>>,
}

pub struct SpinView<'a> {
    pub ctx: &'a mut SpinCtx,
    pub table: &'a mut ResourceTable,
}

/// Marker for `add_to_linker`.
pub struct Spin;

impl HasData for Spin {
    type Data<'a> = SpinView<'a>;
}

fn io_error(e: impl std::fmt::Display) -> SqlError {
    SqlError::Io(e.to_string())
}

fn to_sql(value: Value) -> SqlValue {
    match value {
        Value::Integer(i) => SqlValue::Integer(i),
        Value::Real(f) => SqlValue::Real(f),
        Value::Text(s) => SqlValue::Text(s),
        Value::Blob(b) => SqlValue::Blob(b),
        Value::Null => SqlValue::Null,
    }
}

fn to_libsql(value: Value) -> libsql::Value {
    match value {
        Value::Integer(i) => libsql::Value::Integer(i),
        Value::Real(f) => libsql::Value::Real(f),
        Value::Text(s) => libsql::Value::Text(s),
        Value::Blob(b) => libsql::Value::Blob(b),
        Value::Null => libsql::Value::Null,
    }
}

fn from_libsql(value: libsql::Value) -> Value {
    match value {
        libsql::Value::Null => Value::Null,
        libsql::Value::Integer(i) => Value::Integer(i),
        libsql::Value::Real(f) => Value::Real(f),
        libsql::Value::Text(t) => Value::Text(t),
        libsql::Value::Blob(b) => Value::Blob(b),
    }
}

fn from_sql(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(f) => Value::Real(f),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

/// Statements slower than this many milliseconds are logged, with their time
/// (`PALABRE_HOST_SLOW_SQL_MS`; unset: none), to find what a page waits for.
fn slow_sql_ms() -> Option<f64> {
    static SLOW: std::sync::OnceLock<Option<f64>> = std::sync::OnceLock::new();
    *SLOW.get_or_init(|| {
        std::env::var("PALABRE_HOST_SLOW_SQL_MS")
            .ok()
            .and_then(|v| v.parse().ok())
    })
}

/// Runs one statement and collects its rows.
fn run_raw(
    conn: &rusqlite::Connection,
    sql: &str,
    params: &[Value],
) -> rusqlite::Result<QueryResult> {
    let Some(limit) = slow_sql_ms() else {
        return run_statement(conn, sql, params);
    };
    let started = std::time::Instant::now();
    let result = run_statement(conn, sql, params);
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if ms >= limit {
        let short: String = sql.split_whitespace().collect::<Vec<_>>().join(" ");
        let short: String = short.chars().take(160).collect();
        eprintln!("palabre-host: slow statement ({ms:.2} ms): {short}");
    }
    result
}

fn run_statement(
    conn: &rusqlite::Connection,
    sql: &str,
    params: &[Value],
) -> rusqlite::Result<QueryResult> {
    let mut stmt = conn.prepare_cached(sql)?;
    let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
    let count = columns.len();
    let params: Vec<SqlValue> = params.iter().cloned().map(to_sql).collect();
    let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut values = Vec::with_capacity(count);
        for i in 0..count {
            values.push(from_sql(row.get_ref(i)?));
        }
        out.push(RowResult { values });
    }
    Ok(QueryResult { columns, rows: out })
}

fn run(conn: &rusqlite::Connection, sql: &str, params: &[Value]) -> Result<QueryResult, SqlError> {
    run_raw(conn, sql, params).map_err(io_error)
}

/// Runs a statement for an async caller on a blocking thread, as Spin does.
async fn execute_on(
    handle: Arc<Mutex<Option<rusqlite::Connection>>>,
    sql: String,
    params: Vec<Value>,
) -> Result<QueryResult, SqlError> {
    blocking(handle, move |conn| run(conn, &sql, &params)).await
}

fn open_in(
    view: &mut SpinView<'_>,
    database: &str,
) -> wasmtime::Result<Result<Resource<Connection>, SqlError>> {
    let Some(pool) = view.ctx.databases.get(database).cloned() else {
        return Ok(Err(if database == "default" {
            SqlError::AccessDenied
        } else {
            SqlError::NoSuchDatabase
        }));
    };
    let handle = match pool.open() {
        Ok(handle) => handle,
        Err(e) => return Ok(Err(e)),
    };
    let resource = view.table.push(Connection { handle })?;
    Ok(Ok(resource))
}

fn handle_of(view: &mut SpinView<'_>, res: &Resource<Connection>) -> wasmtime::Result<Handle> {
    Ok(view.table.get(res)?.handle.clone())
}

/// Runs one statement on a remote connection and collects its rows.
async fn execute_remote(
    conn: &libsql::Connection,
    sql: &str,
    params: Vec<Value>,
) -> Result<QueryResult, SqlError> {
    let params: Vec<libsql::Value> = params.into_iter().map(to_libsql).collect();
    let mut rows = conn.query(sql, params).await.map_err(io_error)?;
    let count = rows.column_count();
    let columns = (0..count)
        .map(|i| rows.column_name(i).unwrap_or_default().to_string())
        .collect();
    let mut out = Vec::new();
    while let Some(row) = rows.next().await.map_err(io_error)? {
        let values = (0..count)
            .map(|i| row.get_value(i).map(from_libsql))
            .collect::<Result<Vec<_>, _>>()
            .map_err(io_error)?;
        out.push(RowResult { values });
    }
    Ok(QueryResult { columns, rows: out })
}

/// Runs a statement for an async caller, on whichever database.
async fn execute_any(
    handle: Handle,
    sql: String,
    params: Vec<Value>,
) -> Result<QueryResult, SqlError> {
    match handle {
        Handle::Local(local) => execute_on(local, sql, params).await,
        Handle::Remote(remote) => execute_remote(&remote, &sql, params).await,
    }
}

/// Runs `f` on the connection behind `handle` on a blocking thread.
async fn blocking<R: Send + 'static>(
    handle: Arc<Mutex<Option<rusqlite::Connection>>>,
    f: impl FnOnce(&rusqlite::Connection) -> Result<R, SqlError> + Send + 'static,
) -> Result<R, SqlError> {
    tokio::task::spawn_blocking(move || {
        let guard = handle.lock().map_err(|_| SqlError::InvalidConnection)?;
        let conn = guard.as_ref().ok_or(SqlError::InvalidConnection)?;
        f(conn)
    })
    .await
    .map_err(io_error)?
}

fn with_conn<R>(
    handle: &Arc<Mutex<Option<rusqlite::Connection>>>,
    f: impl FnOnce(&rusqlite::Connection) -> R,
) -> Option<R> {
    let guard = handle.lock().ok()?;
    guard.as_ref().map(f)
}

impl sqlite_api::Host for SpinView<'_> {}

impl sqlite_api::HostConnection for SpinView<'_> {
    fn open(
        &mut self,
        database: String,
    ) -> wasmtime::Result<Result<Resource<Connection>, SqlError>> {
        open_in(self, &database)
    }

    fn execute(
        &mut self,
        res: Resource<Connection>,
        statement: String,
        parameters: Vec<Value>,
    ) -> wasmtime::Result<Result<QueryResult, SqlError>> {
        let handle = handle_of(self, &res)?;
        let result = tokio::task::block_in_place(|| match handle {
            Handle::Local(local) => with_conn(&local, |conn| run(conn, &statement, &parameters))
                .unwrap_or(Err(SqlError::InvalidConnection)),
            Handle::Remote(remote) => tokio::runtime::Handle::current()
                .block_on(execute_remote(&remote, &statement, parameters)),
        });
        Ok(result)
    }

    fn last_insert_rowid(&mut self, res: Resource<Connection>) -> wasmtime::Result<i64> {
        Ok(handle_of(self, &res)?.last_insert_rowid())
    }

    fn changes(&mut self, res: Resource<Connection>) -> wasmtime::Result<u64> {
        Ok(handle_of(self, &res)?.changes())
    }

    fn drop(&mut self, res: Resource<Connection>) -> wasmtime::Result<()> {
        self.table.delete(res)?;
        Ok(())
    }
}

type RowsAndDone = (
    Vec<String>,
    StreamReader<RowResult>,
    FutureReader<Result<(), SqlError>>,
);

impl<T> sqlite_api::HostConnectionWithStore<T> for Spin {
    async fn open_async(
        accessor: &Accessor<T, Self>,
        database: String,
    ) -> wasmtime::Result<Result<Resource<Connection>, SqlError>> {
        accessor.with(|mut access| open_in(&mut access.get(), &database))
    }

    async fn execute_async(
        accessor: &Accessor<T, Self>,
        res: Resource<Connection>,
        statement: String,
        parameters: Vec<Value>,
    ) -> wasmtime::Result<Result<RowsAndDone, SqlError>> {
        let handle = accessor.with(|mut access| handle_of(&mut access.get(), &res))?;
        let result = execute_any(handle, statement, parameters).await;
        let QueryResult { columns, rows } = match result {
            Ok(r) => r,
            Err(e) => return Ok(Err(e)),
        };
        accessor.with(|mut access| {
            let rows = StreamReader::new(&mut access, rows)?;
            let done = FutureReader::new(&mut access, async {
                Ok::<_, wasmtime::Error>(Ok::<(), SqlError>(()))
            })?;
            Ok(Ok((columns, rows, done)))
        })
    }

    async fn last_insert_rowid_async(
        accessor: &Accessor<T, Self>,
        res: Resource<Connection>,
    ) -> wasmtime::Result<i64> {
        let handle = accessor.with(|mut access| handle_of(&mut access.get(), &res))?;
        Ok(handle.last_insert_rowid())
    }

    async fn changes_async(
        accessor: &Accessor<T, Self>,
        res: Resource<Connection>,
    ) -> wasmtime::Result<u64> {
        let handle = accessor.with(|mut access| handle_of(&mut access.get(), &res))?;
        Ok(handle.changes())
    }
}

impl variables_api::Host for SpinView<'_> {}

impl<T> variables_api::HostWithStore<T> for Spin {
    async fn get(
        accessor: &Accessor<T, Self>,
        name: String,
    ) -> wasmtime::Result<Result<String, variables_api::Error>> {
        Ok(accessor.with(|mut access| {
            let view = access.get();
            match view.ctx.variables.get(&name) {
                Some(value) => Ok(value.clone()),
                None if name.is_empty()
                    || !name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') =>
                {
                    Err(variables_api::Error::InvalidName(name))
                }
                None => Err(variables_api::Error::Undefined(name)),
            }
        }))
    }
}

pub fn add_to_linker<T: Send + 'static>(
    linker: &mut wasmtime::component::Linker<T>,
    get: fn(&mut T) -> SpinView<'_>,
) -> wasmtime::Result<()> {
    sqlite_api::add_to_linker::<T, Spin>(linker, get)?;
    variables_api::add_to_linker::<T, Spin>(linker, get)?;
    Ok(())
}
