//! What happens on the platform, written by every feature through [`record`]:
//! it feeds the public activity lists and notifies the people who follow the
//! process or the person concerned (in-app, unread count in the header).

use crate::ctx::Ctx;
use crate::db::{self, Connection, DbResult, Value};
use crate::i18n;

/// Something that happened.
pub struct Activity<'a> {
    /// Who did it; `None` for the commune itself.
    pub actor_id: Option<i64>,
    /// `phase-opened`, `phase-added`, `news-published`, `comment`…
    pub kind: &'a str,
    pub process_id: Option<i64>,
    /// What it is about, in a few words (a title).
    pub title: &'a str,
    /// Where to see it (a path on this site).
    pub url: &'a str,
    /// In public feeds, or only for the people notified.
    pub public: bool,
    /// Something else people follow that this concerns (a discussion), whose
    /// followers hear of it too.
    pub followed: Option<Target>,
}

const INSERT: &str = "INSERT INTO activity (at, actor_id, kind, process_id, title, url, public) \
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
/// Followers of the process or of the actor, who want to hear about what they follow.
const NOTIFY_FOLLOWERS: &str = "INSERT OR IGNORE INTO notifications (user_id, activity_id, created_at) \
     SELECT DISTINCT f.user_id, ?1, ?2 FROM follows f JOIN users u ON u.id = f.user_id \
     WHERE u.deleted_at IS NULL AND u.notify_followed = 1 AND f.user_id IS NOT ?3 \
       AND ((f.target_kind = 'process' AND f.target_id = ?4) OR (f.target_kind = 'user' AND f.target_id = ?3) \
         OR (f.target_kind = ?5 AND f.target_id = ?6))";
/// Everyone who asked to hear about the commune's news.
const NOTIFY_NEWS_READERS: &str = "INSERT OR IGNORE INTO notifications (user_id, activity_id, created_at) \
     SELECT id, ?1, ?2 FROM users WHERE deleted_at IS NULL AND notify_news = 1";

/// Records an activity and notifies followers; returns its id.
pub async fn record(conn: &Connection, activity: &Activity<'_>) -> DbResult<i64> {
    let now = crate::now();
    let title: String = activity.title.chars().take(300).collect();
    let row = db::query_one(
        conn,
        INSERT,
        vec![
            Value::Integer(now),
            activity.actor_id.map_or(Value::Null, Value::Integer),
            Value::text(activity.kind),
            activity.process_id.map_or(Value::Null, Value::Integer),
            Value::text(title),
            Value::text(activity.url),
            Value::Integer(i64::from(activity.public)),
        ],
    )
    .await?;
    let id = row.map_or(0, |r| db::int(&r, 0));
    let actor = activity.actor_id.map_or(Value::Null, Value::Integer);
    let process = activity.process_id.map_or(Value::Null, Value::Integer);
    let (followed_kind, followed_id) = activity.followed.map_or((Value::Null, Value::Null), |t| {
        let (kind, id) = t.parts();
        (Value::text(kind), Value::Integer(id))
    });
    db::exec(
        conn,
        NOTIFY_FOLLOWERS,
        vec![
            Value::Integer(id),
            Value::Integer(now),
            actor,
            process,
            followed_kind,
            followed_id,
        ],
    )
    .await?;
    if activity.kind == "news-published" {
        db::exec(
            conn,
            NOTIFY_NEWS_READERS,
            vec![Value::Integer(id), Value::Integer(now)],
        )
        .await?;
    }
    Ok(id)
}

const DUE_PHASES: &str = "UPDATE process_phases SET opened_announced = 1 \
     WHERE opened_announced = 0 AND starts_on <= ? \
       AND process_id IN (SELECT id FROM processes WHERE status = 'published') \
     RETURNING id, process_id, name, \
       (SELECT title FROM processes WHERE id = process_id), \
       (SELECT slug FROM processes WHERE id = process_id), tools";

