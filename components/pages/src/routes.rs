//! The route table of the pages component: matched on the path, then on
//! the method (any other method on a known path is 405).

use palabre_kit::{Error, Response, Result, methods};

use crate::Env;
use crate::handlers::{
    api, assets, health, home, images, network, news, open_data, pages, processes, report, search,
    transparency,
};

/// Public pages an anonymous visitor may be served from the page cache.
fn cacheable(segments: &[&str]) -> bool {
    matches!(
        segments,
        [""] | ["processes"]
            | ["processes", _]
            | ["news"]
            | ["news", _]
            | ["pages", _]
            | ["people", _]
    )
}

pub async fn dispatch(env: &mut Env) -> Result<Response> {
    let path = env.ctx.path.clone();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    if cacheable(&segments) {
        return palabre_kit::app::public_page(env, route).await;
    }
    route(env).await
}

async fn route(env: &mut Env) -> Result<Response> {
    let path = env.ctx.path.clone();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match segments.as_slice() {
        [""] => methods!(env; Get => home::show(env).await),
        ["health"] => methods!(env; Get => health::show(env).await),
        ["brand.css"] => methods!(env; Get => Ok(assets::brand_css(env))),
        ["pages", slug] => methods!(env; Get => pages::show(env, slug).await),
        ["news"] => methods!(env; Get => news::list(env).await),
        ["news", "feed.xml"] => methods!(env; Get => news::feed(env).await),
        ["news", slug] => methods!(env; Get => news::item(env, slug).await),
        ["images", name] => methods!(env; Get => images::show(env, name).await),
        ["search"] => methods!(env; Get => search::show(env).await),
        ["transparency"] => methods!(env; Get => transparency::index(env).await),
        ["transparency", "ranking"] => methods!(env; Get => transparency::ranking(env)),
        // The API answers every method itself, as its OpenAPI document says.
        ["api", "v1", rest @ ..] => api::route(env, rest).await,
        ["open-data.json"] => methods!(env; Get => open_data::bundle(env).await),
        ["notifications"] => methods!(env; Get => network::notifications(env).await),
        ["notifications", "read"] => methods!(env; Post => network::mark_read(env).await),
        ["people", id] => methods!(env; Get => network::profile(env, id).await),
        [
            kind @ ("people" | "processes"),
            key,
            action @ ("follow" | "unfollow"),
        ] => {
            methods!(env; Post => network::set_follow(env, kind, key, *action == "follow").await)
        }
        ["processes"] => methods!(env; Get => processes::list(env).await),
        ["processes", slug] => methods!(env; Get => processes::show(env, slug).await),
        ["processes", slug, "phases.ics"] => methods!(env; Get => processes::ical(env, slug).await),
        ["processes", slug, "bilan"] => methods!(env; Get => report::show(env, slug).await),
        _ => Err(Error::NotFound),
    }
}
