//! `/admin/moderation`: the queue of reported contributions (moderators and
//! administrators). Each is shown with its place, its author and the
//! reports' reasons; a moderator hides it (its author is told why), restores
//! it, or dismisses the reports — one at a time or several at once.

use crate::handlers::{link, saved_notice};
use crate::views;
use palabre_domain::account::FieldError;
use palabre_domain::content;
use palabre_kit::activity::{self, Activity};
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, db, i18n, respond};

use crate::Env;
use crate::handlers::record_in;
use crate::store::{self, Decision};

/// Shown at once; the oldest reports first.
const QUEUE_SIZE: i64 = 100;

pub async fn queue(env: &Env) -> Result<Response> {
    render(env, None, http::StatusCode::OK).await
}

async fn render(env: &Env, problem: Option<String>, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let items = store::moderation_queue(&env.conn, QUEUE_SIZE)
        .await?
        .into_iter()
        .map(|r| views::Held {
            id: r.id,
            author_href: format!("/people/{}", r.author_id),
            date: i18n::long_date(locale, r.created_at),
            date_iso: i18n::iso_day(r.created_at),
            hidden: r.hidden,
            place: views::Place {
                kind: i18n::t(locale, &format!("moderation-kind-{}", r.place.0)),
                href: r.place.1,
                title: r.place_title,
            },
            reports: i18n::t_args(
                locale,
                "moderation-reports",
                &[("count", &r.reasons.len().to_string())],
            ),
            reasons: r.reasons,
            body: r.body,
            author: r.author,
        })
        .collect();
    let done = env
        .ctx
        .query("done")
        .and_then(|n| n.parse::<i64>().ok())
        .map(|n| {
            // What was done, said as such ("1 contribution masquée…").
            let key = match env.ctx.query("decision") {
                Some(d @ ("hidden" | "restored" | "dismissed")) if n > 0 => {
                    format!("moderation-done-{d}")
                }
                _ => "moderation-done".to_string(),
            };
            i18n::t_args(locale, &key, &[("count", &n.to_string())])
        });
    let data = views::Moderation {
        items,
        threshold: i18n::t_args(
            locale,
            "moderation-threshold",
            &[("count", &env.site.report_threshold.to_string())],
        ),
        done,
        problem,
        settings: (env.ctx.visitor.role == palabre_domain::Role::Admin)
            .then(|| "/admin/moderation/settings".to_string()),
    };
    let title = i18n::t(locale, "moderation-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "moderation", &title, data)
}

/// `POST /admin/moderation`: `act` is `<decision>-<id>` for one comment, or
/// `bulk` for the ticked ones (`ids`) with `bulk_decision`; `reason` goes to
/// the authors of hidden comments.
pub async fn decide(env: &mut Env) -> Result<Response> {
    let moderator = env.ctx.require_signed_in()?;
    let form = env.submission().await?;
    // One item's decision takes its own reason (`reason-<id>`), the
    // selection's the shared one.
    let mut reason_field = "reason".to_string();
    let (decision, ids): (Decision, Vec<i64>) = match form.get("act") {
        "bulk" => {
            let decision = Decision::parse(form.get("bulk_decision"))
                .ok_or(Error::BadRequest("bulk_decision"))?;
            let ids = form
                .all("ids")
                .iter()
                .map(|raw| raw.parse::<i64>().map_err(|_| Error::BadRequest("ids")))
                .collect::<Result<Vec<_>>>()?;
            (decision, ids)
        }
        one => {
            let (decision, id) = one.split_once('-').ok_or(Error::BadRequest("act"))?;
            let decision = Decision::parse(decision).ok_or(Error::BadRequest("act"))?;
            let id = id.parse::<i64>().map_err(|_| Error::BadRequest("act"))?;
            if !form.get(&format!("reason-{id}")).trim().is_empty() {
                reason_field = format!("reason-{id}");
            }
            (decision, vec![id])
        }
    };
    if ids.is_empty() {
        let message = i18n::t(env.ctx.locale, "moderation-none-ticked");
        return render(env, Some(message), http::StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let reason = match content::text(form.get(&reason_field), content::MAX_REASON) {
        Ok(r) => r,
        Err(e) => {
            let message = i18n::t(env.ctx.locale, e.message_id());
            return render(env, Some(message), http::StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let locale = env.ctx.locale;
    let now = palabre_kit::now();
    let settled = db::immediate(&env.conn, async |conn| {
        let mut settled = Vec::new();
        for id in &ids {
            let Some((author, href)) = store::settle(conn, *id, decision, moderator, now).await?
            else {
                continue;
            };
            if decision == Decision::Hide {
                // The author hears of it, with the reason when one was given.
                let title = if reason.is_empty() {
                    i18n::t(locale, "moderation-hidden-no-reason")
                } else {
                    reason.clone()
                };
                let activity_id = activity::record(
                    conn,
                    &Activity {
                        actor_id: None,
                        kind: "comment-hidden",
                        process_id: None,
                        title: &title,
                        url: &href,
                        public: false,
                        followed: None,
                    },
                )
                .await?;
                activity::notify(conn, author, activity_id).await?;
            }
            let action = format!("moderation-{}", decision.as_str());
            record_in(conn, &env.ctx, &action, &format!("comment:{id}")).await?;
            settled.push(*id);
        }
        Ok::<_, Error>(settled)
    })
    .await?;
    let said = if settled.is_empty() {
        String::new()
    } else {
        format!("&decision={}", decision.as_str())
    };
    Ok(respond::redirect(&format!(
        "/admin/moderation?done={}{said}",
        settled.len()
    )))
}

/// `/admin/moderation/settings` (administrators): how many open reports hide
/// a comment, and the words that hold a new comment for review.
pub async fn settings(env: &Env) -> Result<Response> {
    let words = env.site.held_words.join("\n");
    let entry = Entry::new()
        .with("threshold", env.site.report_threshold.to_string())
        .with("keywords", words);
    render_settings(env, &entry, http::StatusCode::OK)
}

/// The version of the moderation settings a form is opened on.
fn settings_version(site: &palabre_kit::Site) -> String {
    palabre_kit::forms::version(&[
        &site.report_threshold.to_string(),
        &site.held_words.join("\n"),
    ])
}

fn render_settings(env: &Env, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::of(locale, entry)
        .versioned(Some(settings_version(&env.site)), status)
        .input("threshold", "number", "moderation-field-threshold", "off")
        .hint("moderation-field-threshold-hint")
        .textarea("keywords", "moderation-field-keywords")
        .optional()
        .hint("moderation-field-keywords-hint");
    let data = FormPage {
        back: Some(link(env, "/admin/moderation", "moderation-title")),
        saved: saved_notice(env),
        ..FormPage::new(
            "/admin/moderation/settings",
            form.view(),
            i18n::t(locale, "admin-save"),
        )
    };
    let title = i18n::t(locale, "moderation-settings-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn save_settings(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &["threshold", "keywords"]);
    let n = e.check("threshold", |v| {
        content::whole_number(v, content::REPORT_THRESHOLDS)
    });
    let cleaned = e.check("keywords", |v| {
        let cleaned = palabre_kit::site::held_words(v).join("\n");
        match cleaned.chars().count() > content::MAX_HELD_WORDS {
            true => Err(FieldError::TooLong),
            false => Ok(cleaned),
        }
    });
    let (Some(n), Some(cleaned)) = (n, cleaned) else {
        return render_settings(env, &e, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    // Both settings in one transaction, compared with the version the form
    // was opened on under the write lock.
    let written = db::immediate(&env.conn, async |conn| {
        if form.stale(&settings_version(&palabre_kit::Site::load(conn).await?)) {
            return Ok(false);
        }
        palabre_kit::Site::set(conn, "moderation.report_threshold", &n.to_string()).await?;
        palabre_kit::Site::set(conn, "moderation.keywords", &cleaned).await?;
        record_in(conn, &env.ctx, "moderation-settings", "site").await?;
        Ok::<bool, palabre_kit::Error>(true)
    })
    .await?;
    if !written {
        return render_settings(env, &e, http::StatusCode::CONFLICT);
    }
    Ok(respond::redirect("/admin/moderation/settings?saved=1"))
}
