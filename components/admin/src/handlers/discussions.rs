//! Discussions, opened by staff: the question, its context, its process and
//! its dates (within the process's, when it has one).

use palabre_domain::account::{FieldError, line};
use palabre_domain::content;
use palabre_domain::process::{Span, SpanError};
use palabre_kit::forms::FormView;
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
                    format!("{} → {}", d.opens_on, d.closes_on),
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

struct Values {
    question: String,
    slug: String,
    context: String,
    process: String,
    opens_on: String,
    closes_on: String,
    status: String,
    opinion_map: bool,
}

#[derive(Default)]
struct Errors {
    question: Option<FieldError>,
    slug: Option<FieldError>,
    context: Option<FieldError>,
    process: Option<FieldError>,
    opens_on: Option<FieldError>,
    closes_on: Option<FieldError>,
    status: Option<FieldError>,
}

impl Errors {
    fn any(&self) -> bool {
        [
            self.question,
            self.slug,
            self.context,
            self.process,
            self.opens_on,
            self.closes_on,
            self.status,
        ]
        .iter()
        .any(Option::is_some)
    }
}

async fn render(
    env: &Env,
    id: Option<i64>,
    v: &Values,
    e: &Errors,
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
    let form = FormView::new(locale)
        .input(
            "question",
            "text",
            "admin-field-question",
            &v.question,
            "off",
            e.question,
        )
        .input("slug", "text", "admin-field-slug", &v.slug, "off", e.slug)
        .optional()
        .hint("admin-field-slug-hint")
        .textarea("context", "admin-field-context", &v.context, e.context)
        .optional()
        .hint("admin-field-markdown-hint")
        .select(
            "process",
            "admin-field-process",
            processes,
            &v.process,
            e.process,
        )
        .input(
            "opens_on",
            "date",
            "admin-field-starts",
            &v.opens_on,
            "off",
            e.opens_on,
        )
        .hint("admin-field-date-hint")
        .input(
            "closes_on",
            "date",
            "admin-field-ends",
            &v.closes_on,
            "off",
            e.closes_on,
        )
        .hint("admin-field-date-hint")
        .select(
            "status",
            "admin-field-status",
            status_options(env),
            &v.status,
            e.status,
        )
        .checkbox(
            "opinion_map",
            "admin-field-opinion-map",
            v.opinion_map,
            None,
        )
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
    let preview = (id.is_some() && !v.slug.is_empty()).then(|| {
        link(
            env,
            &format!("/discussions/{}", v.slug),
            "admin-view-public",
        )
    });
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
    let v = match id {
        Some(id) => {
            let d = store::discussion(&env.conn, id)
                .await?
                .ok_or(Error::NotFound)?;
            Values {
                question: d.question,
                slug: d.slug,
                context: d.context,
                process: d.process_id.map(|p| p.to_string()).unwrap_or_default(),
                opens_on: d.opens_on,
                closes_on: d.closes_on,
                status: if d.published { "published" } else { "draft" }.into(),
                opinion_map: d.opinion_map,
            }
        }
        None => Values {
            question: String::new(),
            slug: String::new(),
            context: String::new(),
            process: String::new(),
            opens_on: String::new(),
            closes_on: String::new(),
            status: "draft".into(),
            opinion_map: false,
        },
    };
    render(env, id, &v, &Errors::default(), http::StatusCode::OK).await
}

pub async fn save(env: &mut Env, id: Option<i64>) -> Result<Response> {
    if let Some(id) = id {
        store::discussion(&env.conn, id)
            .await?
            .ok_or(Error::NotFound)?;
    }
    let form = env.submission().await?;
    let v = Values {
        question: form.get("question").to_string(),
        slug: form.get("slug").to_string(),
        context: form.get("context").to_string(),
        process: form.get("process").to_string(),
        opens_on: form.get("opens_on").to_string(),
        closes_on: form.get("closes_on").to_string(),
        status: form.get("status").to_string(),
        opinion_map: form.get("opinion_map") == "yes",
    };
    let mut e = Errors::default();
    let question = line(&v.question, content::MAX_QUESTION)
        .map_err(|x| e.question = Some(x))
        .ok();
    let slug = content::slug(&v.slug, question.as_deref().unwrap_or(""))
        .map_err(|x| e.slug = Some(x))
        .ok();
    let context = content::text(&v.context, content::MAX_DESCRIPTION)
        .map_err(|x| e.context = Some(x))
        .ok();
    let published = content::published(&v.status)
        .map_err(|x| e.status = Some(x))
        .ok();
    let span = match Span::parse(&v.opens_on, &v.closes_on) {
        Ok(span) => Some(span),
        Err(SpanError::Start(x)) => {
            e.opens_on = Some(x);
            None
        }
        Err(SpanError::End(x)) => {
            e.closes_on = Some(x);
            None
        }
    };
    let process = match v.process.trim() {
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
                        e.opens_on = Some(FieldError::OutsideProcess);
                    }
                    Some(Some(p.id))
                }
                None => {
                    e.process = Some(FieldError::InvalidChoice);
                    None
                }
            }
        }
    };
    if let Some(slug) = &slug
        && store::discussion_slug_taken(&env.conn, slug, id).await?
    {
        e.slug = Some(FieldError::SlugTaken);
    }
    let (
        Some(question),
        Some(slug),
        Some(context),
        Some(published),
        Some(span),
        Some(process_id),
        false,
    ) = (question, slug, context, published, span, process, e.any())
    else {
        return render(env, id, &v, &e, http::StatusCode::UNPROCESSABLE_ENTITY).await;
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
        opinion_map: v.opinion_map,
    };
    let saved_id = audited(env, "discussion-saved", &discussion.slug, async |conn| {
        let author = env.ctx.visitor.user_id;
        Ok(store::save_discussion(conn, id, &discussion, author, palabre_kit::now()).await?)
    })
    .await?;
    Ok(saved(&format!("/admin/discussions/{saved_id}")))
}
