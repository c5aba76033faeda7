//! `/processes/<slug>/bilan`: the report of a process, public once staff
//! publish it (staff see it before, as a preview). Every figure is computed
//! from the rows (`report_store`), and every statement of fact links to what
//! it comes from: the proposal, the comment, the statement, the question.
//! Staff's commentary and the commune's commitments stand beside it.

use crate::handlers::pages::valid_slug;
use crate::handlers::processes::{day, today};
use crate::report_store::{self as store, Counts};
use crate::store::{Process, process_by_slug};
use crate::{Env, views};
use palabre_discussion::opinion_map;
use palabre_domain::Locale;
use palabre_domain::date::Day;
use palabre_domain::questionnaire::{Kind, Summary};
use palabre_domain::report::{self, CHART_HEIGHT};
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Error, Response, Result, i18n};
use palabre_questionnaire::results;

/// Proposals listed as the most supported.
const TOP_PROPOSALS: i64 = 5;
/// Statements quoted for each group of the opinion map.
const DISTINCTIVE_PER_GROUP: usize = 2;
/// Width of a week's column in the time chart.
const WEEK_WIDTH: i64 = 14;

fn count(locale: Locale, id: &str, n: i64) -> String {
    i18n::t_args(locale, id, &[("count", &n.to_string())])
}

fn percent(n: i64, of: i64) -> i64 {
    if of == 0 { 0 } else { (n * 100 + of / 2) / of }
}

/// The process if the visitor may read its report: published report and
/// process for everyone; staff may read a draft.
async fn readable(env: &Env, slug: &str) -> Result<(Process, Option<store::Report>)> {
    if !valid_slug(slug) {
        return Err(Error::NotFound);
    }
    let process = process_by_slug(&env.conn, slug)
        .await?
        .ok_or(Error::NotFound)?;
    let report = store::report(&env.conn, process.id).await?;
    let public = process.published && report.as_ref().is_some_and(|r| r.published_at.is_some());
    if !public && !env.ctx.visitor.role.is_staff() {
        return Err(Error::NotFound);
    }
    Ok((process, report))
}

fn figures(locale: Locale, c: &Counts, slug: &str) -> views::ReportFigures {
    let rows = c
        .tallies
        .iter()
        .map(|(tally, n)| views::ReportRow {
            label: i18n::t(
                locale,
                &format!("report-row-{}", tally.key.replace('_', "-")),
            ),
            count: *n,
            href: tally.list.map(|list| format!("{list}{slug}")),
        })
        .collect();
    views::ReportFigures {
        people: c.people,
        contributions: c.contributions(),
        votes: c.votes(),
        rows,
    }
}

/// Contributions week by week, from the process's start to its end (or
/// today, while it runs).
async fn time_chart(env: &Env, process: &Process) -> Result<Option<views::Timeline>> {
    let locale = env.ctx.locale;
    let (Some(from), Some(end)) = (Day::parse(&process.starts_on), Day::parse(&process.ends_on))
    else {
        return Ok(None);
    };
    let to = if end.unix() > today().unix() {
        today()
    } else {
        end
    };
    let (start, stop) = report::span(from, to);
    let counted = store::contributions_by_week(&env.conn, process.id, start, stop).await?;
    let weeks = report::weekly(from, to, &counted);
    if weeks.is_empty() {
        return Ok(None);
    }
    let counts: Vec<i64> = weeks.iter().map(|(_, n)| *n).collect();
    let columns = report::columns(&counts, WEEK_WIDTH);
    let width = columns.last().map_or(0, |c| c.x + c.width);
    let top = counts.iter().copied().max().unwrap_or(0);
    Ok(Some(views::Timeline {
        width,
        height: CHART_HEIGHT,
        top,
        total: counts.iter().sum(),
        columns: weeks
            .iter()
            .zip(&columns)
            .map(|((day, n), c)| views::Week {
                x: c.x,
                y: c.y,
                width: c.width,
                height: c.height,
                count: *n,
                week: i18n::day(locale, *day),
                iso: day.iso(),
            })
            .collect(),
        first: i18n::day(locale, from),
        last: i18n::day(locale, to),
    }))
}

