//! The commune's home page: the blocks staff chose, in their order.

use palabre_domain::date::iso_date;
use palabre_domain::home::Block;
use palabre_domain::process::Status;
use palabre_kit::render::paragraphs;
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Response, Result, i18n};
use serde_json::{Value, json};

use crate::handlers::network;
use crate::handlers::processes::{card, day_json, today};
use crate::{Env, store};

/// Processes under way shown on the home page at most.
const HOME_PROCESSES: usize = 6;

async fn block(env: &Env, block: Block) -> Result<Value> {
    let locale = env.ctx.locale;
    let today = today();
    let data = match block {
        Block::Hero => json!({
            "name": env.site.name,
            "tagline": env.site.tagline,
            "intro": paragraphs(&env.site.intro),
        }),
        Block::Processes => {
            let processes = store::published_processes(&env.conn, &today.iso()).await?;
            let open: Vec<Value> = processes
                .iter()
                .map(|p| card(locale, p, today))
                .filter(|c| c["status"]["key"] == Status::Open.as_str())
                .take(HOME_PROCESSES)
                .collect();
            json!({ "processes": open })
        }
        Block::Figures => {
            let f = store::figures(&env.conn, &today.iso()).await?;
            json!({
                "participants": f.participants,
                "open_processes": f.open_processes,
                "contributions": f.contributions,
            })
        }
        Block::Phases => {
            let phases = store::upcoming_phases(&env.conn, &today.iso(), 4).await?;
            let phases: Vec<Value> = phases
                .iter()
                .map(|p| {
                    json!({
                        "href": format!("/processes/{}", p.process_slug),
                        "process": p.process_title,
                        "name": p.name,
                        "starts": day_json(locale, &p.starts_on),
                    })
                })
                .collect();
            json!({ "phases": phases })
        }
        Block::News => {
            let news: Vec<Value> = store::latest_news(&env.conn, 3)
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
            json!({ "news": news })
        }
        Block::Activity => json!({ "lines": network::latest(env, 8).await? }),
    };
    Ok(json!({ "kind": block.as_str(), block.as_str(): data }))
}

pub async fn show(env: &Env) -> Result<Response> {
    network::announce_phases(env).await?;
    let mut blocks = Vec::new();
    for b in &env.site.home_blocks {
        blocks.push(block(env, *b).await?);
    }
    let hero_shown = env.site.home_blocks.contains(&Block::Hero);
    let data = json!({
        "name": env.site.name,
        "blocks": blocks,
        "hero_shown": hero_shown,
    });
    let title = i18n::t(env.ctx.locale, "nav-home");
    let page = env.renderer.page(
        &env.ctx,
        &env.site,
        http::StatusCode::OK,
        "home",
        &title,
        data,
    )?;
    Ok(respond::cached(page, Cache::NoCache))
}
