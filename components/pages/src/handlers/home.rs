//! The commune's home page: the blocks staff chose, in their order.

use palabre_domain::home::Block;
use palabre_domain::process::Status;
use palabre_kit::render::paragraphs;
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Response, Result, i18n};

use crate::handlers::news::{self, translate_news};
use crate::handlers::processes::{card, day, today, translate_processes};
use crate::handlers::{network, translate};
use crate::{Env, store, views};
use palabre_kit::translations::{Entity, Texts};

/// Processes under way shown on the home page at most.
const HOME_PROCESSES: usize = 6;

async fn block(env: &Env, block: Block) -> Result<views::Block> {
    let locale = env.ctx.locale;
    let today = today();
    let mut view = views::Block {
        kind: block.as_str().to_string(),
        ..views::Block::default()
    };
    match block {
        Block::Hero => {
            view.hero = Some(views::Hero {
                name: env.site.name.clone(),
                tagline: env.site.tagline.clone(),
                intro: paragraphs(&env.site.intro),
            });
        }
        Block::Processes => {
            let mut processes = store::published_processes(&env.conn, &today.iso()).await?;
            processes.retain(|p| {
                palabre_domain::process::Span::parse(&p.starts_on, &p.ends_on)
                    .is_ok_and(|s| s.status(today) == Status::Open)
            });
            processes.truncate(HOME_PROCESSES);
            let marks = translate_processes(env, &mut processes).await?;
            let open = processes
                .iter()
                .zip(marks)
                .map(|(p, mark)| card(locale, p, today, mark))
                .filter(|c| c.status.open)
                .take(HOME_PROCESSES)
                .collect();
            view.processes = Some(views::Processes { processes: open });
        }
        Block::Figures => {
            let f = store::figures(&env.conn, &today.iso()).await?;
            view.figures = Some(views::Figures {
                participants: f.participants,
                open_processes: f.open_processes,
                contributions: f.contributions,
                proposals: f.proposals,
            });
        }
        Block::Phases => {
            let mut phases = store::upcoming_phases(&env.conn, &today.iso(), 4).await?;
            let mut names: Vec<Texts<'_>> = phases
                .iter_mut()
                .map(|p| Texts {
                    id: p.phase_id,
                    fields: vec![("name", &mut p.name)],
                })
                .collect();
            translate(env, Entity::Phase, &mut names).await?;
            let mut titles: Vec<Texts<'_>> = phases
                .iter_mut()
                .map(|p| Texts {
                    id: p.process_id,
                    fields: vec![("title", &mut p.process_title)],
                })
                .collect();
            translate(env, Entity::Process, &mut titles).await?;
            let phases = phases
                .iter()
                .map(|p| views::Upcoming {
                    href: format!("/processes/{}", p.process_slug),
                    process: p.process_title.clone(),
                    name: p.name.clone(),
                    starts: day(locale, &p.starts_on),
                })
                .collect();
            view.phases = Some(views::Phases { phases });
        }
        Block::News => {
            let mut news = store::latest_news(&env.conn, 3).await?;
            let marks = translate_news(env, &mut news).await?;
            view.news = Some(views::NewsList {
                news: news::cards(env, news, marks),
            });
        }
        Block::Activity => {
            view.activity = Some(views::Lines {
                lines: network::latest(env, 8).await?,
            });
        }
    }
    Ok(view)
}

pub async fn show(env: &Env) -> Result<Response> {
    network::announce_phases(env).await?;
    let mut blocks = Vec::new();
    for b in &env.site.home_blocks {
        blocks.push(block(env, *b).await?);
    }
    let hero_shown = env.site.home_blocks.contains(&Block::Hero);
    let data = views::Home {
        name: env.site.name.clone(),
        blocks,
        hero_shown,
    };
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
