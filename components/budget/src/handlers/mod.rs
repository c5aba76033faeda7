//! Budget pages: a process's envelopes, an envelope's ballot (the cart),
//! a project, the staff's forms, the results and their files.

pub mod ballot;
pub mod manage;
pub mod results;

use palabre_domain::budget::{Ballot, Feasibility};
use palabre_domain::date::Day;
use palabre_kit::forms::Entry;
use palabre_kit::view::{Link, Status};
use palabre_kit::{Error, Response, Result, follow_up, i18n, images, map};

use crate::Env;
use crate::permissions;
use crate::store::{self, Envelope};
use crate::views;

pub(crate) fn id_of(raw: &str) -> Result<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(Error::NotFound)
}

/// The envelope, if its process is public (staff see drafts).
pub(crate) async fn envelope(env: &Env, raw: &str) -> Result<Envelope> {
    let e = store::envelope(&env.conn, id_of(raw)?)
        .await?
        .ok_or(Error::NotFound)?;
    let process = store::process_by_slug(&env.conn, &e.process_slug)
        .await?
        .ok_or(Error::NotFound)?;
    if !process.published && !permissions::may_manage(&env.ctx.visitor) {
        return Err(Error::NotFound);
    }
    Ok(e)
}

/// The project `raw` of envelope `e` (404 for another envelope's).
pub(crate) async fn project_in(env: &Env, e: &Envelope, raw: &str) -> Result<store::Project> {
    store::project(&env.conn, id_of(raw)?)
        .await?
        .filter(|p| p.envelope_id == e.id)
        .ok_or(Error::NotFound)
}

/// When the vote is: open today, to come, or over (and since how many days).
pub(crate) struct Window {
    pub open: bool,
    pub text: String,
    pub closed_days_ago: Option<i64>,
}

pub(crate) async fn window(env: &Env, e: &Envelope) -> Result<Window> {
    let locale = env.ctx.locale;
    let today = palabre_kit::today();
    let phases: Vec<(Day, Day)> = store::vote_phases(&env.conn, e.process_id)
        .await?
        .iter()
        .filter_map(|(s, t)| Some((Day::parse(s)?, Day::parse(t)?)))
        .collect();
    let day = |d: Day| i18n::day(locale, d);
    if let Some((_, ends)) = phases.iter().find(|(s, t)| *s <= today && today <= *t) {
        return Ok(Window {
            open: true,
            text: i18n::t_args(locale, "budget-vote-open-until", &[("day", &day(*ends))]),
            closed_days_ago: None,
        });
    }
    if let Some((starts, ends)) = phases.iter().find(|(s, _)| *s > today) {
        return Ok(Window {
            open: false,
            text: i18n::t_args(
                locale,
                "budget-vote-from-to",
                &[("start", &day(*starts)), ("end", &day(*ends))],
            ),
            closed_days_ago: None,
        });
    }
    Ok(match phases.last() {
        Some((_, ends)) => Window {
            open: false,
            text: i18n::t_args(locale, "budget-vote-closed-on", &[("day", &day(*ends))]),
            closed_days_ago: Some((today.unix() - ends.unix()) / 86_400),
        },
        None => Window {
            open: false,
            text: i18n::t(locale, "budget-vote-no-date"),
            closed_days_ago: None,
        },
    })
}

/// The rule of the ballot, in words.
pub(crate) fn rule_text(env: &Env, e: &Envelope) -> String {
    let locale = env.ctx.locale;
    let amount = i18n::euros(locale, e.amount);
    let mut text = match e.ballot {
        Ballot::Knapsack => i18n::t_args(locale, "budget-rule-knapsack", &[("amount", &amount)]),
        Ballot::Approval(k) => {
            i18n::t_args(locale, "budget-rule-approval", &[("count", &k.to_string())])
        }
    };
    if e.min_percent > 0 {
        text.push(' ');
        text.push_str(&i18n::t_args(
            locale,
            "budget-rule-minimum",
            &[("amount", &i18n::euros(locale, e.rule().minimum()))],
        ));
    }
    text
}

pub(crate) fn feasibility_status(env: &Env, f: Feasibility) -> Status {
    Status {
        key: f.as_str().to_string(),
        label: i18n::t(
            env.ctx.locale,
            &format!("budget-feasibility-{}", f.as_str()),
        ),
    }
}

pub(crate) fn process_link(e: &Envelope) -> Link {
    Link::new(
        format!("/processes/{}", e.process_slug),
        e.process_title.clone(),
    )
}

