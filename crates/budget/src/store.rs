//! SQL of the participatory budget, next to its row mapping.

use palabre_domain::budget::count::{Instance, Line, Outcome, Project as Counted, Why};
use palabre_domain::budget::{Ballot, Feasibility, Method, Rule};
use palabre_kit::db::{self, Connection, DbResult, Value};

/// An envelope and what the pages need of its process.
#[derive(Clone, Debug)]
pub struct Envelope {
    pub id: i64,
    pub process_id: i64,
    pub process_slug: String,
    pub process_title: String,
    pub name: String,
    pub description: String,
    pub district: Option<(i64, String)>,
    pub amount: i64,
    pub ballot: Ballot,
    pub min_percent: i64,
    pub method: Method,
    pub changeable: bool,
    pub ballots: i64,
    pub paper_ballots: i64,
    pub counted_at: Option<i64>,
    pub counted_ballots: Option<i64>,
    pub published_at: Option<i64>,
}

impl Envelope {
    pub fn rule(&self) -> Rule {
        Rule {
            amount: self.amount,
            ballot: self.ballot,
            min_percent: self.min_percent,
        }
    }
}

const ENVELOPE: &str = "SELECT e.id, e.process_id, p.slug, p.title, e.name, e.description, d.id, d.name, \
     e.amount, e.ballot, e.max_projects, e.min_percent, e.method, e.changeable, e.ballots, e.paper_ballots, \
     e.counted_at, e.counted_ballots, e.published_at \
     FROM budget_envelopes e JOIN processes p ON p.id = e.process_id \
     LEFT JOIN districts d ON d.id = e.district_id";

fn envelope_of(r: &db::Row) -> Envelope {
    Envelope {
        id: db::int(r, 0),
        process_id: db::int(r, 1),
        process_slug: db::text(r, 2),
        process_title: db::text(r, 3),
        name: db::text(r, 4),
        description: db::text(r, 5),
        district: db::opt_int(r, 6).map(|id| (id, db::text(r, 7))),
        amount: db::int(r, 8),
        ballot: Ballot::of(&db::text(r, 9), db::opt_int(r, 10)),
        min_percent: db::int(r, 11),
        method: db::text(r, 12).parse().unwrap_or(Method::Greedy),
        changeable: db::int(r, 13) != 0,
        ballots: db::int(r, 14),
        paper_ballots: db::int(r, 15),
        counted_at: db::opt_int(r, 16),
        counted_ballots: db::opt_int(r, 17),
        published_at: db::opt_int(r, 18),
    }
}

pub async fn envelope(conn: &Connection, id: i64) -> DbResult<Option<Envelope>> {
    let sql = format!("{ENVELOPE} WHERE e.id = ?");
    Ok(db::query_one(conn, &sql, vec![Value::Integer(id)])
        .await?
        .as_ref()
        .map(envelope_of))
}

pub async fn envelopes_of(conn: &Connection, process_id: i64) -> DbResult<Vec<Envelope>> {
    let sql = format!(
        "{ENVELOPE} WHERE e.process_id = ? ORDER BY e.district_id IS NOT NULL, d.name, e.id"
    );
    Ok(db::query(conn, &sql, vec![Value::Integer(process_id)])
        .await?
        .iter()
        .map(envelope_of)
        .collect())
}

/// A process, for the envelope form and the list.
pub struct Process {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub published: bool,
}

pub async fn process_by_slug(conn: &Connection, slug: &str) -> DbResult<Option<Process>> {
    Ok(db::query_one(
        conn,
        "SELECT id, slug, title, status FROM processes WHERE slug = ?",
        vec![Value::text(slug)],
    )
    .await?
    .map(|r| Process {
        id: db::int(&r, 0),
        slug: db::text(&r, 1),
        title: db::text(&r, 2),
        published: db::text(&r, 3) == "published",
    }))
}

/// The days of the phases that carry the budget tool: (starts_on, ends_on),
/// in order.
pub async fn vote_phases(conn: &Connection, process_id: i64) -> DbResult<Vec<(String, String)>> {
    Ok(db::query(
        conn,
        "SELECT starts_on, ends_on FROM process_phases WHERE process_id = ?1 \
         AND (',' || tools || ',') LIKE '%,budget,%' ORDER BY starts_on, position",
        vec![Value::Integer(process_id)],
    )
    .await?
    .iter()
    .map(|r| (db::text(r, 0), db::text(r, 1)))
    .collect())
}

