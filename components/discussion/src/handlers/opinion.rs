//! The opinion map of a discussion: short statements, agree / disagree / pass
//! votes one statement at a time, moderation of citizens' statements, and the
//! map itself (groups, what sets each apart, what most agree on) as an SVG
//! chart with the same facts in tables.

use palabre_domain::Role;
use palabre_domain::account::FieldError;
use palabre_domain::opinion::{self as rules, Vote};
use palabre_domain::process::Tool;
use palabre_kit::activity;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Error, Response, Result, db, i18n};

use super::{comment_id, dates, visible};
use crate::opinion::{self, Cached, Statement};
use crate::store::Discussion;
use crate::views;
use crate::{Env, permissions};

/// Why the page is shown again.
pub enum Problem {
    /// The statement typed, and what is wrong with it.
    Statement(Entry),
    Notice(String),
}

/// The discussion, if it carries an opinion map.
async fn with_map(env: &Env, slug: &str) -> Result<Discussion> {
    let d = visible(env, slug).await?;
    if !d.opinion_map {
        return Err(Error::NotFound);
    }
    Ok(d)
}

/// Side of the square SVG chart, and its margin.
const SIDE: f64 = 400.0;
const MARGIN: f64 = 24.0;
/// Group colours: each at least 3:1 against white (WCAG 1.4.11), and named
/// by letter in the chart and the tables, so colour is never the only cue.
const COLOURS: [&str; 5] = ["#1d4e89", "#b34700", "#2e7d32", "#7b1fa2", "#c62828"];

fn letter(group: usize) -> String {
    char::from(b'A' + (group % 26) as u8).to_string()
}

fn percent(share: f64) -> String {
    format!("{:.0}", share * 100.0)
}

/// The map's data for the template: chart points scaled to the square, the
/// groups and consensus with their statements' text.
fn map_view(env: &Env, cached: &Cached, statements: &[Statement]) -> views::Map {
    let locale = env.ctx.locale;
    let text_of = |id: i64| {
        statements
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.body.clone())
            .unwrap_or_default()
    };
    let scored = |s: &opinion::CachedScored| {
        let key = if s.agree {
            "opinion-share-agree"
        } else {
            "opinion-share-disagree"
        };
        views::Scored {
            body: text_of(s.statement),
            share: i18n::t_args(locale, key, &[("percent", &percent(s.share))]),
            agree: s.agree,
        }
    };
    let updated = i18n::t_args(
        locale,
        "opinion-updated",
        &[
            ("date", &i18n::long_date(locale, cached.computed_at)),
            ("time", &i18n::clock(cached.computed_at)),
        ],
    );
    let Some(map) = &cached.map else {
        return views::Map {
            ready: false,
            voters: cached.voters,
            updated,
            side: SIDE as i64,
            points: Vec::new(),
            groups: Vec::new(),
            consensus: Vec::new(),
            summary: String::new(),
            mine: None,
        };
    };
    let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (x, y, _, _) in &map.points {
        min_x = min_x.min(*x);
        max_x = max_x.max(*x);
        min_y = min_y.min(*y);
        max_y = max_y.max(*y);
    }
    let scale = |v: f64, lo: f64, hi: f64| {
        if hi - lo < 1e-9 {
            SIDE / 2.0
        } else {
            MARGIN + (v - lo) / (hi - lo) * (SIDE - 2.0 * MARGIN)
        }
    };
    let me = env.ctx.visitor.user_id;
    let mut sums = vec![(0.0, 0.0, 0usize); map.groups.len()];
    let points: Vec<views::Point> = map
        .points
        .iter()
        .map(|(x, y, g, user)| {
            let (cx, cy) = (scale(*x, min_x, max_x), scale(*y, min_y, max_y));
            if let Some(sum) = sums.get_mut(*g) {
                sum.0 += cx;
                sum.1 += cy;
                sum.2 += 1;
            }
            views::Point {
                cx: format!("{cx:.1}"),
                cy: format!("{cy:.1}"),
                colour: COLOURS[g % COLOURS.len()].to_string(),
                me: Some(*user) == me,
            }
        })
        .collect();
    let groups: Vec<views::Group> = map
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let (sx, sy, n) = sums[i];
            let n = n.max(1) as f64;
            views::Group {
                letter: letter(i),
                colour: COLOURS[i % COLOURS.len()].to_string(),
                label: i18n::t_args(locale, "opinion-group", &[("letter", &letter(i))]),
                size: i18n::t_args(
                    locale,
                    "opinion-group-size",
                    &[("count", &g.size.to_string())],
                ),
                lx: format!("{:.1}", sx / n),
                ly: format!("{:.1}", (sy / n - 10.0).max(12.0)),
                distinctive: g.distinctive.iter().map(scored).collect(),
            }
        })
        .collect();
    let mine = me.and_then(|me| map.points.iter().find(|p| p.3 == me).map(|p| letter(p.2)));
    views::Map {
        ready: true,
        voters: cached.voters,
        side: SIDE as i64,
        points,
        groups,
        consensus: map.consensus.iter().map(scored).collect(),
        summary: i18n::t_args(
            locale,
            "opinion-summary",
            &[
                ("placed", &cached.placed.to_string()),
                ("groups", &map.groups.len().to_string()),
            ],
        ),
        mine: mine.map(|l| i18n::t_args(locale, "opinion-you-are-in", &[("letter", &l)])),
        updated,
    }
}

