//! The builder (staff): settings, sections, questions of every kind with
//! their options and conditions, reordering, preview. Questions are fixed
//! once anyone started answering: a new version is published instead.

mod page;
mod questions;
mod sections;
mod settings;
mod versions;

pub use page::{builder, preview};
pub use questions::{question_form, save_question};
pub use sections::{add_section, rearrange, save_section, section_form};
pub use settings::{save_settings, settings_form};
pub use versions::new_version;

use palabre_domain::Role;
use palabre_domain::questionnaire::{Condition, Kind};
use palabre_kit::app::link;
use palabre_kit::{Error, Response, Result, i18n};

use crate::Env;
use crate::handlers::visible;
use crate::store::{self, Questionnaire};

/// The questionnaire, for staff.
pub(super) async fn staff_questionnaire(env: &Env, slug: &str) -> Result<Questionnaire> {
    env.ctx.require(Role::Moderator)?;
    visible(env, slug).await
}

pub(super) fn kind_label(env: &Env, kind: Kind) -> String {
    i18n::t(env.ctx.locale, &format!("kind-{}", kind.as_str()))
}

/// "Q3 is “Yes”": how a condition reads.
pub(super) fn condition_text(env: &Env, sections: &[store::Section], c: Condition) -> String {
    let locale = env.ctx.locale;
    let Some((n, item)) = sections
        .iter()
        .flat_map(|s| s.items.iter())
        .enumerate()
        .find(|(_, i)| i.question.id == c.question_id)
    else {
        return i18n::t(locale, "condition-broken");
    };
    let option = if item.question.kind == Kind::YesNo {
        i18n::t(
            locale,
            if c.option == 0 {
                "answer-yes"
            } else {
                "answer-no"
            },
        )
    } else {
        item.question
            .options
            .get(c.option)
            .cloned()
            .unwrap_or_default()
    };
    i18n::t_args(
        locale,
        "condition-text",
        &[("n", &(n + 1).to_string()), ("option", &option)],
    )
}

/// Structure changes are refused once answers exist.
pub(super) async fn refuse_if_locked(env: &Env, q: &Questionnaire) -> Result<Option<Response>> {
    if !store::has_responses(&env.conn, q.id).await? {
        return Ok(None);
    }
    let locale = env.ctx.locale;
    let data = crate::views::Notice {
        message: i18n::t(locale, "questionnaire-locked"),
        back: link(
            env,
            &format!("/questionnaires/{}/edit", q.slug),
            "questionnaire-builder-title",
        ),
    };
    let title = i18n::t(locale, "questionnaire-locked-title");
    let page = env.renderer.page(
        &env.ctx,
        &env.site,
        http::StatusCode::CONFLICT,
        "notice",
        &title,
        data,
    )?;
    Ok(Some(page))
}

pub(super) fn part_id(raw: &str) -> Result<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(Error::NotFound)
}
