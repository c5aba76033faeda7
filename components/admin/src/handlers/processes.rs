//! Processes and their phases, written by staff.

use palabre_domain::account::FieldError;
use palabre_domain::process::{Span, SpanError, tools_from_list};
use palabre_kit::db;
use palabre_kit::forms::{self, FormView};
use palabre_kit::translations::Entity;
use palabre_kit::view;
use palabre_kit::{Error, Response, Result, i18n, images};

use crate::Env;
use crate::handlers::article::{ArticleErrors, ArticleValues};
use crate::handlers::{
    announce, link, list_page, record_in, saved, saved_notice, status_label, translations,
};
use crate::store::{self, ProcessInput, Table};

mod phases;

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
                    format!("{} → {}", p.starts_on, p.ends_on),
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

/// A process form: the fields it shares with news, and its own.
struct Values {
    article: ArticleValues,
    district: String,
    starts_on: String,
    ends_on: String,
    citizen_discussions: bool,
}

#[derive(Default)]
struct Errors {
    article: ArticleErrors,
    district: Option<FieldError>,
    starts_on: Option<FieldError>,
    ends_on: Option<FieldError>,
}

impl Errors {
    fn any(&self) -> bool {
        self.article.any()
            || self.district.is_some()
            || self.starts_on.is_some()
            || self.ends_on.is_some()
    }
}

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
                    format!("{} → {}", p.starts_on, p.ends_on),
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
    values: &Values,
    errors: &Errors,
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
    let form = FormView::new(locale).versioned(stored.as_ref().map(version), status);
    let form = values
        .article
        .head_fields(form, &errors.article)
        .select(
            "district",
            "admin-field-scope",
            districts,
            &values.district,
            errors.district,
        )
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
        .hint("admin-field-date-hint")
        .checkbox(
            "citizen_discussions",
            "admin-field-citizen-discussions",
            values.citizen_discussions,
            None,
        )
        .optional()
        .hint("admin-field-citizen-discussions-hint");
    let form = values
        .article
        .tail_fields(env, form, image.as_ref(), &errors.article);
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
    let preview = (id.is_some() && !values.article.slug.is_empty()).then(|| {
        link(
            env,
            &format!("/processes/{}", values.article.slug),
            "admin-view-public",
        )
    });
    let data = view::FormPage {
        saved: saved_notice(env),
        back: Some(link(env, "/admin/processes", "admin-processes-title")),
        preview,
        links: id
            .map(|id| {
                vec![link(
                    env,
                    &format!("/admin/processes/{id}/report"),
                    "report-edit",
                )]
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
    let values = match id {
        Some(id) => {
            let p = store::process(&env.conn, id)
                .await?
                .ok_or(Error::NotFound)?;
            let image = images::shown(&env.conn, p.image_id).await?;
            Values {
                article: ArticleValues {
                    title: p.title,
                    slug: p.slug,
                    summary: p.summary,
                    body: p.body,
                    status: if p.published { "published" } else { "draft" }.into(),
                    image_alt: image.map(|i| i.alt).unwrap_or_default(),
                },
                district: p.district_id.map(|d| d.to_string()).unwrap_or_default(),
                starts_on: p.starts_on,
                ends_on: p.ends_on,
                citizen_discussions: p.citizen_discussions,
            }
        }
        None => Values {
            article: ArticleValues::blank(),
            district: String::new(),
            starts_on: String::new(),
            ends_on: String::new(),
            citizen_discussions: false,
        },
    };
    render(env, id, &values, &Errors::default(), http::StatusCode::OK).await
}

/// Puts a span's error beside the right date.
fn span_errors(
    result: std::result::Result<Span, SpanError>,
    start: &mut Option<FieldError>,
    end: &mut Option<FieldError>,
) -> Option<Span> {
    match result {
        Ok(span) => Some(span),
        Err(SpanError::Start(e)) => {
            *start = Some(e);
            None
        }
        Err(SpanError::End(e)) => {
            *end = Some(e);
            None
        }
    }
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
    let values = Values {
        article: ArticleValues::read(&form),
        district: form.get("district").to_string(),
        starts_on: form.get("starts_on").to_string(),
        ends_on: form.get("ends_on").to_string(),
        citizen_discussions: form.get("citizen_discussions") == "yes",
    };
    let mut errors = Errors::default();
    let article = values
        .article
        .check(
            env,
            &form,
            (Table::Processes, id),
            current,
            &mut errors.article,
        )
        .await?;
    let span = span_errors(
        Span::parse(&values.starts_on, &values.ends_on),
        &mut errors.starts_on,
        &mut errors.ends_on,
    );
    let districts = store::districts(&env.conn).await?;
    let district = match values.district.trim() {
        "" => Some(None),
        typed => match typed.parse::<i64>() {
            Ok(d) if districts.iter().any(|(id, _)| *id == d) => Some(Some(d)),
            _ => {
                errors.district = Some(FieldError::InvalidChoice);
                None
            }
        },
    };
    if let (Some(id), Some(span)) = (id, span)
        && store::phases_outside(&env.conn, id, &span.starts.iso(), &span.ends.iso()).await? > 0
    {
        errors.starts_on = Some(FieldError::PhasesOutside);
    }
    let (Some(article), Some(span), Some(district_id), false) =
        (article, span, district, errors.any())
    else {
        return render(
            env,
            id,
            &values,
            &errors,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
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
            citizen_discussions: values.citizen_discussions,
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
        return render(
            env,
            id,
            &values,
            &Errors::default(),
            http::StatusCode::CONFLICT,
        )
        .await;
    };
    Ok(saved(&format!("/admin/processes/{saved_id}")))
}
