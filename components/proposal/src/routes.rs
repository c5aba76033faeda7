//! The route table of the proposal component.

use http::Method;
use palabre_kit::{Error, Response, Result};

use crate::Env;
use crate::handlers;

pub async fn dispatch(env: &mut Env) -> Result<Response> {
    let path = env.ctx.path.clone();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let get = matches!(env.ctx.method, Method::GET | Method::HEAD);
    let post = env.ctx.method == Method::POST;
    match segments.as_slice() {
        ["proposals"] if get => handlers::list_page(env).await,
        ["proposals", "new"] if get => handlers::new_form(env).await,
        ["proposals", "new"] if post => handlers::create(env).await,
        ["proposals", "map"] if get => handlers::map_page(env).await,
        ["proposals", "export.csv"] if get => handlers::export(env, true).await,
        ["proposals", "export.json"] if get => handlers::export(env, false).await,
        ["proposals", "open-data.json"] if get => handlers::open_data(env).await,
        ["proposals", id] if get => {
            let id = id.to_string();
            palabre_kit::app::public_page(env, async |env| {
                handlers::show(env, &id, None, None, http::StatusCode::OK).await
            })
            .await
        }
        ["proposals", id, "edit"] if get => handlers::edit_form(env, id).await,
        ["proposals", id, "edit"] if post => handlers::edit(env, id).await,
        ["proposals", id, "publish"] if post => handlers::publish(env, id).await,
        ["proposals", id, "support"] if post => handlers::support(env, id, true).await,
        ["proposals", id, "unsupport"] if post => handlers::support(env, id, false).await,
        ["proposals", id, "answer"] if post => handlers::answer(env, id).await,
        ["proposals", id, "milestones"] if post => handlers::milestone(env, id).await,
        ["proposals", id, rest @ ..] if rest.first() == Some(&"comments") => {
            handlers::comments(env, id, rest).await
        }
        ["proposals", id, "amendments"] if post => handlers::amend(env, id).await,
        [
            "proposals",
            id,
            "amendments",
            a,
            decision @ ("accept" | "reject"),
        ] if post => handlers::decide(env, id, a, *decision == "accept").await,
        _ if get => Err(Error::NotFound),
        ["proposals", ..] => Err(Error::MethodNotAllowed),
        _ => Err(Error::NotFound),
    }
}
