//! News, written by staff: list, new, edit, publish, with an optional image.

use palabre_kit::db;
use palabre_kit::forms::{self, Entry, FormView};
use palabre_kit::participation::process_choices;
use palabre_kit::translations::Entity;
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, i18n, images};

use crate::Env;
use crate::handlers::article;
use crate::handlers::{
    announce, link, list_page, record_in, saved, saved_notice, status_label, translations,
};
use crate::store::{self, NewsInput, Table};

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

/// The version of a news item an edit form is opened on.
fn version(n: &store::News) -> String {
    let image = n.image_id.map(|i| i.to_string()).unwrap_or_default();
    let published = if n.published { "published" } else { "draft" };
    let process = n.process_id.map(|p| p.to_string()).unwrap_or_default();
    forms::version(&[
        &n.title, &n.slug, &n.summary, &n.body, published, &image, &process,
    ])
}

/// The form (`status` 409: the item changed since the form was opened).
async fn render(
    env: &Env,
    id: Option<i64>,
    entry: &Entry,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let stored = match id {
        Some(id) => store::news(&env.conn, id).await?,
        None => None,
    };
    let image = images::shown(&env.conn, stored.as_ref().and_then(|n| n.image_id)).await?;
    let mut processes = vec![(String::new(), i18n::t(locale, "admin-news-no-process"))];
    processes.extend(
        process_choices(&env.conn)
            .await?
            .into_iter()
            .map(|(id, title)| (id.to_string(), title)),
    );
    let form = article::head_fields(FormView::of(locale, entry))
        .select("process", "admin-field-news-process", processes)
        .optional()
        .hint("admin-field-news-process-hint")
        .versioned(stored.as_ref().map(version), status);
    let form = article::tail_fields(env, form, image.as_ref());
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
    let slug = entry.get("slug");
    let preview = (id.is_some() && entry.get("status") == "published" && !slug.is_empty())
        .then(|| link(env, &format!("/news/{slug}"), "admin-view-public"));
    let data = FormPage {
        saved: saved_notice(env),
        back: Some(link(env, "/admin/news", "admin-news-title")),
        preview,
        image: image.map(Into::into),
        translations: id.map(|id| translations::links(env, Entity::News, id)),
        ..FormPage::new(action, form.view(), i18n::t(locale, "admin-save"))
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn form(env: &Env, id: Option<i64>) -> Result<Response> {
    let entry = match id {
        Some(id) => {
            let n = store::news(&env.conn, id).await?.ok_or(Error::NotFound)?;
            let image = images::shown(&env.conn, n.image_id).await?;
            article::stored(
                (&n.title, &n.slug, &n.summary, &n.body),
                n.published,
                image.as_ref(),
            )
            .with(
                "process",
                n.process_id.map(|p| p.to_string()).unwrap_or_default(),
            )
        }
        None => article::blank(),
    };
    render(env, id, &entry, http::StatusCode::OK).await
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
    let mut entry = Entry::read(&form, &article::FIELDS);
    entry.set("process", form.get("process"));
    let processes = process_choices(&env.conn).await?;
    let process_id = entry.choice("process", &processes);
    let checked = article::check(env, &form, &mut entry, (Table::News, id), current).await?;
    let (Some(article), Some(process_id)) = (checked.filter(|_| entry.is_valid()), process_id)
    else {
        return render(env, id, &entry, http::StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    // Compared and written under the write lock: two people saving the same
    // item cannot both pass the check.
    let written = db::immediate(&env.conn, async |conn| {
        if let Some(id) = id {
            let stored = store::news(conn, id).await?.ok_or(Error::NotFound)?;
            if form.stale(&version(&stored)) {
                return Ok(None);
            }
        }
        let input = NewsInput {
            image_id: article.image.apply(conn, env.ctx.visitor.user_id).await?,
            slug: article.slug,
            title: article.title,
            summary: article.summary,
            body: article.body,
            published: article.published,
            process_id,
        };
        let saved_id = store::save_news(conn, id, &input, palabre_kit::now()).await?;
        record_in(conn, &env.ctx, "news-saved", &input.slug).await?;
        if input.published && !was_published {
            let url = format!("/news/{}", input.slug);
            announce(conn, "news-published", input.process_id, &input.title, &url).await?;
        }
        Ok(Some((saved_id, input)))
    })
    .await?;
    let Some((saved_id, _)) = written else {
        return render(env, id, &entry, http::StatusCode::CONFLICT).await;
    };
    Ok(saved(&format!("/admin/news/{saved_id}")))
}
