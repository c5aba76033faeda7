//! The writes on a thread: post, react, report, hold for review, edit,
//! withdraw, badge, hide. Each runs inside the caller's transaction.

use palabre_domain::account::FieldError;
use palabre_domain::comment::{self, Reaction};

use super::*;
use crate::db::{self, Connection, DbResult, Value};

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
    /// Entered at the town-hall desk by this staff member (`Visitor::desk`).
    pub entered_by: Option<i64>,
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
        "INSERT INTO comments (resource, resource_id, parent_id, depth, user_id, body, stance, created_at, \
         entered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        vec![
            Value::text(new.on.0.as_str()),
            Value::Integer(new.on.1),
            new.parent_id.map_or(Value::Null, Value::Integer),
            Value::Integer(i64::from(depth)),
            Value::Integer(new.user_id),
            Value::text(body),
            stance.map_or(Value::Null, |s| Value::text(s.as_str())),
            Value::Integer(now),
            new.entered_by.map_or(Value::Null, Value::Integer),
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
