pub mod article;
pub mod census;
pub mod dashboard;
pub mod desk;
pub mod discussions;
pub mod exports;
pub mod index;
pub mod letters;
pub mod logs;
pub mod moderation;
pub mod news;
pub mod pages;
pub mod people;
pub mod processes;
pub mod report;
pub mod site;
pub mod translations;

use palabre_kit::{Response, Result, activity, i18n, respond};

use crate::Env;

/// After a successful save: back to the edit page, which says it was saved
/// (post/redirect/get, so reloading does not submit again).
pub fn saved(location: &str) -> Response {
    respond::redirect(&format!("{location}?saved=1"))
}

/// The "saved" notice when the page is shown after a save.
pub fn saved_notice(env: &Env) -> Option<String> {
    (env.ctx.query("saved") == Some("1")).then(|| i18n::t(env.ctx.locale, "admin-saved"))
}

pub use palabre_kit::app::{audited, link, record_in, status_options};

/// Tells the platform's activity (and followers) what the commune published.
pub async fn announce(
    conn: &palabre_kit::db::Connection,
    kind: &str,
    process_id: Option<i64>,
    title: &str,
    url: &str,
) -> Result<()> {
    activity::record(
        conn,
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
    add: Option<palabre_kit::view::Link>,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let title = i18n::t(locale, title_id);
    let rows = rows
        .into_iter()
        .map(|(href, cells)| palabre_kit::view::Row { href, cells })
        .collect();
    let columns = columns.iter().map(|c| i18n::t(locale, c)).collect();
    let data = crate::views::List {
        columns,
        rows,
        add,
        back: link(env, "/admin", "admin-back-to-index"),
    };
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
