//! The route table of the budget component: matched on the path, then on
//! the method (any other method on a known path is 405).

use palabre_kit::{Error, Response, Result, methods};

use crate::Env;
use crate::handlers::{self, ballot, manage, results};

pub async fn dispatch(env: &mut Env) -> Result<Response> {
    let path = env.ctx.path.clone();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match segments.as_slice() {
        ["budgets"] => methods!(env; Get => handlers::list(env).await),
        ["budgets", "new"] => methods!(env;
            Get => manage::envelope_form(env, None).await,
            Post => manage::save_envelope(env, None).await,
        ),
        ["budgets", e] => methods!(env; Get => ballot::page(env, e, None).await),
        ["budgets", e, "settings"] => methods!(env;
            Get => manage::envelope_form(env, Some(e)).await,
            Post => manage::save_envelope(env, Some(e)).await,
        ),
        ["budgets", e, "cart"] => methods!(env; Post => ballot::cart(env, e).await),
        ["budgets", e, "vote"] => methods!(env; Post => ballot::vote(env, e).await),
        ["budgets", e, "paper"] => methods!(env;
            Get => manage::paper_form(env, e).await,
            Post => manage::save_paper(env, e).await,
        ),
        ["budgets", e, "count"] => methods!(env; Post => results::count(env, e).await),
        ["budgets", e, "publish"] => methods!(env; Post => results::publish(env, e).await),
        ["budgets", e, "results"] => methods!(env; Get => results::public_page(env, e).await),
        ["budgets", e, "results.json"] => methods!(env; Get => results::json(env, e).await),
        ["budgets", e, "ballots.pb"] => methods!(env; Get => results::pabulib(env, e).await),
        ["budgets", e, "ballots.csv"] => methods!(env; Get => results::csv(env, e).await),
        ["budgets", e, "projects", "new"] => methods!(env;
            Get => manage::project_form(env, e, None).await,
            Post => manage::save_project(env, e, None).await,
        ),
        ["budgets", e, "projects", p] => methods!(env; Get => handlers::project(env, e, p).await),
        ["budgets", e, "projects", p, "edit"] => methods!(env;
            Get => manage::project_form(env, e, Some(p)).await,
            Post => manage::save_project(env, e, Some(p)).await,
        ),
        ["budgets", e, "projects", p, "milestones"] => {
            methods!(env; Post => manage::milestone(env, e, p).await)
        }
        _ => Err(Error::NotFound),
    }
}
