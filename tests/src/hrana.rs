//! A stand-in libSQL server for the tests: Hrana 3 over HTTP (`POST
//! /v3/pipeline` and `POST /v3/cursor`, a bearer token), over a local SQLite
//! file. The messages are libSQL's own types (`libsql-hrana`), so what it
//! checks is palabre-host's remote client (the `libsql` crate, as in Spin)
//! against the protocol: streams and batons, transactions kept on one stream,
//! values, changes. The SQL itself is SQLite's, as in libSQL's server; what
//! this does not reproduce is that server's list of allowed pragmas, nor its
//! clock: a transaction that outlives the server's limit is instead expired
//! on demand ([`HranaServer::expire_after`]), the way libSQL's server does
//! it (rolled back, the next statement failed with `TRANSACTION_TIMEOUT`,
//! the ones after run in autocommit).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A stream unused this long is closed, its transaction rolled back (as in
/// libSQL's server).
const STREAM_EXPIRY: Duration = Duration::from_secs(10);

use libsql_hrana::proto::{
    Batch, BatchCond, BatchResult, BatchStreamResp, CloseStreamResp, Col, CursorEntry,
    CursorReqBody, CursorRespBody, DescribeCol, DescribeParam, DescribeResult, DescribeStreamResp,
    Error, ExecuteStreamResp, GetAutocommitStreamResp, PipelineReqBody, PipelineRespBody, Row,
    SequenceStreamResp, StepBeginEntry, StepEndEntry, StepErrorEntry, Stmt, StmtResult,
    StreamRequest, StreamResponse, StreamResult, Value,
};
use rusqlite::types::{Value as SqlValue, ValueRef};

/// A running stand-in server; stops when dropped.
pub struct HranaServer {
    pub url: String,
    /// Statements run, all streams together.
    pub statements: Arc<AtomicUsize>,
    /// HTTP requests answered (each one a round trip for the client).
    pub requests: Arc<AtomicUsize>,
    state: Arc<State>,
    stop: Arc<AtomicBool>,
}

struct State {
    db: PathBuf,
    token: String,
    /// Each stream's connection and when it was last used.
    streams: Mutex<HashMap<String, (Conn, Instant)>>,
    next: AtomicUsize,
    statements: Arc<AtomicUsize>,
    requests: Arc<AtomicUsize>,
    /// Every transaction that ended, its statements' SQL from BEGIN on.
    transactions: Mutex<Vec<Vec<String>>>,
    /// A transaction that has run these statements is expired at its next.
    expire: Mutex<Option<Vec<String>>>,
    expired: AtomicUsize,
}

/// A stream: its connection, and the statements of its open transaction.
struct Session {
    conn: rusqlite::Connection,
    transaction: Vec<String>,
}

