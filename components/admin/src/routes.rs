//! The route table of the back-office, matched on the path, then on the
//! method (any other method on a known path is 405). Every route needs an
//! administrator, but the moderation queue's and the town-hall desk's.

use palabre_domain::Role;
use palabre_kit::{Error, Response, Result, methods};

use crate::Env;
use crate::handlers::{
    census, desk, discussions, exports, index, letters, logs, moderation, news, pages, people,
    processes, report, site, translations,
};

fn id(segment: &str) -> Result<i64> {
    match segment.parse::<i64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(Error::NotFound),
    }
}

/// The routes moderators use too (the moderation queue, the town-hall
/// desk); every other one is for administrators.
const MODERATION: &[&str] = &[
    "/admin/moderation",
    "/admin/desk",
    "/admin/desk/claim-code",
    "/admin/desk/act",
    "/admin/desk/end",
];

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
    match segments.as_slice() {
        ["admin", "moderation"] => methods!(env;
            Get => moderation::queue(env).await,
            Post => moderation::decide(env).await,
        ),
        ["admin", "moderation", "settings"] => methods!(env;
            Get => moderation::settings(env).await,
            Post => moderation::save_settings(env).await,
        ),
        ["admin", "people"] => methods!(env; Get => people::list(env).await),
        ["admin", "people", "invite"] => methods!(env;
            Get => people::invite_form(env).await,
            Post => people::invite(env).await,
        ),
        ["admin", "audit"] => methods!(env; Get => logs::audit(env).await),
        ["admin", "audit", "settings"] => methods!(env;
            Get => logs::retention_settings(env).await,
            Post => logs::save_retention(env).await,
        ),
        ["admin", "mail"] => methods!(env; Get => logs::mail(env).await),
        ["admin", "exports"] => methods!(env; Get => exports::page(env).await),
        ["admin", "people", n] => methods!(env; Get => people::show(env, id(n)?).await),
        [
            "admin",
            "people",
            n,
            action @ ("role" | "block" | "unblock" | "trust" | "verify" | "unverify"),
        ] => methods!(env; Post => people::act(env, id(n)?, action).await),
        ["admin"] => methods!(env; Get => index::show(env).await),
        ["admin", "verification", "census"] => methods!(env;
            Get => census::form(env).await,
            Post => census::import(env).await,
        ),
        ["admin", "desk"] => methods!(env;
            Get => desk::page(env).await,
            Post => desk::register(env).await,
        ),
        ["admin", "desk", "claim-code"] => methods!(env; Post => desk::claim_code(env).await),
        ["admin", "desk", "act"] => methods!(env; Post => desk::act(env).await),
        ["admin", "desk", "end"] => methods!(env; Post => desk::end(env).await),
        ["admin", "verification", "letters"] => methods!(env;
            Get => letters::page(env).await,
            Post => letters::save(env).await,
        ),
        ["admin", "verification", "letters", "print"] => {
            methods!(env; Post => letters::print(env).await)
        }
        ["admin", "verification", "letters", "reprint"] => {
            methods!(env; Post => letters::reprint(env).await)
        }
        ["admin", "site"] => methods!(env;
            Get => site::form(env).await,
            Post => site::save(env).await,
        ),
        ["admin", "news"] => methods!(env; Get => news::list(env).await),
        ["admin", "news", "new"] => methods!(env;
            Get => news::form(env, None).await,
            Post => news::save(env, None).await,
        ),
        ["admin", "news", n] => methods!(env;
            Get => news::form(env, Some(id(n)?)).await,
            Post => news::save(env, Some(id(n)?)).await,
        ),
        ["admin", "discussions"] => methods!(env; Get => discussions::list(env).await),
        ["admin", "discussions", "new"] => methods!(env;
            Get => discussions::form(env, None).await,
            Post => discussions::save(env, None).await,
        ),
        ["admin", "discussions", n] => methods!(env;
            Get => discussions::form(env, Some(id(n)?)).await,
            Post => discussions::save(env, Some(id(n)?)).await,
        ),
        ["admin", "pages"] => methods!(env; Get => pages::list(env).await),
        ["admin", "pages", n] => methods!(env;
            Get => pages::form(env, id(n)?).await,
            Post => pages::save(env, id(n)?).await,
        ),
        ["admin", "processes"] => methods!(env; Get => processes::list(env).await),
        ["admin", "processes", "new"] => methods!(env;
            Get => processes::form(env, None).await,
            Post => processes::save(env, None).await,
        ),
        ["admin", "processes", n] => methods!(env;
            Get => processes::form(env, Some(id(n)?)).await,
            Post => processes::save(env, Some(id(n)?)).await,
        ),
        ["admin", "processes", n, "report"] => methods!(env;
            Get => report::form(env, id(n)?).await,
            Post => report::save(env, id(n)?).await,
        ),
        ["admin", "processes", n, "participation"] => methods!(env;
            Get => processes::levels_form(env, id(n)?).await,
            Post => processes::levels_save(env, id(n)?).await,
        ),
        ["admin", "processes", n, "phases", "new"] => methods!(env;
            Get => processes::phase_form(env, id(n)?, None).await,
            Post => processes::phase_save(env, id(n)?, None).await,
        ),
        ["admin", "processes", n, "phases", p] => methods!(env;
            Get => processes::phase_form(env, id(n)?, Some(id(p)?)).await,
            Post => processes::phase_save(env, id(n)?, Some(id(p)?)).await,
        ),
        ["admin", "processes", n, "phases", p, "delete"] => {
            methods!(env; Post => processes::phase_delete(env, id(n)?, id(p)?).await)
        }
        ["admin", "translations", entity, n, locale] => methods!(env;
            Get => translations::form(env, entity, id(n)?, locale).await,
            Post => translations::save(env, entity, id(n)?, locale).await,
        ),
        _ => Err(Error::NotFound),
    }
}
