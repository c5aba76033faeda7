//! Translations of what staff write (news, pages, processes, phases), one
//! language at a time; an empty field falls back to the default language.

use palabre_kit::view;
use std::collections::HashMap;

use palabre_domain::Locale;
use palabre_domain::account::{FieldError, line};
use palabre_domain::content::{self, MAX_BODY, MAX_SUMMARY};
use palabre_kit::db::{self, Value};
use palabre_kit::forms::{self, Entry, FormView};
use palabre_kit::translations::{self, Entity};
use palabre_kit::{Error, Response, Result, i18n};

use crate::Env;
use crate::handlers::{record_in, saved, saved_notice};

/// The item's texts in the default language, and where its edit page is.
async fn original(env: &Env, entity: Entity, id: i64) -> Result<(Vec<String>, String)> {
    let (sql, back) = match entity {
        Entity::News => (
            "SELECT title, summary, body FROM news WHERE id = ?",
            format!("/admin/news/{id}"),
        ),
        Entity::Page => (
            "SELECT title, body FROM pages WHERE id = ?",
            format!("/admin/pages/{id}"),
        ),
        Entity::Process => (
            "SELECT title, summary, body FROM processes WHERE id = ?",
            format!("/admin/processes/{id}"),
        ),
        Entity::Phase => (
            "SELECT name, description, process_id FROM process_phases WHERE id = ?",
            String::new(),
        ),
    };
    let row = db::query_one(&env.conn, sql, vec![Value::Integer(id)])
        .await?
        .ok_or(Error::NotFound)?;
    let count = entity.fields().len();
    let texts = (0..count).map(|i| db::text(&row, i)).collect();
    let back = if entity == Entity::Phase {
        format!("/admin/processes/{}/phases/{id}", db::int(&row, 2))
    } else {
        back
    };
    Ok((texts, back))
}

/// Links to an item's translations, for its edit page.
pub fn links(env: &Env, entity: Entity, id: i64) -> view::Translations {
    let locale = env.ctx.locale;
    let links = Locale::ALL
        .into_iter()
        .filter(|l| *l != env.site.default_locale)
        .map(|l| view::LangLink {
            href: format!("/admin/translations/{}/{id}/{}", entity.as_str(), l.code()),
            label: l.native_name().to_string(),
            lang: l.code().to_string(),
        })
        .collect();
    view::Translations {
        title: i18n::t(locale, "admin-translations"),
        links,
    }
}

fn field_label(field: &str) -> &'static str {
    match field {
        "title" => "admin-field-title",
        "summary" => "admin-field-summary",
        "body" => "admin-field-body",
        "name" => "admin-field-name",
        _ => "admin-field-description",
    }
}

fn check(field: &str, value: &str) -> std::result::Result<String, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    match field {
        "title" => line(value, content::MAX_TITLE),
        "name" => line(value, content::MAX_NAME),
        "summary" => content::text(value, MAX_SUMMARY),
        "description" => content::text(value, content::MAX_DESCRIPTION),
        _ => content::text(value, MAX_BODY),
    }
}

fn parse(entity: &str, locale: &str, env: &Env) -> Result<(Entity, Locale)> {
    let entity = Entity::parse(entity).ok_or(Error::NotFound)?;
    let locale: Locale = locale.parse().map_err(|_| Error::NotFound)?;
    if locale == env.site.default_locale {
        return Err(Error::NotFound);
    }
    Ok((entity, locale))
}

/// The version of a translation a form is opened on: its stored fields.
fn version(entity: Entity, stored: &HashMap<String, String>) -> String {
    let fields: Vec<&str> = entity
        .fields()
        .iter()
        .map(|f| stored.get(*f).map_or("", String::as_str))
        .collect();
    forms::version(&fields)
}

/// The form, over `entry` (the entity's fields); `stored` is the translation as saved now (its
/// version goes in the form).
fn render(
    env: &Env,
    target: (Entity, i64, Locale),
    original: &(Vec<String>, String),
    entry: &Entry,
    stored: &HashMap<String, String>,
    status: http::StatusCode,
) -> Result<Response> {
    let (entity, id, language) = target;
    let locale = env.ctx.locale;
    let mut form = FormView::of(locale, entry).versioned(Some(version(entity, stored)), status);
    for field in entity.fields() {
        form = if matches!(*field, "title" | "name") {
            form.input(field, "text", field_label(field), "off")
        } else {
            form.textarea(field, field_label(field))
        }
        .optional();
    }
    let title = i18n::t_args(
        locale,
        "admin-translation-title",
        &[
            ("language", language.native_name()),
            ("item", &original.0[0]),
        ],
    );
    let data = view::FormPage {
        intro: Some(i18n::t(locale, "admin-translation-intro")),
        saved: saved_notice(env),
        back: Some(view::Link::new(original.1.clone(), original.0[0].clone())),
        ..view::FormPage::new(
            format!(
                "/admin/translations/{}/{id}/{}",
                entity.as_str(),
                language.code()
            ),
            form.view(),
            i18n::t(locale, "admin-save"),
        )
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn form(env: &Env, entity: &str, id: i64, locale: &str) -> Result<Response> {
    let (entity, language) = parse(entity, locale, env)?;
    let original = original(env, entity, id).await?;
    let saved = translations::load(&env.conn, entity, id, language).await?;
    let mut entry = Entry::new();
    for f in entity.fields() {
        entry.set(f, saved.get(*f).cloned().unwrap_or_default());
    }
    render(
        env,
        (entity, id, language),
        &original,
        &entry,
        &saved,
        http::StatusCode::OK,
    )
}

pub async fn save(env: &mut Env, entity: &str, id: i64, locale: &str) -> Result<Response> {
    let (entity, language) = parse(entity, locale, env)?;
    let original = original(env, entity, id).await?;
    let form = env.submission().await?;
    let mut entry = Entry::read(&form, entity.fields());
    let checked: Vec<_> = entity
        .fields()
        .iter()
        .filter_map(|field| entry.check(field, |v| check(field, v)).map(|v| (*field, v)))
        .collect();
    if !entry.is_valid() {
        let stored = translations::load(&env.conn, entity, id, language).await?;
        return render(
            env,
            (entity, id, language),
            &original,
            &entry,
            &stored,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    // Compared and written under the write lock; a stale form gets back the
    // translation as saved meanwhile.
    let refused = db::immediate(&env.conn, async |conn| {
        let stored = translations::load(conn, entity, id, language).await?;
        if form.stale(&version(entity, &stored)) {
            return Ok(Some(stored));
        }
        translations::save(conn, entity, id, language, &checked).await?;
        record_in(conn, &env.ctx, "translation-saved", entity.as_str()).await?;
        Ok::<_, Error>(None)
    })
    .await?;
    if let Some(stored) = refused {
        return render(
            env,
            (entity, id, language),
            &original,
            &entry,
            &stored,
            http::StatusCode::CONFLICT,
        );
    }
    Ok(saved(&format!(
        "/admin/translations/{}/{id}/{}",
        entity.as_str(),
        language.code()
    )))
}
