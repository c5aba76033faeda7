//! News, written by staff: list, new, edit, publish, with an optional image.

use palabre_domain::account::{FieldError, line};
use palabre_domain::content::{self, MAX_BODY, MAX_SUMMARY};
use palabre_kit::forms::FormView;
use palabre_kit::{Error, Response, Result, i18n, images};
use serde_json::json;

use crate::Env;
use crate::handlers::translations;
use crate::handlers::{
    ImageChange, announce, image_fields, link, list_page, record, saved, saved_notice,
    status_label, status_options,
};
use crate::store::{self, NewsInput, Table};
use palabre_kit::translations::Entity;

pub async fn list(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let rows = store::all_news(&env.conn)
        .await?
        .into_iter()
        .map(|n| {
            let date = i18n::long_date(locale, n.published_at.unwrap_or(n.updated_at));
            (
                format!("/admin/news/{}", n.id),
                vec![n.title, status_label(env, n.published), date],
            )
        })
        .collect();
    list_page(
        env,
        "admin-news-title",
        &["admin-col-title", "admin-col-status", "admin-col-published"],
        rows,
        Some(link(env, "/admin/news/new", "admin-news-new")),
    )
}

/// The values a form shows: from the row, or as typed.
struct Values {
    title: String,
    slug: String,
    summary: String,
    body: String,
    status: String,
    image_alt: String,
}

#[derive(Default)]
struct Errors {
    title: Option<FieldError>,
    slug: Option<FieldError>,
    summary: Option<FieldError>,
    body: Option<FieldError>,
    status: Option<FieldError>,
    image: Option<FieldError>,
    image_alt: Option<FieldError>,
}

impl Errors {
    fn any(&self) -> bool {
        [
            self.title,
            self.slug,
            self.summary,
            self.body,
            self.status,
            self.image,
            self.image_alt,
        ]
        .iter()
        .any(Option::is_some)
    }
}

async fn render(
    env: &Env,
    id: Option<i64>,
    values: &Values,
    errors: &Errors,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let current = match id {
        Some(id) => store::news(&env.conn, id).await?.and_then(|n| n.image_id),
        None => None,
    };
    let image = images::shown(&env.conn, current).await?;
    let form = FormView::new(locale)
        .input(
            "title",
            "text",
            "admin-field-title",
            &values.title,
            "off",
            errors.title,
        )
        .input(
            "slug",
            "text",
            "admin-field-slug",
            &values.slug,
            "off",
            errors.slug,
        )
        .optional()
        .hint("admin-field-slug-hint")
        .textarea(
            "summary",
            "admin-field-summary",
            &values.summary,
            errors.summary,
        )
        .optional()
        .textarea("body", "admin-field-body", &values.body, errors.body)
        .optional()
        .hint("admin-field-markdown-hint");
    let form = image_fields(
        form,
        image.as_ref(),
        &values.image_alt,
        (errors.image, errors.image_alt),
    )
    .select(
        "status",
        "admin-field-status",
        status_options(env),
        &values.status,
        errors.status,
    );
    let (title, action) = match id {
        Some(id) => (
            i18n::t(locale, "admin-news-edit"),
            format!("/admin/news/{id}"),
        ),
        None => (
            i18n::t(locale, "admin-news-new"),
            "/admin/news/new".to_string(),
        ),
    };
    let preview = (id.is_some() && values.status == "published" && !values.slug.is_empty())
        .then(|| link(env, &format!("/news/{}", values.slug), "admin-view-public"));
    let data = json!({
        "form": form.to_json(),
        "action": action,
        "submit": i18n::t(locale, "admin-save"),
        "saved": saved_notice(env),
        "back": link(env, "/admin/news", "admin-news-title"),
        "preview": preview,
        "image": image,
        "translations": id.map(|id| translations::links(env, Entity::News, id)),
    });
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn form(env: &Env, id: Option<i64>) -> Result<Response> {
    let values = match id {
        Some(id) => {
            let n = store::news(&env.conn, id).await?.ok_or(Error::NotFound)?;
            let image = images::shown(&env.conn, n.image_id).await?;
            Values {
                title: n.title,
                slug: n.slug,
                summary: n.summary,
                body: n.body,
                status: if n.published { "published" } else { "draft" }.into(),
                image_alt: image.map(|i| i.alt).unwrap_or_default(),
            }
        }
        None => Values {
            title: String::new(),
            slug: String::new(),
            summary: String::new(),
            body: String::new(),
            status: "draft".into(),
            image_alt: String::new(),
        },
    };
    render(env, id, &values, &Errors::default(), http::StatusCode::OK).await
}

pub async fn save(env: &mut Env, id: Option<i64>) -> Result<Response> {
    let (current, was_published) = match id {
        Some(id) => {
            let n = store::news(&env.conn, id).await?.ok_or(Error::NotFound)?;
            (n.image_id, n.published)
        }
        None => (None, false),
    };
    let form = env.submission().await?;
    let values = Values {
        title: form.get("title").to_string(),
        slug: form.get("slug").to_string(),
        summary: form.get("summary").to_string(),
        body: form.get("body").to_string(),
        status: form.get("status").to_string(),
        image_alt: form.get("image_alt").to_string(),
    };
    let mut errors = Errors::default();
    let image = ImageChange::read(&form, current, &mut errors.image, &mut errors.image_alt);
    let title = line(&values.title, 200)
        .map_err(|e| errors.title = Some(e))
        .ok();
    let slug = content::slug(&values.slug, title.as_deref().unwrap_or(""))
        .map_err(|e| errors.slug = Some(e))
        .ok();
    let summary = content::text(&values.summary, MAX_SUMMARY)
        .map_err(|e| errors.summary = Some(e))
        .ok();
    let body = content::text(&values.body, MAX_BODY)
        .map_err(|e| errors.body = Some(e))
        .ok();
    let published = content::published(&values.status)
        .map_err(|e| errors.status = Some(e))
        .ok();
    if let Some(slug) = &slug
        && store::slug_taken(&env.conn, Table::News, slug, id).await?
    {
        errors.slug = Some(FieldError::SlugTaken);
    }
    let (Some(title), Some(slug), Some(summary), Some(body), Some(published), Some(image), false) =
        (title, slug, summary, body, published, image, errors.any())
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
    let input = NewsInput {
        slug,
        title,
        summary,
        body,
        published,
        image_id: image.apply(env).await?,
    };
    let saved_id = store::save_news(&env.conn, id, &input, palabre_kit::now()).await?;
    record(env, "news-saved", &input.slug).await?;
    if input.published && !was_published {
        announce(
            env,
            "news-published",
            None,
            &input.title,
            &format!("/news/{}", input.slug),
        )
        .await?;
    }
    Ok(saved(&format!("/admin/news/{saved_id}")))
}
