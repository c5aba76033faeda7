//! A questionnaire's settings: title, dates, process, anonymity.

use palabre_domain::Role;
use palabre_domain::account::{FieldError, line};
use palabre_domain::content;
use palabre_domain::process::{Span, SpanError};
use palabre_kit::activity::{self, Activity};
use palabre_kit::app::{link, record_in, status_options};
use palabre_kit::forms::FormView;
use palabre_kit::participation::process_choices;
use palabre_kit::respond::{self};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, db, i18n};

use crate::Env;
use crate::store::{self, Questionnaire, Settings};

use super::*;

struct SettingsValues {
    title: String,
    slug: String,
    intro: String,
    process: String,
    opens_on: String,
    closes_on: String,
    status: String,
    anonymous: bool,
    results_public: bool,
    results_from: String,
    open_data_text: bool,
}

#[derive(Default)]
struct SettingsErrors {
    title: Option<FieldError>,
    slug: Option<FieldError>,
    intro: Option<FieldError>,
    process: Option<FieldError>,
    opens_on: Option<FieldError>,
    closes_on: Option<FieldError>,
    status: Option<FieldError>,
    results_from: Option<FieldError>,
}

impl SettingsErrors {
    fn any(&self) -> bool {
        [
            self.title,
            self.slug,
            self.intro,
            self.process,
            self.opens_on,
            self.closes_on,
            self.status,
            self.results_from,
        ]
        .iter()
        .any(Option::is_some)
    }
}

async fn render_settings(
    env: &Env,
    current: Option<&Questionnaire>,
    v: &SettingsValues,
    e: &SettingsErrors,
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
    let mut form = FormView::new(locale)
        .input(
            "title",
            "text",
            "questionnaire-field-title",
            &v.title,
            "off",
            e.title,
        )
        .input("slug", "text", "admin-field-slug", &v.slug, "off", e.slug)
        .optional()
        .hint("admin-field-slug-hint")
        .textarea("intro", "questionnaire-field-intro", &v.intro, e.intro)
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
            statuses,
            &v.status,
            e.status,
        );
    if !locked {
        form = form
            .checkbox(
                "anonymous",
                "questionnaire-field-anonymous",
                v.anonymous,
                None,
            )
            .optional()
            .hint("questionnaire-field-anonymous-hint");
    }
    let form = form
        .checkbox(
            "results_public",
            "questionnaire-field-results-public",
            v.results_public,
            None,
        )
        .optional()
        .input(
            "results_from",
            "date",
            "questionnaire-field-results-from",
            &v.results_from,
            "off",
            e.results_from,
        )
        .optional()
        .hint("questionnaire-field-results-from-hint")
        .checkbox(
            "open_data_text",
            "questionnaire-field-open-data-text",
            v.open_data_text,
            None,
        )
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
    let (current, v, locked) = match slug {
        Some(slug) => {
            let q = staff_questionnaire(env, slug).await?;
            let locked = store::has_responses(&env.conn, q.id).await?;
            let v = SettingsValues {
                title: q.title.clone(),
                slug: q.slug.clone(),
                intro: q.intro.clone(),
                process: q
                    .process
                    .as_ref()
                    .map(|p| p.0.to_string())
                    .unwrap_or_default(),
                opens_on: q.opens_on.clone(),
                closes_on: q.closes_on.clone(),
                status: if q.published { "published" } else { "draft" }.into(),
                anonymous: q.anonymous,
                results_public: q.results_public,
                results_from: q.results_from.clone().unwrap_or_default(),
                open_data_text: q.open_data_text,
            };
            (Some(q), v, locked)
        }
        None => (
            None,
            SettingsValues {
                title: String::new(),
                slug: String::new(),
                intro: String::new(),
                process: env.ctx.query("process").unwrap_or_default().to_string(),
                opens_on: String::new(),
                closes_on: String::new(),
                status: "draft".into(),
                anonymous: false,
                results_public: false,
                results_from: String::new(),
                open_data_text: false,
            },
            false,
        ),
    };
    render_settings(
        env,
        current.as_ref(),
        &v,
        &SettingsErrors::default(),
        locked,
        http::StatusCode::OK,
    )
    .await
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
    let v = SettingsValues {
        title: form.get("title").to_string(),
        slug: form.get("slug").to_string(),
        intro: form.get("intro").to_string(),
        process: form.get("process").to_string(),
        opens_on: form.get("opens_on").to_string(),
        closes_on: form.get("closes_on").to_string(),
        status: form.get("status").to_string(),
        // Fixed once answers exist (they were given under that promise).
        anonymous: match &current {
            Some(q) if locked => q.anonymous,
            _ => form.get("anonymous") == "yes",
        },
        results_public: form.get("results_public") == "yes",
        results_from: form.get("results_from").trim().to_string(),
        open_data_text: form.get("open_data_text") == "yes",
    };
    let mut e = SettingsErrors::default();
    let title = line(&v.title, content::MAX_TITLE)
        .map_err(|x| e.title = Some(x))
        .ok();
    let new_slug = content::slug(&v.slug, title.as_deref().unwrap_or(""))
        .map_err(|x| e.slug = Some(x))
        .ok();
    let intro = content::text(&v.intro, content::MAX_DESCRIPTION)
        .map_err(|x| e.intro = Some(x))
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
    let results_from = match v.results_from.as_str() {
        "" => Some(None),
        typed => match palabre_domain::date::Day::parse(typed) {
            Some(day) => Some(Some(day.iso())),
            None => {
                e.results_from = Some(FieldError::InvalidDate);
                None
            }
        },
    };
    let process_id = match v.process.trim() {
        "" => Some(None),
        typed => {
            let choices = process_choices(&env.conn).await?;
            match typed
                .parse::<i64>()
                .ok()
                .filter(|id| choices.iter().any(|c| c.0 == *id))
            {
                Some(id) => Some(Some(id)),
                None => {
                    e.process = Some(FieldError::InvalidChoice);
                    None
                }
            }
        }
    };
    if let Some(s) = &new_slug
        && store::slug_taken(&env.conn, s, current.as_ref().map(|q| q.id)).await?
    {
        e.slug = Some(FieldError::SlugTaken);
    }
    let (
        Some(title),
        Some(new_slug),
        Some(intro),
        Some(published),
        Some(span),
        Some(results_from),
        Some(process_id),
        false,
    ) = (
        title,
        new_slug,
        intro,
        published,
        span,
        results_from,
        process_id,
        e.any(),
    )
    else {
        return render_settings(
            env,
            current.as_ref(),
            &v,
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
        anonymous: v.anonymous,
        results_public: v.results_public,
        results_from,
        open_data_text: v.open_data_text,
    };
    let was_published = current.as_ref().is_some_and(|q| q.published);
    let id = current.as_ref().map(|q| q.id);
    let user_id = env.ctx.visitor.user_id;
    let now = palabre_kit::now();
    let s = &settings;
    db::immediate(&env.conn, async |conn| {
        store::save_settings(conn, id, s, user_id, now).await?;
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
