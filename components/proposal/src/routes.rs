//! The route table of the proposal component: matched on the path, then on
//! the method (any other method on a known path is 405).

use palabre_kit::{Error, Response, Result, methods};

use crate::Env;
use crate::handlers;

pub async fn dispatch(env: &mut Env) -> Result<Response> {
    let path = env.ctx.path.clone();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match segments.as_slice() {
        ["proposals"] => methods!(env; Get => handlers::list_page(env).await),
        ["proposals", "new"] => methods!(env;
            Get => handlers::new_form(env).await,
            Post => handlers::create(env).await,
        ),
        ["proposals", "map"] => methods!(env; Get => handlers::map_page(env).await),
        ["proposals", "export.csv"] => methods!(env; Get => handlers::export(env, true).await),
        ["proposals", "export.json"] => methods!(env; Get => handlers::export(env, false).await),
        ["proposals", "open-data.json"] => methods!(env; Get => handlers::open_data(env).await),
        ["proposals", id] => methods!(env; Get => {
            let id = id.to_string();
            palabre_kit::app::public_page(env, async |env| {
                handlers::show(env, &id, None, None, http::StatusCode::OK).await
            })
            .await
        }),
        ["proposals", id, "edit"] => methods!(env;
            Get => handlers::edit_form(env, id).await,
            Post => handlers::edit(env, id).await,
        ),
        ["proposals", id, "publish"] => methods!(env; Post => handlers::publish(env, id).await),
        ["proposals", id, "delete"] => methods!(env; Post => handlers::discard(env, id).await),
        ["proposals", id, "support"] => {
            methods!(env; Post => handlers::support(env, id, true).await)
        }
        ["proposals", id, "unsupport"] => {
            methods!(env; Post => handlers::support(env, id, false).await)
        }
        ["proposals", id, "answer"] => methods!(env; Post => handlers::answer(env, id).await),
        ["proposals", id, "milestones"] => {
            methods!(env; Post => handlers::milestone(env, id).await)
        }
        ["proposals", id, rest @ ..] if rest.first() == Some(&"comments") => {
            handlers::comments(env, id, rest).await
        }
        ["proposals", id, "amendments"] => methods!(env; Post => handlers::amend(env, id).await),
        [
            "proposals",
            id,
            "amendments",
            a,
            decision @ ("accept" | "reject"),
        ] => methods!(env; Post => handlers::decide(env, id, a, *decision == "accept").await),
        _ => Err(Error::NotFound),
    }
}
