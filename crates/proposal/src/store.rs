//! SQL of the proposal component, next to its row mapping.

use palabre_domain::proposal::{Cursor, Sort, Status};
use palabre_kit::db::{self, Connection, DbResult, Value};
use palabre_kit::search;

mod amendments;
mod follow_up;
mod supports;

pub use amendments::*;
pub use follow_up::*;
pub use supports::*;

pub struct Proposal {
    pub id: i64,
    pub process_id: i64,
    pub user_id: i64,
    pub author: String,
    pub title: String,
    pub body: String,
    pub category: Option<(i64, String)>,
    pub district: Option<(i64, String)>,
    pub address: String,
    pub location: Option<(f64, f64)>,
    pub published: bool,
    pub status: Status,
    pub supports: i64,
    pub threshold_reached: bool,
    pub published_at: Option<i64>,
    pub created_at: i64,
    pub image_id: Option<i64>,
    pub comments: i64,
    /// Entered at the town-hall desk by staff, with its author.
    pub entered_at_desk: bool,
}

const COLUMNS: &str = "p.id, p.process_id, p.user_id, u.display_name, p.title, p.body, c.id, c.name, d.id, d.name, \
     p.address, p.latitude, p.longitude, p.state, p.status, p.supports, p.threshold_reached_at, p.published_at, \
     p.created_at, p.image_id, p.comments_count, p.entered_by IS NOT NULL";
/// How many columns `COLUMNS` names.
const WIDTH: usize = 22;
const FROM: &str = "proposals p JOIN users u ON u.id = p.user_id \
     LEFT JOIN proposal_categories c ON c.id = p.category_id LEFT JOIN districts d ON d.id = p.district_id";

fn proposal_of(r: &db::Row) -> Proposal {
    Proposal {
        id: db::int(r, 0),
        process_id: db::int(r, 1),
        user_id: db::int(r, 2),
        author: db::text(r, 3),
        title: db::text(r, 4),
        body: db::text(r, 5),
        category: db::opt_int(r, 6).map(|id| (id, db::text(r, 7))),
        district: db::opt_int(r, 8).map(|id| (id, db::text(r, 9))),
        address: db::text(r, 10),
        location: db::real(r, 11).zip(db::real(r, 12)),
        published: db::text(r, 13) == "published",
        status: db::text(r, 14).parse().unwrap_or(Status::Open),
        supports: db::int(r, 15),
        threshold_reached: db::opt_int(r, 16).is_some(),
        published_at: db::opt_int(r, 17),
        created_at: db::int(r, 18),
        image_id: db::opt_int(r, 19),
        comments: db::int(r, 20),
        entered_at_desk: db::int(r, 21) == 1,
    }
}

pub async fn by_id(conn: &Connection, id: i64) -> DbResult<Option<Proposal>> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE p.id = ?");
    Ok(db::query_one(conn, &sql, vec![Value::Integer(id)])
        .await?
        .as_ref()
        .map(proposal_of))
}

/// A located proposal, for the map.
pub struct Located {
    pub id: i64,
    pub title: String,
    pub supports: i64,
    pub address: String,
    pub at: (f64, f64),
}

/// The located published proposals of a process (optionally of one status,
/// category or district), most supported first: at most `limit`, and whether
/// there are more. One walk of the partial index of located proposals.
pub async fn located(
    conn: &Connection,
    process_id: i64,
    status: Option<Status>,
    category_id: Option<i64>,
    district_id: Option<i64>,
    limit: i64,
) -> DbResult<(Vec<Located>, bool)> {
    let mut sql = String::from(
        "SELECT p.id, p.title, p.supports, p.address, p.latitude, p.longitude \
         FROM proposals p INDEXED BY proposals_located \
         WHERE p.process_id = ? AND p.state = 'published' AND p.latitude IS NOT NULL",
    );
    let mut params = vec![Value::Integer(process_id)];
    if let Some(s) = status {
        sql.push_str(" AND p.status = ?");
        params.push(Value::text(s.as_str()));
    }
    if let Some(c) = category_id {
        sql.push_str(" AND p.category_id = ?");
        params.push(Value::Integer(c));
    }
    if let Some(d) = district_id {
        sql.push_str(" AND p.district_id = ?");
        params.push(Value::Integer(d));
    }
    sql.push_str(" ORDER BY p.supports DESC, p.id DESC LIMIT ?");
    params.push(Value::Integer(limit + 1));
    let rows = db::query(conn, &sql, params).await?;
    let mut items: Vec<Located> = rows
        .iter()
        .filter_map(|r| {
            Some(Located {
                id: db::int(r, 0),
                title: db::text(r, 1),
                supports: db::int(r, 2),
                address: db::text(r, 3),
                at: (db::real(r, 4)?, db::real(r, 5)?),
            })
        })
        .collect();
    let more = items.len() as i64 > limit;
    items.truncate(usize::try_from(limit).unwrap_or(0));
    Ok((items, more))
}