fn districts(locale: Locale, rows: &[(Option<String>, i64, i64)]) -> Vec<views::District> {
    let top = rows.iter().map(|r| r.2).max().unwrap_or(0).max(1);
    rows.iter()
        .map(|(name, proposals, supports)| views::District {
            name: name
                .clone()
                .unwrap_or_else(|| i18n::t(locale, "report-no-district")),
            proposals: *proposals,
            supports: *supports,
            bar: supports * 100 / top,
        })
        .collect()
}

async fn proposals(env: &Env, process_id: i64) -> Result<Vec<views::TopProposal>> {
    let locale = env.ctx.locale;
    let top = palabre_proposal::read::top_proposals(&env.conn, process_id, TOP_PROPOSALS).await?;
    Ok(top
        .iter()
        .map(|p| views::TopProposal {
            title: p.title.clone(),
            href: format!("/proposals/{}", p.id),
            answers_href: format!("/proposals/{}#answers", p.id),
            supports: count(locale, "report-supports", p.supports),
            status: palabre_kit::view::Status {
                key: p.status.clone(),
                label: i18n::t(locale, &format!("proposal-status-{}", p.status)),
            },
            answer: p.answer.as_ref().map(|(body, at)| views::Answer {
                body: body.clone(),
                date: i18n::long_date(locale, *at),
            }),
            progress: p.progress,
        })
        .collect())
}

fn milestones(
    locale: Locale,
    all: Vec<palabre_proposal::read::Milestone>,
) -> Vec<views::FollowedUp> {
    let mut out: Vec<views::FollowedUp> = Vec::new();
    for m in all {
        let step = views::Step {
            date: day(locale, &m.on_date),
            percent: m.percent,
            body: m.body,
        };
        match out.last_mut() {
            Some(last) if last.id == m.proposal_id => {
                last.steps.push(step);
                last.percent = m.percent;
            }
            _ => out.push(views::FollowedUp {
                id: m.proposal_id,
                title: m.proposal_title,
                href: format!("/proposals/{}#follow-up", m.proposal_id),
                percent: m.percent,
                steps: vec![step],
            }),
        }
    }
    out
}

/// Each envelope's vote: ballots online and on paper, by district, the
/// turnout against the residents with an account (for the whole commune's
/// envelopes: an account declares no district), and the winners of the commune's method once
/// the results are published, with their follow-up (the project's own, or
/// that of the proposal it came from).
async fn budgets(
    env: &Env,
    process_id: i64,
    followed: &[views::FollowedUp],
) -> Result<Vec<views::ReportBudget>> {
    use palabre_budget::store as budget;
    let locale = env.ctx.locale;
    let mut out = Vec::new();
    let residents = store::residents(&env.conn).await?;
    for e in budget::envelopes_of(&env.conn, process_id).await? {
        let turnout = (residents > 0 && e.district.is_none()).then(|| {
            i18n::t_args(
                locale,
                "report-budget-turnout",
                &[
                    (
                        "percent",
                        &percent(e.ballots - e.paper_ballots, residents).to_string(),
                    ),
                    ("residents", &residents.to_string()),
                ],
            )
        });
        let districts = budget::by_district(&env.conn, e.id)
            .await?
            .into_iter()
            .map(|(name, online, paper)| views::BudgetDistrict {
                name: if name.is_empty() {
                    i18n::t(locale, "report-no-district")
                } else {
                    name
                },
                online,
                paper,
            })
            .collect();
        let published = e.published_at.is_some();
        let mut winners = Vec::new();
        if published {
            let projects = budget::projects(&env.conn, e.id).await?;
            let progress = budget::progress(&env.conn, e.id).await?;
            for line in budget::results(&env.conn, e.id, e.method).await? {
                if !line.line.why.funded() {
                    continue;
                }
                let href = format!("/budgets/{}/projects/{}", e.id, line.line.id);
                // The project's own follow-up, else its proposal's.
                let follow = match progress.iter().find(|(id, _)| *id == line.line.id) {
                    Some((_, percent)) => Some((*percent, format!("{href}#follow-up"))),
                    None => projects
                        .iter()
                        .find(|p| p.id == line.line.id)
                        .and_then(|p| p.proposal_id)
                        .and_then(|id| followed.iter().find(|f| f.id == id))
                        .map(|f| (f.percent, f.href.clone())),
                };
                winners.push(views::Winner {
                    title: line.title.clone(),
                    href,
                    figures: i18n::t_args(
                        locale,
                        "report-budget-winner",
                        &[
                            ("cost", &i18n::euros(locale, line.line.cost)),
                            ("votes", &line.line.votes.to_string()),
                        ],
                    ),
                    progress: follow.as_ref().map(|f| f.0),
                    follow_up_href: follow.map(|f| f.1),
                });
            }
        }
        out.push(views::ReportBudget {
            name: e.name.clone(),
            href: format!("/budgets/{}", e.id),
            ballots: i18n::t_args(
                locale,
                "report-budget-ballots",
                &[
                    ("count", &e.ballots.to_string()),
                    ("paper", &e.paper_ballots.to_string()),
                ],
            ),
            turnout,
            districts,
            published,
            results_href: format!("/budgets/{}/results", e.id),
            winners,
        });
    }
    Ok(out)
}