/// What staff set on an envelope.
pub struct EnvelopeInput {
    pub name: String,
    pub description: String,
    pub district_id: Option<i64>,
    pub amount: i64,
    pub ballot: Ballot,
    pub min_percent: i64,
    pub method: Method,
    pub changeable: bool,
}

fn envelope_params(e: &EnvelopeInput) -> Vec<Value> {
    let (kind, max) = match e.ballot {
        Ballot::Knapsack => ("knapsack", Value::Null),
        Ballot::Approval(k) => ("approval", Value::Integer(i64::from(k))),
    };
    vec![
        Value::text(&e.name),
        Value::text(&e.description),
        e.district_id.map_or(Value::Null, Value::Integer),
        Value::Integer(e.amount),
        Value::text(kind),
        max,
        Value::Integer(e.min_percent),
        Value::text(e.method.as_str()),
        Value::Integer(i64::from(e.changeable)),
    ]
}

pub async fn create_envelope(
    conn: &Connection,
    process_id: i64,
    e: &EnvelopeInput,
    now: i64,
) -> DbResult<i64> {
    let mut params = envelope_params(e);
    params.extend([Value::Integer(process_id), Value::Integer(now)]);
    let row = db::query_one(
        conn,
        "INSERT INTO budget_envelopes (name, description, district_id, amount, ballot, max_projects, \
         min_percent, method, changeable, process_id, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) RETURNING id",
        params,
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

/// Saves the settings. The amount and the ballot's rule are fixed once
/// ballots exist (they were cast under them): `locked` keeps them.
pub async fn update_envelope(
    conn: &Connection,
    id: i64,
    e: &EnvelopeInput,
    now: i64,
) -> DbResult<()> {
    let mut params = envelope_params(e);
    params.extend([Value::Integer(id), Value::Integer(now)]);
    db::exec(
        conn,
        "UPDATE budget_envelopes SET name = ?1, description = ?2, district_id = ?3, \
         amount = CASE WHEN ballots = 0 THEN ?4 ELSE amount END, \
         ballot = CASE WHEN ballots = 0 THEN ?5 ELSE ballot END, \
         max_projects = CASE WHEN ballots = 0 THEN ?6 ELSE max_projects END, \
         min_percent = CASE WHEN ballots = 0 THEN ?7 ELSE min_percent END, \
         method = ?8, changeable = ?9, updated_at = ?11 WHERE id = ?10",
        params,
    )
    .await
}

/// A project on an envelope.
#[derive(Clone, Debug)]
pub struct Project {
    pub id: i64,
    pub envelope_id: i64,
    pub title: String,
    pub body: String,
    pub cost: i64,
    pub first_cost: Option<i64>,
    pub district: Option<(i64, String)>,
    /// A proposal category (the proposal feature's topics).
    pub category_id: Option<i64>,
    /// The proposal it comes from.
    pub proposal_id: Option<i64>,
    pub address: String,
    pub location: Option<(f64, f64)>,
    pub feasibility: Feasibility,
    pub review: String,
    pub reviewed_at: Option<i64>,
    pub votes: i64,
    pub image_id: Option<i64>,
}

impl Project {
    pub fn on_ballot(&self) -> bool {
        self.feasibility == Feasibility::Feasible
    }
}

const PROJECT: &str = "SELECT b.id, b.envelope_id, b.title, b.body, b.cost, b.first_cost, d.id, d.name, \
     b.category_id, b.proposal_id, b.address, b.latitude, b.longitude, b.feasibility, b.review, \
     b.reviewed_at, b.votes, b.image_id \
     FROM budget_projects b LEFT JOIN districts d ON d.id = b.district_id";

fn project_of(r: &db::Row) -> Project {
    Project {
        id: db::int(r, 0),
        envelope_id: db::int(r, 1),
        title: db::text(r, 2),
        body: db::text(r, 3),
        cost: db::int(r, 4),
        first_cost: db::opt_int(r, 5),
        district: db::opt_int(r, 6).map(|id| (id, db::text(r, 7))),
        category_id: db::opt_int(r, 8),
        proposal_id: db::opt_int(r, 9),
        address: db::text(r, 10),
        location: db::real(r, 11).zip(db::real(r, 12)),
        feasibility: db::text(r, 13).parse().unwrap_or(Feasibility::Pending),
        review: db::text(r, 14),
        reviewed_at: db::opt_int(r, 15),
        votes: db::int(r, 16),
        image_id: db::opt_int(r, 17),
    }
}

pub async fn project(conn: &Connection, id: i64) -> DbResult<Option<Project>> {
    let sql = format!("{PROJECT} WHERE b.id = ?");
    Ok(db::query_one(conn, &sql, vec![Value::Integer(id)])
        .await?
        .as_ref()
        .map(project_of))
}

/// An envelope's projects, by title.
pub async fn projects(conn: &Connection, envelope_id: i64) -> DbResult<Vec<Project>> {
    let sql = format!("{PROJECT} WHERE b.envelope_id = ? ORDER BY b.title COLLATE NOCASE, b.id");
    Ok(db::query(conn, &sql, vec![Value::Integer(envelope_id)])
        .await?
        .iter()
        .map(project_of)
        .collect())
}

/// The envelope's projects among `ids` (a cart), by id.
pub async fn projects_among(
    conn: &Connection,
    envelope_id: i64,
    ids: &[i64],
) -> DbResult<Vec<Project>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "{PROJECT} WHERE b.envelope_id = ? AND b.id IN (SELECT value FROM json_each(?)) ORDER BY b.id"
    );
    let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_string());
    Ok(db::query(
        conn,
        &sql,
        vec![Value::Integer(envelope_id), Value::text(&list)],
    )
    .await?
    .iter()
    .map(project_of)
    .collect())
}