/// Where a process's most supported located proposals are, on average (a
/// map's centre when it opens).
pub async fn centre(conn: &Connection, process_id: i64) -> DbResult<Option<(f64, f64)>> {
    let row = db::query_one(
        conn,
        "SELECT avg(latitude), avg(longitude) FROM (SELECT latitude, longitude \
         FROM proposals INDEXED BY proposals_located \
         WHERE process_id = ? AND state = 'published' AND latitude IS NOT NULL \
         ORDER BY supports DESC, id DESC LIMIT 200)",
        vec![Value::Integer(process_id)],
    )
    .await?;
    Ok(row.and_then(|r| db::real(&r, 0).zip(db::real(&r, 1))))
}

/// A comment more on a proposal (`?` is its id), in the comment's transaction.
pub const COUNT_COMMENT: &str =
    "UPDATE proposals SET comments_count = comments_count + 1 WHERE id = ?";

/// A published process: (id, slug, title, threshold, limit).
pub struct Process {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub threshold: Option<i64>,
    pub limit: Option<i64>,
}

pub async fn process_by_slug(conn: &Connection, slug: &str) -> DbResult<Option<Process>> {
    Ok(db::query_one(
        conn,
        "SELECT id, slug, title, support_threshold, support_limit FROM processes WHERE slug = ? AND status = 'published'",
        vec![Value::text(slug)],
    )
    .await?
    .map(|r| process_of(&r)))
}

pub async fn process_by_id(conn: &Connection, id: i64) -> DbResult<Option<Process>> {
    Ok(db::query_one(
        conn,
        "SELECT id, slug, title, support_threshold, support_limit FROM processes WHERE id = ?",
        vec![Value::Integer(id)],
    )
    .await?
    .map(|r| process_of(&r)))
}

fn process_of(r: &db::Row) -> Process {
    Process {
        id: db::int(r, 0),
        slug: db::text(r, 1),
        title: db::text(r, 2),
        threshold: db::opt_int(r, 3),
        limit: db::opt_int(r, 4),
    }
}

/// A published process that takes proposals in one of its phases.
pub struct Taking {
    pub id: i64,
    pub slug: String,
    pub title: String,
    /// A phase with the proposal tool is under way today.
    pub open: bool,
}

/// The published processes whose phases include the proposal tool, the
/// most recent first.
pub async fn processes_taking_proposals(conn: &Connection, today: &str) -> DbResult<Vec<Taking>> {
    let rows = db::query(
        conn,
        "SELECT p.id, p.slug, p.title, EXISTS (SELECT 1 FROM process_phases ph \
           WHERE ph.process_id = p.id AND ph.starts_on <= ?1 AND ph.ends_on >= ?1 \
           AND (',' || ph.tools || ',') LIKE '%,proposal,%') \
         FROM processes p WHERE p.status = 'published' AND EXISTS (SELECT 1 FROM process_phases ph \
           WHERE ph.process_id = p.id AND (',' || ph.tools || ',') LIKE '%,proposal,%') \
         ORDER BY p.starts_on DESC, p.id DESC",
        vec![Value::text(today)],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| Taking {
            id: db::int(r, 0),
            slug: db::text(r, 1),
            title: db::text(r, 2),
            open: db::int(r, 3) == 1,
        })
        .collect())
}