/// Announces the phases that opened since the last request (once each: the
/// update claims them), so that followers hear of them on the day; a phase
/// that carries a vote (the budget tool) is announced as the vote's opening.
pub async fn announce_opened_phases(conn: &Connection, today: &str) -> DbResult<()> {
    let rows = db::query(conn, DUE_PHASES, vec![Value::text(today)]).await?;
    for r in &rows {
        let title = format!("{} — {}", db::text(r, 3), db::text(r, 2));
        let url = format!("/processes/{}", db::text(r, 4));
        let vote = palabre_domain::process::tools_from_list(&db::text(r, 5))
            .contains(&palabre_domain::process::Tool::Budget);
        record(
            conn,
            &Activity {
                actor_id: None,
                kind: if vote { "vote-opened" } else { "phase-opened" },
                process_id: Some(db::int(r, 1)),
                title: &title,
                url: &url,
                public: true,
                followed: None,
            },
        )
        .await?;
    }
    Ok(())
}

/// One line of an activity feed.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Line {
    pub id: i64,
    pub at: i64,
    pub kind: String,
    pub title: String,
    pub url: String,
    /// The actor's public name ("-" once deleted); `None` for the commune.
    pub actor: Option<String>,
    pub actor_id: Option<i64>,
}

const FEED_COLUMNS: &str = "a.id, a.at, a.kind, a.title, a.url, u.display_name, a.actor_id";

fn line_of(r: &db::Row) -> Line {
    Line {
        id: db::int(r, 0),
        at: db::int(r, 1),
        kind: db::text(r, 2),
        title: db::text(r, 3),
        url: db::text(r, 4),
        actor: db::opt_text(r, 5),
        actor_id: db::opt_int(r, 6),
    }
}

/// The latest public activity, optionally of one person or one process.
pub async fn feed(
    conn: &Connection,
    actor_id: Option<i64>,
    process_id: Option<i64>,
    limit: i64,
) -> DbResult<Vec<Line>> {
    let sql = format!(
        "SELECT {FEED_COLUMNS} FROM activity a LEFT JOIN users u ON u.id = a.actor_id \
         WHERE a.public = 1 AND (?1 IS NULL OR a.actor_id = ?1) AND (?2 IS NULL OR a.process_id = ?2) \
         ORDER BY a.at DESC, a.id DESC LIMIT ?3"
    );
    let params = vec![
        actor_id.map_or(Value::Null, Value::Integer),
        process_id.map_or(Value::Null, Value::Integer),
        Value::Integer(limit),
    ];
    Ok(db::query(conn, &sql, params)
        .await?
        .iter()
        .map(line_of)
        .collect())
}

/// A notification: the activity, and whether it was read.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Notification {
    pub line: Line,
    pub unread: bool,
}

pub async fn notifications(
    conn: &Connection,
    user_id: i64,
    limit: i64,
) -> DbResult<Vec<Notification>> {
    let sql = format!(
        "SELECT {FEED_COLUMNS}, n.read_at FROM notifications n JOIN activity a ON a.id = n.activity_id \
         LEFT JOIN users u ON u.id = a.actor_id WHERE n.user_id = ? ORDER BY n.id DESC LIMIT ?"
    );
    let rows = db::query(
        conn,
        &sql,
        vec![Value::Integer(user_id), Value::Integer(limit)],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| Notification {
            line: line_of(r),
            unread: db::opt_int(r, 7).is_none(),
        })
        .collect())
}

pub async fn unread_count(conn: &Connection, user_id: i64) -> DbResult<i64> {
    let row = db::query_one(
        conn,
        "SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL",
        vec![Value::Integer(user_id)],
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

pub async fn mark_all_read(conn: &Connection, user_id: i64) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
        vec![Value::Integer(crate::now()), Value::Integer(user_id)],
    )
    .await
}

/// What someone follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Process(i64),
    User(i64),
    Discussion(i64),
}

impl Target {
    fn parts(self) -> (&'static str, i64) {
        match self {
            Target::Process(id) => ("process", id),
            Target::User(id) => ("user", id),
            Target::Discussion(id) => ("discussion", id),
        }
    }
}

/// Whether the visitor follows the target (`None` when signed out, or when
/// the target is the visitor).
pub async fn following(conn: &Connection, ctx: &Ctx, target: Target) -> DbResult<Option<bool>> {
    match ctx.visitor.user_id {
        Some(me) if target != Target::User(me) => Ok(Some(follows(conn, me, target).await?)),
        _ => Ok(None),
    }
}

