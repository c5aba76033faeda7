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

/// Published proposals and their supports per district (`None`: no district).
pub async fn by_district(
    conn: &Connection,
    process_id: i64,
) -> DbResult<Vec<(Option<String>, i64, i64)>> {
    let rows = db::query(
        conn,
        "SELECT d.name, count(*), sum(p.supports) FROM proposals p LEFT JOIN districts d ON d.id = p.district_id \
         WHERE p.process_id = ? AND p.state = 'published' \
         GROUP BY p.district_id ORDER BY count(*) DESC, sum(p.supports) DESC, d.name",
        vec![Value::Integer(process_id)],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| (db::opt_text(r, 0), db::int(r, 1), db::int(r, 2)))
        .collect())
}

/// A proposal on the report, with the commune's latest answer and progress.
pub struct Proposal {
    pub id: i64,
    pub title: String,
    pub supports: i64,
    pub status: String,
    pub answer: Option<(String, i64)>,
    pub progress: Option<i64>,
}

/// The most supported published proposals (ties: the newer first, the
/// order of the `proposals_supported` index).
pub async fn top_proposals(
    conn: &Connection,
    process_id: i64,
    limit: i64,
) -> DbResult<Vec<Proposal>> {
    let rows = db::query(
        conn,
        "SELECT p.id, p.title, p.supports, p.status, \
           (SELECT body FROM proposal_answers a WHERE a.proposal_id = p.id ORDER BY created_at DESC, id DESC LIMIT 1), \
           (SELECT created_at FROM proposal_answers a WHERE a.proposal_id = p.id ORDER BY created_at DESC, id DESC LIMIT 1), \
           (SELECT percent FROM proposal_milestones m WHERE m.proposal_id = p.id ORDER BY on_date DESC, id DESC LIMIT 1) \
         FROM proposals p WHERE p.process_id = ? AND p.state = 'published' \
         ORDER BY p.supports DESC, p.id DESC LIMIT ?",
        vec![Value::Integer(process_id), Value::Integer(limit)],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| Proposal {
            id: db::int(r, 0),
            title: db::text(r, 1),
            supports: db::int(r, 2),
            status: db::text(r, 3),
            answer: db::opt_text(r, 4).map(|b| (b, db::int(r, 5))),
            progress: db::opt_int(r, 6),
        })
        .collect())
}

/// A dated step of an accepted proposal.
pub struct Milestone {
    pub proposal_id: i64,
    pub proposal_title: String,
    pub on_date: String,
    pub percent: i64,
    pub body: String,
}

/// Every milestone of the process's proposals, by proposal then date.
pub async fn milestones(conn: &Connection, process_id: i64) -> DbResult<Vec<Milestone>> {
    let rows = db::query(
        conn,
        "SELECT p.id, p.title, m.on_date, m.percent, m.body FROM proposal_milestones m \
         JOIN proposals p ON p.id = m.proposal_id \
         WHERE p.process_id = ? AND p.state = 'published' ORDER BY p.supports DESC, p.id, m.on_date, m.id",
        vec![Value::Integer(process_id)],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| Milestone {
            proposal_id: db::int(r, 0),
            proposal_title: db::text(r, 1),
            on_date: db::text(r, 2),
            percent: db::int(r, 3),
            body: db::text(r, 4),
        })
        .collect())
}

/// A discussion of the process: where it is, and its statements' texts.
pub struct Discussion {
    pub id: i64,
    pub slug: String,
    pub question: String,
}

pub async fn discussions(conn: &Connection, process_id: i64) -> DbResult<Vec<Discussion>> {
    let rows = db::query(
        conn,
        "SELECT id, slug, question FROM discussions WHERE process_id = ? AND status = 'published' \
         ORDER BY opens_on, id",
        vec![Value::Integer(process_id)],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| Discussion {
            id: db::int(r, 0),
            slug: db::text(r, 1),
            question: db::text(r, 2),
        })
        .collect())
}

/// `(id, body)` of a discussion's accepted statements.
pub async fn statements(conn: &Connection, discussion_id: i64) -> DbResult<Vec<(i64, String)>> {
    let rows = db::query(
        conn,
        "SELECT id, body FROM opinion_statements WHERE discussion_id = ? AND status = 'accepted' ORDER BY id",
        vec![Value::Integer(discussion_id)],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| (db::int(r, 0), db::text(r, 1)))
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
