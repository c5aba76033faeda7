//! What the dashboard counts.

use palabre_kit::db::{self, Connection, DbResult, Value};
use palabre_kit::feature::Figure;

/// What the dashboard counts.
pub struct Dashboard {
    pub participants: i64,
    pub new_accounts: i64,
    /// (figure key, count): comments, then each feature's figures.
    pub features: Vec<(&'static str, i64)>,
    pub reports_pending: i64,
    /// Published processes, newest first: (title, participants, contributions).
    pub processes: Vec<(String, i64, i64)>,
    /// Contributions per day over the window: (day, count), days without any left out.
    pub days: Vec<(String, i64)>,
    /// Proposals over their threshold that the commune has not answered: (id, title).
    pub unanswered: Vec<(i64, String)>,
    /// Every published proposal the commune has not answered yet.
    pub unanswered_all: i64,
    /// Phases starting soon: (process, phase, starts on).
    pub phases: Vec<(String, String, String)>,
}

/// What the dashboard counts of the shared tables; each feature's figures
/// (its manifest's) follow in the same statement.
const TOTALS: &str = "SELECT \
     (SELECT count(*) FROM users WHERE deleted_at IS NULL AND role = 'citizen'), \
     (SELECT count(*) FROM users WHERE deleted_at IS NULL AND created_at >= ?1), \
     (SELECT count(DISTINCT comment_id) FROM comment_reports WHERE resolved_at IS NULL), \
     (SELECT count(*) FROM comments WHERE deleted_at IS NULL)";

/// The days of the comments since `?1`; each feature's charted figures are
/// added to the union.
const COMMENTS_PER_DAY: &str = "SELECT date(created_at, 'unixepoch') AS d FROM comments WHERE created_at >= ?1 AND deleted_at IS NULL";

/// The dashboard's numbers; `since` starts the window of new accounts and days.
pub async fn dashboard(conn: &Connection, since: i64, today: &str) -> DbResult<Dashboard> {
    let figures: Vec<&Figure> = palabre_features::ALL
        .iter()
        .flat_map(|f| f.figures.iter())
        .collect();
    let mut totals = TOTALS.to_string();
    for figure in &figures {
        totals.push_str(&format!(", ({})", figure.total));
    }
    let totals = db::query(conn, &totals, vec![Value::Integer(since)]).await?;
    let n = |i: usize| totals.first().map_or(0, |r| db::int(r, i));
    let mut per_day = format!("SELECT d, count(*) FROM ({COMMENTS_PER_DAY}");
    for sql in figures.iter().filter_map(|f| f.per_day) {
        per_day.push_str(&format!(" UNION ALL {sql}"));
    }
    per_day.push_str(") GROUP BY d ORDER BY d");
    let processes = db::query(
        conn,
        "SELECT title, participants, contributions FROM processes WHERE status = 'published' \
         ORDER BY starts_on DESC, id DESC LIMIT 10",
        Vec::new(),
    )
    .await?
    .iter()
    .map(|r| (db::text(r, 0), db::int(r, 1), db::int(r, 2)))
    .collect();
    let days = db::query(conn, &per_day, vec![Value::Integer(since)])
        .await?
        .iter()
        .map(|r| (db::text(r, 0), db::int(r, 1)))
        .collect();
    let unanswered = palabre_proposal::read::awaiting_answer(conn, 20).await?;
    let unanswered_all = palabre_proposal::read::unanswered_count(conn).await?;
    let phases = db::query(
        conn,
        "SELECT pr.title, ph.name, ph.starts_on FROM process_phases ph JOIN processes pr ON pr.id = ph.process_id \
         WHERE ph.starts_on > ?1 AND ph.starts_on <= date(?1, '+14 days') ORDER BY ph.starts_on, ph.id LIMIT 10",
        vec![Value::text(today)],
    )
    .await?
    .iter()
    .map(|r| (db::text(r, 0), db::text(r, 1), db::text(r, 2)))
    .collect();
    Ok(Dashboard {
        participants: n(0),
        new_accounts: n(1),
        features: std::iter::once(("comments", n(3)))
            .chain(figures.iter().enumerate().map(|(i, f)| (f.key, n(4 + i))))
            .collect(),
        reports_pending: n(2),
        processes,
        days,
        unanswered,
        unanswered_all,
        phases,
    })
}
