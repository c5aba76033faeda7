//! The open-data API's participatory budgets (`/api/v1/budgets`): envelopes
//! of published processes, their projects and the service's review, and the
//! results once staff publish them; the same JSON as the component's
//! `results.json`. Ballots are counts here (the anonymised ballots are the
//! `.pb` and CSV downloads); nothing names a person.

use palabre_domain::budget::{Ballot, Method};
use palabre_kit::api::{Page, of_process, opt_text};
use palabre_kit::db::{self, Connection, DbResult, Value as Sql};
use palabre_kit::follow_up::Milestone;
use serde_json::{Value, json};

use crate::store::{self, Envelope, Project};

const LIST: &str = "SELECT e.id, p.slug, e.name, d.name, e.amount, e.ballot, e.max_projects, e.min_percent, \
     e.method, e.changeable, e.ballots, e.paper_ballots, e.published_at IS NOT NULL \
     FROM budget_envelopes e JOIN processes p ON p.id = e.process_id \
     LEFT JOIN districts d ON d.id = e.district_id WHERE p.status = 'published'";

fn listed_json(r: &db::Row) -> Value {
    let id = db::int(r, 0);
    let published = db::int(r, 12) == 1;
    json!({
        "id": id,
        "process": db::text(r, 1),
        "name": db::text(r, 2),
        "district": opt_text(r, 3),
        "amount_eur": db::int(r, 4),
        "ballot": db::text(r, 5),
        "max_projects": db::opt_int(r, 6),
        "min_percent": db::int(r, 7),
        "method": db::text(r, 8),
        "changeable": db::int(r, 9) == 1,
        "ballots": db::int(r, 10),
        "paper_ballots": db::int(r, 11),
        "results_published": published,
        "results_url": published.then(|| format!("/api/v1/budgets/{id}/results")),
        "url": format!("/budgets/{id}"),
    })
}

/// The envelopes, by id, optionally of one process.
pub async fn budgets(
    conn: &Connection,
    process: Option<i64>,
    after: i64,
    limit: i64,
) -> DbResult<Page> {
    of_process(
        conn,
        LIST.to_string(),
        "e",
        process,
        (after, limit),
        listed_json,
    )
    .await
}

/// An envelope whose process is published.
pub async fn public_envelope(conn: &Connection, id: i64) -> DbResult<Option<Envelope>> {
    let published = db::query_one(
        conn,
        "SELECT 1 FROM budget_envelopes e JOIN processes p ON p.id = e.process_id \
         WHERE e.id = ? AND p.status = 'published'",
        vec![Sql::Integer(id)],
    )
    .await?
    .is_some();
    if !published {
        return Ok(None);
    }
    store::envelope(conn, id).await
}

fn envelope_json(e: &Envelope) -> Value {
    json!({
        "id": e.id,
        "process": e.process_slug,
        "name": e.name,
        "district": e.district.as_ref().map(|d| &d.1),
        "amount_eur": e.amount,
        "ballot": e.ballot.kind(),
        "max_projects": match e.ballot { Ballot::Approval(k) => Some(k), Ballot::Knapsack => None },
        "min_percent": e.min_percent,
        "method": e.method.as_str(),
        "changeable": e.changeable,
        "ballots": e.ballots,
        "paper_ballots": e.paper_ballots,
        "counted": e.counted_at.map(palabre_domain::date::timestamp),
        "counted_ballots": e.counted_ballots,
        "results_published": e.published_at.is_some(),
    })
}

/// A project; its votes only once the results are public (no running
/// tally while the vote is open), and its follow-up (a winner's milestones).
fn project_json(p: &Project, published: bool, milestones: &[(i64, Milestone)]) -> Value {
    let location = match p.location {
        Some((lat, lon)) => json!({ "latitude": lat, "longitude": lon }),
        None => Value::Null,
    };
    let milestones: Vec<Value> = milestones
        .iter()
        .filter(|(id, _)| *id == p.id)
        .map(|(_, m)| m.to_json())
        .collect();
    json!({
        "id": p.id,
        "title": p.title,
        "cost_eur": p.cost,
        "first_cost_eur": p.first_cost,
        "district": p.district.as_ref().map(|d| &d.1),
        "feasibility": p.feasibility.as_str(),
        "review": p.review,
        "votes": published.then_some(p.votes),
        "from_proposal": p.proposal_id,
        "address": p.address,
        "location": location,
        "milestones": milestones,
        "url": format!("/budgets/{}/projects/{}", p.envelope_id, p.id),
    })
}

/// `/api/v1/budgets/{id}`: the envelope and its projects.
pub async fn budget(conn: &Connection, e: &Envelope) -> DbResult<Value> {
    let published = e.published_at.is_some();
    let projects = store::projects(conn, e.id).await?;
    let milestones = store::milestones_of(conn, e.id).await?;
    Ok(json!({
        "envelope": envelope_json(e),
        "projects": projects.iter().map(|p| project_json(p, published, &milestones)).collect::<Vec<_>>(),
        "url": format!("/budgets/{}", e.id),
    }))
}

/// The published results of an envelope, each method's lines in the order
/// of its count: the envelope, its projects and both results.
pub async fn results(conn: &Connection, e: &Envelope) -> DbResult<Value> {
    let mut results = serde_json::Map::new();
    for m in Method::ALL {
        let lines = store::results(conn, e.id, m).await?;
        results.insert(
            m.as_str().to_string(),
            json!(
                lines
                    .iter()
                    .map(|l| json!({
                        "project": l.line.id,
                        "votes": l.line.votes,
                        "cost_eur": l.line.cost,
                        "outcome": l.line.why.as_str(),
                        "funded": l.line.why.funded(),
                        "left_eur": l.line.left,
                    }))
                    .collect::<Vec<_>>()
            ),
        );
    }
    let projects = store::projects(conn, e.id).await?;
    let milestones = store::milestones_of(conn, e.id).await?;
    Ok(json!({
        "envelope": envelope_json(e),
        "projects": projects.iter().map(|p| project_json(p, true, &milestones)).collect::<Vec<_>>(),
        "results": results,
        "ballots_pabulib": format!("/budgets/{}/ballots.pb", e.id),
        "ballots_csv": format!("/budgets/{}/ballots.csv", e.id),
    }))
}