/// The first day, after `today`, of a phase with the proposal tool.
pub async fn next_opening(
    conn: &Connection,
    process_id: i64,
    today: &str,
) -> DbResult<Option<palabre_domain::date::Day>> {
    Ok(db::query_one(
        conn,
        "SELECT min(starts_on) FROM process_phases WHERE process_id = ?1 AND starts_on > ?2 \
         AND (',' || tools || ',') LIKE '%,proposal,%'",
        vec![Value::Integer(process_id), Value::text(today)],
    )
    .await?
    .and_then(|r| db::opt_text(&r, 0))
    .and_then(|d| palabre_domain::date::Day::parse(&d)))
}

/// Whether a phase with the proposal tool is under way today.
pub async fn tool_open(conn: &Connection, process_id: i64, today: &str) -> DbResult<bool> {
    Ok(db::query_one(
        conn,
        "SELECT 1 FROM process_phases WHERE process_id = ?1 AND starts_on <= ?2 AND ends_on >= ?2 \
         AND (',' || tools || ',') LIKE '%,proposal,%' LIMIT 1",
        vec![Value::Integer(process_id), Value::text(today)],
    )
    .await?
    .is_some())
}

/// (id, name) of the categories, in order.
pub async fn categories(conn: &Connection) -> DbResult<Vec<(i64, String)>> {
    Ok(db::query(
        conn,
        "SELECT id, name FROM proposal_categories ORDER BY position, name",
        Vec::new(),
    )
    .await?
    .iter()
    .map(|r| (db::int(r, 0), db::text(r, 1)))
    .collect())
}

pub use palabre_kit::participation::districts;

/// What a proposal form saves.
pub struct Input {
    pub title: String,
    pub body: String,
    pub category_id: Option<i64>,
    pub district_id: Option<i64>,
    pub address: String,
    pub location: Option<(f64, f64)>,
    pub image_id: Option<i64>,
}

fn input_params(i: &Input) -> Vec<Value> {
    vec![
        Value::text(i.title.as_str()),
        Value::text(i.body.as_str()),
        i.category_id.map_or(Value::Null, Value::Integer),
        i.district_id.map_or(Value::Null, Value::Integer),
        Value::text(i.address.as_str()),
        i.location.map_or(Value::Null, |l| Value::Real(l.0)),
        i.location.map_or(Value::Null, |l| Value::Real(l.1)),
        i.image_id.map_or(Value::Null, Value::Integer),
    ]
}

