//! The route table of the back-office. Every route needs an administrator.

use http::Method;
use palabre_domain::Role;
use palabre_kit::{Error, Response, Result};

use crate::Env;
use crate::handlers::{
    discussions, exports, index, logs, moderation, news, pages, people, processes, report, site,
    translations,
};

fn id(segment: &str) -> Result<i64> {
    match segment.parse::<i64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(Error::NotFound),
    }
}

/// The routes moderators use too; every other one is for administrators.
const MODERATION: &[&str] = &["/admin/moderation"];

/// The role a path needs.
pub fn required_role(path: &str) -> Role {
    if MODERATION.contains(&path.trim_end_matches('/')) {
        Role::Moderator
    } else {
        Role::Admin
    }
}

pub async fn dispatch(env: &mut Env) -> Result<Response> {
    // Authorization first, for every route, before anything is read.
    env.ctx.require(required_role(&env.ctx.path))?;
    let path = env.ctx.path.clone();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let get = matches!(env.ctx.method, Method::GET | Method::HEAD);
    let post = env.ctx.method == Method::POST;
    match segments.as_slice() {
        ["admin", "moderation"] if get => moderation::queue(env).await,
        ["admin", "moderation"] if post => moderation::decide(env).await,
        ["admin", "moderation", "settings"] if get => moderation::settings(env).await,
        ["admin", "moderation", "settings"] if post => moderation::save_settings(env).await,
        ["admin", "people"] if get => people::list(env).await,
        ["admin", "people", "invite"] if get => people::invite_form(env).await,
        ["admin", "people", "invite"] if post => people::invite(env).await,
        ["admin", "audit"] if get => logs::audit(env).await,
        ["admin", "audit", "settings"] if get => logs::retention_settings(env).await,
        ["admin", "audit", "settings"] if post => logs::save_retention(env).await,
        ["admin", "mail"] if get => logs::mail(env).await,
        ["admin", "exports"] if get => exports::page(env).await,
        ["admin", "people", n] if get => people::show(env, id(n)?).await,
        [
            "admin",
            "people",
            n,
            action @ ("role" | "block" | "unblock" | "trust"),
        ] if post => people::act(env, id(n)?, action).await,
        ["admin"] if get => index::show(env).await,
        ["admin", "site"] if get => site::form(env).await,
        ["admin", "site"] if post => site::save(env).await,
        ["admin", "news"] if get => news::list(env).await,
        ["admin", "news", "new"] if get => news::form(env, None).await,
        ["admin", "news", "new"] if post => news::save(env, None).await,
        ["admin", "news", n] if get => news::form(env, Some(id(n)?)).await,
        ["admin", "news", n] if post => news::save(env, Some(id(n)?)).await,
        ["admin", "discussions"] if get => discussions::list(env).await,
        ["admin", "discussions", "new"] if get => discussions::form(env, None).await,
        ["admin", "discussions", "new"] if post => discussions::save(env, None).await,
        ["admin", "discussions", n] if get => discussions::form(env, Some(id(n)?)).await,
        ["admin", "discussions", n] if post => discussions::save(env, Some(id(n)?)).await,
        ["admin", "pages"] if get => pages::list(env).await,
        ["admin", "pages", n] if get => pages::form(env, id(n)?).await,
        ["admin", "pages", n] if post => pages::save(env, id(n)?).await,
        ["admin", "processes"] if get => processes::list(env).await,
        ["admin", "processes", "new"] if get => processes::form(env, None).await,
        ["admin", "processes", "new"] if post => processes::save(env, None).await,
        ["admin", "processes", n] if get => processes::form(env, Some(id(n)?)).await,
        ["admin", "processes", n] if post => processes::save(env, Some(id(n)?)).await,
        ["admin", "processes", n, "report"] if get => report::form(env, id(n)?).await,
        ["admin", "processes", n, "report"] if post => report::save(env, id(n)?).await,
        ["admin", "processes", n, "phases", "new"] if get => {
            processes::phase_form(env, id(n)?, None).await
        }
        ["admin", "processes", n, "phases", "new"] if post => {
            processes::phase_save(env, id(n)?, None).await
        }
        ["admin", "processes", n, "phases", p] if get => {
            processes::phase_form(env, id(n)?, Some(id(p)?)).await
        }
        ["admin", "processes", n, "phases", p] if post => {
            processes::phase_save(env, id(n)?, Some(id(p)?)).await
        }
        ["admin", "processes", n, "phases", p, "delete"] if post => {
            processes::phase_delete(env, id(n)?, id(p)?).await
        }
        ["admin", "translations", entity, n, locale] if get => {
            translations::form(env, entity, id(n)?, locale).await
        }
        ["admin", "translations", entity, n, locale] if post => {
            translations::save(env, entity, id(n)?, locale).await
        }
        ["admin"]
        | ["admin", "translations", _, _, _]
        | [
            "admin",
            "site" | "news" | "pages" | "processes" | "discussions" | "moderation" | "people"
            | "audit" | "mail" | "exports",
        ]
        | ["admin", "people", _, "role" | "block" | "unblock" | "trust"]
        | ["admin", "moderation" | "audit", "settings"]
        | [
            "admin",
            "news" | "pages" | "processes" | "discussions" | "people",
            _,
        ]
        | ["admin", "processes", _, "phases", _]
        | ["admin", "processes", _, "report"]
        | ["admin", "processes", _, "phases", _, "delete"] => Err(Error::MethodNotAllowed),
        _ => Err(Error::NotFound),
    }
}
