//! The route table of the discussion component: matched on the path, then
//! on the method (any other method on a known path is 405).

use palabre_kit::{Error, Response, Result, methods};

use crate::Env;
use crate::handlers::{self, opinion};

pub async fn dispatch(env: &mut Env) -> Result<Response> {
    let path = env.ctx.path.clone();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match segments.as_slice() {
        ["discussions"] => methods!(env; Get => handlers::list(env).await),
        ["discussions", "new"] => methods!(env;
            Get => handlers::new_form(env).await,
            Post => handlers::open_new(env).await,
        ),
        ["discussions", slug] => methods!(env; Get => {
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
        }),
        ["discussions", slug, "map"] => {
            methods!(env; Get => opinion::page(env, slug, None, http::StatusCode::OK).await)
        }
        ["discussions", slug, "statements"] => {
            methods!(env; Post => opinion::add_statement(env, slug).await)
        }
        ["discussions", slug, "statements", id, "vote"] => {
            methods!(env; Post => opinion::vote(env, slug, id).await)
        }
        ["discussions", slug, "statements", id, "moderate"] => {
            methods!(env; Post => opinion::moderate(env, slug, id).await)
        }
        ["discussions", slug, action @ ("follow" | "unfollow")] => {
            methods!(env; Post => handlers::set_follow(env, slug, *action == "follow").await)
        }
        ["discussions", slug, rest @ ..] if rest.first() == Some(&"comments") => {
            handlers::comments(env, slug, rest).await
        }
        _ => Err(Error::NotFound),
    }
}
