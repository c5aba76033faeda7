//! What news and processes share: a title, an address, a summary, a text in
//! Markdown, a status (draft or published) and an optional image. One reading,
//! one check and one set of form fields for both.

use palabre_domain::account::{FieldError, line};
use palabre_domain::content::{self, MAX_BODY, MAX_SUMMARY};
use palabre_kit::forms::{FormView, Submission};
use palabre_kit::{Result, images};

use crate::Env;
use crate::handlers::status_options;
use crate::store::{self, Table};

/// The shared fields as shown in the form: from the row, or as typed.
pub struct ArticleValues {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub body: String,
    pub status: String,
    pub image_alt: String,
}

#[derive(Default, Clone, Copy)]
pub struct ArticleErrors {
    pub title: Option<FieldError>,
    pub slug: Option<FieldError>,
    pub summary: Option<FieldError>,
    pub body: Option<FieldError>,
    pub status: Option<FieldError>,
    pub image: Option<FieldError>,
    pub image_alt: Option<FieldError>,
}

impl ArticleErrors {
    pub fn any(&self) -> bool {
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

/// The shared fields, checked.
pub struct Article {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub body: String,
    pub published: bool,
    pub image: images::Change,
}

impl ArticleValues {
    pub fn blank() -> ArticleValues {
        ArticleValues {
            title: String::new(),
            slug: String::new(),
            summary: String::new(),
            body: String::new(),
            status: "draft".into(),
            image_alt: String::new(),
        }
    }

    pub fn read(form: &Submission) -> ArticleValues {
        ArticleValues {
            title: form.get("title").to_string(),
            slug: form.get("slug").to_string(),
            summary: form.get("summary").to_string(),
            body: form.get("body").to_string(),
            status: form.get("status").to_string(),
            image_alt: form.get("image_alt").to_string(),
        }
    }

    /// Checks the shared fields; the address must be free in `table` (but for
    /// the row `id` itself). Errors go beside the fields.
    pub async fn check(
        &self,
        env: &Env,
        form: &Submission,
        (table, id): (Table, Option<i64>),
        current_image: Option<i64>,
        errors: &mut ArticleErrors,
    ) -> Result<Option<Article>> {
        let image = images::Change::read(
            form,
            current_image,
            &mut errors.image,
            &mut errors.image_alt,
        );
        let title = line(&self.title, content::MAX_TITLE)
            .map_err(|e| errors.title = Some(e))
            .ok();
        let slug = content::slug(&self.slug, title.as_deref().unwrap_or(""))
            .map_err(|e| errors.slug = Some(e))
            .ok();
        let summary = content::text(&self.summary, MAX_SUMMARY)
            .map_err(|e| errors.summary = Some(e))
            .ok();
        let body = content::text(&self.body, MAX_BODY)
            .map_err(|e| errors.body = Some(e))
            .ok();
        let published = content::published(&self.status)
            .map_err(|e| errors.status = Some(e))
            .ok();
        if let Some(slug) = &slug
            && store::slug_taken(&env.conn, table, slug, id).await?
        {
            errors.slug = Some(FieldError::SlugTaken);
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
    pub fn head_fields(&self, form: FormView, errors: &ArticleErrors) -> FormView {
        form.input(
            "title",
            "text",
            "admin-field-title",
            &self.title,
            "off",
            errors.title,
        )
        .input(
            "slug",
            "text",
            "admin-field-slug",
            &self.slug,
            "off",
            errors.slug,
        )
        .optional()
        .hint("admin-field-slug-hint")
        .textarea(
            "summary",
            "admin-field-summary",
            &self.summary,
            errors.summary,
        )
        .optional()
        .textarea("body", "admin-field-body", &self.body, errors.body)
        .optional()
        .hint("admin-field-markdown-hint")
    }

    /// The image and the status.
    pub fn tail_fields(
        &self,
        env: &Env,
        form: FormView,
        image: Option<&images::Shown>,
        errors: &ArticleErrors,
    ) -> FormView {
        images::fields(
            form,
            image,
            &self.image_alt,
            (errors.image, errors.image_alt),
        )
        .select(
            "status",
            "admin-field-status",
            status_options(env),
            &self.status,
            errors.status,
        )
    }
}
