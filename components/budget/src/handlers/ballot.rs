//! The ballot as a cart: projects added and removed through forms (no
//! JavaScript needed), the running total and what still fits, checked here
//! and confirmed in one step.

use palabre_domain::budget::{self as rules, Ballot, Refused};
use palabre_domain::process::Tool;
use palabre_kit::activity;
use palabre_kit::respond;
use palabre_kit::view::Link;
use palabre_kit::{Error, Response, Result, db, i18n};

use super::*;
use crate::permissions::VoteRefused;
use crate::store::{Cast, Project, Voter};

/// What the visitor may do on this envelope now.
pub(crate) struct State {
    pub user_id: Option<i64>,
    pub open: bool,
    pub window: String,
    pub may: Result<(), VoteRefused>,
    pub cart: Vec<i64>,
    pub cast: Option<Cast>,
    /// The cart's projects' costs (feasible ones only).
    pub projects: Vec<Project>,
}

impl State {
    /// With every project of the envelope (the pages, the cart's buttons).
    pub async fn of(env: &Env, e: &Envelope) -> Result<State> {
        State::load(env, e, true).await
    }

    /// With the cart's projects only: what a ballot's confirmation reads.
    pub async fn of_cart(env: &Env, e: &Envelope) -> Result<State> {
        State::load(env, e, false).await
    }

    async fn load(env: &Env, e: &Envelope, all: bool) -> Result<State> {
        let w = window(env, e).await?;
        let (cart, cast) = match env.ctx.visitor.user_id {
            Some(user_id) => (
                store::cart(&env.conn, user_id, e.id).await?,
                store::ballot_of(&env.conn, e.id, user_id).await?,
            ),
            None => (Vec::new(), None),
        };
        let projects = if all {
            store::projects(&env.conn, e.id).await?
        } else {
            store::projects_among(&env.conn, e.id, &cart).await?
        };
        let standing = palabre_identity::standing(&env.conn, env.ctx.visitor.user_id).await?;
        let need = permissions::requirement(
            e,
            palabre_identity::requirement(&env.conn, e.process_id, Tool::Budget).await?,
        );
        let may =
            permissions::may_vote(&env.ctx.visitor, e, standing, need, w.open, cast.is_some());
        Ok(State {
            user_id: env.ctx.visitor.user_id,
            open: w.open,
            window: w.text,
            may,
            cart,
            cast,
            projects,
        })
    }

    fn chosen(&self) -> Vec<&Project> {
        self.cart
            .iter()
            .filter_map(|id| self.projects.iter().find(|p| p.id == *id && p.on_ballot()))
            .collect()
    }

    fn total(&self) -> i64 {
        self.chosen().iter().map(|p| p.cost).sum()
    }

    /// For a project's card: (in the cart, may be added, why it may not).
    /// `None` when the visitor does not vote (the page says why once).
    pub fn card_state(
        &self,
        env: &Env,
        e: &Envelope,
        p: &Project,
    ) -> Option<(bool, bool, Option<String>)> {
        if self.may.is_err() || !p.on_ballot() {
            return None;
        }
        let in_cart = self.cart.contains(&p.id);
        if in_cart {
            return Some((true, false, None));
        }
        let chosen = self.chosen();
        if rules::fits(&e.rule(), chosen.len(), self.total(), p.cost) {
            return Some((false, true, None));
        }
        let locale = env.ctx.locale;
        let why = match e.ballot {
            Ballot::Knapsack => i18n::t_args(
                locale,
                "budget-no-room",
                &[("left", &i18n::euros(locale, e.amount - self.total()))],
            ),
            Ballot::Approval(k) => {
                i18n::t_args(locale, "budget-no-room-count", &[("count", &k.to_string())])
            }
        };
        Some((false, false, Some(why)))
    }
}

/// What a refused ballot says.
pub(crate) fn refusal_text(env: &Env, e: &Envelope, r: Refused) -> String {
    let locale = env.ctx.locale;
    match r {
        Refused::Empty => i18n::t(locale, "budget-refused-empty"),
        Refused::Unknown | Refused::Twice => i18n::t(locale, "budget-refused-unknown"),
        Refused::OverBudget { total } => i18n::t_args(
            locale,
            "budget-refused-over",
            &[
                ("total", &i18n::euros(locale, total)),
                ("amount", &i18n::euros(locale, e.amount)),
            ],
        ),
        Refused::TooMany { count } => i18n::t_args(
            locale,
            "budget-refused-too-many",
            &[
                ("count", &count.to_string()),
                (
                    "max",
                    &match e.ballot {
                        Ballot::Approval(k) => k.to_string(),
                        Ballot::Knapsack => String::new(),
                    },
                ),
            ],
        ),
        Refused::UnderMinimum { total } => i18n::t_args(
            locale,
            "budget-refused-under",
            &[
                ("total", &i18n::euros(locale, total)),
                ("minimum", &i18n::euros(locale, e.rule().minimum())),
            ],
        ),
    }
}