/// What staff write of a project.
pub struct ProjectInput {
    pub title: String,
    pub body: String,
    pub cost: i64,
    pub district_id: Option<i64>,
    pub category_id: Option<i64>,
    pub proposal_id: Option<i64>,
    pub address: String,
    pub location: Option<(f64, f64)>,
    pub image_id: Option<i64>,
}

fn project_params(p: &ProjectInput) -> Vec<Value> {
    vec![
        Value::text(&p.title),
        Value::text(&p.body),
        Value::Integer(p.cost),
        p.district_id.map_or(Value::Null, Value::Integer),
        p.category_id.map_or(Value::Null, Value::Integer),
        p.proposal_id.map_or(Value::Null, Value::Integer),
        Value::text(&p.address),
        p.location.map_or(Value::Null, |l| Value::Real(l.0)),
        p.location.map_or(Value::Null, |l| Value::Real(l.1)),
        p.image_id.map_or(Value::Null, Value::Integer),
    ]
}

pub async fn create_project(
    conn: &Connection,
    envelope_id: i64,
    p: &ProjectInput,
    now: i64,
) -> DbResult<i64> {
    let mut params = project_params(p);
    params.extend([Value::Integer(envelope_id), Value::Integer(now)]);
    let row = db::query_one(
        conn,
        "INSERT INTO budget_projects (title, body, cost, district_id, category_id, proposal_id, address, \
         latitude, longitude, image_id, envelope_id, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12) RETURNING id",
        params,
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

/// Saves a project's text. Its cost goes through [`review`], which keeps
/// the first estimate (the handler refuses a new cost once votes exist).
pub async fn update_project(
    conn: &Connection,
    id: i64,
    p: &ProjectInput,
    now: i64,
) -> DbResult<()> {
    let mut params = project_params(p);
    params.extend([Value::Integer(id), Value::Integer(now)]);
    db::exec(
        conn,
        "UPDATE budget_projects SET title = ?1, body = ?2, \
         district_id = ?4, category_id = ?5, proposal_id = ?6, address = ?7, latitude = ?8, longitude = ?9, \
         image_id = ?10, updated_at = ?12 WHERE id = ?11",
        params,
    )
    .await
}

/// The feasibility review: its verdict, its public text, and a revised cost
/// (the first estimate is kept, once).
pub async fn review(
    conn: &Connection,
    id: i64,
    feasibility: Feasibility,
    text: &str,
    cost: i64,
    now: i64,
) -> DbResult<()> {
    let reviewed = (feasibility != Feasibility::Pending).then_some(now);
    db::exec(
        conn,
        "UPDATE budget_projects SET feasibility = ?1, review = ?2, reviewed_at = ?3, \
         first_cost = CASE WHEN ?4 != cost THEN coalesce(first_cost, cost) ELSE first_cost END, \
         cost = ?4, updated_at = ?5 WHERE id = ?6",
        vec![
            Value::text(feasibility.as_str()),
            Value::text(text),
            reviewed.map_or(Value::Null, Value::Integer),
            Value::Integer(cost),
            Value::Integer(now),
            Value::Integer(id),
        ],
    )
    .await
}

/// The project ids in a voter's cart, in the order added.
pub async fn cart(conn: &Connection, user_id: i64, envelope_id: i64) -> DbResult<Vec<i64>> {
    Ok(db::query(
        conn,
        "SELECT project_id FROM budget_carts WHERE user_id = ? AND envelope_id = ? ORDER BY added_at, project_id",
        vec![Value::Integer(user_id), Value::Integer(envelope_id)],
    )
    .await?
    .iter()
    .map(|r| db::int(r, 0))
    .collect())
}

pub async fn add_to_cart(
    conn: &Connection,
    user_id: i64,
    envelope_id: i64,
    project_id: i64,
    now: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        "INSERT INTO budget_carts (user_id, envelope_id, project_id, added_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT DO NOTHING",
        vec![
            Value::Integer(user_id),
            Value::Integer(envelope_id),
            Value::Integer(project_id),
            Value::Integer(now),
        ],
    )
    .await
}

pub async fn remove_from_cart(
    conn: &Connection,
    user_id: i64,
    envelope_id: i64,
    project_id: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        "DELETE FROM budget_carts WHERE user_id = ? AND envelope_id = ? AND project_id = ?",
        vec![
            Value::Integer(user_id),
            Value::Integer(envelope_id),
            Value::Integer(project_id),
        ],
    )
    .await
}

