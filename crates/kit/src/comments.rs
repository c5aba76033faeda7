//! Comments: the mechanism every feature carries (discussions now, proposals
//! and news later). Threads to depth 3, a stance on top-level comments, one
//! reaction per person, reports, the commune's badges ("official answer",
//! pinned first, and "impact"), editing within 15 minutes, withdrawal, and
//! moderators' hiding. The rules are `domain::comment`; the "best" order is
//! `domain::ranking`.

use std::collections::HashMap;

use palabre_domain::account::FieldError;
use palabre_domain::comment::{self, Reaction, Stance};
use palabre_domain::ranking::{BestKey, Signals};
use serde::Serialize;

use crate::db::{self, Connection, DbResult, Value};

/// What carries comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Discussion,
    Proposal,
    News,
}

impl Resource {
    pub fn as_str(self) -> &'static str {
        match self {
            Resource::Discussion => "discussion",
            Resource::Proposal => "proposal",
            Resource::News => "news",
        }
    }
}

/// The orders a thread can be read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Best,
    Newest,
    Oldest,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Best, Sort::Newest, Sort::Oldest];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Best => "best",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }

    /// From `?sort=`; anything else is "best".
    pub fn parse(value: Option<&str>) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|s| Some(s.as_str()) == value)
            .unwrap_or(Sort::Best)
    }
}

/// Who is reading.
#[derive(Debug, Clone, Copy)]
pub struct Viewer {
    pub user_id: Option<i64>,
    /// Moderators see hidden comments (marked as such).
    pub moderator: bool,
}

/// A comment as a page shows it, with its replies.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    pub id: i64,
    pub depth: u32,
    pub author: String,
    pub author_id: Option<i64>,
    /// Empty when withdrawn.
    pub body: String,
    pub stance: Option<&'static str>,
    pub up: i64,
    pub down: i64,
    pub replies: i64,
    pub badge: Option<String>,
    pub created_at: i64,
    pub edited: bool,
    pub withdrawn: bool,
    pub hidden: bool,
    pub mine: bool,
    pub my_reaction: Option<String>,
    /// The author may still edit it.
    pub editable: bool,
    /// Replies may be added under it.
    pub can_reply: bool,
    pub children: Vec<View>,
}

/// Why a write was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    NotFound,
    /// Not the author, or not allowed.
    Forbidden,
    /// The text or a choice is not valid.
    Field(FieldError),
    /// A reply deeper than depth 3.
    TooDeep,
    /// Reacting to one's own comment.
    OwnComment,
    /// The 15 minutes to edit are over.
    TooLate,
}

#[derive(Debug)]
pub enum Outcome<T> {
    Done(T),
    Refused(Refused),
}

struct Row {
    id: i64,
    parent_id: Option<i64>,
    depth: u32,
    user_id: i64,
    author: String,
    body: String,
    stance: Option<String>,
    up: i64,
    down: i64,
    replies: i64,
    badge: Option<String>,
    created_at: i64,
    edited_at: Option<i64>,
    deleted_at: Option<i64>,
    hidden_at: Option<i64>,
    my_reaction: Option<String>,
}

/// Top-level comments (with their replies) on one page of a thread.
pub const PAGE_SIZE: usize = 20;

/// Every top-level comment of a thread, with what its order needs only.
const TOPS: &str = "SELECT id, stance, up, down, replies, badge, created_at, deleted_at, hidden_at \
     FROM comments WHERE resource = ? AND resource_id = ? AND depth = 1";

/// The comments of the page's top-level ids (a JSON array) and all their replies.
const PAGE_ROWS: &str = "WITH RECURSIVE shown(id) AS (SELECT value FROM json_each(?) \
     UNION ALL SELECT c.id FROM comments c JOIN shown ON c.parent_id = shown.id) \
     SELECT c.id, c.parent_id, c.depth, c.user_id, u.display_name, c.body, c.stance, \
     c.up, c.down, c.replies, c.badge, c.created_at, c.edited_at, c.deleted_at, c.hidden_at, r.reaction \
     FROM shown JOIN comments c ON c.id = shown.id JOIN users u ON u.id = c.user_id \
     LEFT JOIN comment_reactions r ON r.comment_id = c.id AND r.user_id = ? \
     ORDER BY c.created_at, c.id";

