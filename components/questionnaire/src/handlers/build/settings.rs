//! A questionnaire's settings: title, dates, process, anonymity.

use palabre_domain::Role;
use palabre_domain::account::{FieldError, line};
use palabre_domain::content;
use palabre_kit::activity::{self, Activity};
use palabre_kit::app::{link, record_in, status_options};
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::participation::process_choices;
use palabre_kit::respond::{self};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, db, i18n};

use crate::Env;
use crate::store::{self, Questionnaire, Settings};

use super::*;

const FIELDS: [&str; 11] = [
    "title",
    "slug",
    "intro",
    "process",
    "opens_on",
    "closes_on",
    "status",
    "anonymous",
    "results_public",
    "results_from",
    "open_data_text",
];

async fn render_settings(
    env: &Env,
    current: Option<&Questionnaire>,
    entry: &Entry,
    locked: bool,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let mut processes = vec![(String::new(), i18n::t(locale, "admin-no-process"))];
    processes.extend(
        process_choices(&env.conn)
            .await?
            .into_iter()
            .map(|(id, title)| (id.to_string(), title)),
    );
    let statuses = status_options(env);
    let mut form = FormView::of(locale, entry)
        .input("title", "text", "questionnaire-field-title", "off")
        .input("slug", "text", "admin-field-slug", "off")
        .optional()
        .hint("admin-field-slug-hint")
        .textarea("intro", "questionnaire-field-intro")
        .optional()
        .hint("admin-field-markdown-hint")
        .select("process", "admin-field-process", processes)
        .input("opens_on", "date", "admin-field-starts", "off")
        .hint("admin-field-date-hint")
        .input("closes_on", "date", "admin-field-ends", "off")
        .hint("admin-field-date-hint")
        .select("status", "admin-field-status", statuses);
    if !locked {
        form = form
            .checkbox("anonymous", "questionnaire-field-anonymous")
            .optional()
            .hint("questionnaire-field-anonymous-hint");
    }
    let form = form
        .checkbox("results_public", "questionnaire-field-results-public")
        .optional()
        .input(
            "results_from",
            "date",
            "questionnaire-field-results-from",
            "off",
        )
        .optional()
        .hint("questionnaire-field-results-from-hint")
        .checkbox("open_data_text", "questionnaire-field-open-data-text")
        .optional()
        .hint("questionnaire-field-open-data-text-hint");
    let (title, action, back) = match current {
        Some(q) => (
            i18n::t(locale, "questionnaire-settings-title"),
            format!("/questionnaires/{}/settings", q.slug),
            link(
                env,
                &format!("/questionnaires/{}/edit", q.slug),
                "questionnaire-builder-title",
            ),
        ),
        None => (
            i18n::t(locale, "questionnaire-new-title"),
            "/questionnaires/new".to_string(),
            link(env, "/questionnaires", "questionnaires-title"),
        ),
    };
    let data = FormPage {
        back: Some(back),
        intro: locked.then(|| i18n::t(locale, "questionnaire-anonymous-locked")),
        ..FormPage::new(action, form.view(), i18n::t(locale, "admin-save"))
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn settings_form(env: &Env, slug: Option<&str>) -> Result<Response> {
    env.ctx.require(Role::Moderator)?;
    let (current, entry, locked) = match slug {
        Some(slug) => {
            let q = staff_questionnaire(env, slug).await?;
            let locked = store::has_responses(&env.conn, q.id).await?;
            let entry = Entry::new()
                .with("title", q.title.as_str())
                .with("slug", q.slug.as_str())
                .with("intro", q.intro.as_str())
                .with(
                    "process",
                    q.process
                        .as_ref()
                        .map(|p| p.0.to_string())
                        .unwrap_or_default(),
                )
                .with("opens_on", q.opens_on.as_str())
                .with("closes_on", q.closes_on.as_str())
                .with("status", if q.published { "published" } else { "draft" })
                .ticked_if("anonymous", q.anonymous)
                .ticked_if("results_public", q.results_public)
                .with("results_from", q.results_from.clone().unwrap_or_default())
                .ticked_if("open_data_text", q.open_data_text);
            (Some(q), entry, locked)
        }
        None => (
            None,
            Entry::new()
                .with("process", env.ctx.query("process").unwrap_or_default())
                .with("status", "draft"),
            false,
        ),
    };
    render_settings(env, current.as_ref(), &entry, locked, http::StatusCode::OK).await
}

pub async fn save_settings(env: &mut Env, slug: Option<&str>) -> Result<Response> {
    env.ctx.require(Role::Moderator)?;
    let current = match slug {
        Some(slug) => Some(staff_questionnaire(env, slug).await?),
        None => None,
    };
    let locked = match &current {
        Some(q) => store::has_responses(&env.conn, q.id).await?,
        None => false,
    };
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &FIELDS);
    // Fixed once answers exist (they were given under that promise).
    if let Some(q) = &current
        && locked
    {
        e.tick("anonymous", q.anonymous);
    }
    let title = e.check("title", |v| line(v, content::MAX_TITLE));
    let new_slug = e.check("slug", |v| content::slug(v, title.as_deref().unwrap_or("")));
    let intro = e.check("intro", |v| content::text(v, content::MAX_DESCRIPTION));
    let published = e.check("status", content::published);
    let span = e.span("opens_on", "closes_on");
    let results_from = e.check_optional("results_from", |v| {
        palabre_domain::date::Day::parse(v.trim())
            .map(|day| day.iso())
            .ok_or(FieldError::InvalidDate)
    });
    let choices = process_choices(&env.conn).await?;
    let process_id = e.choice("process", &choices);
    if let Some(s) = &new_slug
        && store::slug_taken(&env.conn, s, current.as_ref().map(|q| q.id)).await?
    {
        e.refuse("slug", FieldError::SlugTaken);
    }
    let (
        Some(title),
        Some(new_slug),
        Some(intro),
        Some(published),
        Some(span),
        Some(results_from),
        Some(process_id),
        true,
    ) = (
        title,
        new_slug,
        intro,
        published,
        span,
        results_from,
        process_id,
        e.is_valid(),
    )
    else {
        return render_settings(
            env,
            current.as_ref(),
            &e,
            locked,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let settings = Settings {
        slug: new_slug,
        title,
        intro,
        process_id,
        opens_on: span.starts.iso(),
        closes_on: span.ends.iso(),
        published,
        anonymous: e.ticked("anonymous"),
        results_public: e.ticked("results_public"),
        results_from,
        open_data_text: e.ticked("open_data_text"),
    };
    let was_published = current.as_ref().is_some_and(|q| q.published);
    let id = current.as_ref().map(|q| q.id);
    let user_id = env.ctx.visitor.user_id;
    let now = palabre_kit::now();
    let s = &settings;
    // A new questionnaire starts with its first part, so that staff add
    // questions straight away (and rename the part, or add others, later).
    let first_part = i18n::t(env.ctx.locale, "builder-first-section");
    db::immediate(&env.conn, async |conn| {
        let saved = store::save_settings(conn, id, s, user_id, now).await?;
        if id.is_none() {
            store::add_section(conn, saved, &first_part, "").await?;
        }
        if s.published && !was_published {
            let url = format!("/questionnaires/{}", s.slug);
            activity::record(
                conn,
                &Activity {
                    actor_id: None,
                    kind: "questionnaire-published",
                    process_id: s.process_id,
                    title: &s.title,
                    url: &url,
                    public: true,
                    followed: None,
                },
            )
            .await?;
        }
        record_in(conn, &env.ctx, "questionnaire-saved", &s.slug).await?;
        Ok::<_, Error>(())
    })
    .await?;
    Ok(respond::redirect(&format!(
        "/questionnaires/{}/edit?saved=1",
        settings.slug
    )))
}