/// A voter's ballot: its id, its projects, when it was cast and changed.
pub struct Cast {
    pub id: i64,
    pub projects: Vec<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

pub async fn ballot_of(
    conn: &Connection,
    envelope_id: i64,
    user_id: i64,
) -> DbResult<Option<Cast>> {
    let Some(row) = db::query_one(
        conn,
        "SELECT b.id, b.created_at, b.updated_at, \
         (SELECT group_concat(project_id) FROM budget_ballot_projects WHERE ballot_id = b.id) \
         FROM budget_ballots b WHERE b.envelope_id = ? AND b.user_id = ?",
        vec![Value::Integer(envelope_id), Value::Integer(user_id)],
    )
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(Cast {
        id: db::int(&row, 0),
        created_at: db::int(&row, 1),
        updated_at: db::int(&row, 2),
        projects: ids(&db::text(&row, 3)),
    }))
}

fn ids(list: &str) -> Vec<i64> {
    list.split(',').filter_map(|v| v.parse().ok()).collect()
}

/// Who votes, and how.
pub enum Voter<'a> {
    /// `entered_by`: the staff member entering it with the voter at the
    /// town-hall desk, if so.
    Online {
        user_id: i64,
        entered_by: Option<i64>,
    },
    Paper {
        reference: &'a str,
        entered_by: i64,
    },
}

