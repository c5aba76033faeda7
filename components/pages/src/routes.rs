//! The route table of the pages component.

use http::Method;
use palabre_kit::{Error, Response, Result};

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
    let read_only = matches!(env.ctx.method, Method::GET | Method::HEAD);
    let post = env.ctx.method == Method::POST;
    match segments.as_slice() {
        [""] if read_only => home::show(env).await,
        ["health"] if read_only => health::show(env).await,
        ["brand.css"] if read_only => Ok(assets::brand_css(env)),
        ["pages", slug] if read_only => pages::show(env, slug).await,
        ["news"] if read_only => news::list(env).await,
        ["news", "feed.xml"] if read_only => news::feed(env).await,
        ["news", slug] if read_only => news::item(env, slug).await,
        ["images", name] if read_only => images::show(env, name).await,
        ["search"] if read_only => search::show(env).await,
        ["transparency"] if read_only => transparency::index(env).await,
        ["transparency", "ranking"] if read_only => transparency::ranking(env),
        ["api", "v1", rest @ ..] => api::route(env, rest).await,
        ["open-data.json"] if read_only => open_data::bundle(env).await,
        ["notifications"] if read_only => network::notifications(env).await,
        ["notifications", "read"] if post => network::mark_read(env).await,
        ["people", id] if read_only => network::profile(env, id).await,
        [kind @ ("people" | "processes"), key, "follow"] if post => {
            network::set_follow(env, kind, key, true).await
        }
        [kind @ ("people" | "processes"), key, "unfollow"] if post => {
            network::set_follow(env, kind, key, false).await
        }
        ["processes"] if read_only => processes::list(env).await,
        ["processes", slug] if read_only => processes::show(env, slug).await,
        ["processes", slug, "phases.ics"] if read_only => processes::ical(env, slug).await,
        ["processes", slug, "bilan"] if read_only => report::show(env, slug).await,
        [""]
        | ["health"]
        | ["brand.css"]
        | ["pages", _]
        | ["images", _]
        | ["search"]
        | ["transparency"]
        | ["transparency", "ranking"]
        | ["open-data.json"]
        | ["notifications"]
        | ["notifications", "read"]
        | ["people", _]
        | ["people" | "processes", _, "follow" | "unfollow"]
        | ["news"]
        | ["news", _]
        | ["processes"]
        | ["processes", _]
        | ["processes", _, "phases.ics" | "bilan"] => Err(Error::MethodNotAllowed),
        _ => Err(Error::NotFound),
    }
}