/// The data of the shared `follow` template: the button for `<base>/follow`
/// or `<base>/unfollow`, or the way to sign in first.
#[derive(serde::Serialize)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Follow {
    /// For an anonymous visitor: the words of the link to sign in.
    login: Option<String>,
    action: String,
    label: String,
    following: bool,
}

pub fn follow_button(ctx: &Ctx, base: &str, following: Option<bool>) -> Option<Follow> {
    let locale = ctx.locale;
    match (ctx.visitor.user_id, following) {
        (None, _) => Some(Follow {
            login: Some(i18n::t(locale, "follow-login")),
            action: String::new(),
            label: String::new(),
            following: false,
        }),
        (Some(_), None) => None,
        (Some(_), Some(on)) => Some(Follow {
            login: None,
            action: format!("{base}/{}", if on { "unfollow" } else { "follow" }),
            label: i18n::t(locale, if on { "unfollow" } else { "follow" }),
            following: on,
        }),
    }
}

pub async fn follows(conn: &Connection, user_id: i64, target: Target) -> DbResult<bool> {
    let (kind, id) = target.parts();
    let row = db::query_one(
        conn,
        "SELECT 1 FROM follows WHERE user_id = ? AND target_kind = ? AND target_id = ?",
        vec![
            Value::Integer(user_id),
            Value::text(kind),
            Value::Integer(id),
        ],
    )
    .await?;
    Ok(row.is_some())
}

/// Follows or stops following (idempotent both ways).
pub async fn set_follow(conn: &Connection, user_id: i64, target: Target, on: bool) -> DbResult<()> {
    let (kind, id) = target.parts();
    let sql = if on {
        "INSERT OR IGNORE INTO follows (user_id, target_kind, target_id, created_at) VALUES (?, ?, ?, ?)"
    } else {
        "DELETE FROM follows WHERE user_id = ? AND target_kind = ? AND target_id = ? AND ? IS NOT NULL"
    };
    db::exec(
        conn,
        sql,
        vec![
            Value::Integer(user_id),
            Value::text(kind),
            Value::Integer(id),
            Value::Integer(crate::now()),
        ],
    )
    .await
}

pub async fn follower_count(conn: &Connection, target: Target) -> DbResult<i64> {
    let (kind, id) = target.parts();
    let row = db::query_one(
        conn,
        "SELECT count(*) FROM follows WHERE target_kind = ? AND target_id = ?",
        vec![Value::text(kind), Value::Integer(id)],
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

/// Notifies one person of an activity (a reply to their comment…).
pub async fn notify(conn: &Connection, user_id: i64, activity_id: i64) -> DbResult<()> {
    db::exec(
        conn,
        "INSERT OR IGNORE INTO notifications (user_id, activity_id, created_at) \
         SELECT id, ?, ? FROM users WHERE id = ? AND deleted_at IS NULL",
        vec![
            Value::Integer(activity_id),
            Value::Integer(crate::now()),
            Value::Integer(user_id),
        ],
    )
    .await
}

/// Counts a contribution to a process: one more contribution, and one more
/// participant the first time this person takes part in it.
pub async fn contributed(conn: &Connection, process_id: i64, user_id: i64) -> DbResult<()> {
    count(conn, process_id, user_id, 1).await
}

/// Counts a person taking part without contributing content (a vote on a
/// statement): one more participant the first time, no contribution.
pub async fn participated(conn: &Connection, process_id: i64, user_id: i64) -> DbResult<()> {
    count(conn, process_id, user_id, 0).await
}

async fn count(
    conn: &Connection,
    process_id: i64,
    user_id: i64,
    contributions: i64,
) -> DbResult<()> {
    let first = db::query_one(
        conn,
        "INSERT INTO process_participants (process_id, user_id) VALUES (?, ?) \
         ON CONFLICT DO NOTHING RETURNING 1",
        vec![Value::Integer(process_id), Value::Integer(user_id)],
    )
    .await?
    .is_some();
    if !first && contributions == 0 {
        return Ok(());
    }
    db::exec(
        conn,
        "UPDATE processes SET contributions = contributions + ?, participants = participants + ? WHERE id = ?",
        vec![
            Value::Integer(contributions),
            Value::Integer(i64::from(first)),
            Value::Integer(process_id),
        ],
    )
    .await
}