impl HranaServer {
    /// Serves `db` on a free local port to clients that send `token`.
    pub fn start(db: &Path, token: &str) -> HranaServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        listener.set_nonblocking(true).expect("nonblocking");
        let statements = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(AtomicUsize::new(0));
        let state = Arc::new(State {
            db: db.to_path_buf(),
            token: token.to_string(),
            streams: Mutex::new(HashMap::new()),
            next: AtomicUsize::new(1),
            statements: statements.clone(),
            requests: requests.clone(),
            transactions: Mutex::new(Vec::new()),
            expire: Mutex::new(None),
            expired: AtomicUsize::new(0),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        let serving = state.clone();
        std::thread::spawn(move || {
            while !stopping.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let state = serving.clone();
                        std::thread::spawn(move || serve(stream, &state));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        HranaServer {
            url,
            statements,
            requests,
            state,
            stop,
        }
    }

    /// The next transaction to have run exactly `statements` (their SQL,
    /// from its BEGIN on) outlives the server's limit there: as libSQL's
    /// server does, it is rolled back, its next statement fails with
    /// `TRANSACTION_TIMEOUT`, and the stream goes on in autocommit.
    pub fn expire_after(&self, statements: &[String]) {
        if let Ok(mut expire) = self.state.expire.lock() {
            *expire = Some(statements.to_vec());
        }
    }

    /// No transaction is to be expired.
    pub fn never_expire(&self) {
        if let Ok(mut expire) = self.state.expire.lock() {
            *expire = None;
        }
    }

    /// A runtime config (`--runtime-config-file`, for Spin and palabre-host)
    /// written in `dir` that points the `default` database at this server.
    pub fn runtime_config(&self, dir: &Path, token: &str) -> PathBuf {
        let config = dir.join("runtime-config.toml");
        std::fs::write(
            &config,
            format!(
                "[sqlite_database.default]\ntype = \"libsql\"\nurl = \"{}\"\ntoken = \"{token}\"\n",
                self.url
            ),
        )
        .expect("write the runtime config");
        config
    }

    /// How many transactions have been expired so far.
    pub fn expired(&self) -> usize {
        self.state.expired.load(Ordering::SeqCst)
    }

    /// Every transaction that has ended (committed, rolled back or
    /// expired), each as its statements' SQL from its BEGIN on.
    pub fn transactions(&self) -> Vec<Vec<String>> {
        self.state
            .transactions
            .lock()
            .map(|t| t.clone())
            .unwrap_or_default()
    }
}

impl Drop for HranaServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// One HTTP/1.1 exchange per connection (`connection: close`).
fn serve(stream: TcpStream, state: &State) {
    let _ = stream.set_nonblocking(false);
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let mut parts = line.split_whitespace();
    let (method, path) = (
        parts.next().unwrap_or("").to_string(),
        parts.next().unwrap_or("").to_string(),
    );
    let mut length = 0usize;
    let mut authorization = String::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "content-length" => length = value.trim().parse().unwrap_or(0),
                "authorization" => authorization = value.trim().to_string(),
                _ => {}
            }
        }
    }
    state.requests.fetch_add(1, Ordering::SeqCst);
    let mut body = vec![0; length];
    if reader.read_exact(&mut body).is_err() {
        return;
    }
    let (status, content) = if authorization != format!("Bearer {}", state.token) {
        ("401 Unauthorized", "Unauthorized".to_string())
    } else {
        match (method.as_str(), path.as_str()) {
            ("POST", "/v3/pipeline") => match serde_json::from_slice(&body) {
                Ok(request) => ("200 OK", pipeline(state, request)),
                Err(e) => ("400 Bad Request", e.to_string()),
            },
            ("POST", "/v3/cursor") => match serde_json::from_slice(&body) {
                Ok(request) => ("200 OK", cursor(state, request)),
                Err(e) => ("400 Bad Request", e.to_string()),
            },
            _ => ("404 Not Found", String::new()),
        }
    };
    let mut out = stream;
    let _ = write!(
        out,
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{content}",
        content.len()
    );
}

type Conn = Arc<Mutex<Session>>;

/// The stream a baton names, or a new one (a connection of its own).
fn stream_of(state: &State, baton: Option<&str>) -> Result<(String, Conn), Error> {
    let mut streams = state
        .streams
        .lock()
        .map_err(|_| error("poisoned", "INTERNAL"))?;
    streams.retain(|_, (_, used)| used.elapsed() < STREAM_EXPIRY);
    if let Some(baton) = baton {
        let (conn, used) = streams
            .get_mut(baton)
            .ok_or_else(|| error("the stream has expired or never existed", "STREAM_EXPIRED"))?;
        *used = Instant::now();
        return Ok((baton.to_string(), conn.clone()));
    }
    let conn = rusqlite::Connection::open(&state.db).map_err(sql_error)?;
    conn.busy_timeout(Duration::from_secs(5))
        .map_err(sql_error)?;
    let baton = format!("stream-{}", state.next.fetch_add(1, Ordering::SeqCst));
    let conn = Arc::new(Mutex::new(Session {
        conn,
        transaction: Vec::new(),
    }));
    streams.insert(baton.clone(), (conn.clone(), Instant::now()));
    Ok((baton, conn))
}

fn close(state: &State, baton: &str) {
    if let Ok(mut streams) = state.streams.lock() {
        streams.remove(baton);
    }
}

fn pipeline(state: &State, request: PipelineReqBody) -> String {
    let (baton, conn) = match stream_of(state, request.baton.as_deref()) {
        Ok(found) => found,
        Err(e) => return serde_json::json!({ "error": e.message }).to_string(),
    };
    let mut open = true;
    let mut results = Vec::new();
    for req in request.requests {
        let Ok(mut session) = conn.lock() else {
            break;
        };
        let response = match req {
            StreamRequest::Close(_) => {
                open = false;
                Ok(StreamResponse::Close(CloseStreamResp {}))
            }
            StreamRequest::Execute(e) => run(state, &mut session, &e.stmt)
                .map(|result| StreamResponse::Execute(ExecuteStreamResp { result })),
            StreamRequest::Batch(b) => Ok(StreamResponse::Batch(BatchStreamResp {
                result: batch(state, &mut session, &b.batch),
            })),
            StreamRequest::Describe(d) => describe(&session.conn, d.sql.as_deref().unwrap_or(""))
                .map(|result| StreamResponse::Describe(DescribeStreamResp { result })),
            StreamRequest::GetAutocommit(_) => {
                Ok(StreamResponse::GetAutocommit(GetAutocommitStreamResp {
                    is_autocommit: session.conn.is_autocommit(),
                }))
            }
            StreamRequest::Sequence(s) => session
                .conn
                .execute_batch(s.sql.as_deref().unwrap_or(""))
                .map(|()| StreamResponse::Sequence(SequenceStreamResp {}))
                .map_err(sql_error),
            _ => Err(error("not supported by this stand-in", "NOT_SUPPORTED")),
        };
        results.push(match response {
            Ok(response) => StreamResult::Ok { response },
            Err(error) => StreamResult::Error { error },
        });
    }
    if !open {
        close(state, &baton);
    }
    serde_json::to_string(&PipelineRespBody {
        baton: open.then_some(baton),
        base_url: None,
        results,
    })
    .unwrap_or_default()
}