/// The top-level comment a comment hangs under (itself when top-level).
const ROOT: &str = "WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM comments \
     WHERE id = ? AND resource = ? AND resource_id = ? \
     UNION ALL SELECT c.id, c.parent_id FROM comments c JOIN up ON c.id = up.parent_id) \
     SELECT id FROM up WHERE parent_id IS NULL";

fn stance_name(s: Option<&str>) -> Option<&'static str> {
    s.and_then(|s| s.parse::<Stance>().ok()).map(Stance::as_str)
}

/// The address of a comment: the thread's page that shows it, scrolled to it.
/// `note` is an extra query (`held=1`) or "".
pub fn link(base: &str, id: i64, note: &str) -> String {
    let note = if note.is_empty() {
        String::new()
    } else {
        format!("{note}&")
    };
    format!("{base}?{note}comment={id}#c{id}")
}

/// A commented item's title and page (its manifest's `commented`).
#[derive(Debug, Clone)]
pub struct Place {
    pub title: String,
    pub path: String,
}

/// The places of comments' `(resource, resource_id)`, one query per feature
/// that has any among them; a resource no feature names has none.
pub async fn places(
    conn: &Connection,
    features: &[&crate::feature::Manifest],
    items: &[(String, i64)],
) -> DbResult<HashMap<(String, i64), Place>> {
    let mut found = HashMap::new();
    for commented in features.iter().filter_map(|f| f.commented.as_ref()) {
        let ids: Vec<String> = items
            .iter()
            .filter(|(resource, _)| resource == commented.resource)
            .map(|(_, id)| id.to_string())
            .collect();
        if ids.is_empty() {
            continue;
        }
        let ids = format!("[{}]", ids.join(","));
        for r in db::query(conn, commented.places, vec![Value::Text(ids)]).await? {
            found.insert(
                (commented.resource.to_string(), db::int(&r, 0)),
                Place {
                    title: db::text(&r, 1),
                    path: db::text(&r, 2),
                },
            );
        }
    }
    Ok(found)
}

/// Which page of a thread to show.
#[derive(Debug, Clone, Copy, Default)]
pub struct Want {
    /// 1-based; out of range reads as the nearest page.
    pub page: usize,
    /// The page that holds this comment, when it is in the thread.
    pub comment: Option<i64>,
}

/// One page of a thread.
#[derive(Debug)]
pub struct Page {
    pub items: Vec<View>,
    pub number: usize,
    pub pages: usize,
    /// What the whole thread shows in figures.
    pub counts: Counts,
}

struct Top {
    id: i64,
    stance: Option<&'static str>,
    best: BestKey,
    official: bool,
    created_at: i64,
}

