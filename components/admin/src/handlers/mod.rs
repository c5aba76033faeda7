pub mod article;
pub mod discussions;
pub mod index;
pub mod news;
pub mod pages;
pub mod processes;
pub mod site;
pub mod translations;

use palabre_domain::account::{FieldError, line};
use palabre_kit::forms::{FormView, Submission};
use palabre_kit::{Response, Result, activity, i18n, images, respond};
use serde_json::{Value, json};

use crate::Env;

/// What an image field asks for, once checked.
pub enum ImageChange {
    /// Keep the current image (its alternative text possibly edited).
    Keep(Option<i64>, String),
    /// A new file, checked, with its alternative text.
    New(Vec<u8>, images::Checked, String),
    Remove,
}

impl ImageChange {
    /// Reads the `image`, `image_alt` and `image_remove` fields; errors go
    /// beside the file or the text alternative.
    pub fn read(
        form: &Submission,
        current: Option<i64>,
        file_error: &mut Option<FieldError>,
        alt_error: &mut Option<FieldError>,
    ) -> Option<ImageChange> {
        let typed_alt = form.get("image_alt");
        let alt = |error: &mut Option<FieldError>| {
            line(typed_alt, 300).map_err(|e| *error = Some(e)).ok()
        };
        if let Some(bytes) = form.file("image") {
            let checked = images::check(bytes).map_err(|e| *file_error = Some(e)).ok();
            let alt = alt(alt_error);
            return Some(ImageChange::New(bytes.to_vec(), checked?, alt?));
        }
        if form.get("image_remove") == "yes" {
            return Some(ImageChange::Remove);
        }
        match current {
            Some(_) => alt(alt_error).map(|alt| ImageChange::Keep(current, alt)),
            None => Some(ImageChange::Keep(None, String::new())),
        }
    }

    /// Stores what changed; the image id to keep on the row.
    pub async fn apply(self, env: &Env) -> Result<Option<i64>> {
        match self {
            ImageChange::Keep(Some(id), alt) => {
                images::set_alt(&env.conn, id, &alt).await?;
                Ok(Some(id))
            }
            ImageChange::Keep(None, _) | ImageChange::Remove => Ok(None),
            ImageChange::New(bytes, checked, alt) => Ok(Some(
                images::store(&env.conn, &bytes, checked, &alt, env.ctx.visitor.user_id).await?,
            )),
        }
    }
}

/// The image fields of a form: the file, its text alternative, and (when
/// there is one) a way to remove it.
pub fn image_fields(
    form: FormView,
    current: Option<&images::Shown>,
    alt: &str,
    errors: (Option<FieldError>, Option<FieldError>),
) -> FormView {
    let form = form
        .image("image", "admin-field-image", errors.0)
        .optional()
        .hint("admin-field-image-hint")
        .input(
            "image_alt",
            "text",
            "admin-field-image-alt",
            alt,
            "off",
            errors.1,
        )
        .optional()
        .hint("admin-field-image-alt-hint");
    match current {
        Some(_) => form
            .checkbox("image_remove", "admin-field-image-remove", false, None)
            .optional(),
        None => form,
    }
}

/// After a successful save: back to the edit page, which says it was saved
/// (post/redirect/get, so reloading does not submit again).
pub fn saved(location: &str) -> Response {
    respond::redirect(&format!("{location}?saved=1"))
}

/// The "saved" notice when the page is shown after a save.
pub fn saved_notice(env: &Env) -> Option<String> {
    (env.ctx.query("saved") == Some("1")).then(|| i18n::t(env.ctx.locale, "admin-saved"))
}

pub use palabre_kit::app::{link, record, status_options};

/// Tells the platform's activity (and followers) what the commune published.
pub async fn announce(
    env: &Env,
    kind: &str,
    process_id: Option<i64>,
    title: &str,
    url: &str,
) -> Result<()> {
    activity::record(
        &env.conn,
        &activity::Activity {
            actor_id: None,
            kind,
            process_id,
            title,
            url,
            public: true,
            followed: None,
        },
    )
    .await?;
    Ok(())
}

/// A list page: a table whose first cell links to the row's edit page.
pub fn list_page(
    env: &Env,
    title_id: &str,
    columns: &[&str],
    rows: Vec<(String, Vec<String>)>,
    add: Option<Value>,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let title = i18n::t(locale, title_id);
    let rows: Vec<Value> = rows
        .into_iter()
        .map(|(href, cells)| json!({ "href": href, "cells": cells }))
        .collect();
    let columns: Vec<String> = columns.iter().map(|c| i18n::t(locale, c)).collect();
    let data = json!({
        "columns": columns,
        "rows": rows,
        "add": add,
        "back": link(env, "/admin", "admin-back-to-index"),
    });
    env.page("admin_list", &title, data)
}

/// Draft / published, as a select's options.
pub fn status_label(env: &Env, published: bool) -> String {
    let id = if published {
        "admin-status-published"
    } else {
        "admin-status-draft"
    };
    i18n::t(env.ctx.locale, id)
}
