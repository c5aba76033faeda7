//! Questionnaire pages: the list, a questionnaire's page, and what the
//! answering, results, builder and export handlers share.

pub mod answer;
pub mod build;
pub mod export;
pub mod results;

use palabre_domain::content::is_slug;
use palabre_kit::participation::dates;
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Error, Response, Result, i18n, tokens};

use crate::Env;
use crate::store::{self, Owner, Questionnaire};
use crate::views;
use palabre_kit::view::Titled;
use palabre_questionnaire::permissions;

/// The questionnaire, if the visitor may see it (drafts: staff only).
pub async fn visible(env: &Env, slug: &str) -> Result<Questionnaire> {
    if !is_slug(slug) {
        return Err(Error::NotFound);
    }
    let q = store::by_slug(&env.conn, slug)
        .await?
        .ok_or(Error::NotFound)?;
    if !permissions::may_see(&env.ctx.visitor, &q) {
        return Err(Error::NotFound);
    }
    Ok(q)
}

pub use palabre_questionnaire::permissions::{is_open, results_public};

/// Results are shown to staff, and to everyone once staff made them public
/// (from the day they chose).
pub fn results_visible(env: &Env, q: &Questionnaire) -> bool {
    permissions::may_see_results(&env.ctx.visitor, q)
}

/// The cookie that holds an anonymous respondent's browser token: a
/// `__Host-` cookie (Secure, Path=/, no Domain), so that no other site, no
/// sibling domain and no plain-http page can plant one.
pub fn token_cookie(q: &Questionnaire) -> String {
    format!("__Host-answer-{}", q.id)
}

/// Who answers, and their response so far: the signed-in person, or
/// (anonymous questionnaires) the browser's token, if it has one the server
/// issued (a response was started under it; any other token is ignored, and
/// the first answer gets a fresh one). Anonymous questionnaires never use the
/// account, even when someone is signed in.
pub async fn respondent(
    env: &Env,
    q: &Questionnaire,
) -> Result<(Option<Owner>, Option<store::Response>)> {
    let owner = if q.anonymous {
        env.ctx
            .cookie(&token_cookie(q))
            .filter(|t| tokens::plausible(t))
            .map(|t| Owner::Token(tokens::hash_token(t)))
    } else {
        env.ctx.visitor.user_id.map(Owner::User)
    };
    let Some(owner) = owner else {
        return Ok((None, None));
    };
    let response = store::response(&env.conn, q.id, &owner).await?;
    match (&owner, response) {
        (Owner::Token(_), None) => Ok((None, None)),
        (_, response) => Ok((Some(owner), response)),
    }
}

fn card(env: &Env, q: &Questionnaire) -> views::Card {
    let locale = env.ctx.locale;
    views::Card {
        title: q.title.clone(),
        href: format!("/questionnaires/{}", q.slug),
        status: dates(locale, &q.opens_on, &q.closes_on).1,
        draft: !q.published,
        anonymous: q.anonymous,
        responses: i18n::t_args(
            locale,
            "questionnaire-responses",
            &[("count", &q.responses_count.to_string())],
        ),
        process: q.process.as_ref().map(|(_, slug, title)| Titled {
            href: format!("/processes/{slug}"),
            title: title.clone(),
        }),
        edit: None,
    }
}

pub async fn list(env: &Env) -> Result<Response> {
    let staff = palabre_questionnaire::permissions::may_build(&env.ctx.visitor);
    let questionnaires = store::list(&env.conn, staff)
        .await?
        .iter()
        .map(|q| views::Card {
            edit: staff.then(|| format!("/questionnaires/{}/edit", q.slug)),
            ..card(env, q)
        })
        .collect();
    let title = i18n::t(env.ctx.locale, "questionnaires-title");
    let page = env.page(
        "questionnaires",
        &title,
        views::List {
            questionnaires,
            staff,
        },
    )?;
    Ok(respond::cached(page, Cache::NoCache))
}

pub async fn show(env: &Env, slug: &str) -> Result<Response> {
    let locale = env.ctx.locale;
    let q = visible(env, slug).await?;
    let (_, response) = respondent(env, &q).await?;
    let open = is_open(&q);
    let base = format!("/questionnaires/{}", q.slug);
    // What the visitor can do now.
    let note = |id: &str| views::Action {
        note: Some(i18n::t(locale, id)),
        ..Default::default()
    };
    let link = |id: &str| views::Action {
        href: Some(format!("{base}/answer")),
        label: Some(i18n::t(locale, id)),
        ..Default::default()
    };
    let action = match (&response, open) {
        (Some(r), _) if r.submitted => note("questionnaire-already"),
        (_, false) => note("questionnaire-not-open"),
        (_, true) if !q.anonymous && env.ctx.visitor.user_id.is_none() => views::Action {
            login: Some(i18n::t(locale, "questionnaire-login")),
            ..Default::default()
        },
        (Some(_), true) => link("questionnaire-resume"),
        (None, true) => link("questionnaire-start"),
    };
    let staff = palabre_questionnaire::permissions::may_build(&env.ctx.visitor);
    let sections = store::structure(&env.conn, q.id).await?;
    let questions: usize = sections.iter().map(|s| s.items.len()).sum();
    let data = views::Page {
        questionnaire: card(env, &q),
        intro: q.intro.clone(),
        size: i18n::t_args(
            locale,
            "questionnaire-size",
            &[
                ("sections", &sections.len().to_string()),
                ("questions", &questions.to_string()),
            ],
        ),
        privacy: i18n::t(
            locale,
            if q.anonymous {
                "questionnaire-anonymous"
            } else {
                "questionnaire-signed"
            },
        ),
        action,
        results_href: results_visible(env, &q).then(|| format!("{base}/results")),
        staff: staff.then(|| views::Staff {
            edit: format!("{base}/edit"),
            csv: format!("{base}/export.csv"),
            excel: format!("{base}/export.csv?excel=1"),
            json: format!("{base}/export.json"),
        }),
        open_data_href: results_public(&q).then(|| format!("{base}/open-data.json")),
    };
    let page = env.page("questionnaire", &q.title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}