/// Records a ballot and its counters, inside the caller's transaction. An
/// online voter who already voted has their ballot replaced (the caller
/// checked that the envelope allows it); a paper reference already entered
/// is refused: `Ok(false)`.
pub async fn cast(
    conn: &Connection,
    envelope_id: i64,
    voter: Voter<'_>,
    district_id: Option<i64>,
    projects: &[i64],
    total: i64,
    now: i64,
) -> DbResult<bool> {
    let district = district_id.map_or(Value::Null, Value::Integer);
    // In id order, whatever the order of the cart: the same choice reads the same.
    let mut sorted = projects.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let list = serde_json::to_string(&sorted).unwrap_or_else(|_| "[]".to_string());
    let ballot_id = match voter {
        Voter::Online {
            user_id,
            entered_by,
        } => {
            let entered_by = entered_by.map_or(Value::Null, Value::Integer);
            if let Some(old) = ballot_of(conn, envelope_id, user_id).await? {
                db::exec(
                    conn,
                    "UPDATE budget_projects SET votes = votes - 1 WHERE id IN \
                     (SELECT project_id FROM budget_ballot_projects WHERE ballot_id = ?)",
                    vec![Value::Integer(old.id)],
                )
                .await?;
                db::exec(
                    conn,
                    "DELETE FROM budget_ballot_projects WHERE ballot_id = ?",
                    vec![Value::Integer(old.id)],
                )
                .await?;
                db::exec(
                    conn,
                    "UPDATE budget_ballots SET total = ?, projects = ?, updated_at = ?, entered_by = ? WHERE id = ?",
                    vec![
                        Value::Integer(total),
                        Value::text(&list),
                        Value::Integer(now),
                        entered_by,
                        Value::Integer(old.id),
                    ],
                )
                .await?;
                old.id
            } else {
                let row = db::query_one(
                    conn,
                    "INSERT INTO budget_ballots (envelope_id, channel, user_id, district_id, total, projects, \
                     created_at, updated_at, entered_by) VALUES (?1, 'online', ?2, ?3, ?4, ?5, ?6, ?6, ?7) RETURNING id",
                    vec![
                        Value::Integer(envelope_id),
                        Value::Integer(user_id),
                        district,
                        Value::Integer(total),
                        Value::text(&list),
                        Value::Integer(now),
                        entered_by,
                    ],
                )
                .await?;
                counted(conn, envelope_id, false).await?;
                row.map_or(0, |r| db::int(&r, 0))
            }
        }
        Voter::Paper {
            reference,
            entered_by,
        } => {
            let row = db::query_one(
                conn,
                "INSERT INTO budget_ballots (envelope_id, channel, paper_ref, entered_by, district_id, total, \
                 projects, created_at, updated_at) VALUES (?1, 'paper', ?2, ?3, ?4, ?5, ?6, ?7, ?7) \
                 ON CONFLICT DO NOTHING RETURNING id",
                vec![
                    Value::Integer(envelope_id),
                    Value::text(reference),
                    Value::Integer(entered_by),
                    district,
                    Value::Integer(total),
                    Value::text(&list),
                    Value::Integer(now),
                ],
            )
            .await?;
            let Some(row) = row else {
                return Ok(false);
            };
            counted(conn, envelope_id, true).await?;
            db::int(&row, 0)
        }
    };
    db::exec(
        conn,
        "INSERT INTO budget_ballot_projects (ballot_id, project_id) \
         SELECT ?1, value FROM json_each(?2)",
        vec![Value::Integer(ballot_id), Value::text(&list)],
    )
    .await?;
    db::exec(
        conn,
        "UPDATE budget_projects SET votes = votes + 1 WHERE id IN (SELECT value FROM json_each(?1))",
        vec![Value::text(&list)],
    )
    .await?;
    Ok(true)
}

async fn counted(conn: &Connection, envelope_id: i64, paper: bool) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE budget_envelopes SET ballots = ballots + 1, paper_ballots = paper_ballots + ?1 WHERE id = ?2",
        vec![Value::Integer(i64::from(paper)), Value::Integer(envelope_id)],
    )
    .await
}

/// The paper ballots entered, newest first (reference, district, total, when).
pub async fn paper_ballots(
    conn: &Connection,
    envelope_id: i64,
    limit: i64,
) -> DbResult<Vec<(String, String, i64, i64)>> {
    Ok(db::query(
        conn,
        "SELECT b.paper_ref, coalesce(d.name, ''), b.total, b.created_at FROM budget_ballots b \
         LEFT JOIN districts d ON d.id = b.district_id \
         WHERE b.envelope_id = ? AND b.channel = 'paper' ORDER BY b.id DESC LIMIT ?",
        vec![Value::Integer(envelope_id), Value::Integer(limit)],
    )
    .await?
    .iter()
    .map(|r| (db::text(r, 0), db::text(r, 1), db::int(r, 2), db::int(r, 3)))
    .collect())
}

/// What the count reads: the feasible projects and every ballot.
pub async fn instance(conn: &Connection, e: &Envelope) -> DbResult<Instance> {
    let projects = db::query(
        conn,
        "SELECT id, cost FROM budget_projects WHERE envelope_id = ? AND feasibility = 'feasible'",
        vec![Value::Integer(e.id)],
    )
    .await?
    .iter()
    .map(|r| Counted {
        id: db::int(r, 0),
        cost: db::int(r, 1),
    })
    .collect();
    let ballots = db::query(
        conn,
        "SELECT group_concat(bp.project_id) FROM budget_ballots b \
         JOIN budget_ballot_projects bp ON bp.ballot_id = b.id \
         WHERE b.envelope_id = ? GROUP BY b.id",
        vec![Value::Integer(e.id)],
    )
    .await?
    .iter()
    .map(|r| ids(&db::text(r, 0)))
    .collect();
    Ok(Instance {
        budget: e.amount,
        projects,
        ballots,
    })
}