/// Consensus and what sets each group apart, from each discussion's map.
async fn opinion(env: &Env, process_id: i64) -> Result<Vec<views::OpinionMap>> {
    let locale = env.ctx.locale;
    let mut out = Vec::new();
    for d in palabre_discussion::read::discussions(&env.conn, process_id).await? {
        let Some(cached) = opinion_map::map(&env.conn, d.id, palabre_kit::now()).await? else {
            continue;
        };
        let Some(map) = cached.map.as_ref() else {
            continue;
        };
        let texts = palabre_discussion::read::statements(&env.conn, d.id).await?;
        let base = format!("/discussions/{}/map", d.slug);
        let quote = |s: &opinion_map::CachedScored| {
            let body = texts.iter().find(|(id, _)| *id == s.statement)?.1.clone();
            let share = (s.share * 100.0).round() as i64;
            let key = if s.agree {
                "report-share-agree"
            } else {
                "report-share-disagree"
            };
            Some(views::Quote {
                body,
                href: format!("{base}#s{}", s.statement),
                share: i18n::t_args(locale, key, &[("percent", &share.to_string())]),
            })
        };
        let consensus = map.consensus.iter().filter_map(quote).collect();
        let groups = map
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| views::OpinionGroup {
                name: i18n::t_args(
                    locale,
                    "report-group",
                    &[
                        ("letter", &char::from(b'A' + (i as u8 % 26)).to_string()),
                        ("count", &g.size.to_string()),
                    ],
                ),
                statements: g
                    .distinctive
                    .iter()
                    .take(DISTINCTIVE_PER_GROUP)
                    .filter_map(quote)
                    .collect(),
            })
            .collect();
        out.push(views::OpinionMap {
            map_href: format!("{base}#map"),
            href: format!("/discussions/{}", d.slug),
            voters: count(locale, "report-map-voters", cached.voters as i64),
            question: d.question,
            consensus,
            groups,
        });
    }
    Ok(out)
}

