//! Processes and their phases, written by staff.

use palabre_domain::account::FieldError;
use palabre_domain::process::tools_from_list;
use palabre_kit::db;
use palabre_kit::forms::{self, Entry, FormView};
use palabre_kit::translations::Entity;
use palabre_kit::view;
use palabre_kit::{Error, Response, Result, i18n, images};

use crate::Env;
use crate::handlers::article;
use crate::handlers::{
    announce, link, list_page, record_in, saved, saved_notice, status_label, translations,
};
use crate::store::{self, ProcessInput, Table};

mod levels;
mod phases;

pub use levels::*;
pub use phases::*;

pub async fn list(env: &Env) -> Result<Response> {
    let rows = store::all_processes(&env.conn)
        .await?
        .into_iter()
        .map(|p| {
            (
                format!("/admin/processes/{}", p.id),
                vec![
                    p.title,
                    status_label(env, p.published),
                    format!(
                        "{} → {}",
                        i18n::day_text(env.ctx.locale, &p.starts_on),
                        i18n::day_text(env.ctx.locale, &p.ends_on)
                    ),
                ],
            )
        })
        .collect();
    list_page(
        env,
        "admin-processes-title",
        &["admin-col-title", "admin-col-status", "admin-col-dates"],
        rows,
        Some(link(env, "/admin/processes/new", "admin-processes-new")),
    )
}

/// A process form's own fields, after those it shares with news
/// ([`article::FIELDS`]).
const FIELDS: [&str; 4] = ["district", "starts_on", "ends_on", "citizen_discussions"];

/// The process's phases, listed under its form.
async fn phases_below(env: &Env, id: i64) -> Result<view::Below> {
    let locale = env.ctx.locale;
    let phases = store::phases(&env.conn, id).await?;
    let rows: Vec<_> = phases
        .iter()
        .map(|p| {
            let tools: Vec<String> = tools_from_list(&p.tools)
                .iter()
                .map(|t| i18n::t(locale, &format!("tool-{}", t.as_str())))
                .collect();
            view::Row {
                href: format!("/admin/processes/{id}/phases/{}", p.id),
                cells: vec![
                    p.name.clone(),
                    format!(
                        "{} → {}",
                        i18n::day_text(locale, &p.starts_on),
                        i18n::day_text(locale, &p.ends_on)
                    ),
                    tools.join(", "),
                ],
            }
        })
        .collect();
    Ok(view::Below {
        title: i18n::t(locale, "process-phases"),
        columns: vec![
            i18n::t(locale, "admin-col-name"),
            i18n::t(locale, "admin-col-dates"),
            i18n::t(locale, "admin-col-tools"),
        ],
        rows,
        empty: i18n::t(locale, "process-no-phases"),
        add: Some(link(
            env,
            &format!("/admin/processes/{id}/phases/new"),
            "admin-phases-new",
        )),
    })
}

