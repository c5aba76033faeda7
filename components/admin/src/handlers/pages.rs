//! Static pages (about, how to take part, legal notice, privacy, terms,
//! accessibility statement): staff edit their title and text. Their addresses
//! are fixed, since the footer and the sign-up form link to them.

use palabre_domain::account::line;
use palabre_domain::content::{self, MAX_BODY};
use palabre_kit::db;
use palabre_kit::forms::{self, Entry, FormView};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, i18n};

use crate::handlers::translations;
use crate::handlers::{link, list_page, record_in, saved, saved_notice};
use crate::{Env, store};
use palabre_kit::translations::Entity;

pub async fn list(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let rows = store::all_pages(&env.conn)
        .await?
        .into_iter()
        .map(|p| {
            (
                format!("/admin/pages/{}", p.id),
                vec![
                    p.title,
                    format!("/pages/{}", p.slug),
                    i18n::long_date(locale, p.updated_at),
                ],
            )
        })
        .collect();
    list_page(
        env,
        "admin-pages-title",
        &["admin-col-title", "admin-col-address", "admin-col-updated"],
        rows,
        None,
    )
}

/// The version of a page an edit form is opened on.
fn version(page: &store::Page) -> String {
    forms::version(&[&page.title, &page.body])
}

fn render(
    env: &Env,
    page: &store::Page,
    entry: &Entry,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::of(locale, entry)
        .input("title", "text", "admin-field-title", "off")
        .textarea("body", "admin-field-body")
        .optional()
        .hint("admin-field-markdown-hint")
        .versioned(Some(version(page)), status);
    let data = FormPage {
        saved: saved_notice(env),
        back: Some(link(env, "/admin/pages", "admin-pages-title")),
        preview: Some(link(
            env,
            &format!("/pages/{}", page.slug),
            "admin-view-public",
        )),
        translations: Some(translations::links(env, Entity::Page, page.id)),
        ..FormPage::new(
            format!("/admin/pages/{}", page.id),
            form.view(),
            i18n::t(locale, "admin-save"),
        )
    };
    let heading = i18n::t(locale, "admin-pages-edit");
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &heading, data)
}

pub async fn form(env: &Env, id: i64) -> Result<Response> {
    let page = store::page(&env.conn, id).await?.ok_or(Error::NotFound)?;
    let entry = Entry::new()
        .with("title", page.title.as_str())
        .with("body", page.body.as_str());
    render(env, &page, &entry, http::StatusCode::OK)
}

pub async fn save(env: &mut Env, id: i64) -> Result<Response> {
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &["title", "body"]);
    let title = e.check("title", |v| line(v, content::MAX_TITLE));
    let body = e.check("body", |v| content::text(v, MAX_BODY));
    let (Some(title), Some(body)) = (title, body) else {
        let page = store::page(&env.conn, id).await?.ok_or(Error::NotFound)?;
        return render(env, &page, &e, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    // Read, compare and write under the write lock: two people saving the
    // same page cannot both pass the check.
    let outcome = db::immediate(&env.conn, async |conn| {
        let page = store::page(conn, id).await?.ok_or(Error::NotFound)?;
        if form.stale(&version(&page)) {
            return Ok(Err(page));
        }
        store::save_page(conn, id, &title, &body, palabre_kit::now()).await?;
        record_in(conn, &env.ctx, "page-saved", &page.slug).await?;
        Ok(Ok(page))
    })
    .await?;
    match outcome {
        Ok(_) => Ok(saved(&format!("/admin/pages/{id}"))),
        Err(newer) => render(env, &newer, &e, http::StatusCode::CONFLICT),
    }
}