/// Keeps a count's outcomes (replacing the last ones), with when and on how
/// many ballots it ran.
pub async fn save_results(
    conn: &Connection,
    envelope_id: i64,
    outcomes: &[Outcome],
    ballots: i64,
    now: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        "DELETE FROM budget_results WHERE envelope_id = ?",
        vec![Value::Integer(envelope_id)],
    )
    .await?;
    for o in outcomes {
        let rows: Vec<serde_json::Value> = o
            .lines
            .iter()
            .map(|l| serde_json::json!([l.id, l.votes, l.cost, l.why.as_str(), l.left]))
            .collect();
        db::exec(
            conn,
            "INSERT INTO budget_results (envelope_id, method, position, project_id, votes, cost, why, left_amount) \
             SELECT ?1, ?2, key, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?3)",
            vec![
                Value::Integer(envelope_id),
                Value::text(o.method.as_str()),
                Value::text(serde_json::Value::Array(rows).to_string()),
            ],
        )
        .await?;
    }
    db::exec(
        conn,
        "UPDATE budget_envelopes SET counted_at = ?, counted_ballots = ? WHERE id = ?",
        vec![
            Value::Integer(now),
            Value::Integer(ballots),
            Value::Integer(envelope_id),
        ],
    )
    .await
}

/// Makes the last count public, or takes it back.
pub async fn publish_results(conn: &Connection, envelope_id: i64, at: Option<i64>) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE budget_envelopes SET published_at = ? WHERE id = ? AND counted_at IS NOT NULL",
        vec![
            at.map_or(Value::Null, Value::Integer),
            Value::Integer(envelope_id),
        ],
    )
    .await
}

/// One line of a stored result, with its project's title.
pub struct ResultLine {
    pub line: Line,
    pub title: String,
}

/// The stored result of `method`, in the order of the count.
pub async fn results(
    conn: &Connection,
    envelope_id: i64,
    method: Method,
) -> DbResult<Vec<ResultLine>> {
    Ok(db::query(
        conn,
        "SELECT r.project_id, r.cost, r.votes, r.why, r.left_amount, p.title FROM budget_results r \
         JOIN budget_projects p ON p.id = r.project_id \
         WHERE r.envelope_id = ? AND r.method = ? ORDER BY r.position",
        vec![Value::Integer(envelope_id), Value::text(method.as_str())],
    )
    .await?
    .iter()
    .map(|r| ResultLine {
        line: Line {
            id: db::int(r, 0),
            cost: db::int(r, 1),
            votes: u64::try_from(db::int(r, 2)).unwrap_or(0),
            why: why_of(&db::text(r, 3)),
            left: db::int(r, 4),
        },
        title: db::text(r, 5),
    })
    .collect())
}

fn why_of(s: &str) -> Why {
    match s {
        "won" => Why::Won,
        "completed" => Why::Completed,
        "too_expensive" => Why::TooExpensive,
        _ => Why::NoVotes,
    }
}

/// One ballot of the anonymised export: its projects, paper or online, the
/// district's name.
pub struct Anonymous {
    pub projects: Vec<i64>,
    pub paper: bool,
    pub district: String,
}

/// Every ballot, without who cast it, ordered by content (so that the order
/// says nothing of when a ballot was cast).
pub async fn anonymous_ballots(conn: &Connection, envelope_id: i64) -> DbResult<Vec<Anonymous>> {
    let mut ballots: Vec<Anonymous> = db::query(
        conn,
        "SELECT (SELECT group_concat(project_id) FROM \
           (SELECT project_id FROM budget_ballot_projects WHERE ballot_id = b.id ORDER BY project_id)), \
         b.channel, coalesce(d.name, '') FROM budget_ballots b LEFT JOIN districts d ON d.id = b.district_id \
         WHERE b.envelope_id = ?",
        vec![Value::Integer(envelope_id)],
    )
    .await?
    .iter()
    .map(|r| Anonymous {
        projects: ids(&db::text(r, 0)),
        paper: db::text(r, 1) == "paper",
        district: db::text(r, 2),
    })
    .collect();
    ballots.sort_by(|a, b| {
        (&a.projects, a.paper, &a.district).cmp(&(&b.projects, b.paper, &b.district))
    });
    Ok(ballots)
}

