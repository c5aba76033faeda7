//! The builder (staff): settings, sections, questions of every kind with
//! their options and conditions, reordering, preview. Questions are fixed
//! once anyone started answering: a new version is published instead.

use crate::views;
use palabre_domain::Role;
use palabre_domain::account::{FieldError, line};
use palabre_domain::content;
use palabre_domain::process::{Span, SpanError};
use palabre_domain::questionnaire::{self as rules, Condition, Kind};
use palabre_kit::activity::{self, Activity};
use palabre_kit::app::{audited, link, record_in, status_options};
use palabre_kit::forms::{FormView, Submission};
use palabre_kit::participation::process_choices;
use palabre_kit::respond::{self, Cache};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, db, i18n};

use super::answer::question_view;
use super::visible;
use crate::Env;
use crate::store::{self, Part, QuestionInput, Questionnaire, Settings};

/// The questionnaire, for staff.
async fn staff_questionnaire(env: &Env, slug: &str) -> Result<Questionnaire> {
    env.ctx.require(Role::Moderator)?;
    visible(env, slug).await
}

// ---- settings

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
    let title = line(&v.title, 200).map_err(|x| e.title = Some(x)).ok();
    let new_slug = content::slug(&v.slug, title.as_deref().unwrap_or(""))
        .map_err(|x| e.slug = Some(x))
        .ok();
    let intro = content::text(&v.intro, 20_000)
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

// ---- the builder page

fn kind_label(env: &Env, kind: Kind) -> String {
    i18n::t(env.ctx.locale, &format!("kind-{}", kind.as_str()))
}

