//! A process's report (bilan): the figures are computed on the public page;
//! here staff write the commune's commentary and commitments beside them, and
//! publish. Publishing tells the process's followers.

use palabre_domain::account::FieldError;
use palabre_domain::content;
use palabre_kit::db;
use palabre_kit::forms::{self, FormView};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, i18n};

use crate::Env;
use crate::handlers::{announce, link, record_in, saved, saved_notice, status_options};
use crate::store::{self, Report};

/// Longest commentary or list of commitments, in characters (as the schema).
const MAX_TEXT: usize = 20_000;

#[derive(Default)]
struct Errors {
    commentary: Option<FieldError>,
    commitments: Option<FieldError>,
    status: Option<FieldError>,
}

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
    values: (&str, &str, &str),
    errors: &Errors,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let stored = store::report(&env.conn, process.id).await?;
    let form = FormView::new(locale)
        .versioned(Some(version(stored.as_ref())), status)
        .textarea(
            "commitments",
            "report-field-commitments",
            values.1,
            errors.commitments,
        )
        .optional()
        .hint("report-field-commitments-hint")
        .textarea(
            "commentary",
            "report-field-commentary",
            values.0,
            errors.commentary,
        )
        .optional()
        .hint("report-field-commentary-hint")
        .select(
            "status",
            "admin-field-status",
            status_options(env),
            values.2,
            errors.status,
        )
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
    let (commentary, commitments, status) = match &stored {
        Some(r) => (
            r.commentary.as_str(),
            r.commitments.as_str(),
            if r.published { "published" } else { "draft" },
        ),
        None => ("", "", "draft"),
    };
    render(
        env,
        &process,
        (commentary, commitments, status),
        &Errors::default(),
        http::StatusCode::OK,
    )
    .await
}

pub async fn save(env: &mut Env, id: i64) -> Result<Response> {
    let process = process(env, id).await?;
    let user_id = env.ctx.require_signed_in()?;
    let form = env.submission().await?;
    let mut errors = Errors::default();
    let commentary = content::text(form.get("commentary"), MAX_TEXT)
        .map_err(|e| errors.commentary = Some(e))
        .ok();
    let commitments = content::text(form.get("commitments"), MAX_TEXT)
        .map_err(|e| errors.commitments = Some(e))
        .ok();
    let published = match form.get("status") {
        "published" => Some(true),
        "draft" => Some(false),
        _ => {
            errors.status = Some(FieldError::InvalidChoice);
            None
        }
    };
    if published == Some(true) && !process.published {
        errors.status = Some(FieldError::ProcessDraft);
    }
    let values = (
        form.get("commentary").to_string(),
        form.get("commitments").to_string(),
        form.get("status").to_string(),
    );
    let shown = (values.0.as_str(), values.1.as_str(), values.2.as_str());
    let (Some(commentary), Some(commitments), Some(published), None) =
        (commentary, commitments, published, errors.status)
    else {
        return render(
            env,
            &process,
            shown,
            &errors,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
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
        return render(
            env,
            &process,
            shown,
            &Errors::default(),
            http::StatusCode::CONFLICT,
        )
        .await;
    };
    Ok(saved(&format!("/admin/processes/{id}/report")))
}
