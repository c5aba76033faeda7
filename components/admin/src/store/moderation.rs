//! The moderation queue and how a report is settled.

use palabre_kit::comments;
use palabre_kit::db::{self, Connection, DbResult, Value};

/// A reported comment waiting for a moderator.
pub struct Reported {
    pub id: i64,
    pub body: String,
    pub author_id: i64,
    pub author: String,
    pub created_at: i64,
    pub hidden: bool,
    /// Where it is: (kind, address of the page).
    pub place: (String, String),
    pub place_title: String,
    /// The open reports' reasons, oldest first.
    pub reasons: Vec<String>,
}

const QUEUE: &str = "SELECT c.id, c.body, c.user_id, u.display_name, c.created_at, c.hidden_at IS NOT NULL, \
     c.resource, c.resource_id, \
     (SELECT group_concat(reason, char(30)) FROM (SELECT reason FROM comment_reports \
        WHERE comment_id = c.id AND resolved_at IS NULL ORDER BY created_at)) \
     FROM comments c JOIN users u ON u.id = c.user_id \
     WHERE c.id IN (SELECT comment_id FROM comment_reports WHERE resolved_at IS NULL) \
     ORDER BY (SELECT min(created_at) FROM comment_reports WHERE comment_id = c.id AND resolved_at IS NULL), c.id \
     LIMIT ?";

/// Where a comment is shown: its page and anchor (a comment on no
/// feature's item is on the news).
fn place_href(place: Option<&comments::Place>, id: i64) -> String {
    comments::link(place.map_or("/news", |p| p.path.as_str()), id, "")
}

/// The queue: comments with open reports, the longest waiting first.
pub async fn moderation_queue(conn: &Connection, limit: i64) -> DbResult<Vec<Reported>> {
    let rows = db::query(conn, QUEUE, vec![Value::Integer(limit)]).await?;
    let on: Vec<(String, i64)> = rows
        .iter()
        .map(|r| (db::text(r, 6), db::int(r, 7)))
        .collect();
    let places = comments::places(conn, palabre_features::ALL, &on).await?;
    Ok(rows
        .iter()
        .zip(&on)
        .map(|(r, item)| {
            let id = db::int(r, 0);
            let place = places.get(item);
            let href = place_href(place, id);
            let kind = item.0.clone();
            Reported {
                id,
                body: db::text(r, 1),
                author_id: db::int(r, 2),
                author: db::text(r, 3),
                created_at: db::int(r, 4),
                hidden: db::int(r, 5) == 1,
                place: (kind, href),
                place_title: place.map(|p| p.title.clone()).unwrap_or_default(),
                reasons: db::text(r, 8)
                    .split('\u{1e}')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            }
        })
        .collect())
}

/// How a moderator settles a reported comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Hidden (the author is told why).
    Hide,
    /// Shown again.
    Restore,
    /// The reports were unfounded; the comment stays as it is.
    Dismiss,
}

impl Decision {
    pub fn parse(raw: &str) -> Option<Decision> {
        match raw {
            "hide" => Some(Decision::Hide),
            "restore" => Some(Decision::Restore),
            "dismiss" => Some(Decision::Dismiss),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Hide => "hidden",
            Decision::Restore => "restored",
            Decision::Dismiss => "dismissed",
        }
    }
}

/// Settles one comment's open reports; its author and place when it had any
/// (`None`: nothing was waiting, e.g. another moderator was faster).
pub async fn settle(
    conn: &Connection,
    comment_id: i64,
    decision: Decision,
    moderator: i64,
    now: i64,
) -> DbResult<Option<(i64, String)>> {
    let closed = db::query(
        conn,
        "UPDATE comment_reports SET resolved_at = ?, resolution = ?, resolved_by = ? \
         WHERE comment_id = ? AND resolved_at IS NULL RETURNING id",
        vec![
            Value::Integer(now),
            Value::text(decision.as_str()),
            Value::Integer(moderator),
            Value::Integer(comment_id),
        ],
    )
    .await?;
    if closed.is_empty() {
        return Ok(None);
    }
    match decision {
        Decision::Hide => {
            db::exec(
                conn,
                "UPDATE comments SET hidden_at = coalesce(hidden_at, ?), hidden_reason = 'moderator' WHERE id = ?",
                vec![Value::Integer(now), Value::Integer(comment_id)],
            )
            .await?
        }
        Decision::Restore => {
            db::exec(
                conn,
                "UPDATE comments SET hidden_at = NULL, hidden_reason = NULL WHERE id = ?",
                vec![Value::Integer(comment_id)],
            )
            .await?
        }
        Decision::Dismiss => {}
    }
    let Some(row) = db::query_one(
        conn,
        "SELECT user_id, resource, resource_id FROM comments WHERE id = ?",
        vec![Value::Integer(comment_id)],
    )
    .await?
    else {
        return Ok(None);
    };
    let item = (db::text(&row, 1), db::int(&row, 2));
    let places = comments::places(conn, palabre_features::ALL, std::slice::from_ref(&item)).await?;
    Ok(Some((
        db::int(&row, 0),
        place_href(places.get(&item), comment_id),
    )))
}
