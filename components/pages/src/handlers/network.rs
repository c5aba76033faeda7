//! The citizen network: public profiles, following people and processes,
//! in-app notifications, and the activity lists.

use palabre_kit::activity::{self, Line, Target};
use palabre_kit::db::{self, Value};
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Error, Response, Result, i18n};

use crate::handlers::pages::valid_slug;
use crate::store;
use crate::{Env, views};

/// Announces the phases that opened (Spin has no timer: the first page seen
/// on the day does it). One indexed read on every call; the write only when a
/// phase is due, and the update claims each phase once.
pub async fn announce_phases(env: &Env) -> Result<()> {
    let today = palabre_kit::today().iso();
    let due = db::query_one(
        &env.conn,
        "SELECT 1 FROM process_phases WHERE opened_announced = 0 AND starts_on <= ? LIMIT 1",
        vec![Value::text(today.as_str())],
    )
    .await?;
    if due.is_some() {
        db::immediate(&env.conn, async |conn| {
            activity::announce_opened_phases(conn, &today).await?;
            Ok::<(), Error>(())
        })
        .await?;
    }
    Ok(())
}

/// An activity line for templates.
pub fn line(env: &Env, line: &Line) -> views::Line {
    let locale = env.ctx.locale;
    let who = match (&line.actor, line.actor_id) {
        (Some(name), Some(id)) if name != palabre_kit::privacy::TOMBSTONE_NAME => views::Who {
            name: name.clone(),
            href: Some(format!("/people/{id}")),
        },
        (Some(_), Some(_)) => views::Who {
            name: i18n::t(locale, "deleted-participant"),
            href: None,
        },
        _ => views::Who {
            name: env.site.name.clone(),
            href: None,
        },
    };
    views::Line {
        what: i18n::t(locale, &format!("activity-{}", line.kind)),
        title: line.title.clone(),
        url: line.url.clone(),
        who,
        date: i18n::long_date(locale, line.at),
        date_iso: palabre_kit::i18n::iso_day(line.at),
        unread: false,
    }
}

pub async fn notifications(env: &mut Env) -> Result<Response> {
    // Visitors are shown the way in.
    let Some(user_id) = env.ctx.visitor.user_id else {
        return Ok(respond::redirect("/account/login"));
    };
    announce_phases(env).await?;
    // What was just announced counts in the header too.
    env.ctx.unread = activity::unread_count(&env.conn, user_id).await?;
    let items = activity::notifications(&env.conn, user_id, 50)
        .await?
        .iter()
        .map(|n| views::Line {
            unread: n.unread,
            ..line(env, &n.line)
        })
        .collect();
    let title = i18n::t(env.ctx.locale, "notifications-title");
    let page = env.page(
        "notifications",
        &title,
        views::Notifications {
            items,
            unread: env.ctx.unread > 0,
        },
    )?;
    Ok(respond::cached(page, Cache::NoCache))
}

pub async fn mark_read(env: &mut Env) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    activity::mark_all_read(&env.conn, user_id).await?;
    Ok(respond::redirect("/notifications"))
}

/// A person's public page: name, bio, what they did, who follows them.
pub async fn profile(env: &Env, id: &str) -> Result<Response> {
    let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
    let row = db::query_one(
        &env.conn,
        "SELECT display_name, coalesce(bio, ''), created_at FROM users WHERE id = ? AND deleted_at IS NULL",
        vec![Value::Integer(id)],
    )
    .await?
    .ok_or(Error::NotFound)?;
    let name = db::text(&row, 0);
    let lines = activity::feed(&env.conn, Some(id), None, 30)
        .await?
        .iter()
        .map(|l| line(env, l))
        .collect();
    let following = activity::following(&env.conn, &env.ctx, Target::User(id)).await?;
    let followers = activity::follower_count(&env.conn, Target::User(id)).await?;
    let locale = env.ctx.locale;
    let data = views::Profile {
        name: name.clone(),
        bio: db::text(&row, 1),
        since: i18n::long_date(locale, db::int(&row, 2)),
        activity: lines,
        follow: activity::follow_button(&env.ctx, &format!("/people/{id}"), following),
        followers: i18n::t_args(
            locale,
            "followers-count",
            &[("count", &followers.to_string())],
        ),
        is_me: env.ctx.visitor.user_id == Some(id),
    };
    let page = env.page("profile", &name, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

/// `POST /processes/<slug>/follow|unfollow`, `POST /people/<id>/follow|unfollow`.
pub async fn set_follow(env: &mut Env, kind: &str, key: &str, on: bool) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let (target, back) = match kind {
        "processes" => {
            if !valid_slug(key) {
                return Err(Error::NotFound);
            }
            let process = store::process_by_slug(&env.conn, key)
                .await?
                .filter(|p| p.published)
                .ok_or(Error::NotFound)?;
            (Target::Process(process.id), format!("/processes/{key}"))
        }
        _ => {
            let id: i64 = key.parse().map_err(|_| Error::NotFound)?;
            let exists = db::query_one(
                &env.conn,
                "SELECT 1 FROM users WHERE id = ? AND deleted_at IS NULL",
                vec![Value::Integer(id)],
            )
            .await?;
            if exists.is_none() {
                return Err(Error::NotFound);
            }
            if id == user_id {
                return Err(Error::BadRequest("cannot follow oneself"));
            }
            (Target::User(id), format!("/people/{id}"))
        }
    };
    activity::set_follow(&env.conn, user_id, target, on).await?;
    Ok(respond::redirect(&back))
}

/// What the home page's activity block shows.
pub async fn latest(env: &Env, limit: i64) -> Result<Vec<views::Line>> {
    Ok(activity::feed(&env.conn, None, None, limit)
        .await?
        .iter()
        .map(|l| line(env, l))
        .collect())
}
