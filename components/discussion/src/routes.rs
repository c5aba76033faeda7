//! The route table of the discussion component.

use http::Method;
use palabre_kit::{Error, Response, Result};

use crate::Env;
use crate::handlers::{self, opinion};

pub async fn dispatch(env: &mut Env) -> Result<Response> {
    let path = env.ctx.path.clone();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let get = matches!(env.ctx.method, Method::GET | Method::HEAD);
    let post = env.ctx.method == Method::POST;
    match segments.as_slice() {
        ["discussions"] if get => handlers::list(env).await,
        ["discussions", "new"] if get => handlers::new_form(env).await,
        ["discussions", "new"] if post => handlers::open_new(env).await,
        ["discussions", slug] if get => {
            // Anonymous readers of the same order, filter and page share a
            // kept page; the first page of each order is shared between instances.
            let variant = palabre_kit::app::Variant::of(
                &env.ctx,
                &palabre_kit::thread::THREAD_PARAMS,
                env.ctx.query("page").is_none() && env.ctx.query("comment").is_none(),
            );
            let slug = slug.to_string();
            palabre_kit::app::public_variant(env, variant, async |env| {
                handlers::show(env, &slug, None, http::StatusCode::OK).await
            })
            .await
        }
        ["discussions", slug, "map"] if get => {
            opinion::page(env, slug, None, http::StatusCode::OK).await
        }
        ["discussions", slug, "statements"] if post => opinion::add_statement(env, slug).await,
        ["discussions", slug, "statements", id, "vote"] if post => {
            opinion::vote(env, slug, id).await
        }
        ["discussions", slug, "statements", id, "moderate"] if post => {
            opinion::moderate(env, slug, id).await
        }
        ["discussions", slug, action @ ("follow" | "unfollow")] if post => {
            handlers::set_follow(env, slug, *action == "follow").await
        }
        ["discussions", slug, rest @ ..] if rest.first() == Some(&"comments") => {
            handlers::comments(env, slug, rest).await
        }
        ["discussions"]
        | ["discussions", _]
        | [
            "discussions",
            _,
            "map" | "statements" | "follow" | "unfollow",
        ]
        | ["discussions", _, "statements", _, _] => Err(Error::MethodNotAllowed),
        _ => Err(Error::NotFound),
    }
}