/// A new draft (`entered_by`: the staff member entering it at the town-hall
/// desk, if so); returns its id.
pub async fn create(
    conn: &Connection,
    process_id: i64,
    (user_id, entered_by): (i64, Option<i64>),
    input: &Input,
    shuffle: i64,
    now: i64,
) -> DbResult<i64> {
    let mut params = input_params(input);
    params.extend([
        Value::Integer(process_id),
        Value::Integer(user_id),
        Value::Integer(shuffle),
        Value::Integer(now),
        Value::Integer(now),
        entered_by.map_or(Value::Null, Value::Integer),
    ]);
    let row = db::query_one(
        conn,
        "INSERT INTO proposals (title, body, category_id, district_id, address, latitude, longitude, image_id, \
         process_id, user_id, shuffle, created_at, updated_at, entered_by) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        params,
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

pub async fn update(conn: &Connection, id: i64, input: &Input, now: i64) -> DbResult<()> {
    let mut params = input_params(input);
    params.extend([Value::Integer(now), Value::Integer(id)]);
    db::exec(
        conn,
        "UPDATE proposals SET title = ?, body = ?, category_id = ?, district_id = ?, address = ?, latitude = ?, \
         longitude = ?, image_id = ?, updated_at = ? WHERE id = ? AND state = 'draft'",
        params,
    )
    .await
}

/// Publishes a draft (once); true when it was published now.
pub async fn publish(conn: &Connection, id: i64, now: i64) -> DbResult<bool> {
    Ok(db::query_one(
        conn,
        "UPDATE proposals SET state = 'published', published_at = ?1, updated_at = ?1 \
         WHERE id = ?2 AND state = 'draft' RETURNING id",
        vec![Value::Integer(now), Value::Integer(id)],
    )
    .await?
    .is_some())
}

/// Deletes a draft of its author's with its image, as erasing the account
/// would (a published proposal stays): whether one was deleted. To be run
/// in a transaction.
pub async fn delete_draft(conn: &Connection, id: i64, user_id: i64) -> DbResult<bool> {
    let Some(row) = db::query_one(
        conn,
        "DELETE FROM proposals WHERE id = ?1 AND user_id = ?2 AND state = 'draft' RETURNING image_id",
        vec![Value::Integer(id), Value::Integer(user_id)],
    )
    .await?
    else {
        return Ok(false);
    };
    if let Some(image) = db::opt_int(&row, 0) {
        db::exec(
            conn,
            "DELETE FROM images WHERE id = ?",
            vec![Value::Integer(image)],
        )
        .await?;
    }
    Ok(true)
}

/// A person's drafts (in one process, or in every one), the last edited
/// first: (id, title, updated at).
pub async fn drafts_of(
    conn: &Connection,
    user_id: i64,
    process_id: Option<i64>,
) -> DbResult<Vec<(i64, String, i64)>> {
    Ok(db::query(
        conn,
        "SELECT id, title, updated_at FROM proposals          WHERE user_id = ?1 AND state = 'draft' AND (?2 IS NULL OR process_id = ?2)          ORDER BY updated_at DESC, id DESC LIMIT 50",
        vec![
            Value::Integer(user_id),
            process_id.map_or(Value::Null, Value::Integer),
        ],
    )
    .await?
    .iter()
    .map(|r| (db::int(r, 0), db::text(r, 1), db::int(r, 2)))
    .collect())
}

/// Published proposals whose title or text match the words of `text` (FTS5),
/// best first: (id, title, supports).
pub async fn similar(
    conn: &Connection,
    query: &str,
    except: i64,
    limit: i64,
) -> DbResult<Vec<(i64, String, i64)>> {
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let floor = search::recent_floor(conn, "proposal_search", query).await?;
    Ok(db::query(
        conn,
        "SELECT p.id, p.title, p.supports FROM proposal_search s JOIN proposals p ON p.id = s.rowid \
         WHERE proposal_search MATCH ?1 AND s.rowid >= ?4 AND p.id != ?2 AND p.state = 'published' \
         ORDER BY rank LIMIT ?3",
        vec![
            Value::text(query),
            Value::Integer(except),
            Value::Integer(limit),
            Value::Integer(floor),
        ],
    )
    .await?
    .iter()
    .map(|r| (db::int(r, 0), db::text(r, 1), db::int(r, 2)))
    .collect())
}

/// What the list shows and how it is ordered.
pub struct Filter {
    /// One process's proposals, or those of every published process.
    pub process_id: Option<i64>,
    pub status: Option<Status>,
    pub category_id: Option<i64>,
    pub district_id: Option<i64>,
    /// Only this person's proposals.
    pub author: Option<i64>,
    /// Only the proposals this person supports.
    pub supporter: Option<i64>,
    pub sort: Sort,
    /// The visitor's entry point in the random order.
    pub seed: i64,
}

/// One page of published proposals, walking the sort's index from `after`
/// (keyset pagination: page 500 costs what page 1 costs). Returns the page
/// and the cursor of the next one.
pub async fn page(
    conn: &Connection,
    f: &Filter,
    after: Option<Cursor>,
    size: i64,
) -> DbResult<(Vec<Proposal>, Option<Cursor>)> {
    // The filters, shared by every part of the query.
    let mut filters = String::new();
    let mut filter_params = Vec::new();
    if let Some(s) = f.status {
        filters.push_str(" AND p.status = ?");
        filter_params.push(Value::text(s.as_str()));
    }
    if let Some(c) = f.category_id {
        filters.push_str(" AND p.category_id = ?");
        filter_params.push(Value::Integer(c));
    }
    if let Some(d) = f.district_id {
        filters.push_str(" AND p.district_id = ?");
        filter_params.push(Value::Integer(d));
    }
    if let Some(a) = f.author {
        filters.push_str(" AND p.user_id = ?");
        filter_params.push(Value::Integer(a));
    }
    if let Some(s) = f.supporter {
        filters
            .push_str(" AND p.id IN (SELECT proposal_id FROM proposal_supports WHERE user_id = ?)");
        filter_params.push(Value::Integer(s));
    }
    // One process, or every published one (each walk then reads the
    // cross-process indexes of migration 0027).
    let (scope, scope_params) = match f.process_id {
        Some(id) => ("p.process_id = ?", vec![Value::Integer(id)]),
        None => (
            "p.process_id IN (SELECT id FROM processes WHERE status = 'published')",
            Vec::new(),
        ),
    };
    let base = format!(
        "SELECT {COLUMNS}, {{key}} AS sort_key FROM {FROM} WHERE {scope} AND p.state = 'published'{filters}"
    );
    let mut params = Vec::new();
    let sql = match f.sort {
        // One walk down the order's index, from the cursor on.
        Sort::Newest | Sort::Supported | Sort::Best => {
            let column = match f.sort {
                Sort::Newest => "p.published_at",
                Sort::Supported => "p.supports",
                _ => "p.best",
            };
            let mut sql = base.replace("{key}", column);
            params.extend(scope_params.iter().cloned());
            params.extend(filter_params);
            if let Some(c) = after {
                sql.push_str(&format!(" AND ({column}, p.id) < (?, ?)"));
                params.push(Value::Integer(c.key));
                params.push(Value::Integer(c.id));
            }
            sql.push_str(&format!(" ORDER BY {column} DESC, p.id DESC LIMIT ?"));
            params.push(Value::Integer(size + 1));
            sql
        }
        // The shuffle from the visitor's seed to the end, then from the start:
        // two walks of the shuffle index (the key is the distance from the seed).
        Sort::Random => {
            const TURN: i64 = 1 << 31;
            let seed = f.seed;
            // Each walk reads the shuffle index alone (ids and keys); only the
            // page's rows are read in full.
            let mut parts = Vec::new();
            for (offset, range) in [(-seed, ">= ?"), (TURN - seed, "< ?")] {
                let mut part = format!(
                    "SELECT p.id, p.shuffle + ({offset}) AS k FROM proposals p \
                     WHERE {scope} AND p.state = 'published'{filters} AND p.shuffle {range}"
                );
                params.extend(scope_params.iter().cloned());
                params.extend(filter_params.iter().cloned());
                params.push(Value::Integer(seed));
                if let Some(c) = after {
                    part.push_str(" AND (p.shuffle, p.id) > (?, ?)");
                    params.push(Value::Integer(c.key - offset));
                    params.push(Value::Integer(c.id));
                }
                part.push_str(" ORDER BY p.shuffle, p.id LIMIT ?");
                params.push(Value::Integer(size + 1));
                parts.push(format!("SELECT * FROM ({part})"));
            }
            params.push(Value::Integer(size + 1));
            format!(
                "SELECT {COLUMNS}, r.k AS sort_key FROM ({} ORDER BY 2, 1 LIMIT ?) r, {FROM} \
                 WHERE p.id = r.id ORDER BY r.k, p.id",
                parts.join(" UNION ALL ")
            )
        }
    };
    let rows = db::query(conn, &sql, params).await?;
    let mut items: Vec<(Proposal, i64)> = rows
        .iter()
        .map(|r| (proposal_of(r), db::int(r, WIDTH)))
        .collect();
    let more = items.len() as i64 > size;
    items.truncate(usize::try_from(size).unwrap_or(0));
    let cursor = if more {
        items.last().map(|(p, key)| Cursor {
            key: *key,
            id: p.id,
        })
    } else {
        None
    };
    Ok((items.into_iter().map(|(p, _)| p).collect(), cursor))
}

/// Every published proposal of a process for the exports, oldest first.
pub async fn all_published(conn: &Connection, process_id: i64) -> DbResult<Vec<Proposal>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE p.process_id = ? AND p.state = 'published' ORDER BY p.published_at, p.id"
    );
    Ok(db::query(conn, &sql, vec![Value::Integer(process_id)])
        .await?
        .iter()
        .map(proposal_of)
        .collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_width_counts_the_columns() {
        assert_eq!(super::COLUMNS.split(',').count(), super::WIDTH);
    }
}
