//! Processes (concertations): the list, a process page with its timeline and
//! progress, and the iCalendar feed of its phases.

use bytes::Bytes;
use palabre_domain::Locale;
use palabre_domain::date::Day;
use palabre_domain::process::{Span, Status, Tool, progress_percent, tools_from_list};
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Error, Response, Result, i18n};

use crate::handlers::pages::valid_slug;
use crate::handlers::{network, translate};
use crate::store::{self, Phase, Process};
use crate::{Env, ical, views};
use palabre_kit::activity::{self, Target};
use palabre_kit::translations::{Entity, Texts};

pub fn today() -> Day {
    palabre_kit::today()
}

/// A day as people read it ("1 mars 2026"), with its ISO form for `<time>`.
pub fn day(locale: Locale, iso: &str) -> palabre_kit::view::Day {
    match Day::parse(iso) {
        Some(day) => palabre_kit::view::Day {
            iso: day.iso(),
            text: i18n::day(locale, day),
        },
        None => palabre_kit::view::Day {
            iso: iso.to_string(),
            text: iso.to_string(),
        },
    }
}

fn span_of(starts: &str, ends: &str) -> Option<Span> {
    Span::parse(starts, ends).ok()
}

fn status_view(locale: Locale, status: Status) -> views::Status {
    views::Status {
        key: status.as_str().to_string(),
        label: i18n::t(locale, &format!("process-status-{}", status.as_str())),
        open: status == Status::Open,
    }
}

fn tool_labels(locale: Locale, tools: &[Tool]) -> Vec<String> {
    tools
        .iter()
        .map(|t| i18n::t(locale, &format!("tool-{}", t.as_str())))
        .collect()
}

/// Processes in the visitor's language (title, summary, body); how to mark each.
pub async fn translate_processes(env: &Env, items: &mut [Process]) -> Result<Vec<views::Lang>> {
    let mut texts: Vec<Texts<'_>> = items
        .iter_mut()
        .map(|p| Texts {
            id: p.id,
            fields: vec![
                ("title", &mut p.title),
                ("summary", &mut p.summary),
                ("body", &mut p.body),
            ],
        })
        .collect();
    translate(env, Entity::Process, &mut texts).await
}

/// What a process card shows (list, home page).
pub fn card(locale: Locale, p: &Process, today: Day, lang: views::Lang) -> views::Card {
    let span = span_of(&p.starts_on, &p.ends_on);
    let status = span.map_or(Status::Closed, |s| s.status(today));
    let progress = span.map_or(0, |s| progress_percent(s.starts, s.ends, today));
    views::Card {
        href: format!("/processes/{}", p.slug),
        title: p.title.clone(),
        summary: p.summary.clone(),
        status: status_view(locale, status),
        scope: p
            .district
            .clone()
            .unwrap_or_else(|| i18n::t(locale, "process-scope-commune")),
        starts: day(locale, &p.starts_on),
        ends: day(locale, &p.ends_on),
        progress: i64::from(progress),
        participants: p.participants,
        contributions: p.contributions,
        draft: !p.published,
        content_lang: lang,
        image: p.image.clone(),
        vote_until: vote_open_until(&p.vote_phases, today).map(|d| day(locale, &d.iso())),
    }
}

/// The end of the vote under way today, if one of the process's vote phases
/// (`starts ends` pairs, comma-separated) is open.
fn vote_open_until(phases: &str, today: Day) -> Option<Day> {
    phases
        .split(',')
        .filter_map(|pair| pair.split_once(' '))
        .filter_map(|(starts, ends)| span_of(starts, ends))
        .filter(|s| s.status(today) == Status::Open)
        .map(|s| s.ends)
        .max()
}

fn phase_view(locale: Locale, phase: &Phase, today: Day) -> views::Phase {
    let status =
        span_of(&phase.starts_on, &phase.ends_on).map_or(Status::Closed, |s| s.status(today));
    views::Phase {
        name: phase.name.clone(),
        description: phase.description.clone(),
        starts: day(locale, &phase.starts_on),
        ends: day(locale, &phase.ends_on),
        status: status_view(locale, status),
        current: status == Status::Open,
        tools: tool_labels(locale, &tools_from_list(&phase.tools)),
    }
}

pub async fn list(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let today = today();
    let mut processes = store::published_processes(&env.conn, &today.iso()).await?;
    let marks = translate_processes(env, &mut processes).await?;
    let processes = processes
        .iter()
        .zip(marks)
        .map(|(p, mark)| card(locale, p, today, mark))
        .collect();
    let title = i18n::t(locale, "processes-title");
    let page = env.renderer.page(
        &env.ctx,
        &env.site,
        http::StatusCode::OK,
        "processes",
        &title,
        views::Processes { processes },
    )?;
    Ok(respond::cached(page, Cache::NoCache))
}

/// The process, if visitors may see it (drafts: staff only, as a preview).
async fn visible(env: &Env, slug: &str) -> Result<Process> {
    if !valid_slug(slug) {
        return Err(Error::NotFound);
    }
    let process = store::process_by_slug(&env.conn, slug)
        .await?
        .ok_or(Error::NotFound)?;
    if !process.published && !env.ctx.visitor.role.is_staff() {
        return Err(Error::NotFound);
    }
    Ok(process)
}