/// `GET /budgets/<e>`: the envelope's projects and the visitor's cart.
pub async fn page(env: &mut Env, raw: &str, error: Option<String>) -> Result<Response> {
    let e = envelope(env, raw).await?;
    render(env, &e, error, http::StatusCode::OK).await
}

async fn render(
    env: &Env,
    e: &Envelope,
    error: Option<String>,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let state = State::of(env, e).await?;
    let staff = permissions::may_manage(&env.ctx.visitor);
    let mut projects = Vec::new();
    let mut others = Vec::new();
    for p in &state.projects {
        let (in_cart, addable, no_room) = state.card_state(env, e, p).unwrap_or_default();
        let card = views::ProjectCard {
            id: p.id,
            href: format!("/budgets/{}/projects/{}", e.id, p.id),
            title: p.title.clone(),
            cost: i18n::euros(locale, p.cost),
            district: p.district.as_ref().map(|d| d.1.clone()),
            summary: palabre_kit::markdown::plain_text(&p.body, 200),
            status: feasibility_status(env, p.feasibility),
            review: (!p.on_ballot() && !p.review.is_empty()).then(|| p.review.clone()),
            in_cart,
            addable,
            no_room,
        };
        if p.on_ballot() {
            projects.push(card);
        } else {
            others.push(card);
        }
    }
    let chosen = state.chosen();
    let total = state.total();
    let district_rows = palabre_kit::participation::districts(&env.conn).await?;
    let cart = state.may.is_ok().then(|| {
        let (progress, value, max) = match e.ballot {
            Ballot::Knapsack => (
                i18n::t_args(
                    locale,
                    "budget-cart-left",
                    &[
                        ("left", &i18n::euros(locale, e.amount - total)),
                        ("amount", &i18n::euros(locale, e.amount)),
                    ],
                ),
                total,
                e.amount,
            ),
            Ballot::Approval(k) => (
                i18n::t_args(
                    locale,
                    "budget-cart-chosen",
                    &[
                        ("count", &chosen.len().to_string()),
                        ("max", &k.to_string()),
                    ],
                ),
                chosen.len() as i64,
                i64::from(k),
            ),
        };
        let mut cart_ids: Vec<i64> = chosen.iter().map(|p| p.id).collect();
        cart_ids.sort_unstable();
        let unconfirmed = state.cast.as_ref().is_some_and(|c| {
            let mut cast = c.projects.clone();
            cast.sort_unstable();
            cast != cart_ids
        });
        views::Cart {
            action: format!("/budgets/{}/cart", e.id),
            vote_action: format!("/budgets/{}/vote", e.id),
            items: chosen
                .iter()
                .map(|p| views::CartItem {
                    id: p.id,
                    href: format!("/budgets/{}/projects/{}", e.id, p.id),
                    title: p.title.clone(),
                    cost: i18n::euros(locale, p.cost),
                })
                .collect(),
            total: i18n::euros(locale, total),
            progress,
            value: value.min(max),
            max,
            minimum: (e.min_percent > 0).then(|| {
                i18n::t_args(
                    locale,
                    "budget-rule-minimum",
                    &[("amount", &i18n::euros(locale, e.rule().minimum()))],
                )
            }),
            unconfirmed,
            confirm: i18n::t(
                locale,
                if state.cast.is_some() {
                    "budget-vote-change"
                } else {
                    "budget-vote-confirm"
                },
            ),
            empty: chosen.is_empty(),
            districts: district_rows
                .iter()
                .map(|(id, name)| views::Choice {
                    value: id.to_string(),
                    label: name.clone(),
                    selected: false,
                })
                .collect(),
        }
    });
    let refused = match state.may {
        // The sign-in link says it.
        Err(VoteRefused::SignIn) => None,
        Err(r) => Some(i18n::t(locale, r.message_id())),
        Ok(()) => None,
    };
    let notice = match env.ctx.query("done") {
        Some("voted") => Some(i18n::t(locale, "budget-voted-notice")),
        _ => None,
    };
    let mut staff_links = Vec::new();
    if staff {
        staff_links = vec![
            Link::to(
                locale,
                format!("/budgets/{}/settings", e.id),
                "budget-settings",
            ),
            Link::to(
                locale,
                format!("/budgets/{}/projects/new", e.id),
                "budget-project-new",
            ),
            Link::to(
                locale,
                format!("/budgets/{}/paper", e.id),
                "budget-paper-title",
            ),
            Link::to(
                locale,
                format!("/budgets/{}/results", e.id),
                "budget-results-title",
            ),
        ];
    }
    let data = views::Envelope {
        back: process_link(e),
        name: e.name.clone(),
        description: palabre_kit::markdown::to_html(&e.description),
        amount: i18n::euros(locale, e.amount),
        district: e.district.as_ref().map(|d| d.1.clone()),
        rule: rule_text(env, e),
        window: state.window.clone(),
        open: state.open,
        notice,
        error,
        login_href: (state.user_id.is_none() && state.open)
            .then(|| format!("/account/login?next=/budgets/{}", e.id)),
        refused,
        cart,
        voted: state.cast.as_ref().map(|c| {
            i18n::t_args(
                locale,
                "budget-voted-on",
                &[(
                    "date",
                    &i18n::date_time(locale, c.updated_at.max(c.created_at)),
                )],
            )
        }),
        projects,
        others,
        results_href: permissions::may_see_results(&env.ctx.visitor, e)
            .then(|| format!("/budgets/{}/results", e.id)),
        staff: staff_links,
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "envelope", &e.name, data)
}