/// One page of a resource's thread as `viewer` may see it: top-level comments
/// in `sort` order (the official answer first), [`PAGE_SIZE`] a page, each
/// with all its replies, oldest first; `stance` keeps only the top-level
/// comments of that stance. Two queries whatever the thread's size: the
/// top-level comments' order figures, then the page's comments.
pub async fn thread(
    conn: &Connection,
    (resource, resource_id): (Resource, i64),
    viewer: Viewer,
    (sort, stance): (Sort, Option<Stance>),
    want: Want,
    now: i64,
) -> DbResult<Page> {
    let on = || vec![Value::text(resource.as_str()), Value::Integer(resource_id)];
    let rows = db::query(conn, TOPS, on()).await?;
    let mut counts = badges(conn, (resource, resource_id)).await?;
    for r in &rows {
        let visible = db::opt_int(r, 7).is_none() && db::opt_int(r, 8).is_none();
        let index = Stance::ALL
            .iter()
            .position(|s| Some(s.as_str()) == db::opt_text(r, 1).as_deref());
        if let (true, Some(i)) = (visible, index) {
            counts.stances[i] += 1;
        }
    }
    let mut tops: Vec<Top> = rows
        .iter()
        .filter(|r| viewer.moderator || db::opt_int(r, 8).is_none())
        // A withdrawn comment stays only to hold its replies.
        .filter(|r| db::opt_int(r, 7).is_none() || db::int(r, 4) > 0)
        .map(|r| {
            let created_at = db::int(r, 6);
            let badge = db::opt_text(r, 5);
            let signals = Signals {
                up: u32::try_from(db::int(r, 2)).unwrap_or(0),
                down: u32::try_from(db::int(r, 3)).unwrap_or(0),
                replies: u32::try_from(db::int(r, 4)).unwrap_or(0),
                impact: badge.as_deref() == Some("impact"),
                age_seconds: now - created_at,
            };
            let id = db::int(r, 0);
            Top {
                id,
                stance: stance_name(db::opt_text(r, 1).as_deref()),
                best: BestKey::of(&signals, id),
                official: badge.as_deref() == Some("official"),
                created_at,
            }
        })
        .filter(|t| stance.is_none_or(|s| t.stance == Some(s.as_str())))
        .collect();
    tops.sort_by(|a, b| {
        b.official.cmp(&a.official).then_with(|| match sort {
            Sort::Best => a.best.order(&b.best),
            Sort::Newest => b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)),
            Sort::Oldest => a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)),
        })
    });
    let pages = tops.len().div_ceil(PAGE_SIZE).max(1);
    let mut number = want.page.clamp(1, pages);
    if let Some(comment) = want.comment {
        let mut params = vec![Value::Integer(comment)];
        params.extend(on());
        if let Some(root) = db::query_one(conn, ROOT, params).await? {
            let root = db::int(&root, 0);
            if let Some(at) = tops.iter().position(|t| t.id == root) {
                number = at / PAGE_SIZE + 1;
            }
        }
    }
    let shown: Vec<i64> = tops
        .iter()
        .skip((number - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|t| t.id)
        .collect();
    if shown.is_empty() {
        return Ok(Page {
            items: Vec::new(),
            number,
            pages,
            counts,
        });
    }
    let ids = format!(
        "[{}]",
        shown
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",")
    );
    let params = vec![
        Value::Text(ids),
        viewer.user_id.map_or(Value::Null, Value::Integer),
    ];
    let rows: Vec<Row> = db::query(conn, PAGE_ROWS, params)
        .await?
        .iter()
        .map(|r| Row {
            id: db::int(r, 0),
            parent_id: db::opt_int(r, 1),
            depth: u32::try_from(db::int(r, 2)).unwrap_or(1),
            user_id: db::int(r, 3),
            author: db::text(r, 4),
            body: db::text(r, 5),
            stance: db::opt_text(r, 6),
            up: db::int(r, 7),
            down: db::int(r, 8),
            replies: db::int(r, 9),
            badge: db::opt_text(r, 10),
            created_at: db::int(r, 11),
            edited_at: db::opt_int(r, 12),
            deleted_at: db::opt_int(r, 13),
            hidden_at: db::opt_int(r, 14),
            my_reaction: db::opt_text(r, 15),
        })
        .collect();
    let mut children: HashMap<Option<i64>, Vec<&Row>> = HashMap::new();
    for row in &rows {
        children.entry(row.parent_id).or_default().push(row);
    }
    fn build(
        row: &Row,
        children: &HashMap<Option<i64>, Vec<&Row>>,
        viewer: Viewer,
        now: i64,
    ) -> Option<View> {
        if row.hidden_at.is_some() && !viewer.moderator {
            return None;
        }
        let replies: Vec<View> = children
            .get(&Some(row.id))
            .map(|list| {
                list.iter()
                    .filter_map(|r| build(r, children, viewer, now))
                    .collect()
            })
            .unwrap_or_default();
        let withdrawn = row.deleted_at.is_some();
        if withdrawn && replies.is_empty() {
            return None;
        }
        let mine = viewer.user_id == Some(row.user_id);
        Some(View {
            id: row.id,
            depth: row.depth,
            author: if withdrawn {
                String::new()
            } else {
                row.author.clone()
            },
            author_id: (!withdrawn && row.author != crate::privacy::TOMBSTONE_NAME)
                .then_some(row.user_id),
            body: if withdrawn {
                String::new()
            } else {
                row.body.clone()
            },
            stance: stance_name(row.stance.as_deref()),
            up: row.up,
            down: row.down,
            replies: row.replies,
            badge: row.badge.clone(),
            created_at: row.created_at,
            edited: row.edited_at.is_some(),
            withdrawn,
            hidden: row.hidden_at.is_some(),
            mine,
            my_reaction: row.my_reaction.clone(),
            editable: mine && !withdrawn && comment::editable(row.created_at, now),
            can_reply: !withdrawn && comment::reply_depth(row.depth).is_some(),
            children: replies,
        })
    }
    let by_id: HashMap<i64, &Row> = rows
        .iter()
        .filter(|r| r.parent_id.is_none())
        .map(|r| (r.id, r))
        .collect();
    let items = shown
        .iter()
        .filter_map(|id| by_id.get(id))
        .filter_map(|r| build(r, &children, viewer, now))
        .collect();
    Ok(Page {
        items,
        number,
        pages,
        counts,
    })
}

