//! A process's phases: their dates inside the process's, the tools each opens.

use crate::Env;
use crate::handlers::{announce, audited, record_in, saved, saved_notice, translations};
use crate::store::{self, PhaseInput};
use palabre_domain::account::{FieldError, line};
use palabre_domain::content;
use palabre_domain::process::{Span, Tool, tools_from_list, tools_to_list};
use palabre_kit::db;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::translations::Entity;
use palabre_kit::view;
use palabre_kit::{Error, Response, Result, i18n};

use super::*;

const PHASE_FIELDS: [&str; 8] = [
    "name",
    "description",
    "starts_on",
    "ends_on",
    "tool_discussion",
    "tool_questionnaire",
    "tool_proposal",
    "tool_budget",
];

fn tool_field(tool: Tool) -> &'static str {
    match tool {
        Tool::Discussion => "tool_discussion",
        Tool::Questionnaire => "tool_questionnaire",
        Tool::Proposal => "tool_proposal",
        Tool::Budget => "tool_budget",
    }
}

/// The phase form over `values`; `version` is the stored phase's (none for
/// a new one).
fn render_phase(
    env: &Env,
    (process, id): (&store::Process, Option<i64>),
    version: Option<String>,
    entry: &Entry,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let mut form = FormView::of(locale, entry)
        .versioned(version, status)
        .input("name", "text", "admin-field-name", "off")
        .textarea("description", "admin-field-description")
        .optional()
        .hint("admin-field-markdown-hint")
        .input("starts_on", "date", "admin-field-starts", "off")
        .hint("admin-field-date-hint")
        .input("ends_on", "date", "admin-field-ends", "off")
        .hint("admin-field-date-hint");
    for tool in Tool::ALL {
        form = form
            .checkbox(tool_field(tool), &format!("tool-{}", tool.as_str()))
            .optional();
    }
    let base = format!("/admin/processes/{}", process.id);
    let (title, action) = match id {
        Some(pid) => (
            i18n::t(locale, "admin-phases-edit"),
            format!("{base}/phases/{pid}"),
        ),
        None => (
            i18n::t(locale, "admin-phases-new"),
            format!("{base}/phases/new"),
        ),
    };
    let delete = id.map(|pid| view::Delete {
        action: format!("{base}/phases/{pid}/delete"),
        label: i18n::t(locale, "admin-phases-delete"),
    });
    let data = view::FormPage {
        intro: Some(i18n::t_args(
            locale,
            "admin-phases-intro",
            &[
                ("process", &process.title),
                ("starts", &i18n::day_text(locale, &process.starts_on)),
                ("ends", &i18n::day_text(locale, &process.ends_on)),
            ],
        )),
        saved: saved_notice(env),
        back: Some(view::Link::new(base.clone(), process.title.clone())),
        delete,
        translations: id.map(|pid| translations::links(env, Entity::Phase, pid)),
        ..view::FormPage::new(action, form.view(), i18n::t(locale, "admin-save"))
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn phase_form(env: &Env, process_id: i64, id: Option<i64>) -> Result<Response> {
    let process = store::process(&env.conn, process_id)
        .await?
        .ok_or(Error::NotFound)?;
    let (version, entry) = match id {
        Some(id) => {
            let p = store::phase(&env.conn, process_id, id)
                .await?
                .ok_or(Error::NotFound)?;
            let version = phase_version(&p);
            let tools = tools_from_list(&p.tools);
            let mut entry = Entry::new()
                .with("name", p.name)
                .with("description", p.description)
                .with("starts_on", p.starts_on)
                .with("ends_on", p.ends_on);
            for tool in Tool::ALL {
                entry = entry.ticked_if(tool_field(tool), tools.contains(&tool));
            }
            (Some(version), entry)
        }
        None => (None, Entry::new()),
    };
    render_phase(env, (&process, id), version, &entry, http::StatusCode::OK)
}

pub async fn phase_save(env: &mut Env, process_id: i64, id: Option<i64>) -> Result<Response> {
    let process = store::process(&env.conn, process_id)
        .await?
        .ok_or(Error::NotFound)?;
    let version = match id {
        Some(id) => Some(phase_version(
            &store::phase(&env.conn, process_id, id)
                .await?
                .ok_or(Error::NotFound)?,
        )),
        None => None,
    };
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &PHASE_FIELDS);
    let name = e.check("name", |v| line(v, content::MAX_NAME));
    let description = e.check("description", |v| {
        content::text(v, content::MAX_DESCRIPTION)
    });
    let span = e.span("starts_on", "ends_on");
    if let (Some(span), Ok(outer)) = (span, Span::parse(&process.starts_on, &process.ends_on))
        && !outer.contains(span)
    {
        if span.starts < outer.starts {
            e.refuse("starts_on", FieldError::OutsideProcess);
        } else {
            e.refuse("ends_on", FieldError::OutsideProcess);
        }
    }
    let (Some(name), Some(description), Some(span), true) = (name, description, span, e.is_valid())
    else {
        return render_phase(
            env,
            (&process, id),
            version,
            &e,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let tools: Vec<Tool> = Tool::ALL
        .into_iter()
        .filter(|t| e.ticked(tool_field(*t)))
        .collect();
    let input = PhaseInput {
        name,
        description,
        starts_on: span.starts.iso(),
        ends_on: span.ends.iso(),
        tools: tools_to_list(&tools),
    };
    // Compared and written under the write lock: two people saving the same
    // phase cannot both pass the check.
    // A stale form gets back the version saved meanwhile.
    let written = db::immediate(&env.conn, async |conn| {
        if let Some(id) = id {
            let stored = store::phase(conn, process_id, id)
                .await?
                .ok_or(Error::NotFound)?;
            let current = phase_version(&stored);
            if form.stale(&current) {
                return Ok(Err(current));
            }
        }
        let saved_id = store::save_phase(conn, process_id, id, &input).await?;
        record_in(conn, &env.ctx, "phase-saved", &process.slug).await?;
        // Followers hear of a new phase as soon as it is announced.
        if id.is_none() && process.published {
            let title = format!("{} — {}", process.title, input.name);
            let url = format!("/processes/{}", process.slug);
            announce(conn, "phase-added", Some(process_id), &title, &url).await?;
        }
        Ok::<_, Error>(Ok(saved_id))
    })
    .await?;
    let saved_id = match written {
        Ok(saved_id) => saved_id,
        Err(current) => {
            return render_phase(
                env,
                (&process, id),
                Some(current),
                &e,
                http::StatusCode::CONFLICT,
            );
        }
    };
    Ok(saved(&format!(
        "/admin/processes/{process_id}/phases/{saved_id}"
    )))
}

pub async fn phase_delete(env: &mut Env, process_id: i64, id: i64) -> Result<Response> {
    let process = store::process(&env.conn, process_id)
        .await?
        .ok_or(Error::NotFound)?;
    store::phase(&env.conn, process_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    audited(env, "phase-deleted", &process.slug, async |conn| {
        Ok(store::delete_phase(conn, process_id, id).await?)
    })
    .await?;
    Ok(saved(&format!("/admin/processes/{process_id}")))
}