/// `POST /budgets/<e>/cart`: `add=<project>` or `remove=<project>`; back to
/// the project's card (`#p<id>`), or to where `back` says (the project page).
pub async fn cart(env: &mut Env, raw: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let e = envelope(env, raw).await?;
    let form = env.submission().await?;
    let state = State::of(env, &e).await?;
    if let Err(r) = state.may {
        let message = i18n::t(env.ctx.locale, r.message_id());
        return render(env, &e, Some(message), http::StatusCode::FORBIDDEN).await;
    }
    let (adding, raw_id) = match (form.get("add"), form.get("remove")) {
        (a, _) if !a.is_empty() => (true, a),
        (_, r) if !r.is_empty() => (false, r),
        _ => return Err(Error::BadRequest("neither add nor remove")),
    };
    let project = raw_id
        .parse::<i64>()
        .ok()
        .and_then(|id| state.projects.iter().find(|p| p.id == id && p.on_ballot()))
        .ok_or(Error::BadRequest("no such project on this ballot"))?
        .clone();
    let now = palabre_kit::now();
    if adding {
        if let Some((false, false, Some(why))) = state.card_state(env, &e, &project) {
            return render(env, &e, Some(why), http::StatusCode::UNPROCESSABLE_ENTITY).await;
        }
        db::immediate(&env.conn, async |conn| {
            Ok::<_, Error>(store::add_to_cart(conn, user_id, e.id, project.id, now).await?)
        })
        .await?;
    } else {
        db::immediate(&env.conn, async |conn| {
            Ok::<_, Error>(store::remove_from_cart(conn, user_id, e.id, project.id).await?)
        })
        .await?;
    }
    let to = if form.get("back") == "project" {
        format!("/budgets/{}/projects/{}", e.id, project.id)
    } else {
        format!("/budgets/{}#p{}", e.id, project.id)
    };
    Ok(respond::redirect(&to))
}

/// `POST /budgets/<e>/vote`: the cart becomes the ballot, if the rule
/// allows it; otherwise the page says why and the cart stays.
pub async fn vote(env: &mut Env, raw: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let e = envelope(env, raw).await?;
    let form = env.submission().await?;
    let state = State::of_cart(env, &e).await?;
    // The voter's district, if they give it (for the figures only).
    let district_rows = palabre_kit::participation::districts(&env.conn).await?;
    let district = form
        .get("district")
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|id| district_rows.iter().any(|d| d.0 == *id));
    let chosen: Vec<(i64, i64, bool)> = state
        .cart
        .iter()
        .map(|id| {
            state
                .projects
                .iter()
                .find(|p| p.id == *id)
                .map_or((*id, 0, false), |p| (p.id, p.cost, p.on_ballot()))
        })
        .collect();
    let ids: Vec<i64> = chosen.iter().map(|c| c.0).collect();
    if let Err(r) = state.may {
        // A second press of "confirm" on a final ballot: it is cast already.
        if r == VoteRefused::Final
            && let Some(cast) = &state.cast
        {
            let (mut a, mut b) = (cast.projects.clone(), ids.clone());
            a.sort_unstable();
            b.sort_unstable();
            if a == b {
                return Ok(respond::redirect(&format!("/budgets/{}?done=voted", e.id)));
            }
        }
        let message = i18n::t(env.ctx.locale, r.message_id());
        return render(env, &e, Some(message), http::StatusCode::FORBIDDEN).await;
    }
    let total = match rules::check(&e.rule(), &chosen) {
        Ok(total) => total,
        Err(r) => {
            let message = refusal_text(env, &e, r);
            return render(
                env,
                &e,
                Some(message),
                http::StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let now = palabre_kit::now();
    let process_id = e.process_id;
    db::immediate(&env.conn, async |conn| {
        store::cast(
            conn,
            e.id,
            Voter::Online {
                user_id,
                entered_by: env.ctx.visitor.desk,
            },
            district,
            &ids,
            total,
            now,
        )
        .await?;
        activity::participated(conn, process_id, user_id).await?;
        Ok::<_, Error>(())
    })
    .await?;
    Ok(respond::redirect(&format!("/budgets/{}?done=voted", e.id)))
}
