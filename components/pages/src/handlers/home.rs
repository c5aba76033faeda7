//! The commune's home page.

use palabre_domain::date::iso_date;
use palabre_kit::render::paragraphs;
use palabre_kit::{Response, Result, i18n};
use serde_json::json;

use crate::{Env, store};

pub async fn show(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let news: Vec<_> = store::latest_news(&env.conn, 3)
        .await?
        .into_iter()
        .map(|n| {
            json!({
                "href": format!("/news/{}", n.slug),
                "title": n.title,
                "summary": n.summary,
                "date_iso": iso_date(n.published_at),
                "date": i18n::long_date(locale, n.published_at),
            })
        })
        .collect();
    let data = json!({
        "name": env.site.name,
        "tagline": env.site.tagline,
        "intro": paragraphs(&env.site.intro),
        "news": news,
    });
    let title = i18n::t(locale, "nav-home");
    env.renderer
        .page(
            &env.ctx,
            &env.site,
            http::StatusCode::OK,
            "home",
            &title,
            data,
        )
        .map(|r| palabre_kit::respond::cached(r, palabre_kit::respond::Cache::NoCache))
}
