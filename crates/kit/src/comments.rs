//! Comments: the mechanism every feature carries (discussions now, proposals
//! and news later). Threads to depth 3, a stance on top-level comments, one
//! reaction per person, reports, the commune's badges ("official answer",
//! pinned first, and "impact"), editing within 15 minutes, withdrawal, and
//! moderators' hiding. The rules are `domain::comment`; the "best" order is
//! `domain::ranking`.

use std::collections::HashMap;

use palabre_domain::account::FieldError;
use palabre_domain::comment::Stance;
use serde::Serialize;

use crate::db::{self, Connection, DbResult, Value};

mod arrange;
mod write;

pub use write::*;

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
    /// Entered at the town-hall desk by staff, with its author.
    pub entered_at_desk: bool,
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

/// Top-level comments (with their replies) on one page of a thread.
pub const PAGE_SIZE: usize = 20;

/// Every top-level comment of a thread, with what its order needs only.
const TOPS: &str = "SELECT id, stance, up, down, replies, badge, created_at, deleted_at, hidden_at \
     FROM comments WHERE resource = ? AND resource_id = ? AND depth = 1";

/// The comments of the page's top-level ids (a JSON array) and all their replies.
const PAGE_ROWS: &str = "WITH RECURSIVE shown(id) AS (SELECT value FROM json_each(?) \
     UNION ALL SELECT c.id FROM comments c JOIN shown ON c.parent_id = shown.id) \
     SELECT c.id, c.parent_id, c.depth, c.user_id, u.display_name, c.body, c.stance, \
     c.up, c.down, c.replies, c.badge, c.created_at, c.edited_at, c.deleted_at, c.hidden_at, r.reaction, \
     c.entered_by IS NOT NULL \
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

/// One page of a resource's thread as `viewer` may see it: top-level comments
/// in `sort` order (the official answer first), [`PAGE_SIZE`] a page, each
/// with all its replies, oldest first; `stance` keeps only the top-level
/// comments of that stance. Two queries whatever the thread's size: the
/// top-level comments' order figures, then the page's comments; what to show
/// of them, and in which order, is [`arrange`]'s (pure, unit-tested).
pub async fn thread(
    conn: &Connection,
    (resource, resource_id): (Resource, i64),
    viewer: Viewer,
    (sort, stance): (Sort, Option<Stance>),
    want: Want,
    now: i64,
) -> DbResult<Page> {
    let on = || vec![Value::text(resource.as_str()), Value::Integer(resource_id)];
    let rows: Vec<arrange::TopRow> = db::query(conn, TOPS, on())
        .await?
        .iter()
        .map(|r| arrange::TopRow {
            id: db::int(r, 0),
            stance: db::opt_text(r, 1),
            up: db::int(r, 2),
            down: db::int(r, 3),
            replies: db::int(r, 4),
            badge: db::opt_text(r, 5),
            created_at: db::int(r, 6),
            withdrawn: db::opt_int(r, 7).is_some(),
            hidden: db::opt_int(r, 8).is_some(),
        })
        .collect();
    let mut counts = badges(conn, (resource, resource_id)).await?;
    counts.stances = arrange::stance_counts(&rows);
    let tops = arrange::tops(&rows, viewer, (sort, stance), now);
    let pages = tops.len().div_ceil(PAGE_SIZE).max(1);
    let mut number = want.page.clamp(1, pages);
    if let Some(comment) = want.comment {
        let mut params = vec![Value::Integer(comment)];
        params.extend(on());
        if let Some(root) = db::query_one(conn, ROOT, params).await? {
            let root = db::int(&root, 0);
            if let Some(at) = tops.iter().position(|id| *id == root) {
                number = at / PAGE_SIZE + 1;
            }
        }
    }
    let shown: Vec<i64> = tops
        .iter()
        .skip((number - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .copied()
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
    let rows: Vec<arrange::Row> = db::query(conn, PAGE_ROWS, params)
        .await?
        .iter()
        .map(|r| arrange::Row {
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
            entered_at_desk: db::int(r, 16) == 1,
        })
        .collect();
    Ok(Page {
        items: arrange::tree(&rows, &shown, viewer, now),
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
