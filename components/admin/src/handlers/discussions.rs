//! Discussions, opened by staff: the question, its context, its process and
//! its dates (within the process's, when it has one).

use palabre_domain::account::{FieldError, line};
use palabre_domain::content;
use palabre_domain::process::Span;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, i18n};

use crate::Env;
use crate::handlers::{
    audited, link, list_page, saved, saved_notice, status_label, status_options,
};
use crate::store::{self, Discussion};

pub async fn list(env: &Env) -> Result<Response> {
    let rows = store::all_discussions(&env.conn)
        .await?
        .into_iter()
        .map(|d| {
            (
                format!("/admin/discussions/{}", d.id),
                vec![
                    d.question,
                    status_label(env, d.published),
                    format!(
                        "{} → {}",
                        i18n::day_text(env.ctx.locale, &d.opens_on),
                        i18n::day_text(env.ctx.locale, &d.closes_on)
                    ),
                ],
            )
        })
        .collect();
    list_page(
        env,
        "admin-discussions-title",
        &["admin-col-question", "admin-col-status", "admin-col-dates"],
        rows,
        Some(link(env, "/admin/discussions/new", "admin-discussions-new")),
    )
}

const FIELDS: [&str; 8] = [
    "question",
    "slug",
    "context",
    "process",
    "opens_on",
    "closes_on",
    "status",
    "opinion_map",
];

async fn render(
    env: &Env,
    id: Option<i64>,
    entry: &Entry,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let mut processes = vec![(String::new(), i18n::t(locale, "admin-no-process"))];
    processes.extend(
        store::process_choices(&env.conn)
            .await?
            .into_iter()
            .map(|(id, title)| (id.to_string(), title)),
    );
    let form = FormView::of(locale, entry)
        .input("question", "text", "admin-field-question", "off")
        .input("slug", "text", "admin-field-slug", "off")
        .optional()
        .hint("admin-field-slug-hint")
        .textarea("context", "admin-field-context")
        .optional()
        .hint("admin-field-markdown-hint")
        .select("process", "admin-field-process", processes)
        .input("opens_on", "date", "admin-field-starts", "off")
        .hint("admin-field-date-hint")
        .input("closes_on", "date", "admin-field-ends", "off")
        .hint("admin-field-date-hint")
        .select("status", "admin-field-status", status_options(env))
        .checkbox("opinion_map", "admin-field-opinion-map")
        .optional()
        .hint("admin-field-opinion-map-hint");
    let (title, action) = match id {
        Some(id) => (
            i18n::t(locale, "admin-discussions-edit"),
            format!("/admin/discussions/{id}"),
        ),
        None => (
            i18n::t(locale, "admin-discussions-new"),
            "/admin/discussions/new".to_string(),
        ),
    };
    let slug = entry.get("slug");
    let preview = (id.is_some() && !slug.is_empty())
        .then(|| link(env, &format!("/discussions/{slug}"), "admin-view-public"));
    let data = FormPage {
        saved: saved_notice(env),
        back: Some(link(env, "/admin/discussions", "admin-discussions-title")),
        preview,
        ..FormPage::new(action, form.view(), i18n::t(locale, "admin-save"))
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn form(env: &Env, id: Option<i64>) -> Result<Response> {
    let entry = match id {
        Some(id) => {
            let d = store::discussion(&env.conn, id)
                .await?
                .ok_or(Error::NotFound)?;
            Entry::new()
                .with("question", d.question)
                .with("slug", d.slug)
                .with("context", d.context)
                .with(
                    "process",
                    d.process_id.map(|p| p.to_string()).unwrap_or_default(),
                )
                .with("opens_on", d.opens_on)
                .with("closes_on", d.closes_on)
                .with("status", if d.published { "published" } else { "draft" })
                .ticked_if("opinion_map", d.opinion_map)
        }
        None => Entry::new().with("status", "draft"),
    };
    render(env, id, &entry, http::StatusCode::OK).await
}

pub async fn save(env: &mut Env, id: Option<i64>) -> Result<Response> {
    if let Some(id) = id {
        store::discussion(&env.conn, id)
            .await?
            .ok_or(Error::NotFound)?;
    }
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &FIELDS);
    let question = e.check("question", |v| line(v, content::MAX_QUESTION));
    let slug = e.check("slug", |v| {
        content::slug(v, question.as_deref().unwrap_or(""))
    });
    let context = e.check("context", |v| content::text(v, content::MAX_DESCRIPTION));
    let published = e.check("status", content::published);
    let span = e.span("opens_on", "closes_on");
    let process = match e.get("process").trim() {
        "" => Some(None),
        typed => {
            let chosen = typed.parse::<i64>().ok();
            let found = match chosen {
                Some(pid) => store::process(&env.conn, pid).await?,
                None => None,
            };
            match found {
                Some(p) => {
                    // Inside the process's dates.
                    if let (Some(span), Ok(outer)) = (span, Span::parse(&p.starts_on, &p.ends_on))
                        && !outer.contains(span)
                    {
                        e.refuse("opens_on", FieldError::OutsideProcess);
                    }
                    Some(Some(p.id))
                }
                None => {
                    e.refuse("process", FieldError::InvalidChoice);
                    None
                }
            }
        }
    };
    if let Some(slug) = &slug
        && store::discussion_slug_taken(&env.conn, slug, id).await?
    {
        e.refuse("slug", FieldError::SlugTaken);
    }
    let (
        Some(question),
        Some(slug),
        Some(context),
        Some(published),
        Some(span),
        Some(process_id),
        true,
    ) = (
        question,
        slug,
        context,
        published,
        span,
        process,
        e.is_valid(),
    )
    else {
        return render(env, id, &e, http::StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let discussion = Discussion {
        id: id.unwrap_or(0),
        slug,
        question,
        context,
        process_id,
        opens_on: span.starts.iso(),
        closes_on: span.ends.iso(),
        published,
        opinion_map: e.ticked("opinion_map"),
    };
    let saved_id = audited(env, "discussion-saved", &discussion.slug, async |conn| {
        let author = env.ctx.visitor.user_id;
        Ok(store::save_discussion(conn, id, &discussion, author, palabre_kit::now()).await?)
    })
    .await?;
    Ok(saved(&format!("/admin/discussions/{saved_id}")))
}
