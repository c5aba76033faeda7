//! A proposal's page.

use palabre_domain::proposal::{Status, SupportRefused};
use palabre_domain::search::similar_query;
use palabre_kit::comments::Resource;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::respond::{self, Cache};
use palabre_kit::thread::{self, Host, Problem};
use palabre_kit::{Error, Response, Result, follow_up, i18n, images};

use super::*;
use crate::Env;
use crate::store::{self, Proposal};

/// What carries a proposal's comments (`kit::thread`): open while the
/// process takes proposals, once the proposal is published.
fn host(p: &Proposal, open: bool) -> Host {
    Host {
        resource: Resource::Proposal,
        id: p.id,
        base: format!("/proposals/{}", p.id),
        title: p.title.clone(),
        process_id: Some(p.process_id),
        open: open && p.published,
        closed_message: "proposal-comments-closed",
        followed: None,
        count_sql: Some(store::COUNT_COMMENT),
    }
}

/// `/proposals/<id>/comments…`: the thread's own routes.
pub async fn comments(env: &mut Env, raw_id: &str, rest: &[&str]) -> Result<Response> {
    let p = visible(env, raw_id).await?;
    if !p.published {
        return Err(Error::NotFound);
    }
    let open = store::tool_open(&env.conn, p.process_id, &today()).await?;
    let host = host(&p, open);
    let again = async |env: &mut Env, problem: Problem| {
        show(
            env,
            raw_id,
            Some(problem),
            None,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    };
    palabre_identity::require_to_comment(&env.conn, &env.ctx, host.process_id, rest).await?;
    thread::route(env, &host, rest, again)
        .await
        .unwrap_or(Err(Error::NotFound))
}

pub async fn show(
    env: &Env,
    raw_id: &str,
    problem: Option<Problem>,
    milestone: Option<&Entry>,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let p = visible(env, raw_id).await?;
    let process = store::process_by_id(&env.conn, p.process_id)
        .await?
        .ok_or(Error::NotFound)?;
    let me = env.ctx.visitor.user_id;
    let mine = me == Some(p.user_id);
    let _staff = env.ctx.visitor.role.is_staff();
    let open = store::tool_open(&env.conn, p.process_id, &today()).await?;
    let (draft, notice) = match problem {
        Some(Problem::Comment(draft)) => (Some(draft), None),
        Some(Problem::Notice(message)) => (None, Some(message)),
        None => (None, thread::reported_notice(env)),
    };
    let comments = if p.published {
        let host = host(&p, open);
        Some(thread::section(env, &host, draft.as_ref()).await?.0)
    } else {
        None
    };
    // Before publishing, the author sees what already exists.
    let similar = if p.published {
        Vec::new()
    } else {
        store::similar(
            &env.conn,
            &similar_query(&format!("{} {}", p.title, p.body)).unwrap_or_default(),
            p.id,
            5,
        )
        .await?
        .into_iter()
        .map(|(id, title, supports)| views::Similar {
            href: format!("/proposals/{id}"),
            title,
            supports: i18n::t_args(
                locale,
                "tool-proposal-count",
                &[("count", &supports.to_string())],
            ),
        })
        .collect()
    };
    let who = &env.ctx.visitor;
    let support = match me {
        _ if !p.published => None,
        None => Some(views::Support {
            login: Some(i18n::t(locale, "proposal-support-login")),
            action: None,
            label: String::new(),
            supported: false,
            allowed: false,
            reason: None,
        }),
        Some(me) if store::supports(&env.conn, p.id, me).await? => Some(views::Support {
            login: None,
            action: Some(format!("/proposals/{}/unsupport", p.id)),
            label: i18n::t(locale, "proposal-unsupport"),
            supported: true,
            allowed: permissions::may_withdraw_support(who, &p, open),
            reason: None,
        }),
        Some(me) => {
            // Counted only where the process sets a limit.
            let given = match process.limit {
                Some(_) => store::given(&env.conn, p.process_id, me).await?,
                None => 0,
            };
            let may = permissions::may_support(who, &p, open, given, process.limit);
            Some(views::Support {
                login: None,
                action: Some(format!("/proposals/{}/support", p.id)),
                label: i18n::t(locale, "proposal-support"),
                supported: false,
                allowed: may.is_ok(),
                // The one refusal the page would not otherwise explain.
                reason: match may {
                    Err(SupportRefused::Limit(n)) => Some(i18n::t_args(
                        locale,
                        "proposal-support-limit",
                        &[("count", &n.to_string())],
                    )),
                    _ => None,
                },
            })
        }
    };
    let answers = store::answers(&env.conn, p.id)
        .await?
        .into_iter()
        .map(|(s, body, at)| views::Answer {
            status: status_view(env, s),
            body,
            date: i18n::long_date(locale, at),
            date_iso: i18n::iso_day(at),
        })
        .collect();
    let answer_form = permissions::may_answer(who, &p).then(|| {
        let statuses = Status::ANSWERS
            .iter()
            .map(|s| {
                (
                    s.as_str().to_string(),
                    i18n::t(locale, &format!("proposal-status-{}", s.as_str())),
                )
            })
            .collect();
        FormView::of(locale, &Entry::new().with("status", "review"))
            .select("status", "proposal-field-status", statuses)
            .textarea("body", "proposal-field-answer")
            .optional()
            .hint("proposal-field-answer-hint")
            .scoped("answer")
            .view()
    });
    let steps = store::milestones(&env.conn, p.id)
        .await?
        .into_iter()
        .map(|m| follow_up::step(locale, &m.on_date, m.percent, m.body))
        .collect();
    let follow_up = follow_up::section(
        locale,
        steps,
        permissions::may_follow_up(who, &p),
        milestone,
        format!("/proposals/{}/milestones", p.id),
    );
    let threshold = process.threshold.map(|t| {
        i18n::t_args(
            locale,
            "proposal-threshold",
            &[
                ("count", &t.to_string()),
                ("supports", &p.supports.to_string()),
            ],
        )
    });
    let amendments = store::amendments(&env.conn, p.id)
        .await?
        .into_iter()
        .map(|a| views::Amendment {
            state_label: i18n::t(locale, &format!("amendment-{}", a.state)),
            date: i18n::long_date(locale, a.created_at),
            decide: (permissions::may_decide_amendments(who, &p) && a.state == "pending")
                .then(|| format!("/proposals/{}/amendments/{}", p.id, a.id)),
            by_me: me == Some(a.user_id),
            author: a.author,
            body: a.body,
            state: a.state,
        })
        .collect();
    let amend_form = permissions::may_amend(who, &p).is_ok().then(|| {
        FormView::of(locale, &Entry::new().with("body", p.body.clone()))
            .textarea("body", "amendment-field")
            .hint("amendment-field-hint")
            .scoped("amendment")
            .view()
    });
    let data = views::Page {
        amendments,
        amend_form,
        amend_action: format!("/proposals/{}/amendments", p.id),
        open_data: format!("/proposals/open-data.json?process={}", process.slug),
        proposal: card(env, &p),
        body: p.body.clone(),
        address: p.address.clone(),
        image: images::shown(&env.conn, p.image_id).await?,
        with_map: p
            .location
            .map(|centre| palabre_kit::map::view(Some(centre), 16)),
        location: p.location.map(palabre_kit::map::place),
        process: palabre_kit::view::Titled {
            title: process.title.clone(),
            href: format!("/proposals?process={}", process.slug),
        },
        draft: !p.published,
        mine,
        similar,
        publish: (permissions::may_publish(who, &p) && !p.published)
            .then(|| format!("/proposals/{}/publish", p.id)),
        edit: permissions::may_edit(who, &p).then(|| format!("/proposals/{}/edit", p.id)),
        discard: permissions::may_discard(who, &p).then(|| format!("/proposals/{}/delete", p.id)),
        support,
        threshold,
        answers,
        answer_form,
        answer_action: format!("/proposals/{}/answer", p.id),
        follow_up,
        notice,
        comments,
    };
    let page = env
        .renderer
        .page(&env.ctx, &env.site, status, "proposal", &p.title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

pub(super) async fn refused(
    env: &Env,
    raw_id: &str,
    message_id: &str,
    args: &[(&str, &str)],
) -> Result<Response> {
    let message = i18n::t_args(env.ctx.locale, message_id, args);
    show(
        env,
        raw_id,
        Some(Problem::Notice(message)),
        None,
        http::StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