async fn render(
    env: &Env,
    id: Option<i64>,
    entry: &Entry,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let mut districts = vec![(String::new(), i18n::t(locale, "process-scope-commune"))];
    districts.extend(
        store::districts(&env.conn)
            .await?
            .into_iter()
            .map(|(id, name)| (id.to_string(), name)),
    );
    let stored = match id {
        Some(id) => store::process(&env.conn, id).await?,
        None => None,
    };
    let image = images::shown(&env.conn, stored.as_ref().and_then(|p| p.image_id)).await?;
    let form = FormView::of(locale, entry).versioned(stored.as_ref().map(version), status);
    let form = article::head_fields(form)
        .select("district", "admin-field-scope", districts)
        .input("starts_on", "date", "admin-field-starts", "off")
        .hint("admin-field-date-hint")
        .input("ends_on", "date", "admin-field-ends", "off")
        .hint("admin-field-date-hint")
        .checkbox("citizen_discussions", "admin-field-citizen-discussions")
        .optional()
        .hint("admin-field-citizen-discussions-hint");
    let form = article::tail_fields(env, form, image.as_ref());
    let (title, action) = match id {
        Some(id) => (
            i18n::t(locale, "admin-processes-edit"),
            format!("/admin/processes/{id}"),
        ),
        None => (
            i18n::t(locale, "admin-processes-new"),
            "/admin/processes/new".to_string(),
        ),
    };
    let below = match id {
        Some(id) => Some(phases_below(env, id).await?),
        None => None,
    };
    let slug = entry.get("slug");
    let preview = (id.is_some() && !slug.is_empty())
        .then(|| link(env, &format!("/processes/{slug}"), "admin-view-public"));
    let data = view::FormPage {
        saved: saved_notice(env),
        back: Some(link(env, "/admin/processes", "admin-processes-title")),
        preview,
        links: id
            .map(|id| {
                vec![
                    link(env, &format!("/admin/processes/{id}/report"), "report-edit"),
                    link(
                        env,
                        &format!("/admin/processes/{id}/participation"),
                        "verification-levels-title",
                    ),
                ]
            })
            .unwrap_or_default(),
        below,
        image: image.map(Into::into),
        translations: id.map(|id| translations::links(env, Entity::Process, id)),
        ..view::FormPage::new(action, form.view(), i18n::t(locale, "admin-save"))
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

/// The version of a phase an edit form is opened on: what the form edits.
fn phase_version(p: &store::Phase) -> String {
    forms::version(&[&p.name, &p.description, &p.starts_on, &p.ends_on, &p.tools])
}

/// The version of a process an edit form is opened on: what the form edits
/// (two people saving the same process cannot erase each other's change).
fn version(p: &store::Process) -> String {
    let image = p.image_id.map(|i| i.to_string()).unwrap_or_default();
    let district = p.district_id.map(|d| d.to_string()).unwrap_or_default();
    let flags = format!("{}{}", p.published, p.citizen_discussions);
    forms::version(&[
        &p.title,
        &p.slug,
        &p.summary,
        &p.body,
        &district,
        &p.starts_on,
        &p.ends_on,
        &flags,
        &image,
    ])
}

pub async fn form(env: &Env, id: Option<i64>) -> Result<Response> {
    let entry = match id {
        Some(id) => {
            let p = store::process(&env.conn, id)
                .await?
                .ok_or(Error::NotFound)?;
            let image = images::shown(&env.conn, p.image_id).await?;
            article::stored(
                (&p.title, &p.slug, &p.summary, &p.body),
                p.published,
                image.as_ref(),
            )
            .with(
                "district",
                p.district_id.map(|d| d.to_string()).unwrap_or_default(),
            )
            .with("starts_on", p.starts_on)
            .with("ends_on", p.ends_on)
            .ticked_if("citizen_discussions", p.citizen_discussions)
        }
        None => article::blank(),
    };
    render(env, id, &entry, http::StatusCode::OK).await
}

pub async fn save(env: &mut Env, id: Option<i64>) -> Result<Response> {
    let (current, was_published) = match id {
        Some(id) => {
            let p = store::process(&env.conn, id)
                .await?
                .ok_or(Error::NotFound)?;
            (p.image_id, p.published)
        }
        None => (None, false),
    };
    let form = env.submission().await?;
    let mut entry = Entry::read(&form, &[article::FIELDS.as_slice(), &FIELDS].concat());
    let article = article::check(env, &form, &mut entry, (Table::Processes, id), current).await?;
    let span = entry.span("starts_on", "ends_on");
    let districts = store::districts(&env.conn).await?;
    let district = entry.choice("district", &districts);
    if let (Some(id), Some(span)) = (id, span)
        && store::phases_outside(&env.conn, id, &span.starts.iso(), &span.ends.iso()).await? > 0
    {
        entry.refuse("starts_on", FieldError::PhasesOutside);
    }
    let (Some(article), Some(span), Some(district_id), true) =
        (article, span, district, entry.is_valid())
    else {
        return render(env, id, &entry, http::StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    // Compared and written under the write lock (see `version`).
    let written = db::immediate(&env.conn, async |conn| {
        if let Some(id) = id {
            let stored = store::process(conn, id).await?.ok_or(Error::NotFound)?;
            if form.stale(&version(&stored)) {
                return Ok(None);
            }
        }
        let input = ProcessInput {
            image_id: article.image.apply(conn, env.ctx.visitor.user_id).await?,
            slug: article.slug,
            title: article.title,
            summary: article.summary,
            body: article.body,
            district_id,
            starts_on: span.starts.iso(),
            ends_on: span.ends.iso(),
            published: article.published,
            citizen_discussions: entry.ticked("citizen_discussions"),
        };
        let saved_id = store::save_process(conn, id, &input, palabre_kit::now()).await?;
        record_in(conn, &env.ctx, "process-saved", &input.slug).await?;
        if input.published && !was_published {
            let url = format!("/processes/{}", input.slug);
            announce(
                conn,
                "process-published",
                Some(saved_id),
                &input.title,
                &url,
            )
            .await?;
        }
        Ok(Some((saved_id, input)))
    })
    .await?;
    let Some((saved_id, _)) = written else {
        return render(env, id, &entry, http::StatusCode::CONFLICT).await;
    };
    Ok(saved(&format!("/admin/processes/{saved_id}")))
}
