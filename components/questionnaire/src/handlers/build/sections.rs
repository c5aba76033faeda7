//! Sections: added, edited, moved; questions moved and deleted.

use palabre_domain::account::line;
use palabre_domain::content;
use palabre_domain::questionnaire::MAX_SECTION_DESCRIPTION;
use palabre_kit::app::{audited, link};
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::respond::{self};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, i18n};

use crate::Env;
use crate::store::{self, Part, Questionnaire};

use super::*;

pub async fn add_section(env: &mut Env, slug: &str) -> Result<Response> {
    let q = staff_questionnaire(env, slug).await?;
    if let Some(refused) = refuse_if_locked(env, &q).await? {
        return Ok(refused);
    }
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &["title"]);
    let Some(title) = e.check("title", |v| line(v, content::MAX_TITLE)) else {
        return render_section_form(env, &q, None, &e).await;
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
    entry: &Entry,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::of(locale, entry)
        .input("title", "text", "questionnaire-field-section-title", "off")
        .textarea("description", "questionnaire-field-section-description")
        .optional();
    let action = match id {
        Some(id) => format!("/questionnaires/{}/sections/{id}", q.slug),
        None => format!("/questionnaires/{}/sections", q.slug),
    };
    let status = if entry.is_valid() {
        http::StatusCode::OK
    } else {
        http::StatusCode::UNPROCESSABLE_ENTITY
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

pub async fn section_form(env: &Env, slug: &str, raw_id: &str) -> Result<Response> {
    let q = staff_questionnaire(env, slug).await?;
    let id = part_id(raw_id)?;
    let sections = store::structure(&env.conn, q.id).await?;
    let s = sections
        .iter()
        .find(|s| s.id == id)
        .ok_or(Error::NotFound)?;
    let entry = Entry::new()
        .with("title", s.title.as_str())
        .with("description", s.description.as_str());
    render_section_form(env, &q, Some(id), &entry).await
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
    let mut e = Entry::read(&form, &["title", "description"]);
    let title = e.check("title", |v| line(v, content::MAX_TITLE));
    let description = e.check("description", |v| content::text(v, MAX_SECTION_DESCRIPTION));
    let (Some(title), Some(description)) = (title, description) else {
        return render_section_form(env, &q, Some(id), &e).await;
    };
    audited(env, "questionnaire-saved", &q.slug, async |conn| {
        Ok(store::update_section(conn, id, &title, &description).await?)
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