/// A cursor: the batch's steps and rows, one JSON object a line.
fn cursor(state: &State, request: CursorReqBody) -> String {
    let mut lines = Vec::new();
    let (baton, conn) = match stream_of(state, request.baton.as_deref()) {
        Ok(found) => found,
        Err(e) => {
            return serde_json::json!({ "error": e.message }).to_string();
        }
    };
    lines.push(serde_json::to_string(&CursorRespBody {
        baton: Some(baton),
        base_url: None,
    }));
    if let Ok(mut session) = conn.lock() {
        let mut ok = Vec::new();
        for (i, step) in request.batch.steps.iter().enumerate() {
            let step_no = i as u32;
            if !holds(step.condition.as_ref(), &ok, &session.conn) {
                ok.push(None);
                continue;
            }
            match run(state, &mut session, &step.stmt) {
                Ok(result) => {
                    lines.push(serde_json::to_string(&CursorEntry::StepBegin(
                        StepBeginEntry {
                            step: step_no,
                            cols: result.cols.clone(),
                        },
                    )));
                    for row in &result.rows {
                        lines.push(serde_json::to_string(&CursorEntry::Row {
                            row: row.clone(),
                        }));
                    }
                    lines.push(serde_json::to_string(&CursorEntry::StepEnd(StepEndEntry {
                        affected_row_count: result.affected_row_count,
                        last_insert_rowid: result.last_insert_rowid,
                    })));
                    ok.push(Some(true));
                }
                Err(error) => {
                    lines.push(serde_json::to_string(&CursorEntry::StepError(
                        StepErrorEntry {
                            step: step_no,
                            error,
                        },
                    )));
                    ok.push(Some(false));
                }
            }
        }
    }
    lines
        .into_iter()
        .filter_map(Result::ok)
        .map(|l| l + "\n")
        .collect()
}

/// Whether a batch step's condition holds, from the earlier steps' outcomes
/// (`Some(true)` succeeded, `Some(false)` failed, `None` skipped).
fn holds(cond: Option<&BatchCond>, done: &[Option<bool>], conn: &rusqlite::Connection) -> bool {
    let Some(cond) = cond else {
        return true;
    };
    match cond {
        BatchCond::None => true,
        BatchCond::Ok { step } => done.get(*step as usize) == Some(&Some(true)),
        BatchCond::Error { step } => done.get(*step as usize) == Some(&Some(false)),
        BatchCond::Not { cond } => !holds(Some(cond), done, conn),
        BatchCond::And(list) => list.conds.iter().all(|c| holds(Some(c), done, conn)),
        BatchCond::Or(list) => list.conds.iter().any(|c| holds(Some(c), done, conn)),
        BatchCond::IsAutocommit {} => conn.is_autocommit(),
    }
}

fn batch(state: &State, session: &mut Session, batch: &Batch) -> BatchResult {
    let mut result = BatchResult::default();
    let mut done = Vec::new();
    for step in &batch.steps {
        if !holds(step.condition.as_ref(), &done, &session.conn) {
            result.step_results.push(None);
            result.step_errors.push(None);
            done.push(None);
            continue;
        }
        match run(state, session, &step.stmt) {
            Ok(r) => {
                result.step_results.push(Some(r));
                result.step_errors.push(None);
                done.push(Some(true));
            }
            Err(e) => {
                result.step_results.push(None);
                result.step_errors.push(Some(e));
                done.push(Some(false));
            }
        }
    }
    result
}

fn describe(conn: &rusqlite::Connection, sql: &str) -> Result<DescribeResult, Error> {
    let stmt = conn.prepare(sql).map_err(sql_error)?;
    let cols = stmt
        .column_names()
        .iter()
        .map(|name| DescribeCol {
            name: name.to_string(),
            decltype: None,
        })
        .collect();
    Ok(DescribeResult {
        params: (1..=stmt.parameter_count())
            .map(|i| DescribeParam {
                name: stmt.parameter_name(i).map(str::to_string),
            })
            .collect(),
        cols,
        is_explain: false,
        is_readonly: stmt.readonly(),
    })
}

