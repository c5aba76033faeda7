//! A process's phases: their dates inside the process's, the tools each opens.

use crate::Env;
use crate::handlers::{announce, audited, record_in, saved, saved_notice, translations};
use crate::store::{self, PhaseInput};
use palabre_domain::account::{FieldError, line};
use palabre_domain::content;
use palabre_domain::process::{Span, Tool, tools_from_list, tools_to_list};
use palabre_kit::db;
use palabre_kit::forms::FormView;
use palabre_kit::translations::Entity;
use palabre_kit::view;
use palabre_kit::{Error, Response, Result, i18n};

use super::*;

struct PhaseValues {
    name: String,
    description: String,
    starts_on: String,
    ends_on: String,
    tools: Vec<Tool>,
}

#[derive(Default)]
struct PhaseErrors {
    name: Option<FieldError>,
    description: Option<FieldError>,
    starts_on: Option<FieldError>,
    ends_on: Option<FieldError>,
}

fn tool_field(tool: Tool) -> &'static str {
    match tool {
        Tool::Discussion => "tool_discussion",
        Tool::Questionnaire => "tool_questionnaire",
        Tool::Proposal => "tool_proposal",
    }
}

/// The phase form over `values`; `version` is the stored phase's (none for
/// a new one).
fn render_phase(
    env: &Env,
    (process, id): (&store::Process, Option<i64>),
    version: Option<String>,
    values: &PhaseValues,
    errors: &PhaseErrors,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let mut form = FormView::new(locale)
        .versioned(version, status)
        .input(
            "name",
            "text",
            "admin-field-name",
            &values.name,
            "off",
            errors.name,
        )
        .textarea(
            "description",
            "admin-field-description",
            &values.description,
            errors.description,
        )
        .optional()
        .hint("admin-field-markdown-hint")
        .input(
            "starts_on",
            "date",
            "admin-field-starts",
            &values.starts_on,
            "off",
            errors.starts_on,
        )
        .hint("admin-field-date-hint")
        .input(
            "ends_on",
            "date",
            "admin-field-ends",
            &values.ends_on,
            "off",
            errors.ends_on,
        )
        .hint("admin-field-date-hint");
    for tool in Tool::ALL {
        form = form
            .checkbox(
                tool_field(tool),
                &format!("tool-{}", tool.as_str()),
                values.tools.contains(&tool),
                None,
            )
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
                ("starts", &process.starts_on),
                ("ends", &process.ends_on),
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
    let (version, values) = match id {
        Some(id) => {
            let p = store::phase(&env.conn, process_id, id)
                .await?
                .ok_or(Error::NotFound)?;
            let version = phase_version(&p);
            let values = PhaseValues {
                name: p.name,
                description: p.description,
                starts_on: p.starts_on,
                ends_on: p.ends_on,
                tools: tools_from_list(&p.tools),
            };
            (Some(version), values)
        }
        None => (
            None,
            PhaseValues {
                name: String::new(),
                description: String::new(),
                starts_on: String::new(),
                ends_on: String::new(),
                tools: Vec::new(),
            },
        ),
    };
    render_phase(
        env,
        (&process, id),
        version,
        &values,
        &PhaseErrors::default(),
        http::StatusCode::OK,
    )
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
    let values = PhaseValues {
        name: form.get("name").to_string(),
        description: form.get("description").to_string(),
        starts_on: form.get("starts_on").to_string(),
        ends_on: form.get("ends_on").to_string(),
        tools: Tool::ALL
            .into_iter()
            .filter(|t| form.get(tool_field(*t)) == "yes")
            .collect(),
    };
    let mut errors = PhaseErrors::default();
    let name = line(&values.name, content::MAX_NAME)
        .map_err(|e| errors.name = Some(e))
        .ok();
    let description = content::text(&values.description, content::MAX_DESCRIPTION)
        .map_err(|e| errors.description = Some(e))
        .ok();
    let span = span_errors(
        Span::parse(&values.starts_on, &values.ends_on),
        &mut errors.starts_on,
        &mut errors.ends_on,
    );
    if let (Some(span), Ok(outer)) = (span, Span::parse(&process.starts_on, &process.ends_on))
        && !outer.contains(span)
    {
        if span.starts < outer.starts {
            errors.starts_on = Some(FieldError::OutsideProcess);
        } else {
            errors.ends_on = Some(FieldError::OutsideProcess);
        }
    }
    let valid = errors.name.is_none()
        && errors.description.is_none()
        && errors.starts_on.is_none()
        && errors.ends_on.is_none();
    let (Some(name), Some(description), Some(span), true) = (name, description, span, valid) else {
        return render_phase(
            env,
            (&process, id),
            version,
            &values,
            &errors,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let input = PhaseInput {
        name,
        description,
        starts_on: span.starts.iso(),
        ends_on: span.ends.iso(),
        tools: tools_to_list(&values.tools),
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
                &values,
                &PhaseErrors::default(),
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