/// What a thread shows in figures: visible top-level comments per stance
/// (in [`Stance::ALL`] order) and the commune's badges.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub stances: [i64; 3],
    pub official: i64,
    pub impact: i64,
}

/// The commune's badges in a thread (a partial index holds only badged comments).
async fn badges(conn: &Connection, (resource, resource_id): (Resource, i64)) -> DbResult<Counts> {
    let rows = db::query(
        conn,
        "SELECT badge, count(*) FROM comments WHERE resource = ? AND resource_id = ? \
         AND badge IS NOT NULL AND deleted_at IS NULL AND hidden_at IS NULL GROUP BY 1",
        vec![Value::text(resource.as_str()), Value::Integer(resource_id)],
    )
    .await?;
    let mut counts = Counts::default();
    for r in &rows {
        match db::opt_text(r, 0).as_deref() {
            Some("official") => counts.official += db::int(r, 1),
            Some("impact") => counts.impact += db::int(r, 1),
            _ => {}
        }
    }
    Ok(counts)
}

/// A comment's place: what it belongs to, its author and state.
pub struct Placed {
    pub id: i64,
    pub resource: String,
    pub resource_id: i64,
    pub user_id: i64,
    pub depth: u32,
    pub created_at: i64,
    pub withdrawn: bool,
    pub hidden: bool,
}

pub async fn placed(conn: &Connection, id: i64) -> DbResult<Option<Placed>> {
    let row = db::query_one(
        conn,
        "SELECT id, resource, resource_id, user_id, depth, created_at, deleted_at, hidden_at \
         FROM comments WHERE id = ?",
        vec![Value::Integer(id)],
    )
    .await?;
    Ok(row.map(|r| Placed {
        id: db::int(&r, 0),
        resource: db::text(&r, 1),
        resource_id: db::int(&r, 2),
        user_id: db::int(&r, 3),
        depth: u32::try_from(db::int(&r, 4)).unwrap_or(1),
        created_at: db::int(&r, 5),
        withdrawn: db::opt_int(&r, 6).is_some(),
        hidden: db::opt_int(&r, 7).is_some(),
    }))
}

/// The comment `id` if it belongs to this resource (and is not withdrawn).
async fn in_resource(
    conn: &Connection,
    (resource, resource_id): (Resource, i64),
    id: i64,
) -> DbResult<Option<Placed>> {
    Ok(placed(conn, id).await?.filter(|p| {
        p.resource == resource.as_str() && p.resource_id == resource_id && !p.withdrawn
    }))
}

/// A new comment or reply.
pub struct New<'a> {
    pub on: (Resource, i64),
    pub parent_id: Option<i64>,
    pub user_id: i64,
    pub body: &'a str,
    /// As typed (top-level comments only; replies ignore it).
    pub stance: &'a str,
}

/// Posts a comment (to be run inside a transaction); returns its id and, for a
/// reply, the author of the comment replied to.
pub async fn post(
    conn: &Connection,
    new: &New<'_>,
    now: i64,
) -> DbResult<Outcome<(i64, Option<i64>)>> {
    let (depth, parent_author) = match new.parent_id {
        None => (1, None),
        Some(parent) => {
            let Some(parent) = in_resource(conn, new.on, parent).await? else {
                return Ok(Outcome::Refused(Refused::NotFound));
            };
            match comment::reply_depth(parent.depth) {
                Some(depth) => (depth, Some(parent.user_id)),
                None => return Ok(Outcome::Refused(Refused::TooDeep)),
            }
        }
    };
    let body = match comment::body(new.body) {
        Ok(body) => body,
        Err(e) => return Ok(Outcome::Refused(Refused::Field(e))),
    };
    let stance = match comment::stance_for(depth, new.stance) {
        Ok(stance) => stance,
        Err(e) => return Ok(Outcome::Refused(Refused::Field(e))),
    };
    let row = db::query_one(
        conn,
        "INSERT INTO comments (resource, resource_id, parent_id, depth, user_id, body, stance, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        vec![
            Value::text(new.on.0.as_str()),
            Value::Integer(new.on.1),
            new.parent_id.map_or(Value::Null, Value::Integer),
            Value::Integer(i64::from(depth)),
            Value::Integer(new.user_id),
            Value::text(body),
            stance.map_or(Value::Null, |s| Value::text(s.as_str())),
            Value::Integer(now),
        ],
    )
    .await?;
    if let Some(parent) = new.parent_id {
        db::exec(
            conn,
            "UPDATE comments SET replies = replies + 1 WHERE id = ?",
            vec![Value::Integer(parent)],
        )
        .await?;
    }
    Ok(Outcome::Done((
        row.map_or(0, |r| db::int(&r, 0)),
        parent_author.filter(|a| *a != new.user_id),
    )))
}