/// Runs a statement on a stream, noting it in the stream's open transaction
/// (and expiring that transaction there when asked).
fn run(state: &State, session: &mut Session, stmt: &Stmt) -> Result<StmtResult, Error> {
    state.statements.fetch_add(1, Ordering::SeqCst);
    let sql = stmt.sql.clone().unwrap_or_default();
    if !session.conn.is_autocommit() && expires(state, &session.transaction) {
        let _ = session.conn.execute_batch("ROLLBACK");
        session.transaction.push(sql);
        ended(state, session);
        return Err(error("Transaction timed-out", "TRANSACTION_TIMEOUT"));
    }
    let result = execute(&session.conn, stmt);
    if !session.conn.is_autocommit() || !session.transaction.is_empty() {
        session.transaction.push(sql);
    }
    if session.conn.is_autocommit() && !session.transaction.is_empty() {
        ended(state, session);
    }
    result
}

/// Whether a transaction that has run `so_far` is to be expired now (once).
fn expires(state: &State, so_far: &[String]) -> bool {
    let Ok(mut expire) = state.expire.lock() else {
        return false;
    };
    if expire.as_deref() != Some(so_far) {
        return false;
    }
    *expire = None;
    state.expired.fetch_add(1, Ordering::SeqCst);
    true
}

fn ended(state: &State, session: &mut Session) {
    let statements = std::mem::take(&mut session.transaction);
    if let Ok(mut transactions) = state.transactions.lock() {
        transactions.push(statements);
    }
}

fn execute(conn: &rusqlite::Connection, stmt: &Stmt) -> Result<StmtResult, Error> {
    let sql = stmt
        .sql
        .as_deref()
        .ok_or_else(|| error("stored SQL is not supported", "NOT_SUPPORTED"))?;
    let mut prepared = conn.prepare(sql).map_err(sql_error)?;
    let cols: Vec<Col> = prepared
        .column_names()
        .iter()
        .map(|name| Col {
            name: Some(name.to_string()),
            decltype: None,
        })
        .collect();
    for (i, value) in stmt.args.iter().enumerate() {
        prepared
            .raw_bind_parameter(i + 1, to_sql(value))
            .map_err(sql_error)?;
    }
    for named in &stmt.named_args {
        if let Some(i) = prepared.parameter_index(&named.name).map_err(sql_error)? {
            prepared
                .raw_bind_parameter(i, to_sql(&named.value))
                .map_err(sql_error)?;
        }
    }
    let readonly = prepared.readonly();
    let count = cols.len();
    let mut rows = Vec::new();
    let mut raw = prepared.raw_query();
    while let Some(row) = raw.next().map_err(sql_error)? {
        let mut values = Vec::with_capacity(count);
        for i in 0..count {
            values.push(from_sql(row.get_ref(i).map_err(sql_error)?));
        }
        rows.push(Row { values });
    }
    Ok(StmtResult {
        cols,
        rows,
        affected_row_count: if readonly { 0 } else { conn.changes() },
        last_insert_rowid: Some(conn.last_insert_rowid()),
        replication_index: None,
        rows_read: 0,
        rows_written: 0,
        query_duration_ms: 0.0,
    })
}

fn to_sql(value: &Value) -> SqlValue {
    match value {
        Value::None | Value::Null => SqlValue::Null,
        Value::Integer { value } => SqlValue::Integer(*value),
        Value::Float { value } => SqlValue::Real(*value),
        Value::Text { value } => SqlValue::Text(value.to_string()),
        Value::Blob { value } => SqlValue::Blob(value.to_vec()),
    }
}

fn from_sql(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(value) => Value::Integer { value },
        ValueRef::Real(value) => Value::Float { value },
        ValueRef::Text(t) => Value::Text {
            value: String::from_utf8_lossy(t).into(),
        },
        ValueRef::Blob(b) => Value::Blob {
            value: bytes::Bytes::copy_from_slice(b),
        },
    }
}

fn error(message: &str, code: &str) -> Error {
    Error {
        message: message.to_string(),
        code: code.to_string(),
    }
}

/// SQLite's message, and its code the way libSQL's server names it.
fn sql_error(e: rusqlite::Error) -> Error {
    let code = match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy) => "SQLITE_BUSY".to_string(),
        Some(rusqlite::ErrorCode::DatabaseLocked) => "SQLITE_LOCKED".to_string(),
        Some(rusqlite::ErrorCode::ConstraintViolation) => "SQLITE_CONSTRAINT".to_string(),
        Some(other) => format!("SQLITE_{other:?}").to_ascii_uppercase(),
        None => "SQLITE_ERROR".to_string(),
    };
    error(&e.to_string(), &code)
}