/// Ballots by district and channel: (district name or "", online, paper).
pub async fn by_district(conn: &Connection, envelope_id: i64) -> DbResult<Vec<(String, i64, i64)>> {
    Ok(db::query(
        conn,
        "SELECT coalesce(d.name, ''), c.online, c.paper FROM \
         (SELECT district_id, sum(channel = 'online') AS online, sum(channel = 'paper') AS paper \
          FROM budget_ballots INDEXED BY budget_ballots_by_district WHERE envelope_id = ? \
          GROUP BY district_id) c \
         LEFT JOIN districts d ON d.id = c.district_id ORDER BY d.name IS NULL, d.name",
        vec![Value::Integer(envelope_id)],
    )
    .await?
    .iter()
    .map(|r| (db::text(r, 0), db::int(r, 1), db::int(r, 2)))
    .collect())
}

/// The proposals already made projects.
pub async fn proposals_used(conn: &Connection) -> DbResult<Vec<i64>> {
    Ok(db::query(
        conn,
        "SELECT proposal_id FROM budget_projects WHERE proposal_id IS NOT NULL",
        Vec::new(),
    )
    .await?
    .iter()
    .map(|r| db::int(r, 0))
    .collect())
}

/// Where the milestones of winning projects are kept.
pub const MILESTONES: palabre_kit::follow_up::Table = palabre_kit::follow_up::Table {
    name: "budget_project_milestones",
    owner: "project_id",
};

/// Whether `project_id` is funded in the stored count of the envelope's
/// own method.
pub async fn funded(conn: &Connection, e: &Envelope, project_id: i64) -> DbResult<bool> {
    Ok(db::query_one(
        conn,
        "SELECT 1 FROM budget_results WHERE envelope_id = ? AND method = ? AND project_id = ? \
         AND why IN ('won', 'completed')",
        vec![
            Value::Integer(e.id),
            Value::text(e.method.as_str()),
            Value::Integer(project_id),
        ],
    )
    .await?
    .is_some())
}

/// The latest progress of each project of the envelope that has a
/// milestone: (project, percent).
pub async fn progress(conn: &Connection, envelope_id: i64) -> DbResult<Vec<(i64, i64)>> {
    Ok(db::query(
        conn,
        "SELECT p.id, (SELECT m.percent FROM budget_project_milestones m WHERE m.project_id = p.id \
         ORDER BY m.on_date DESC, m.id DESC LIMIT 1) FROM budget_projects p \
         WHERE p.envelope_id = ? AND EXISTS (SELECT 1 FROM budget_project_milestones m WHERE m.project_id = p.id)",
        vec![Value::Integer(envelope_id)],
    )
    .await?
    .iter()
    .map(|r| (db::int(r, 0), db::int(r, 1)))
    .collect())
}

/// The milestones of an envelope's projects: (project, milestone), each
/// project's in date order.
pub async fn milestones_of(
    conn: &Connection,
    envelope_id: i64,
) -> DbResult<Vec<(i64, palabre_kit::follow_up::Milestone)>> {
    Ok(db::query(
        conn,
        "SELECT m.project_id, m.on_date, m.percent, m.body FROM budget_project_milestones m \
         JOIN budget_projects p ON p.id = m.project_id WHERE p.envelope_id = ? \
         ORDER BY m.project_id, m.on_date, m.id",
        vec![Value::Integer(envelope_id)],
    )
    .await?
    .iter()
    .map(|r| {
        (
            db::int(r, 0),
            palabre_kit::follow_up::Milestone {
                on_date: db::text(r, 1),
                percent: db::int(r, 2),
                body: db::text(r, 3),
            },
        )
    })
    .collect())
}

/// What the results page shows of an envelope changes only with this: its
/// ballots (new ones; a changed ballot keeps its district and the count is
/// stored), its count and publication, its settings and its projects.
pub async fn results_version(conn: &Connection, envelope_id: i64) -> DbResult<Option<String>> {
    Ok(db::query_one(
        conn,
        "SELECT e.ballots || '.' || e.paper_ballots || '.' || coalesce(e.counted_at, 0) || '.' \
         || coalesce(e.published_at, 0) || '.' || e.updated_at || '.' \
         || (SELECT coalesce(max(p.updated_at), 0) FROM budget_projects p WHERE p.envelope_id = e.id) \
         FROM budget_envelopes e WHERE e.id = ?",
        vec![Value::Integer(envelope_id)],
    )
    .await?
    .map(|r| db::text(&r, 0)))
}
