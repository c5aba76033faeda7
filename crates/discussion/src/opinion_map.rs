//! A discussion's opinion map, computed from the votes and cached in
//! `opinion_maps` (recomputed when votes changed, at most once a minute).
//! The discussion component draws it; the process report quotes it.

use palabre_domain::opinion::{self, Vote, Votes};
use serde::{Deserialize, Serialize};

use palabre_kit::db::{self, Connection, DbResult, Value};

/// The map is recomputed at most this often (seconds).
pub const REFRESH_SECONDS: i64 = 60;

/// The cached map, as stored.
#[derive(Serialize, Deserialize)]
pub struct Cached {
    /// People who voted at all, and how many of them are on the map.
    pub voters: usize,
    pub placed: usize,
    /// `None` when too few people voted enough to draw a map.
    pub map: Option<Computed>,
    pub computed_at: i64,
}

#[derive(Serialize, Deserialize)]
pub struct Computed {
    pub silhouette: f64,
    pub groups: Vec<CachedGroup>,
    pub consensus: Vec<CachedScored>,
    /// (x, y, group, user id) of each placed participant.
    pub points: Vec<(f64, f64, usize, i64)>,
}

#[derive(Serialize, Deserialize)]
pub struct CachedGroup {
    pub size: usize,
    pub distinctive: Vec<CachedScored>,
}

/// A statement (by id) with the share that qualifies it.
#[derive(Serialize, Deserialize)]
pub struct CachedScored {
    pub statement: i64,
    pub share: f64,
    pub agree: bool,
}

/// The map of a discussion, recomputed first if votes changed and the last
/// computation is more than a minute old. `None` before anyone voted.
pub async fn map(conn: &Connection, discussion_id: i64, now: i64) -> DbResult<Option<Cached>> {
    let row = db::query_one(
        conn,
        "SELECT version, computed_version, result FROM opinion_maps WHERE discussion_id = ?",
        vec![Value::Integer(discussion_id)],
    )
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let cached: Option<Cached> = db::opt_text(&row, 2).and_then(|s| serde_json::from_str(&s).ok());
    if db::int(&row, 0) == db::int(&row, 1) && cached.is_some() {
        return Ok(cached);
    }
    // Claim the computation, so that one request per minute does it.
    let claimed = db::query_one(
        conn,
        "UPDATE opinion_maps SET computed_at = ?1 WHERE discussion_id = ?2 \
           AND (result IS NULL OR (computed_version != version AND computed_at <= ?1 - ?3)) \
         RETURNING version",
        vec![
            Value::Integer(now),
            Value::Integer(discussion_id),
            Value::Integer(REFRESH_SECONDS),
        ],
    )
    .await?;
    let Some(claimed) = claimed else {
        return Ok(cached);
    };
    // The claim stands alone; the result is recorded after the computation.
    conn.step_done();
    let version = db::int(&claimed, 0);
    let fresh = compute(conn, discussion_id, now).await?;
    let json = serde_json::to_string(&fresh).unwrap_or_default();
    db::exec(
        conn,
        "UPDATE opinion_maps SET computed_version = ?, computed_at = ?, result = ? WHERE discussion_id = ?",
        vec![
            Value::Integer(version),
            Value::Integer(now),
            Value::text(json),
            Value::Integer(discussion_id),
        ],
    )
    .await?;
    Ok(Some(fresh))
}

/// Reads the votes on accepted statements and computes the map.
pub async fn compute(conn: &Connection, discussion_id: i64, now: i64) -> DbResult<Cached> {
    let (statement_ids, user_ids, votes) = load(conn, discussion_id).await?;
    let map = opinion::map(&votes);
    let placed = map.as_ref().map_or(0, |m| m.points.len());
    let scored = |s: &opinion::Scored| CachedScored {
        statement: statement_ids[s.statement],
        share: s.share,
        agree: s.agree,
    };
    let map = map.map(|m| Computed {
        silhouette: m.silhouette,
        groups: m
            .groups
            .iter()
            .map(|g| CachedGroup {
                size: g.members.len(),
                distinctive: g.distinctive.iter().map(scored).collect(),
            })
            .collect(),
        consensus: m.consensus.iter().map(scored).collect(),
        points: m
            .points
            .iter()
            .map(|(p, x, y, g)| (*x, *y, *g, user_ids[*p]))
            .collect(),
    });
    Ok(Cached {
        voters: user_ids.len(),
        placed,
        map,
        computed_at: now,
    })
}

/// The votes matrix: accepted statements (ids by column), voters (ids by
/// row), read from the packed ballots (one row per voter, not one per vote;
/// a later entry for a statement replaces an earlier one).
async fn load(conn: &Connection, discussion_id: i64) -> DbResult<(Vec<i64>, Vec<i64>, Votes)> {
    let statement_ids: Vec<i64> = db::query(
        conn,
        "SELECT id FROM opinion_statements WHERE discussion_id = ? AND status = 'accepted' ORDER BY id",
        vec![Value::Integer(discussion_id)],
    )
    .await?
    .iter()
    .map(|r| db::int(r, 0))
    .collect();
    // Statement id → column: ids are sorted, so a binary search (no hashing
    // for each of the 360,000 votes of a large map).
    let column = |id: i64| statement_ids.binary_search(&id).ok();
    let rows = db::query(
        conn,
        "SELECT user_id, votes FROM opinion_ballots WHERE discussion_id = ? AND votes != '' ORDER BY user_id",
        vec![Value::Integer(discussion_id)],
    )
    .await?;
    let user_ids: Vec<i64> = rows.iter().map(|r| db::int(r, 0)).collect();
    let mut votes = Votes::new(user_ids.len(), statement_ids.len());
    for (p, row) in rows.iter().enumerate() {
        for cell in db::text(row, 1).split(',') {
            let Some((id, kind)) = cell.len().checked_sub(1).map(|n| cell.split_at(n)) else {
                continue;
            };
            let vote = match kind {
                "a" => Vote::Agree,
                "d" => Vote::Disagree,
                "p" => Vote::Pass,
                _ => continue,
            };
            if let Some(s) = id.parse::<i64>().ok().and_then(column) {
                votes.set(p, s, vote);
            }
        }
    }
    Ok((statement_ids, user_ids, votes))
}
