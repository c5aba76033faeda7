//! What the rest of the platform reads of proposals.

use palabre_kit::db::{self, Connection, DbResult, Value};

/// Published proposals past their support threshold that the commune has
/// not answered yet, the longest waiting first: (id, title).
const AWAITING_ANSWER: &str = "SELECT id, title FROM proposals WHERE state = 'published' \
     AND status = 'open' AND threshold_reached_at IS NOT NULL \
     ORDER BY threshold_reached_at, id LIMIT ?";

/// Proposals waiting for the commune's answer (the dashboard's list).
pub async fn awaiting_answer(conn: &Connection, limit: i64) -> DbResult<Vec<(i64, String)>> {
    Ok(
        db::query(conn, AWAITING_ANSWER, vec![Value::Integer(limit)])
            .await?
            .iter()
            .map(|r| (db::int(r, 0), db::text(r, 1)))
            .collect(),
    )
}

/// How many published proposals have no answer from the commune yet (the
/// staff's list: `/proposals?status=open`).
pub async fn unanswered_count(conn: &Connection) -> DbResult<i64> {
    Ok(db::query_one(
        conn,
        "SELECT count(*) FROM proposals WHERE state = 'published' AND status = 'open'",
        Vec::new(),
    )
    .await?
    .map_or(0, |r| db::int(&r, 0)))
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

/// The accepted proposals of a process (accepted, being carried out, done),
/// most supported first: (id, title). A participatory budget makes projects
/// of them.
pub async fn accepted(conn: &Connection, process_id: i64) -> DbResult<Vec<(i64, String)>> {
    Ok(db::query(
        conn,
        "SELECT id, title FROM proposals WHERE process_id = ? AND state = 'published' \
         AND status IN ('accepted', 'progress', 'done') ORDER BY supports DESC, id",
        vec![Value::Integer(process_id)],
    )
    .await?
    .iter()
    .map(|r| (db::int(r, 0), db::text(r, 1)))
    .collect())
}

/// A published proposal's text, to start a project from it: (title, body,
/// district id, category id, address, location, author's user id).
pub struct Origin {
    pub title: String,
    pub body: String,
    pub district_id: Option<i64>,
    pub category_id: Option<i64>,
    pub address: String,
    pub location: Option<(f64, f64)>,
    pub user_id: i64,
}

pub async fn origin(conn: &Connection, id: i64) -> DbResult<Option<Origin>> {
    Ok(db::query_one(
        conn,
        "SELECT title, body, district_id, category_id, address, latitude, longitude, user_id \
         FROM proposals WHERE id = ? AND state = 'published'",
        vec![Value::Integer(id)],
    )
    .await?
    .map(|r| Origin {
        title: db::text(&r, 0),
        body: db::text(&r, 1),
        district_id: db::opt_int(&r, 2),
        category_id: db::opt_int(&r, 3),
        address: db::text(&r, 4),
        location: db::real(&r, 5).zip(db::real(&r, 6)),
        user_id: db::int(&r, 7),
    }))
}

/// Who supported a proposal (to tell them it became a project).
pub async fn supporters(conn: &Connection, id: i64) -> DbResult<Vec<i64>> {
    Ok(db::query(
        conn,
        "SELECT user_id FROM proposal_supports WHERE proposal_id = ?",
        vec![Value::Integer(id)],
    )
    .await?
    .iter()
    .map(|r| db::int(r, 0))
    .collect())
}

/// (id, name) of the proposal categories, in order (the topics a budget's
/// projects share with proposals).
pub async fn categories(conn: &Connection) -> DbResult<Vec<(i64, String)>> {
    crate::store::categories(conn).await
}

/// Where a process's located proposals are (the centre of the most
/// supported), to open a map picker there.
pub async fn centre(conn: &Connection, process_id: i64) -> DbResult<Option<(f64, f64)>> {
    crate::store::centre(conn, process_id).await
}
