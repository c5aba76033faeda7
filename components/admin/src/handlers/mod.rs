pub mod index;
pub mod news;
pub mod pages;
pub mod processes;
pub mod site;

use palabre_kit::{Response, Result, audit, form, i18n, respond};
use serde_json::{Value, json};

use crate::Env;

/// A submitted form, read once.
pub struct Submitted(Vec<(String, String)>);

impl Submitted {
    pub async fn read(env: &mut Env) -> Result<Submitted> {
        Ok(Submitted(env.form().await?))
    }

    /// The field's value ("" when absent).
    pub fn get(&self, name: &str) -> &str {
        form::field(&self.0, name).unwrap_or_default()
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

pub fn link(env: &Env, href: &str, label_id: &str) -> Value {
    json!({ "href": href, "label": i18n::t(env.ctx.locale, label_id) })
}

/// Records a staff action in the audit log.
pub async fn record(env: &Env, action: &str, subject: &str) -> Result<()> {
    audit::record(
        &env.conn,
        env.ctx.visitor.user_id,
        action,
        Some(subject),
        env.ctx.client_ip.as_deref(),
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
pub fn status_options(env: &Env) -> Vec<(String, String)> {
    vec![
        (
            "draft".into(),
            i18n::t(env.ctx.locale, "admin-status-draft"),
        ),
        (
            "published".into(),
            i18n::t(env.ctx.locale, "admin-status-published"),
        ),
    ]
}

pub fn status_label(env: &Env, published: bool) -> String {
    let id = if published {
        "admin-status-published"
    } else {
        "admin-status-draft"
    };
    i18n::t(env.ctx.locale, id)
}