pub async fn show(env: &Env, slug: &str) -> Result<Response> {
    network::announce_phases(env).await?;
    let locale = env.ctx.locale;
    let today = today();
    let mut process = visible(env, slug).await?;
    let mark = match translate_processes(env, std::slice::from_mut(&mut process))
        .await?
        .pop()
    {
        Some(mark) => mark,
        None => crate::handlers::lang(env, true),
    };
    let following = activity::following(&env.conn, &env.ctx, Target::Process(process.id)).await?;
    let followers = activity::follower_count(&env.conn, Target::Process(process.id)).await?;
    let lines = activity::feed(&env.conn, None, Some(process.id), 10)
        .await?
        .iter()
        .map(|l| network::line(env, l))
        .collect();
    // What each participation feature holds in this process.
    let participation =
        palabre_kit::participation::items(&env.conn, process.id, palabre_features::ALL)
            .await?
            .into_iter()
            .map(|(tool, items)| views::Participation {
                heading: i18n::t(locale, &format!("tool-{}-heading", tool.as_str())),
                items: items
                    .iter()
                    .map(|item| {
                        let span = span_of(&item.opens_on, &item.closes_on);
                        let status = span.map_or(Status::Closed, |s| s.status(today));
                        views::Participated {
                            title: item.title.clone(),
                            url: item.url.clone(),
                            count: i18n::t_args(
                                locale,
                                &format!("tool-{}-count", tool.as_str()),
                                &[("count", &item.count.to_string())],
                            ),
                            status: status_view(locale, status),
                        }
                    })
                    .collect(),
            })
            .collect();
    let mut phases = store::phases(&env.conn, process.id).await?;
    let mut texts: Vec<Texts<'_>> = phases
        .iter_mut()
        .map(|p| Texts {
            id: p.id,
            fields: vec![("name", &mut p.name), ("description", &mut p.description)],
        })
        .collect();
    translate(env, Entity::Phase, &mut texts).await?;
    let phase_views = phases
        .iter()
        .map(|p| phase_view(locale, p, today))
        .collect();
    let open_tools: Vec<Tool> = phases
        .iter()
        .filter(|p| {
            span_of(&p.starts_on, &p.ends_on).is_some_and(|s| s.status(today) == Status::Open)
        })
        .flat_map(|p| tools_from_list(&p.tools))
        .collect();
    let mut open_tools = open_tools;
    open_tools.sort();
    open_tools.dedup();
    // Signed-out visitors see the link too: it leads them to sign in first.
    let open_discussion_href =
        palabre_kit::participation::citizens_may_open(&env.conn, process.id, &today.iso())
            .await?
            .map(|_| format!("/discussions/new?process={}", process.slug));
    let proposals_href = phases
        .iter()
        .any(|p| tools_from_list(&p.tools).contains(&Tool::Proposal))
        .then(|| format!("/proposals?process={}", process.slug));
    // The process's main call: submit a proposal, while that tool is open.
    let new_proposal_href = open_tools
        .contains(&Tool::Proposal)
        .then(|| format!("/proposals/new?process={}", process.slug));
    // The report, once published (staff also see where to preview it).
    let report = crate::report_store::report(&env.conn, process.id).await?;
    let report_href = (report.as_ref().is_some_and(|r| r.published_at.is_some())
        || env.ctx.visitor.role.is_staff())
    .then(|| format!("/processes/{}/bilan", process.slug));
    let mut news = store::process_news(&env.conn, process.id, 3).await?;
    let marks = crate::handlers::news::translate_news(env, &mut news).await?;
    let news = crate::handlers::news::cards(env, news, marks);
    let data = views::Process {
        news,
        report_href,
        report_draft: report.is_none_or(|r| r.published_at.is_none()),
        proposals_href,
        new_proposal_href,
        open_discussion_href,
        process: card(locale, &process, today, mark),
        body: process.body.clone(),
        phases: phase_views,
        open_tools: tool_labels(locale, &open_tools),
        ical_href: format!("/processes/{}/phases.ics", process.slug),
        follow: if process.published {
            activity::follow_button(&env.ctx, &format!("/processes/{}", process.slug), following)
        } else {
            None
        },
        followers: i18n::t_args(
            locale,
            "followers-count",
            &[("count", &followers.to_string())],
        ),
        participation,
        activity: lines,
    };
    let page = env.renderer.page(
        &env.ctx,
        &env.site,
        http::StatusCode::OK,
        "process",
        &process.title,
        data,
    )?;
    Ok(respond::cached(page, Cache::NoCache))
}

pub async fn ical(env: &Env, slug: &str) -> Result<Response> {
    let process = visible(env, slug).await?;
    let phases = store::phases(&env.conn, process.id).await?;
    let host = env
        .ctx
        .origin
        .split("://")
        .nth(1)
        .unwrap_or("palabre")
        .to_string();
    let url = format!("{}/processes/{}", env.ctx.origin, process.slug);
    let events: Vec<ical::Event<'_>> = phases
        .iter()
        .filter_map(|phase| {
            let span = span_of(&phase.starts_on, &phase.ends_on)?;
            Some(ical::Event {
                uid: format!("phase-{}@{host}", phase.id),
                starts: span.starts,
                ends: span.ends,
                summary: &phase.name,
                description: &phase.description,
                url: &url,
            })
        })
        .collect();
    let body = ical::calendar(&process.title, &events, palabre_kit::now());
    let mut response = respond::with_body(
        http::StatusCode::OK,
        "text/calendar; charset=utf-8",
        Bytes::from(body),
    );
    if let Ok(value) =
        http::HeaderValue::from_str(&format!("inline; filename=\"{}.ics\"", process.slug))
    {
        response
            .headers_mut()
            .insert(http::header::CONTENT_DISPOSITION, value);
    }
    Ok(respond::cached(response, Cache::NoCache))
}
