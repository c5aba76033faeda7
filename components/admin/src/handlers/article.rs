//! What news and processes share: a title, an address, a summary, a text in
//! Markdown, a status (draft or published) and an optional image. One reading,
//! one check and one set of form fields for both.

use palabre_domain::account::{FieldError, line};
use palabre_domain::content::{self, MAX_BODY, MAX_SUMMARY};
use palabre_kit::forms::{Entry, FormView, Submission};
use palabre_kit::{Result, images};

use crate::Env;
use crate::handlers::status_options;
use crate::store::{self, Table};

/// The shared fields (the image's are read by `images::Change::read`).
pub const FIELDS: [&str; 5] = ["title", "slug", "summary", "body", "status"];

/// The shared fields, checked.
pub struct Article {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub body: String,
    pub published: bool,
    pub image: images::Change,
}

/// A new article's form: a draft.
pub fn blank() -> Entry {
    Entry::new().with("status", "draft")
}

/// A stored article's form (`image`: its current image).
pub fn stored(
    (title, slug, summary, body): (&str, &str, &str, &str),
    published: bool,
    image: Option<&images::Shown>,
) -> Entry {
    Entry::new()
        .with("title", title)
        .with("slug", slug)
        .with("summary", summary)
        .with("body", body)
        .with("status", if published { "published" } else { "draft" })
        .with(
            "image_alt",
            image.map(|i| i.alt.clone()).unwrap_or_default(),
        )
}

/// Checks the shared fields of `entry` (read from `form` with [`FIELDS`]);
/// the address must be free in `table` (but for the row `id` itself).
/// Errors go beside the fields.
pub async fn check(
    env: &Env,
    form: &Submission,
    entry: &mut Entry,
    (table, id): (Table, Option<i64>),
    current_image: Option<i64>,
) -> Result<Option<Article>> {
    let image = images::Change::read(form, current_image, entry);
    let title = entry.check("title", |v| line(v, content::MAX_TITLE));
    let slug = entry.check("slug", |v| content::slug(v, title.as_deref().unwrap_or("")));
    let summary = entry.check("summary", |v| content::text(v, MAX_SUMMARY));
    let body = entry.check("body", |v| content::text(v, MAX_BODY));
    let published = entry.check("status", content::published);
    if let Some(slug) = &slug
        && store::slug_taken(&env.conn, table, slug, id).await?
    {
        entry.refuse("slug", FieldError::SlugTaken);
    }
    Ok(match (title, slug, summary, body, published, image) {
        (Some(title), Some(slug), Some(summary), Some(body), Some(published), Some(image)) => {
            Some(Article {
                title,
                slug,
                summary,
                body,
                published,
                image,
            })
        }
        _ => None,
    })
}

/// Title, address, summary and text.
pub fn head_fields(form: FormView) -> FormView {
    form.input("title", "text", "admin-field-title", "off")
        .input("slug", "text", "admin-field-slug", "off")
        .optional()
        .hint("admin-field-slug-hint")
        .textarea("summary", "admin-field-summary")
        .optional()
        .textarea("body", "admin-field-body")
        .optional()
        .hint("admin-field-markdown-hint")
}

/// The image and the status.
pub fn tail_fields(env: &Env, form: FormView, image: Option<&images::Shown>) -> FormView {
    images::fields(form, image).select("status", "admin-field-status", status_options(env))
}