/// Reacts to a comment (`None` takes the reaction back); not to one's own.
pub async fn react(
    conn: &Connection,
    on: (Resource, i64),
    id: i64,
    user_id: i64,
    reaction: Option<Reaction>,
) -> DbResult<Outcome<()>> {
    let Some(target) = in_resource(conn, on, id).await? else {
        return Ok(Outcome::Refused(Refused::NotFound));
    };
    if target.user_id == user_id {
        return Ok(Outcome::Refused(Refused::OwnComment));
    }
    let previous = db::query_one(
        conn,
        "SELECT reaction FROM comment_reactions WHERE comment_id = ? AND user_id = ?",
        vec![Value::Integer(id), Value::Integer(user_id)],
    )
    .await?
    .and_then(|r| db::text(&r, 0).parse::<Reaction>().ok());
    let (up, down) = comment::react(previous, reaction);
    match reaction {
        Some(r) => {
            db::exec(
                conn,
                "INSERT INTO comment_reactions (comment_id, user_id, reaction, created_at) VALUES (?, ?, ?, ?) \
                 ON CONFLICT (comment_id, user_id) DO UPDATE SET reaction = excluded.reaction",
                vec![
                    Value::Integer(id),
                    Value::Integer(user_id),
                    Value::text(r.as_str()),
                    Value::Integer(crate::now()),
                ],
            )
            .await?
        }
        None => {
            db::exec(
                conn,
                "DELETE FROM comment_reactions WHERE comment_id = ? AND user_id = ?",
                vec![Value::Integer(id), Value::Integer(user_id)],
            )
            .await?
        }
    }
    if up != 0 || down != 0 {
        db::exec(
            conn,
            "UPDATE comments SET up = up + ?, down = down + ? WHERE id = ?",
            vec![Value::Integer(up), Value::Integer(down), Value::Integer(id)],
        )
        .await?;
    }
    Ok(Outcome::Done(()))
}

/// Reports a comment (once per person).
/// A report on a comment; with `threshold` open reports, the comment is
/// hidden at once, pending a moderator's review (the moderation queue).
pub async fn report(
    conn: &Connection,
    on: (Resource, i64),
    id: i64,
    user_id: i64,
    reason: &str,
    threshold: i64,
) -> DbResult<Outcome<()>> {
    if in_resource(conn, on, id).await?.is_none() {
        return Ok(Outcome::Refused(Refused::NotFound));
    }
    let reason = match palabre_domain::content::text(reason, 1_000) {
        Ok(r) if !r.is_empty() => r,
        Ok(_) => return Ok(Outcome::Refused(Refused::Field(FieldError::Required))),
        Err(e) => return Ok(Outcome::Refused(Refused::Field(e))),
    };
    db::exec(
        conn,
        "INSERT OR IGNORE INTO comment_reports (comment_id, user_id, reason, created_at) VALUES (?, ?, ?, ?)",
        vec![
            Value::Integer(id),
            Value::Integer(user_id),
            Value::text(reason),
            Value::Integer(crate::now()),
        ],
    )
    .await?;
    db::exec(
        conn,
        "UPDATE comments SET hidden_at = ?1, hidden_reason = 'reports' WHERE id = ?2 AND hidden_at IS NULL \
         AND (SELECT count(*) FROM comment_reports WHERE comment_id = ?2 AND resolved_at IS NULL) >= ?3",
        vec![
            Value::Integer(crate::now()),
            Value::Integer(id),
            Value::Integer(threshold),
        ],
    )
    .await?;
    Ok(Outcome::Done(()))
}

