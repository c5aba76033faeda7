//! SQL of the process report (bilan): every figure it shows is one of these
//! queries, or a feature's tally (its manifest's), so that anyone with the
//! open data can count again. What is counted: published items only, without deleted
//! or hidden comments and without statements moderators did not accept.

use palabre_kit::comments;
use palabre_kit::db::{self, Connection, DbResult, Value};
use palabre_kit::feature::{CountsAs, Tally};

/// What staff wrote and whether the report is public.
pub struct Report {
    pub commentary: String,
    pub commitments: String,
    pub published_at: Option<i64>,
}

pub async fn report(conn: &Connection, process_id: i64) -> DbResult<Option<Report>> {
    let row = db::query_one(
        conn,
        "SELECT commentary, commitments, published_at FROM process_reports WHERE process_id = ?",
        vec![Value::Integer(process_id)],
    )
    .await?;
    Ok(row.map(|r| Report {
        commentary: db::text(&r, 0),
        commitments: db::text(&r, 1),
        published_at: db::opt_int(&r, 2),
    }))
}

/// The counts of a process: its participants, and each feature's tallies
/// (their manifests'), each from its own rows, in one statement.
#[derive(Debug, Clone)]
pub struct Counts {
    pub people: i64,
    /// Each feature's tallies, in the features' order.
    pub tallies: Vec<(&'static Tally, i64)>,
}

impl Counts {
    fn sum(&self, kind: CountsAs) -> i64 {
        self.tallies
            .iter()
            .filter(|(t, _)| t.counts_as == kind)
            .map(|(_, n)| n)
            .sum()
    }

    /// Contributions: what people wrote or answered (not votes, not supports).
    pub fn contributions(&self) -> i64 {
        self.sum(CountsAs::Contribution)
    }

    /// Votes and supports.
    pub fn votes(&self) -> i64 {
        self.sum(CountsAs::Vote)
    }
}

fn tallies() -> impl Iterator<Item = &'static Tally> {
    palabre_features::ALL.iter().flat_map(|f| f.tallies.iter())
}

pub async fn counts(conn: &Connection, process_id: i64) -> DbResult<Counts> {
    let mut sql =
        "SELECT (SELECT count(*) FROM process_participants WHERE process_id = ?1)".to_string();
    for tally in tallies() {
        sql.push_str(&format!(", ({})", tally.sql));
    }
    let row = db::query_one(conn, &sql, vec![Value::Integer(process_id)]).await?;
    let n = |i: usize| row.as_ref().map_or(0, |r| db::int(r, i));
    Ok(Counts {
        people: n(0),
        tallies: tallies().enumerate().map(|(i, t)| (t, n(i + 1))).collect(),
    })
}

/// The contributions counted in [`Counts::contributions`], per week from
/// `start` (Unix seconds) until `end`: `(week index, count)`, weeks without
/// any left out. Counted by the database: a large process has a hundred
/// thousand of them.
pub async fn contributions_by_week(
    conn: &Connection,
    process_id: i64,
    start: i64,
    end: i64,
) -> DbResult<Vec<(i64, i64)>> {
    let dated: Vec<&str> = tallies().filter_map(|t| t.dated).collect();
    if dated.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT (t - ?2) / 604800, count(*) FROM ({}) WHERE t >= ?2 AND t < ?3 GROUP BY 1 ORDER BY 1",
        dated.join(" UNION ALL ")
    );
    Ok(db::query(
        conn,
        &sql,
        vec![
            Value::Integer(process_id),
            Value::Integer(start),
            Value::Integer(end),
        ],
    )
    .await?
    .iter()
    .map(|r| (db::int(r, 0), db::int(r, 1)))
    .collect())
}

/// A comment staff marked as having made a difference.
pub struct Impact {
    pub id: i64,
    pub body: String,
    pub author: String,
    pub at: i64,
    /// The page that carries it.
    pub href: String,
    pub on: String,
}

pub async fn impact_comments(conn: &Connection, process_id: i64) -> DbResult<Vec<Impact>> {
    // The comments on each feature's published items in the process.
    let scopes: Vec<String> = palabre_features::ALL
        .iter()
        .filter_map(|f| f.commented.as_ref())
        .map(|c| {
            format!(
                "(c.resource = '{}' AND c.resource_id IN ({}))",
                c.resource, c.in_process
            )
        })
        .collect();
    if scopes.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT c.id, c.body, coalesce(u.display_name, ''), c.created_at, c.resource, c.resource_id \
         FROM comments c JOIN users u ON u.id = c.user_id \
         WHERE c.badge = 'impact' AND c.deleted_at IS NULL AND c.hidden_at IS NULL AND ({}) \
         ORDER BY c.created_at, c.id",
        scopes.join(" OR ")
    );
    let rows = db::query(conn, &sql, vec![Value::Integer(process_id)]).await?;
    let on: Vec<(String, i64)> = rows
        .iter()
        .map(|r| (db::text(r, 4), db::int(r, 5)))
        .collect();
    let places = comments::places(conn, palabre_features::ALL, &on).await?;
    Ok(rows
        .iter()
        .zip(&on)
        .filter_map(|(r, item)| {
            let place = places.get(item)?;
            Some(Impact {
                id: db::int(r, 0),
                body: db::text(r, 1),
                author: db::text(r, 2),
                at: db::int(r, 3),
                href: place.path.clone(),
                on: place.title.clone(),
            })
        })
        .collect())
}

/// The residents with an account: what a vote's turnout is measured
/// against (an account declares no district, so only the whole commune's).
pub async fn residents(conn: &Connection) -> DbResult<i64> {
    let row = db::query_one(
        conn,
        "SELECT coalesce((SELECT n FROM resident_count WHERE id = 1), 0)",
        Vec::new(),
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}