/// The answers that lead on each closed question of the process's
/// questionnaires whose results are public.
async fn questionnaires(env: &Env, process_id: i64) -> Result<Vec<views::Findings>> {
    let locale = env.ctx.locale;
    let mut out = Vec::new();
    for q in results::of_process(&env.conn, process_id).await? {
        let base = format!("/questionnaires/{}/results", q.slug);
        let mut findings = Vec::new();
        for a in results::questions(&env.conn, q.id).await? {
            let answered = a.results.answered;
            let (lines, mean) = match &a.results.summary {
                Summary::Choices(lines) if a.question.kind != Kind::Multiple || answered > 0 => {
                    (lines, None)
                }
                Summary::Scale { lines, mean, .. } => (lines, Some(*mean)),
                _ => continue,
            };
            let labels = results::choice_labels(locale, &a.question);
            let counts: Vec<i64> = lines.iter().map(|l| l.count).collect();
            let leading: Vec<String> = report::leading(&counts)
                .into_iter()
                .filter_map(|i| labels.get(i).cloned())
                .collect();
            let Some(top) = counts.iter().copied().max().filter(|n| *n > 0) else {
                continue;
            };
            findings.push(views::Finding {
                label: a.label.clone(),
                href: format!("{base}#r{}", a.question.id),
                leading: leading.join(" · "),
                tied: leading.len() > 1,
                figure: i18n::t_args(
                    locale,
                    "report-answer-share",
                    &[
                        ("count", &top.to_string()),
                        ("answered", &answered.to_string()),
                        ("percent", &percent(top, answered).to_string()),
                    ],
                ),
                mean: mean.filter(|_| answered > 0).map(|m| {
                    i18n::t_args(
                        locale,
                        "report-mean",
                        &[("mean", &super::transparency::number(locale, m))],
                    )
                }),
            });
        }
        out.push(views::Findings {
            title: q.title.clone(),
            responses: count(locale, "report-responses", q.responses),
            href: base,
            findings,
        });
    }
    Ok(out)
}

async fn impact(env: &Env, process_id: i64) -> Result<Vec<views::ImpactComment>> {
    let locale = env.ctx.locale;
    Ok(store::impact_comments(&env.conn, process_id)
        .await?
        .iter()
        .map(|c| views::ImpactComment {
            excerpt: palabre_kit::markdown::plain_text(&c.body, 280),
            author: c.author.clone(),
            date: i18n::long_date(locale, c.at),
            href: format!("{}?comment={}#c{}", c.href, c.id, c.id),
            on: c.on.clone(),
        })
        .collect())
}

pub async fn show(env: &Env, slug: &str) -> Result<Response> {
    let locale = env.ctx.locale;
    let (process, report) = readable(env, slug).await?;
    let counts = store::counts(&env.conn, process.id).await?;
    let by_district = palabre_proposal::read::by_district(&env.conn, process.id).await?;
    let admin = env.ctx.visitor.role.at_least(palabre_domain::Role::Admin);
    let published = report.as_ref().and_then(|r| r.published_at);
    let followed = milestones(
        locale,
        palabre_proposal::read::milestones(&env.conn, process.id).await?,
    );
    let data = views::ProcessReport {
        process: views::ReportProcess {
            title: process.title.clone(),
            href: format!("/processes/{}", process.slug),
            starts: day(locale, &process.starts_on),
            ends: day(locale, &process.ends_on),
        },
        draft: published.is_none(),
        published: published.map(|at| i18n::long_date(locale, at)),
        edit_href: admin.then(|| format!("/admin/processes/{}/report", process.id)),
        commentary: report
            .as_ref()
            .map(|r| r.commentary.clone())
            .filter(|s| !s.is_empty()),
        commitments: report
            .as_ref()
            .map(|r| r.commitments.clone())
            .filter(|s| !s.is_empty()),
        figures: figures(locale, &counts, &process.slug),
        timeline: time_chart(env, &process).await?,
        districts: districts(locale, &by_district),
        proposals: proposals(env, process.id).await?,
        budgets: budgets(env, process.id, &followed).await?,
        milestones: followed,
        opinion: opinion(env, process.id).await?,
        questionnaires: questionnaires(env, process.id).await?,
        impact: impact(env, process.id).await?,
        api_href: format!("/api/v1/processes/{}", process.slug),
    };
    let title = i18n::t_args(locale, "report-title", &[("process", &process.title)]);
    let page = env.renderer.page(
        &env.ctx,
        &env.site,
        http::StatusCode::OK,
        "report",
        &title,
        data,
    )?;
    Ok(respond::cached(page, Cache::NoCache))
}