pub async fn page(
    env: &Env,
    slug: &str,
    problem: Option<Problem>,
    http_status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let d = with_map(env, slug).await?;
    let base = format!("/discussions/{}", d.slug);
    let me = env.ctx.visitor.user_id;
    let staff = permissions::may_moderate(&env.ctx.visitor);
    let now = palabre_kit::now();
    let statements = opinion::statements(&env.conn, d.id).await?;
    let (entry, notice) = match problem {
        Some(Problem::Statement(entry)) => (entry, None),
        Some(Problem::Notice(n)) => (Entry::new(), Some(n)),
        None => (Entry::new(), None),
    };
    let notice = notice.or_else(|| match env.ctx.query("sent") {
        Some("pending") => Some(i18n::t(locale, "statement-sent-pending")),
        Some("accepted") => Some(i18n::t(locale, "statement-sent-accepted")),
        _ => None,
    });
    let is_open = permissions::is_open(&d);
    // One statement at a time, for a signed-in person while it is open.
    let vote = match me {
        Some(me) if is_open => {
            let (next, left) = opinion::next_for(&env.conn, d.id, me).await?;
            let voted = opinion::voted_count(&env.conn, d.id, me).await?;
            Some(views::Vote {
                statement: next.map(|s| views::ToVote {
                    action: format!("{base}/statements/{}/vote", s.id),
                    body: s.body,
                }),
                progress: i18n::t_args(
                    locale,
                    "opinion-progress",
                    &[("voted", &voted.to_string()), ("left", &left.to_string())],
                ),
            })
        }
        _ => None,
    };
    let form = permissions::may_take_part(&env.ctx.visitor, &d).then(|| {
        FormView::of(locale, &entry)
            .input("body", "text", "statement-field", "off")
            .hint("statement-field-hint")
            .view()
    });
    let mine_pending = statements
        .iter()
        .filter(|s| s.status == "pending" && Some(s.user_id) == me && !staff)
        .map(|s| views::Pending {
            body: s.body.clone(),
        })
        .collect();
    let queue = if staff {
        statements
            .iter()
            .filter(|s| s.status == "pending")
            .map(|s| views::Queued {
                body: s.body.clone(),
                action: format!("{base}/statements/{}/moderate", s.id),
            })
            .collect()
    } else {
        Vec::new()
    };
    let table = statements
        .iter()
        .filter(|s| s.status == "accepted")
        .map(|s| views::Row {
            id: s.id,
            body: s.body.clone(),
            agree: s.agree,
            disagree: s.disagree,
            pass: s.pass,
            votes: s.votes(),
        })
        .collect();
    let map = opinion::map(&env.conn, d.id, now)
        .await?
        .map(|cached| map_view(env, &cached, &statements));
    let data = views::Opinion {
        discussion: views::OpinionHead {
            question: d.question.clone(),
            href: base.clone(),
            status: dates(env, &d),
        },
        base,
        open: is_open,
        signed_in: me.is_some(),
        notice,
        vote,
        form,
        form_error: !entry.is_valid(),
        mine_pending,
        queue,
        statements: table,
        map,
        min_people: 4,
        min_votes: rules::MIN_VOTES,
    };
    let title = i18n::t_args(locale, "opinion-title-of", &[("question", &d.question)]);
    let page = env
        .renderer
        .page(&env.ctx, &env.site, http_status, "opinion", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

async fn refused(env: &Env, slug: &str, problem: Problem) -> Result<Response> {
    page(
        env,
        slug,
        Some(problem),
        http::StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

fn notice(env: &Env, id: &str) -> Problem {
    Problem::Notice(i18n::t(env.ctx.locale, id))
}

/// `POST /discussions/<slug>/statements`: staff statements are accepted at
/// once, citizens' wait for a moderator.
pub async fn add_statement(env: &mut Env, slug: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let d = with_map(env, slug).await?;
    if let Some((process_id, _, _)) = &d.process {
        palabre_identity::require(&env.conn, &env.ctx, *process_id, Tool::Discussion).await?;
    }
    let form = env.submission().await?;
    let mut entry = Entry::read(&form, &["body"]);
    if !permissions::is_open(&d) {
        return refused(env, slug, notice(env, "discussion-closed")).await;
    }
    let Some(body) = entry.check("body", rules::statement) else {
        return refused(env, slug, Problem::Statement(entry)).await;
    };
    let duplicate = opinion::statements(&env.conn, d.id)
        .await?
        .iter()
        .any(|s| s.body.to_lowercase() == body.to_lowercase());
    if duplicate {
        entry.refuse("body", FieldError::Duplicate);
        return refused(env, slug, Problem::Statement(entry)).await;
    }
    let staff = permissions::may_moderate(&env.ctx.visitor);
    let process_id = d.process.as_ref().map(|(id, _, _)| *id);
    let now = palabre_kit::now();
    db::immediate(&env.conn, async |conn| {
        opinion::add(conn, d.id, user_id, &body, staff, now).await?;
        if let Some(process_id) = process_id {
            activity::contributed(conn, process_id, user_id).await?;
        }
        Ok::<_, Error>(())
    })
    .await?;
    let sent = if staff { "accepted" } else { "pending" };
    Ok(respond::redirect(&format!(
        "/discussions/{slug}/map?sent={sent}#statement"
    )))
}

/// `POST /discussions/<slug>/statements/<id>/vote`.
pub async fn vote(env: &mut Env, slug: &str, raw_id: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let id = comment_id(raw_id)?;
    let d = with_map(env, slug).await?;
    if let Some((process_id, _, _)) = &d.process {
        palabre_identity::require(&env.conn, &env.ctx, *process_id, Tool::Discussion).await?;
    }
    let form = env.submission().await?;
    if !permissions::is_open(&d) {
        return refused(env, slug, notice(env, "discussion-closed")).await;
    }
    let (author, state) = opinion::placed(&env.conn, d.id, id)
        .await?
        .ok_or(Error::NotFound)?;
    if state != "accepted" {
        return Err(Error::NotFound);
    }
    if author == user_id {
        return refused(env, slug, notice(env, "statement-own-vote")).await;
    }
    let Ok(choice) = form.get("vote").parse::<Vote>() else {
        return refused(env, slug, notice(env, "statement-vote-choice")).await;
    };
    let process_id = d.process.as_ref().map(|(id, _, _)| *id);
    let now = palabre_kit::now();
    db::immediate(&env.conn, async |conn| {
        opinion::vote(conn, d.id, id, user_id, choice, now).await?;
        if let Some(process_id) = process_id {
            activity::participated(conn, process_id, user_id).await?;
        }
        Ok::<_, Error>(())
    })
    .await?;
    Ok(respond::redirect(&format!("/discussions/{slug}/map#vote")))
}

/// `POST /discussions/<slug>/statements/<id>/moderate` (moderators).
pub async fn moderate(env: &mut Env, slug: &str, raw_id: &str) -> Result<Response> {
    env.ctx.require(Role::Moderator)?;
    let id = comment_id(raw_id)?;
    let d = with_map(env, slug).await?;
    let form = env.submission().await?;
    opinion::placed(&env.conn, d.id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let accepted = match form.get("decision") {
        "accept" => true,
        "reject" => false,
        _ => return refused(env, slug, notice(env, "statement-decision-choice")).await,
    };
    opinion::moderate(&env.conn, id, accepted, palabre_kit::now()).await?;
    Ok(respond::redirect(&format!(
        "/discussions/{slug}/map#moderation"
    )))
}