/// "Q3 is “Yes”": how a condition reads.
fn condition_text(env: &Env, sections: &[store::Section], c: Condition) -> String {
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

pub async fn builder(env: &Env, slug: &str) -> Result<Response> {
    let locale = env.ctx.locale;
    let q = staff_questionnaire(env, slug).await?;
    let locked = store::has_responses(&env.conn, q.id).await?;
    let sections = store::structure(&env.conn, q.id).await?;
    let base = format!("/questionnaires/{}", q.slug);
    let mut n = 0;
    let built = sections
        .iter()
        .map(|s| {
            let questions = s
                .items
                .iter()
                .map(|item| {
                    n += 1;
                    let id = item.question.id;
                    views::BuiltQuestion {
                        n,
                        label: item.label.clone(),
                        kind: kind_label(env, item.question.kind),
                        required: item.question.required,
                        condition: item
                            .question
                            .condition
                            .map(|c| condition_text(env, &sections, c)),
                        edit: format!("{base}/questions/{id}"),
                        r#move: format!("{base}/questions/{id}/move"),
                        delete: format!("{base}/questions/{id}/delete"),
                    }
                })
                .collect();
            views::BuiltSection {
                title: s.title.clone(),
                edit: format!("{base}/sections/{}", s.id),
                r#move: format!("{base}/sections/{}/move", s.id),
                delete: format!("{base}/sections/{}/delete", s.id),
                add_question: format!("{base}/questions/new?section={}", s.id),
                questions,
            }
        })
        .collect();
    let data = views::Builder {
        questionnaire: views::BuiltQuestionnaire {
            title: q.title.clone(),
            href: base.clone(),
            status: palabre_kit::participation::dates(locale, &q.opens_on, &q.closes_on).1,
            draft: !q.published,
            version: i18n::t_args(
                locale,
                "questionnaire-version",
                &[("version", &q.version.to_string())],
            ),
            responses: i18n::t_args(
                locale,
                "questionnaire-responses",
                &[("count", &q.responses_count.to_string())],
            ),
        },
        saved: (env.ctx.query("saved") == Some("1")).then(|| i18n::t(locale, "admin-saved")),
        locked,
        sections: built,
        links: vec![
            link(
                env,
                &format!("{base}/settings"),
                "questionnaire-settings-title",
            ),
            link(env, &format!("{base}/preview"), "questionnaire-preview"),
            link(env, &format!("{base}/results"), "questionnaire-results"),
            link(
                env,
                &format!("{base}/export.csv"),
                "questionnaire-export-csv",
            ),
            link(
                env,
                &format!("{base}/export.json"),
                "questionnaire-export-json",
            ),
        ],
        base,
    };
    let title = i18n::t_args(locale, "questionnaire-builder-of", &[("title", &q.title)]);
    let page = env.page("builder", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

/// Structure changes are refused once answers exist.
async fn refuse_if_locked(env: &Env, q: &Questionnaire) -> Result<Option<Response>> {
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

pub async fn preview(env: &Env, slug: &str) -> Result<Response> {
    let locale = env.ctx.locale;
    let q = staff_questionnaire(env, slug).await?;
    let sections = store::structure(&env.conn, q.id).await?;
    let none = |_: &str| Vec::new();
    let shown = sections
        .iter()
        .map(|s| crate::views::PreviewSection {
            title: s.title.clone(),
            description: s.description.clone(),
            questions: s
                .items
                .iter()
                .map(|item| crate::views::Question {
                    condition: item
                        .question
                        .condition
                        .map(|c| condition_text(env, &sections, c)),
                    ..question_view(env, item, &none, None)
                })
                .collect(),
        })
        .collect();
    let data = crate::views::Preview {
        questionnaire: palabre_kit::view::Titled {
            title: q.title.clone(),
            href: format!("/questionnaires/{}/edit", q.slug),
        },
        sections: shown,
    };
    let title = i18n::t_args(locale, "questionnaire-preview-of", &[("title", &q.title)]);
    let page = env.page("preview", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

// ---- sections

pub async fn add_section(env: &mut Env, slug: &str) -> Result<Response> {
    let q = staff_questionnaire(env, slug).await?;
    if let Some(refused) = refuse_if_locked(env, &q).await? {
        return Ok(refused);
    }
    let form = env.submission().await?;
    let title = match line(form.get("title"), 200) {
        Ok(t) => t,
        Err(e) => {
            return render_section_form(env, &q, None, form.get("title"), "", Some(e), None).await;
        }
    };
    audited(env, "questionnaire-saved", &q.slug, async |conn| {
        Ok(store::add_section(conn, q.id, &title, "").await?)
    })
    .await?;
    Ok(respond::redirect(&format!(
        "/questionnaires/{}/edit?saved=1",
        q.slug
    )))
}

async fn render_section_form(
    env: &Env,
    q: &Questionnaire,
    id: Option<i64>,
    title: &str,
    description: &str,
    title_error: Option<FieldError>,
    description_error: Option<FieldError>,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::new(locale)
        .input(
            "title",
            "text",
            "questionnaire-field-section-title",
            title,
            "off",
            title_error,
        )
        .textarea(
            "description",
            "questionnaire-field-section-description",
            description,
            description_error,
        )
        .optional();
    let action = match id {
        Some(id) => format!("/questionnaires/{}/sections/{id}", q.slug),
        None => format!("/questionnaires/{}/sections", q.slug),
    };
    let status = if title_error.is_some() || description_error.is_some() {
        http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        http::StatusCode::OK
    };
    let data = FormPage {
        back: Some(link(
            env,
            &format!("/questionnaires/{}/edit", q.slug),
            "questionnaire-builder-title",
        )),
        ..FormPage::new(action, form.view(), i18n::t(locale, "admin-save"))
    };
    let page_title = i18n::t(locale, "questionnaire-section-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &page_title, data)
}

fn part_id(raw: &str) -> Result<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(Error::NotFound)
}

pub async fn section_form(env: &Env, slug: &str, raw_id: &str) -> Result<Response> {
    let q = staff_questionnaire(env, slug).await?;
    let id = part_id(raw_id)?;
    let sections = store::structure(&env.conn, q.id).await?;
    let s = sections
        .iter()
        .find(|s| s.id == id)
        .ok_or(Error::NotFound)?;
    render_section_form(env, &q, Some(id), &s.title, &s.description, None, None).await
}

pub async fn save_section(env: &mut Env, slug: &str, raw_id: &str) -> Result<Response> {
    let q = staff_questionnaire(env, slug).await?;
    let id = part_id(raw_id)?;
    let sections = store::structure(&env.conn, q.id).await?;
    if !sections.iter().any(|s| s.id == id) {
        return Err(Error::NotFound);
    }
    if let Some(refused) = refuse_if_locked(env, &q).await? {
        return Ok(refused);
    }
    let form = env.submission().await?;
    let title = line(form.get("title"), 200);
    let description = content::text(form.get("description"), 5_000);
    let (Ok(title), Ok(description)) = (&title, &description) else {
        return render_section_form(
            env,
            &q,
            Some(id),
            form.get("title"),
            form.get("description"),
            title.err(),
            description.err(),
        )
        .await;
    };
    audited(env, "questionnaire-saved", &q.slug, async |conn| {
        Ok(store::update_section(conn, id, title, description).await?)
    })
    .await?;
    Ok(respond::redirect(&format!(
        "/questionnaires/{}/edit?saved=1",
        q.slug
    )))
}

/// `POST …/sections|questions/<id>/move|delete`.
pub async fn rearrange(
    env: &mut Env,
    slug: &str,
    kind: &str,
    raw_id: &str,
    action: &str,
) -> Result<Response> {
    let q = staff_questionnaire(env, slug).await?;
    let id = part_id(raw_id)?;
    if let Some(refused) = refuse_if_locked(env, &q).await? {
        return Ok(refused);
    }
    let form = env.submission().await?;
    let part = if kind == "sections" {
        Part::Section
    } else {
        Part::Question
    };
    let up = match (action, form.get("direction")) {
        ("move", "up") => Some(true),
        ("move", "down") => Some(false),
        ("move", _) => return Err(Error::BadRequest("direction")),
        _ => None,
    };
    audited(env, "questionnaire-saved", &q.slug, async |conn| {
        match up {
            Some(up) => store::move_part(conn, part, q.id, id, up).await?,
            None => store::delete_part(conn, part, q.id, id).await?,
        }
        Ok(())
    })
    .await?;
    Ok(respond::redirect(&format!(
        "/questionnaires/{}/edit?saved=1",
        q.slug
    )))
}

// ---- questions

struct QuestionValues {
    section: String,
    kind: String,
    label: String,
    help: String,
    required: bool,
    options: String,
    rows: String,
    other: bool,
    min: String,
    max: String,
    min_label: String,
    max_label: String,
    condition: String,
}

#[derive(Default)]
struct QuestionErrors {
    section: Option<FieldError>,
    kind: Option<FieldError>,
    label: Option<FieldError>,
    help: Option<FieldError>,
    options: Option<FieldError>,
    rows: Option<FieldError>,
    min: Option<FieldError>,
    max: Option<FieldError>,
    labels: Option<FieldError>,
    condition: Option<FieldError>,
}

impl QuestionErrors {
    fn any(&self) -> bool {
        [
            self.section,
            self.kind,
            self.label,
            self.help,
            self.options,
            self.rows,
            self.min,
            self.max,
            self.labels,
            self.condition,
        ]
        .iter()
        .any(Option::is_some)
    }
}

/// Questions a condition may refer to: choices and yes/no in a section before
/// `section_id`, each option as `<question id>:<option>`.
fn condition_choices(
    env: &Env,
    sections: &[store::Section],
    section_id: Option<i64>,
) -> Vec<(String, String)> {
    let locale = env.ctx.locale;
    let position = sections
        .iter()
        .position(|s| Some(s.id) == section_id)
        .unwrap_or(sections.len());
    let mut out = vec![(String::new(), i18n::t(locale, "condition-none"))];
    let mut n = 0;
    for (index, s) in sections.iter().enumerate() {
        for item in &s.items {
            n += 1;
            if index >= position || !item.question.kind.may_be_condition() {
                continue;
            }
            let options: Vec<String> = if item.question.kind == Kind::YesNo {
                vec![i18n::t(locale, "answer-yes"), i18n::t(locale, "answer-no")]
            } else {
                item.question.options.clone()
            };
            for (i, o) in options.iter().enumerate() {
                out.push((
                    format!("{}:{i}", item.question.id),
                    format!("Q{n}. {} → {o}", item.label),
                ));
            }
        }
    }
    out
}

async fn render_question_form(
    env: &Env,
    q: &Questionnaire,
    id: Option<i64>,
    v: &QuestionValues,
    e: &QuestionErrors,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let sections = store::structure(&env.conn, q.id).await?;
    let section_choices: Vec<(String, String)> = sections
        .iter()
        .map(|s| (s.id.to_string(), s.title.clone()))
        .collect();
    let kinds: Vec<(String, String)> = Kind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), kind_label(env, *k)))
        .collect();
    let conditions = condition_choices(env, &sections, v.section.parse().ok());
    let form = FormView::new(locale)
        .select(
            "section",
            "questionnaire-field-section",
            section_choices,
            &v.section,
            e.section,
        )
        .select("kind", "questionnaire-field-kind", kinds, &v.kind, e.kind)
        .input(
            "label",
            "text",
            "questionnaire-field-label",
            &v.label,
            "off",
            e.label,
        )
        .input(
            "help",
            "text",
            "questionnaire-field-help",
            &v.help,
            "off",
            e.help,
        )
        .optional()
        .checkbox("required", "questionnaire-field-required", v.required, None)
        .optional()
        .textarea(
            "options",
            "questionnaire-field-options",
            &v.options,
            e.options,
        )
        .optional()
        .hint("questionnaire-field-options-hint")
        .textarea("rows", "questionnaire-field-rows", &v.rows, e.rows)
        .optional()
        .hint("questionnaire-field-rows-hint")
        .checkbox("other", "questionnaire-field-other", v.other, None)
        .optional()
        .hint("questionnaire-field-other-hint")
        .input(
            "min",
            "number",
            "questionnaire-field-min",
            &v.min,
            "off",
            e.min,
        )
        .optional()
        .hint("questionnaire-field-min-hint")
        .input(
            "max",
            "number",
            "questionnaire-field-max",
            &v.max,
            "off",
            e.max,
        )
        .optional()
        .hint("questionnaire-field-max-hint")
        .input(
            "min_label",
            "text",
            "questionnaire-field-min-label",
            &v.min_label,
            "off",
            e.labels,
        )
        .optional()
        .input(
            "max_label",
            "text",
            "questionnaire-field-max-label",
            &v.max_label,
            "off",
            None,
        )
        .optional()
        .select(
            "condition",
            "questionnaire-field-condition",
            conditions,
            &v.condition,
            e.condition,
        )
        .hint("questionnaire-field-condition-hint");
    let action = match id {
        Some(id) => format!("/questionnaires/{}/questions/{id}", q.slug),
        None => format!("/questionnaires/{}/questions/new", q.slug),
    };
    let data = FormPage {
        back: Some(link(
            env,
            &format!("/questionnaires/{}/edit", q.slug),
            "questionnaire-builder-title",
        )),
        ..FormPage::new(action, form.view(), i18n::t(locale, "admin-save"))
    };
    let title = i18n::t(
        locale,
        if id.is_some() {
            "questionnaire-question-edit"
        } else {
            "questionnaire-question-new"
        },
    );
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn question_form(env: &Env, slug: &str, raw_id: Option<&str>) -> Result<Response> {
    let q = staff_questionnaire(env, slug).await?;
    let sections = store::structure(&env.conn, q.id).await?;
    let (id, v) = match raw_id {
        Some(raw) => {
            let id = part_id(raw)?;
            let item = sections
                .iter()
                .flat_map(|s| s.items.iter())
                .find(|i| i.question.id == id)
                .ok_or(Error::NotFound)?;
            let qq = &item.question;
            (
                Some(id),
                QuestionValues {
                    section: item.section_id.to_string(),
                    kind: qq.kind.as_str().to_string(),
                    label: item.label.clone(),
                    help: item.help.clone(),
                    required: qq.required,
                    options: qq.options.join("\n"),
                    rows: qq.rows.join("\n"),
                    other: qq.other,
                    min: qq.min.map(|x| x.to_string()).unwrap_or_default(),
                    max: qq.max.map(|x| x.to_string()).unwrap_or_default(),
                    min_label: item.min_label.clone(),
                    max_label: item.max_label.clone(),
                    condition: qq
                        .condition
                        .map(|c| format!("{}:{}", c.question_id, c.option))
                        .unwrap_or_default(),
                },
            )
        }
        None => {
            if sections.is_empty() {
                return Ok(respond::redirect(&format!(
                    "/questionnaires/{}/edit",
                    q.slug
                )));
            }
            (
                None,
                QuestionValues {
                    section: env.ctx.query("section").unwrap_or_default().to_string(),
                    kind: "single".into(),
                    label: String::new(),
                    help: String::new(),
                    required: false,
                    options: String::new(),
                    rows: String::new(),
                    other: false,
                    min: String::new(),
                    max: String::new(),
                    min_label: String::new(),
                    max_label: String::new(),
                    condition: String::new(),
                },
            )
        }
    };
    render_question_form(
        env,
        &q,
        id,
        &v,
        &QuestionErrors::default(),
        http::StatusCode::OK,
    )
    .await
}

fn optional_int(raw: &str, error: &mut Option<FieldError>) -> Option<i64> {
    match raw.trim() {
        "" => None,
        typed => match typed.parse::<i64>() {
            Ok(v) if v.abs() <= 1_000_000_000 => Some(v),
            _ => {
                *error = Some(FieldError::InvalidChoice);
                None
            }
        },
    }
}

fn read_values(form: &Submission) -> QuestionValues {
    QuestionValues {
        section: form.get("section").to_string(),
        kind: form.get("kind").to_string(),
        label: form.get("label").to_string(),
        help: form.get("help").to_string(),
        required: form.get("required") == "yes",
        options: form.get("options").to_string(),
        rows: form.get("rows").to_string(),
        other: form.get("other") == "yes",
        min: form.get("min").to_string(),
        max: form.get("max").to_string(),
        min_label: form.get("min_label").to_string(),
        max_label: form.get("max_label").to_string(),
        condition: form.get("condition").to_string(),
    }
}

pub async fn save_question(env: &mut Env, slug: &str, raw_id: Option<&str>) -> Result<Response> {
    let q = staff_questionnaire(env, slug).await?;
    let sections = store::structure(&env.conn, q.id).await?;
    let id = match raw_id {
        Some(raw) => {
            let id = part_id(raw)?;
            if !sections
                .iter()
                .flat_map(|s| s.items.iter())
                .any(|i| i.question.id == id)
            {
                return Err(Error::NotFound);
            }
            Some(id)
        }
        None => None,
    };
    if let Some(refused) = refuse_if_locked(env, &q).await? {
        return Ok(refused);
    }
    let form = env.submission().await?;
    let v = read_values(&form);
    let mut e = QuestionErrors::default();
    let section_id = v
        .section
        .parse::<i64>()
        .ok()
        .filter(|s| sections.iter().any(|x| x.id == *s));
    if section_id.is_none() {
        e.section = Some(FieldError::InvalidChoice);
    }
    let kind = v.kind.parse::<Kind>().ok();
    if kind.is_none() {
        e.kind = Some(FieldError::InvalidChoice);
    }
    let label = line(&v.label, 500).map_err(|x| e.label = Some(x)).ok();
    let help = if v.help.trim().is_empty() {
        Some(String::new())
    } else {
        line(&v.help, 1000).map_err(|x| e.help = Some(x)).ok()
    };
    let options = rules::option_list(&v.options)
        .map_err(|x| e.options = Some(x))
        .ok()
        .unwrap_or_default();
    let rows = rules::option_list(&v.rows)
        .map_err(|x| e.rows = Some(x))
        .ok()
        .unwrap_or_default();
    let mut min = optional_int(&v.min, &mut e.min);
    let mut max = optional_int(&v.max, &mut e.max);
    let (min_label, max_label) = (
        v.min_label.trim().to_string(),
        v.max_label.trim().to_string(),
    );
    if min_label.chars().count() > 100 || max_label.chars().count() > 100 {
        e.labels = Some(FieldError::TooLong);
    }
    let mut other = v.other;
    if let Some(kind) = kind {
        if kind.has_options() && options.len() < 2 && e.options.is_none() {
            e.options = Some(FieldError::Required);
        }
        if kind == Kind::Matrix && rows.is_empty() && e.rows.is_none() {
            e.rows = Some(FieldError::Required);
        }
        if !kind.may_have_other() {
            other = false;
        }
        match kind {
            Kind::Multiple => {
                let most = options.len() as i64 + i64::from(other);
                if min.is_some_and(|m| m < 0 || m > most) {
                    e.min = Some(FieldError::InvalidChoice);
                }
                if max.is_some_and(|m| m < 1 || m > most || min.is_some_and(|n| m < n)) {
                    e.max = Some(FieldError::InvalidChoice);
                }
            }
            Kind::Scale => {
                min = None;
                if max.is_some_and(|m| !(2..=10).contains(&m)) {
                    e.max = Some(FieldError::InvalidChoice);
                }
            }
            Kind::Number => {
                if let (Some(a), Some(b)) = (min, max)
                    && b < a
                {
                    e.max = Some(FieldError::EndBeforeStart);
                }
            }
            _ => {
                min = None;
                max = None;
            }
        }
    }
    // A condition refers to a choice in an earlier section.
    let condition = match v.condition.trim() {
        "" => Some(None),
        typed => {
            let eligible = condition_choices(env, &sections, section_id);
            let parsed = typed.split_once(':').and_then(|(qid, opt)| {
                Some(Condition {
                    question_id: qid.parse().ok()?,
                    option: opt.parse().ok()?,
                })
            });
            match parsed {
                Some(c)
                    if eligible.iter().any(|(value, _)| value == typed)
                        && Some(c.question_id) != id =>
                {
                    Some(Some(c))
                }
                _ => {
                    e.condition = Some(FieldError::InvalidChoice);
                    None
                }
            }
        }
    };
    let (Some(section_id), Some(kind), Some(label), Some(help), Some(condition), false) =
        (section_id, kind, label, help, condition, e.any())
    else {
        return render_question_form(env, &q, id, &v, &e, http::StatusCode::UNPROCESSABLE_ENTITY)
            .await;
    };
    let keep_options = kind.has_options();
    let input = QuestionInput {
        section_id,
        kind,
        label,
        help,
        required: v.required,
        options: if keep_options {
            options.join("\n")
        } else {
            String::new()
        },
        rows: if kind == Kind::Matrix {
            rows.join("\n")
        } else {
            String::new()
        },
        other,
        min,
        max,
        min_label: if kind == Kind::Scale {
            min_label
        } else {
            String::new()
        },
        max_label: if kind == Kind::Scale {
            max_label
        } else {
            String::new()
        },
        condition,
    };
    audited(env, "questionnaire-saved", &q.slug, async |conn| {
        Ok(store::save_question(conn, q.id, id, &input).await?)
    })
    .await?;
    Ok(respond::redirect(&format!(
        "/questionnaires/{}/edit?saved=1",
        q.slug
    )))
}

// ---- versions

/// `POST /questionnaires/<slug>/new-version`: a draft copy to change, with
/// the next version number; the answered version stays as it is.
pub async fn new_version(env: &mut Env, slug: &str) -> Result<Response> {
    let q = staff_questionnaire(env, slug).await?;
    let _ = env.submission().await?;
    let base = q
        .slug
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches("-v");
    let base = if base.is_empty() {
        q.slug.as_str()
    } else {
        base
    };
    let mut version = q.version + 1;
    let new_slug = loop {
        let candidate: String = format!("{base}-v{version}").chars().take(120).collect();
        if !store::slug_taken(&env.conn, &candidate, None).await? {
            break candidate;
        }
        version += 1;
    };
    let user_id = env.ctx.visitor.user_id;
    let now = palabre_kit::now();
    let qq = &q;
    let slug_ref = &new_slug;
    audited(env, "questionnaire-new-version", &new_slug, async |conn| {
        Ok(store::copy_version(conn, qq, slug_ref, user_id, now).await?)
    })
    .await?;
    Ok(respond::redirect(&format!(
        "/questionnaires/{new_slug}/edit?saved=1"
    )))
}