/// Holds a new comment for review (a watched word): hidden, and in the
/// moderation queue with the word as its reason. Not for trusted authors:
/// false then, and nothing changes.
pub async fn hold(conn: &Connection, id: i64, author: i64, word: &str, now: i64) -> DbResult<bool> {
    let trusted = db::query_one(
        conn,
        "SELECT trusted FROM users WHERE id = ?",
        vec![Value::Integer(author)],
    )
    .await?
    .is_some_and(|r| db::int(&r, 0) == 1);
    if trusted {
        return Ok(false);
    }
    db::exec(
        conn,
        "UPDATE comments SET hidden_at = ?, hidden_reason = 'keyword' WHERE id = ?",
        vec![Value::Integer(now), Value::Integer(id)],
    )
    .await?;
    let reason: String = format!("« {word} »").chars().take(1_000).collect();
    db::exec(
        conn,
        "INSERT OR IGNORE INTO comment_reports (comment_id, user_id, reason, created_at) VALUES (?, ?, ?, ?)",
        vec![
            Value::Integer(id),
            Value::Integer(author),
            Value::text(reason),
            Value::Integer(now),
        ],
    )
    .await?;
    Ok(true)
}

/// The author edits their comment, within the window.
pub async fn edit(
    conn: &Connection,
    on: (Resource, i64),
    id: i64,
    user_id: i64,
    body: &str,
    now: i64,
) -> DbResult<Outcome<()>> {
    let Some(target) = in_resource(conn, on, id).await? else {
        return Ok(Outcome::Refused(Refused::NotFound));
    };
    if target.user_id != user_id {
        return Ok(Outcome::Refused(Refused::Forbidden));
    }
    if !comment::editable(target.created_at, now) {
        return Ok(Outcome::Refused(Refused::TooLate));
    }
    let body = match comment::body(body) {
        Ok(body) => body,
        Err(e) => return Ok(Outcome::Refused(Refused::Field(e))),
    };
    db::exec(
        conn,
        "UPDATE comments SET body = ?, edited_at = ? WHERE id = ?",
        vec![Value::text(body), Value::Integer(now), Value::Integer(id)],
    )
    .await?;
    Ok(Outcome::Done(()))
}

/// The author withdraws their comment (its text goes; replies stay).
pub async fn withdraw(
    conn: &Connection,
    on: (Resource, i64),
    id: i64,
    user_id: i64,
) -> DbResult<Outcome<()>> {
    let Some(target) = in_resource(conn, on, id).await? else {
        return Ok(Outcome::Refused(Refused::NotFound));
    };
    if target.user_id != user_id {
        return Ok(Outcome::Refused(Refused::Forbidden));
    }
    db::exec(
        conn,
        "UPDATE comments SET deleted_at = ? WHERE id = ?",
        vec![Value::Integer(crate::now()), Value::Integer(id)],
    )
    .await?;
    Ok(Outcome::Done(()))
}

/// Staff badge a comment ("official" answer or "impact"), or take it off.
pub async fn set_badge(
    conn: &Connection,
    on: (Resource, i64),
    id: i64,
    badge: &str,
) -> DbResult<Outcome<()>> {
    if in_resource(conn, on, id).await?.is_none() {
        return Ok(Outcome::Refused(Refused::NotFound));
    }
    let badge = match badge {
        "official" | "impact" => Value::text(badge),
        "" | "none" => Value::Null,
        _ => return Ok(Outcome::Refused(Refused::Field(FieldError::InvalidChoice))),
    };
    db::exec(
        conn,
        "UPDATE comments SET badge = ? WHERE id = ?",
        vec![badge, Value::Integer(id)],
    )
    .await?;
    Ok(Outcome::Done(()))
}

/// Moderators hide a comment pending review, or show it again.
pub async fn set_hidden(conn: &Connection, id: i64, hidden: bool) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE comments SET hidden_at = CASE WHEN ?1 THEN coalesce(hidden_at, ?2) ELSE NULL END, \
         hidden_reason = CASE WHEN ?1 THEN 'moderator' ELSE NULL END WHERE id = ?3",
        vec![
            Value::Integer(i64::from(hidden)),
            Value::Integer(crate::now()),
            Value::Integer(id),
        ],
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_from_the_query() {
        assert_eq!(Sort::parse(Some("newest")), Sort::Newest);
        assert_eq!(Sort::parse(Some("oldest")), Sort::Oldest);
        assert_eq!(Sort::parse(Some("random")), Sort::Best);
        assert_eq!(Sort::parse(None), Sort::Best);
    }
}
