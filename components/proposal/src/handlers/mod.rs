//! Proposal pages: the list of a process's proposals, a proposal, the form
//! (a draft first, shown with similar proposals before it is published),
//! supports, and the commune's answers.

mod actions;
mod export;
mod form;
mod list;
mod show;

pub use actions::{amend, answer, decide, discard, milestone, publish, support};
pub use export::{export, open_data};
pub use form::{create, edit, edit_form, new_form};
pub use list::{list_page, map_page};
pub use show::{comments, show};

use palabre_domain::proposal::Status;
use palabre_kit::{Error, Result, i18n};

use crate::Env;
use crate::permissions;
use crate::store::{self, Process, Proposal};
use crate::views;

pub(super) fn today() -> String {
    palabre_kit::today().iso()
}

pub(super) fn proposal_id(raw: &str) -> Result<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(Error::NotFound)
}

/// The process named by `?process=`.
pub(super) async fn process_of_query(env: &Env) -> Result<Process> {
    let slug = env.ctx.query("process").unwrap_or_default().to_string();
    if !palabre_domain::content::is_slug(&slug) {
        return Err(Error::NotFound);
    }
    store::process_by_slug(&env.conn, &slug)
        .await?
        .ok_or(Error::NotFound)
}

/// The proposal, if the visitor may see it (drafts: their author and staff).
pub(super) async fn visible(env: &Env, raw_id: &str) -> Result<Proposal> {
    let p = store::by_id(&env.conn, proposal_id(raw_id)?)
        .await?
        .ok_or(Error::NotFound)?;
    if !permissions::may_see(&env.ctx.visitor, &p) {
        return Err(Error::NotFound);
    }
    Ok(p)
}

pub(super) fn status_view(env: &Env, s: Status) -> palabre_kit::view::Status {
    palabre_kit::view::Status {
        key: s.as_str().to_string(),
        label: i18n::t(env.ctx.locale, &format!("proposal-status-{}", s.as_str())),
    }
}

pub(super) fn card(env: &Env, p: &Proposal) -> views::Card {
    let locale = env.ctx.locale;
    views::Card {
        href: format!("/proposals/{}", p.id),
        title: p.title.clone(),
        author: p.author.clone(),
        // A draft has no status yet: it is a draft.
        status: if p.published {
            status_view(env, p.status)
        } else {
            palabre_kit::view::Status {
                key: "draft".to_string(),
                label: i18n::t(locale, "proposal-draft"),
            }
        },
        supports: i18n::t_args(
            locale,
            "tool-proposal-count",
            &[("count", &p.supports.to_string())],
        ),
        comments: i18n::t_args(
            locale,
            "discussion-comments",
            &[("count", &p.comments.to_string())],
        ),
        threshold: p.threshold_reached,
        entered_at_desk: p.entered_at_desk,
        category: p.category.as_ref().map(|c| c.1.clone()),
        district: p.district.as_ref().map(|d| d.1.clone()),
        date: p.published_at.map(|t| i18n::long_date(locale, t)),
        process: None,
    }
}