/// `GET /budgets?process=<slug>`: the process's envelopes.
pub async fn list(env: &mut Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let slug = env.ctx.query("process").unwrap_or_default().to_string();
    if !palabre_domain::content::is_slug(&slug) {
        return Err(Error::NotFound);
    }
    let process = store::process_by_slug(&env.conn, &slug)
        .await?
        .ok_or(Error::NotFound)?;
    let staff = permissions::may_manage(&env.ctx.visitor);
    if !process.published && !staff {
        return Err(Error::NotFound);
    }
    let mut envelopes = Vec::new();
    for e in store::envelopes_of(&env.conn, process.id).await? {
        let w = window(env, &e).await?;
        envelopes.push(views::Card {
            href: format!("/budgets/{}", e.id),
            name: e.name.clone(),
            amount: i18n::euros(locale, e.amount),
            district: e.district.as_ref().map(|d| d.1.clone()),
            rule: rule_text(env, &e),
            window: w.text,
            ballots: i18n::t_args(
                locale,
                "budget-ballots",
                &[("count", &e.ballots.to_string())],
            ),
            results_href: permissions::may_see_results(&env.ctx.visitor, &e)
                .then(|| format!("/budgets/{}/results", e.id)),
        });
    }
    let data = views::List {
        back: Link::new(
            format!("/processes/{}", process.slug),
            process.title.clone(),
        ),
        envelopes,
        new_href: staff.then(|| format!("/budgets/new?process={}", process.slug)),
    };
    env.page("budgets", &i18n::t(locale, "budget-list-title"), data)
}

/// `GET /budgets/<e>/projects/<p>`: a project, its review, the cart's
/// button, and once it won its follow-up.
pub async fn project(env: &mut Env, raw_e: &str, raw_p: &str) -> Result<Response> {
    let e = envelope(env, raw_e).await?;
    let p = project_in(env, &e, raw_p).await?;
    show_project(env, &e, &p, None, http::StatusCode::OK).await
}

/// The project page; `milestone` is what staff typed in the follow-up form
/// when it came back with messages.
pub(crate) async fn show_project(
    env: &Env,
    e: &Envelope,
    p: &store::Project,
    milestone: Option<&Entry>,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let state = ballot::State::of(env, e).await?;
    let cart = state
        .card_state(env, e, p)
        .map(|(in_cart, addable, no_room)| views::ProjectCart {
            action: format!("/budgets/{}/cart", e.id),
            id: p.id,
            in_cart,
            addable,
            no_room,
        });
    let category = match p.category_id {
        Some(id) => palabre_proposal::read::categories(&env.conn)
            .await?
            .into_iter()
            .find(|c| c.0 == id)
            .map(|c| c.1),
        None => None,
    };
    let proposal = match p.proposal_id {
        Some(id) => palabre_proposal::read::origin(&env.conn, id)
            .await?
            .map(|o| Link::new(format!("/proposals/{id}"), o.title)),
        None => None,
    };
    let funded = e.published_at.is_some() && store::funded(&env.conn, e, p.id).await?;
    let steps = follow_up::milestones(&env.conn, store::MILESTONES, p.id)
        .await?
        .into_iter()
        .map(|m| follow_up::step(locale, &m.on_date, m.percent, m.body))
        .collect();
    let data = views::Project {
        back: Link::new(format!("/budgets/{}", e.id), e.name.clone()),
        title: p.title.clone(),
        body: palabre_kit::markdown::to_html(&p.body),
        cost: i18n::euros(locale, p.cost),
        first_cost: p.first_cost.map(|c| i18n::euros(locale, c)),
        district: p.district.as_ref().map(|d| d.1.clone()),
        category,
        address: (!p.address.is_empty()).then(|| p.address.clone()),
        proposal,
        status: feasibility_status(env, p.feasibility),
        review: (!p.review.is_empty()).then(|| p.review.clone()),
        reviewed: p.reviewed_at.map(|t| i18n::long_date(locale, t)),
        funded,
        image: images::shown(&env.conn, p.image_id).await?,
        with_map: p.location.map(|centre| map::view(Some(centre), 16)),
        location: p.location.map(map::place),
        follow_up: follow_up::section(
            locale,
            steps,
            permissions::may_follow_up(&env.ctx.visitor, e, funded),
            milestone,
            format!("/budgets/{}/projects/{}/milestones", e.id, p.id),
        ),
        cart,
        edit_href: permissions::may_manage(&env.ctx.visitor)
            .then(|| format!("/budgets/{}/projects/{}/edit", e.id, p.id)),
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "project", &p.title, data)
}
