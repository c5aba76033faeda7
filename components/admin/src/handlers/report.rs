//! A process's report (bilan): the figures are computed on the public page;
//! here staff write the commune's commentary and commitments beside them, and
//! publish. Publishing tells the process's followers.

use palabre_domain::account::FieldError;
use palabre_domain::content;
use palabre_kit::db;
use palabre_kit::forms::{self, Entry, FormView};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, i18n};

use crate::Env;
use crate::handlers::{announce, link, record_in, saved, saved_notice, status_options};
use crate::store::{self, Report};

const FIELDS: [&str; 3] = ["commentary", "commitments", "status"];

fn version(r: Option<&Report>) -> String {
    match r {
        Some(r) => forms::version(&[
            &r.commentary,
            &r.commitments,
            if r.published { "published" } else { "draft" },
        ]),
        None => forms::version(&[]),
    }
}

async fn render(
    env: &Env,
    process: &store::Process,
    entry: &Entry,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let stored = store::report(&env.conn, process.id).await?;
    let form = FormView::of(locale, entry)
        .versioned(Some(version(stored.as_ref())), status)
        .textarea("commitments", "report-field-commitments")
        .optional()
        .hint("report-field-commitments-hint")
        .textarea("commentary", "report-field-commentary")
        .optional()
        .hint("report-field-commentary-hint")
        .select("status", "admin-field-status", status_options(env))
        .hint("report-field-status-hint");
    let title = i18n::t_args(locale, "report-title", &[("process", &process.title)]);
    let data = FormPage {
        intro: Some(i18n::t(locale, "report-admin-intro")),
        saved: saved_notice(env),
        back: Some(link(
            env,
            &format!("/admin/processes/{}", process.id),
            "admin-processes-edit",
        )),
        preview: Some(link(
            env,
            &format!("/processes/{}/bilan", process.slug),
            "report-view",
        )),
        ..FormPage::new(
            format!("/admin/processes/{}/report", process.id),
            form.view(),
            i18n::t(locale, "admin-save"),
        )
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

async fn process(env: &Env, id: i64) -> Result<store::Process> {
    store::process(&env.conn, id).await?.ok_or(Error::NotFound)
}

pub async fn form(env: &Env, id: i64) -> Result<Response> {
    let process = process(env, id).await?;
    let stored = store::report(&env.conn, id).await?;
    let entry = match &stored {
        Some(r) => Entry::new()
            .with("commentary", r.commentary.as_str())
            .with("commitments", r.commitments.as_str())
            .with("status", if r.published { "published" } else { "draft" }),
        None => Entry::new().with("status", "draft"),
    };
    render(env, &process, &entry, http::StatusCode::OK).await
}

pub async fn save(env: &mut Env, id: i64) -> Result<Response> {
    let process = process(env, id).await?;
    let user_id = env.ctx.require_signed_in()?;
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &FIELDS);
    // As long as a process's description.
    let commentary = e.check("commentary", |v| content::text(v, content::MAX_DESCRIPTION));
    let commitments = e.check("commitments", |v| {
        content::text(v, content::MAX_DESCRIPTION)
    });
    let published = e.check("status", content::published);
    if published == Some(true) && !process.published {
        e.refuse("status", FieldError::ProcessDraft);
    }
    let (Some(commentary), Some(commitments), Some(published), true) =
        (commentary, commitments, published, e.is_valid())
    else {
        return render(env, &process, &e, http::StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let report = Report {
        commentary,
        commitments,
        published,
    };
    // Compared and written under the write lock: two people saving the same
    // report cannot erase each other's change.
    let now = palabre_kit::now();
    let outcome = db::immediate(&env.conn, async |conn| {
        let stored = store::report(conn, id).await?;
        if form.stale(&version(stored.as_ref())) {
            return Ok(None);
        }
        store::save_report(conn, id, &report, user_id, now).await?;
        let was_published = stored.is_some_and(|r| r.published);
        record_in(conn, &env.ctx, "report-saved", &process.slug).await?;
        if published && !was_published {
            let url = format!("/processes/{}/bilan", process.slug);
            announce(conn, "report-published", Some(id), &process.title, &url).await?;
        }
        Ok::<_, Error>(Some(()))
    })
    .await?;
    let Some(()) = outcome else {
        return render(env, &process, &e, http::StatusCode::CONFLICT).await;
    };
    Ok(saved(&format!("/admin/processes/{id}/report")))
}
