//! What the tests of kit and of the feature crates share (the `testing`
//! feature; never in a component).

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test support: a schema that does not build stops the test"
)]

/// The schema as the migrations build it, in memory.
pub fn schema() -> rusqlite::Connection {
    let conn = rusqlite::Connection::open_in_memory().expect("an in-memory database");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../db/migrations");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("db/migrations")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    for file in files {
        let sql = std::fs::read_to_string(&file).expect("a migration");
        conn.execute_batch(&sql)
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    }
    conn
}

/// The tables the migrations create.
pub fn tables(conn: &rusqlite::Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .expect("sqlite_master");
    stmt.query_map([], |r| r.get(0))
        .expect("sqlite_master")
        .filter_map(Result::ok)
        .collect()
}
